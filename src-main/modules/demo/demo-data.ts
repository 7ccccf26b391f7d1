import { chance, pick, pickWeighted, weighted, type Rng } from './demo-random';

/** Surnames by rough frequency: 王/李/张 cover a fifth of China, so they must dominate the demo too. */
const SURNAMES = weighted<string>([
  ['王', 72], ['李', 70], ['张', 66], ['刘', 53], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 20], ['吴', 19], ['周', 19],
  ['徐', 15], ['孙', 14], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12], ['何', 11], ['高', 11], ['林', 11], ['罗', 10],
  ['郑', 10], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7], ['许', 7], ['韩', 7], ['冯', 7], ['邓', 7], ['曹', 6], ['彭', 6],
  ['曾', 6], ['肖', 6], ['田', 5], ['董', 5], ['袁', 5], ['潘', 5], ['于', 5], ['蒋', 5], ['蔡', 5], ['余', 5], ['杜', 5],
  ['叶', 5], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 4], ['任', 4], ['沈', 4], ['姚', 4], ['卢', 4], ['姜', 3],
  ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3], ['廖', 3], ['贾', 3], ['夏', 3],
  ['韦', 3], ['方', 3], ['白', 3], ['邹', 3], ['孟', 3], ['熊', 3], ['秦', 3], ['邱', 3], ['江', 3], ['尹', 2], ['薛', 2],
  ['欧阳', 0.6], ['上官', 0.2], ['司马', 0.2], ['诸葛', 0.1],
]);
const GIVEN_M = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '浩', '宇', '轩', '博', '晨', '俊',
  '志强', '建华', '国庆', '海涛', '子豪', '浩然', '宇航', '俊杰', '文博', '建国', '晓东', '一鸣', '思远', '天佑', '嘉豪', '志明'];
const GIVEN_F = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '婷', '雪', '琳', '倩', '颖', '洁', '燕', '梅', '莉', '欣', '悦', '彤',
  '秀英', '桂英', '丽华', '晓燕', '雨桐', '梓涵', '欣怡', '思琪', '诗涵', '佳怡', '可馨', '雅婷', '婉婷', '紫萱', '梦瑶', '一诺'];

export function chineseName(r: Rng): string {
  return pickWeighted(r, SURNAMES) + pick(r, chance(r, 0.5) ? GIVEN_F : GIVEN_M);
}

const FIRMS = ['优品', '恒达', '鑫源', '华联', '百汇', '万家', '聚丰', '盛世', '佳美', '汇通', '永辉', '新视界', '同创', '悦购'];
const TRADES = ['商贸有限公司', '贸易有限公司', '百货商行', '服饰店', '电子商务有限公司', '便利超市'];

/** Wholesale buyers are shops and trading companies, not people. */
export const companyName = (r: Rng, city: string): string => `${city.replace(/市$/, '')}${pick(r, FIRMS)}${pick(r, TRADES)}`;

export const BUYER_MESSAGES_CN = [
  '请尽快发货，谢谢！', '不要放快递柜，送货上门', '麻烦发顺丰，运费可以补', '生日礼物，请不要放价格单和发票', '颜色要黑色的，别发错了',
  '工作日白天不在家，放门卫室就行', '包装好一点，送人的', '需要开发票，抬头：上海星辰贸易有限公司', '尺码拿不准，偏大一码可以吗？',
  '周末再送，谢谢', '到了先打电话', '多送两个赠品呗～', '直播间说有小礼物，别忘了', '小区不让快递进，放东门驿站', '老顾客了，优惠点',
];
export const BUYER_MESSAGES_ABROAD = [
  'Please leave the parcel at the front door.', "It's a gift — please don't include the receipt.", 'Can you ship it before Friday?',
  'Bitte beim Nachbarn abgeben, falls niemand da ist.', 'Merci de livrer en point relais si absent.', '置き配でお願いします。',
  'Please double-check the size, thanks!', 'Ring the bell twice, buzzer is broken.',
];

export const HELD_REASONS = [
  '买家留言需人工确认', '订单金额超过 ¥3,000，需人工审核', '同一买家 24 小时内多笔订单，待合并发货', '偏远地区，运费需确认', '疑似刷单：新账号大额订单',
];
export const EXCEPTION_BEFORE_SHIP = ['无可用仓库：所有仓库库存不足', '承运商不支持该地址（偏远地区）', '收件人电话无效，无法下单快递'];
export const EXCEPTION_AFTER_SHIP = ['快递显示异常：地址无法派送', '包裹超过 7 天无物流更新', '买家拒收，包裹退回中', '清关延误：需补充申报资料'];
export const TAGS = ['VIP', '加急', '赠品', '预售', '含发票', '老客户'];

export interface DemoWarehouse {
  code: string;
  name: string;
  province: string;
  city: string;
  district: string;
  address: string;
  contactName: string;
  phone: string;
}

/** Three regional warehouses plus a bonded cross-border one near the Shenzhen ports. */
export const DEMO_WAREHOUSES: readonly DemoWarehouse[] = [
  { code: 'SH', name: '上海仓', province: '上海市', city: '上海市', district: '青浦区', address: '华新镇华腾路1288号 3号库', contactName: '王建国', phone: '021-59781234' },
  { code: 'GZ', name: '广州仓', province: '广东省', city: '广州市', district: '白云区', address: '太和镇广州空港物流园 B2库', contactName: '陈志强', phone: '020-36681122' },
  { code: 'BJ', name: '北京仓', province: '北京市', city: '北京市', district: '大兴区', address: '魏善庄镇物流园区8号库', contactName: '李海涛', phone: '010-89201234' },
  { code: 'SZX', name: '深圳跨境仓', province: '广东省', city: '深圳市', district: '宝安区', address: '福永街道跨境电商产业园 C栋', contactName: '黄晓东', phone: '0755-27301234' },
];
