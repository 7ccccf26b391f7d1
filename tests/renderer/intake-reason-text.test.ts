import { readFileSync } from 'node:fs';
import { FILLED_FROM_USUAL } from '../../src-main/modules/customers';
import { importFile } from '../../src-main/modules/intake';
import { KEPT_CORRECTION } from '../../src-main/modules/orders/hand-corrections';
import { loadStandardizer, NO_ADDRESS_REASON, standardizeOrder } from '../../src-main/modules/standardize';
import type { OrderDetail } from '../../src-shared/contract/orders.contract';
import { aCore, value } from '../fixtures/core';
import { csv, gbk, HEADERS, utf8 } from '../fixtures/order-files';
import { anOrder } from '../fixtures/orders';
import { SAMPLES } from '../fixtures/order-samples';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { changeReasonText, intakeReasonText } from '../../src-renderer/features/orders/intake-reason-text';
import { historyNoteText, orderReasonText } from '../../src-renderer/features/orders/order-note-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

type TestCore = ReturnType<typeof aCore>;

/** Every channel's sample export, as the import screen would take it. */
const FILES: [string, Buffer][] = [
  ['tb.csv', gbk(csv(HEADERS.taobao, SAMPLES.taobao!))],
  ['pdd.csv', gbk(csv(HEADERS.pdd, SAMPLES.pdd!))],
  ['dy.csv', utf8(csv(HEADERS.douyin, SAMPLES.douyin!))],
  ['a1688.csv', gbk(csv(HEADERS.alibaba1688, SAMPLES.alibaba1688!))],
  ['shopify.csv', utf8(csv(HEADERS.shopify, SAMPLES.shopify!))],
  ['woo.csv', utf8(csv(HEADERS.woocommerce, SAMPLES.woocommerce!))],
  ['amazon.txt', readFileSync('tests/fixtures/files/amazon-unshipped.txt')],
];

/** What the drawer shows of each imported order: reason lines, history notes, change reasons. */
async function notesOf(core: TestCore) {
  const { rows } = await value(core.call('orders.list', { limit: 500 }));
  const reasons: string[] = [];
  const history: OrderDetail['history'] = [];
  const changes: string[] = [];
  for (const r of rows as { id: number }[]) {
    const o: OrderDetail = await value(core.call('orders.get', { id: r.id }));
    reasons.push(...o.reasons);
    history.push(...o.history.filter((h) => h.reason));
    changes.push(
      ...(await value(core.call('standardize.changes', { orderId: r.id }))).rows.map(
        (c: { reason: string }) => c.reason,
      ),
    );
  }
  return { reasons: [...new Set(reasons)], history, changes: [...new Set(changes)] };
}

describe('what intake says about an order, in the UI language', () => {
  it('says a corrected SKU mapping on the order in both languages', () => {
    const reason = 'mapping corrected on the SKU mapping screen by anna';
    expect(changeReasonText(zh, reason)).toBe('anna 在 SKU 对应页面更正映射');
    expect(changeReasonText(en, reason)).toBe(reason);
  });

  it('says a link by a landline with the name (a shared switchboard) in both languages', () => {
    const reason = 'customer profile linked by landline 0755-86001234 + name, name + address';
    expect(orderReasonText(zh, reason)).toBe('按座机 0755-86001234 + 姓名、姓名 + 地址关联客户档案');
    expect(orderReasonText(en, reason)).toBe(
      'customer profile linked by landline 0755-86001234 + name, name + address',
    );
  });

  let core: TestCore;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());

  it('says every note an import of each channel’s export writes in Chinese; none left as written', async () => {
    for (const [fileName, bytes] of FILES)
      await importFile(core.ctx, { fileName, bytes, format: 'auto', actor: 'test' });
    const { reasons, history, changes } = await notesOf(core);
    expect(reasons.length).toBeGreaterThan(20);
    expect(history.length).toBeGreaterThan(2);
    expect(changes.length).toBeGreaterThan(2);
    expect(reasons.filter((r) => orderReasonText(zh, r) === r)).toEqual([]);
    expect(history.filter((h) => historyNoteText(zh, h) === h.reason).map((h) => h.reason)).toEqual([]);
    expect(changes.filter((c) => changeReasonText(zh, c) === c)).toEqual([]);

    const said = new Set(reasons.map((r) => orderReasonText(zh, r)));
    expect(said).toContain('订单类型 平台店铺：淘宝 / 天猫渠道（店铺 小鹿优选）');
    expect(said).toContain('订单类型 跨境：从 CN 发往 US');
    expect(said).toContain('订单类型 批发：1688 买家公司 义乌市小鹿贸易有限公司');
    expect(said).toContain('按渠道买家 ID tb_lili、手机 13912345678、姓名 + 地址关联客户档案');
    expect(said).toContain('未关联客户：收件人已加密且没有买家 ID');
    expect(said).toContain('收件人信息被平台加密：按原样保留，真实信息以平台电子面单为准');
    expect(said).toContain(
      '第 1 行“Canvas Tote Bag”（SKU“BAG-BEI”）不在商品资料中：商品资料中没有匹配的 SKU；请在 SKU 对应页面映射',
    );
    expect(history.map((h) => historyNoteText(zh, h))).toContain(
      '渠道显示已发货（卖家已发货，等待买家确认）：未在本系统打包；请取消，或审核通过后照常打包',
    );
    expect(history.map((h) => historyNoteText(zh, h))).toContain('渠道已取消（交易关闭）');
    expect(new Set(changes.map((c) => changeReasonText(zh, c)))).toEqual(
      // Shopify's #1002 names its province in pinyin ("Shanghai").
      new Set([
        '手机号规范化',
        '邮编格式',
        '从地址文本中拆分',
        '规范行政区划名称',
        '拼音省份“Shanghai”即上海市',
      ]),
    );
    // English reads as the core wrote it where the wording has no names to re-order.
    expect(orderReasonText(en, 'no customer link: recipient masked and no buyer id')).toBe(
      'no customer link: recipient masked and no buyer id',
    );
  });

  it('says the standardiser’s address, phone, postcode and SKU findings and the SKU mapping', async () => {
    await value(core.call('skus.save', { sku: 'MUG', title: '马克杯', weightGrams: 400 }));
    const s = loadStandardizer(core.ctx.sqlite);
    const odd = standardizeOrder(
      s,
      anOrder({
        country: '',
        province: '',
        city: '',
        district: '',
        street: '',
        detail: '',
        addressRaw: '北京路1号',
        phone: '12345',
        postcode: 'ABCDEF',
        lines: [{ sku: '', title: '马克杯', spec: '', quantity: 1, unitPriceMinor: 100 }],
      }),
    );
    const masked = standardizeOrder(s, anOrder({ recipientName: '张**', phone: '138****5678' }));
    // Address text only: completed, ambiguous, not recognised.
    const at = (addressRaw: string) =>
      standardizeOrder(
        s,
        anOrder({ province: '', city: '', district: '', street: '', detail: '', addressRaw }),
      );
    const addresses = ['深圳市粤海街道科技园', '南山区粤海街道科技园', '朝阳区建国路1号', '火星基地1号'].map(
      at,
    );
    const all = [odd, masked, ...addresses];
    const reasons = all.flatMap((x) => x.order.reasons);
    const changes = all.flatMap((x) => x.changes.map((c) => c.reason));
    expect(reasons.filter((r) => intakeReasonText(zh, r) === null)).toEqual([]);
    expect(changes.filter((c) => changeReasonText(zh, c) === c)).toEqual([]);
    expect(reasons.map((r) => intakeReasonText(zh, r))).toEqual(
      expect.arrayContaining([
        '地址有歧义，未作猜测：北京路 是以地名命名的道路：无法确定省份和城市',
        '邮编“ABCDEF”不像 CN 的邮编',
        '手机号“12345”不是有效的 CN 号码',
        '收件人信息被平台加密：按原样保留，真实信息以平台电子面单为准',
        '地址有歧义，未作猜测：可能是 北京市朝阳区、吉林省长春市朝阳区',
        '地址无法识别：未找到省、市或区县',
      ]),
    );
    expect(changes.map((c) => changeReasonText(zh, c))).toEqual(
      expect.arrayContaining([
        '未填写国家：默认为 CN',
        '按商品名称 + 规格匹配（无规格）',
        '根据街道 粤海街道 补全区县 南山区',
        '根据 南山区 推断城市 深圳市',
        '根据 深圳市 推断省份 广东省',
      ]),
    );
    expect(intakeReasonText(zh, NO_ADDRESS_REASON)).toBe('订单没有收货地址');
    expect(changeReasonText(zh, KEPT_CORRECTION)).toBe('保留人工修改；渠道发来的值不同');
    expect(changeReasonText(zh, FILLED_FROM_USUAL)).toBe('用客户的常用地址补全');

    // A title the catalogue does not know, mapped by hand: the order's change and the next import's.
    await importFile(core.ctx, { fileName: 'tb.csv', bytes: FILES[0]![1], format: 'auto', actor: 'test' });
    const unmatched = await value(core.call('standardize.unmatched', { limit: 10 }));
    const { title, spec } = unmatched.rows[0];
    await value(core.call('standardize.mapSku', { title, spec, sku: 'MUG' }, { actor: 'anna' }));
    const remembered = standardizeOrder(
      loadStandardizer(core.ctx.sqlite),
      anOrder({ lines: [{ sku: '', title, spec, quantity: 1, unitPriceMinor: 100 }] }),
    );
    const { changes: after } = await notesOf(core);
    expect(after.map((c) => changeReasonText(zh, c))).toContain('anna 在 SKU 对应页面映射');
    expect(remembered.changes.map((c) => changeReasonText(zh, c.reason))).toContain('已保存的 SKU 对应关系');
  });

  it('shows a wording it does not know as written', () => {
    expect(intakeReasonText(zh, 'bought on a full moon')).toBeNull();
    expect(orderReasonText(zh, 'bought on a full moon')).toBe('bought on a full moon');
    expect(changeReasonText(zh, 'bought on a full moon')).toBe('bought on a full moon');
  });
});
