import { importFile } from '../../src-main/modules/intake';
import { changeReasonText, intakeReasonText } from '../../src-renderer/features/orders/intake-reason-text';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8, type Row } from '../fixtures/order-files';
import { SAMPLES } from '../fixtures/order-samples';

/** A Shopify CN order (the sample's #1002) shipped to the given pinyin address. */
const cn = (
  name: string,
  a: { province: string; code: string; city: string; address1: string; zip?: string },
) => ({
  ...SAMPLES.shopify![2]!,
  Name: name,
  'Shipping Name': 'Li Na',
  'Shipping Province Name': a.province,
  'Shipping Province': a.code,
  'Shipping City': a.city,
  'Shipping Address1': a.address1,
  'Shipping Zip': a.zip ?? '',
  'Shipping Country': 'CN',
});

const ROWS: Row[] = [
  cn('#3001', {
    province: 'Guangdong',
    code: 'GD',
    city: 'Shenzhen',
    address1: 'Nanshan District, Keji Road 1, Tower B 1203',
    zip: '518057',
  }),
  cn('#3002', { province: '', code: '', city: 'Taizhou', address1: 'No. 8 Shifu Avenue' }),
  cn('#3003', { province: 'Zhejiang', code: 'ZJ', city: 'Taizhou', address1: 'No. 8 Shifu Avenue' }),
  cn('#3004', { province: 'Shanxi', code: '', city: "Xi'an", address1: 'Yanta District, 1 Chang’an Road' }),
  cn('#3005', { province: '', code: 'BJ', city: 'Beijing', address1: 'Chaoyang District, Jianguo Road 88' }),
  cn('#3006', { province: 'Shanxi', code: '', city: '', address1: '1 Yingze Street' }),
  // A US order keeps its own fields: pinyin is only read for China.
  { ...SAMPLES.shopify![0]!, Name: '#3007' },
];

describe('Shopify orders to China written in pinyin', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());

  const order = async (externalId: string) => {
    const l = await value(core.call('orders.list', { filter: { search: externalId } }));
    const o = await value(core.call('orders.get', { id: l.rows[0]!.id }));
    const changes = await value(core.call('standardize.changes', { orderId: o.id }));
    const { region } = core.ctx.sqlite.prepare('select region from orders where id = ?').get(o.id) as {
      region: string;
    };
    return { ...o, changes: changes.rows, region };
  };

  test('get province, city, district and region from the division data, with the changes recorded', async () => {
    expect(
      await importFile(core.ctx, {
        fileName: 'orders_export.csv',
        bytes: utf8(csv(HEADERS.shopify, ROWS)),
        format: 'auto',
        actor: 'test',
      }),
    ).toMatchObject({ format: 'shopify', imported: 7, rejected: [] });

    const shenzhen = await order('#3001');
    expect(shenzhen.address).toMatchObject({
      country: 'CN',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      // The street line and the original stay as the buyer wrote them.
      detail: 'Nanshan District, Keji Road 1, Tower B 1203',
      raw: 'Nanshan District, Keji Road 1, Tower B 1203, Shenzhen, Guangdong, 518057, CN',
      ambiguous: false,
    });
    expect(shenzhen.region).toBe('cn_south');
    expect(shenzhen.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'province',
          before: 'Guangdong',
          after: '广东省',
          reason: 'pinyin province "Guangdong" → 广东省',
        },
        { field: 'city', before: 'Shenzhen', after: '深圳市', reason: 'pinyin city "Shenzhen" → 深圳市' },
        {
          field: 'district',
          before: '',
          after: '南山区',
          reason: 'pinyin district "Nanshan District" → 南山区',
        },
      ]),
    );
    expect(shenzhen.reasons.join()).not.toMatch(/address (ambiguous|not recognised)/);

    // Taizhou alone is 台州 (Zhejiang) or 泰州 (Jiangsu): flagged with both, nothing guessed.
    const taizhou = await order('#3002');
    expect(taizhou.address).toMatchObject({ province: '', city: 'Taizhou', ambiguous: true });
    expect(taizhou.region).toBe('');
    expect(taizhou.reasons).toContain(
      'address ambiguous, not guessed: pinyin city "Taizhou" fits 江苏省泰州市 / 浙江省台州市',
    );
    // With its province it is one city.
    expect((await order('#3003')).address).toMatchObject({
      province: '浙江省',
      city: '台州市',
      ambiguous: false,
    });

    // "Shanxi" is 山西 or (misspelt) 陕西; Xi'an says which.
    const xian = await order('#3004');
    expect(xian.address).toMatchObject({
      province: '陕西省',
      city: '西安市',
      district: '雁塔区',
      ambiguous: false,
    });
    expect(xian.region).toBe('cn_northwest');
    const shanxi = await order('#3006');
    expect(shanxi.address).toMatchObject({ province: 'Shanxi', ambiguous: true });
    expect(shanxi.reasons).toContain(
      'address ambiguous, not guessed: pinyin province "Shanxi" fits 山西省 / 陕西省',
    );

    // Only the ISO code for the province: Beijing's Chaoyang, not Changchun's or Chaoyang city.
    const beijing = await order('#3005');
    expect(beijing.address).toMatchObject({ province: '北京市', city: '北京市', district: '朝阳区' });
    expect(beijing.changes).toContainEqual({
      field: 'province',
      before: 'BJ',
      after: '北京市',
      reason: 'province code "BJ" → 北京市',
    });
    expect(beijing.region).toBe('cn_north');

    // The order drawer says these in Chinese.
    const zh = createI18n('zh-CN').t;
    expect(changeReasonText(zh, 'pinyin district "Nanshan District" → 南山区')).toBe(
      '拼音区县“Nanshan District”即南山区',
    );
    expect(changeReasonText(zh, 'province code "BJ" → 北京市')).toBe('省份代码“BJ”即北京市');
    expect(
      intakeReasonText(
        zh,
        taizhou.reasons.find((r: string) => r.includes('Taizhou'))!,
      ),
    ).toBe('地址有歧义，未作猜测：拼音城市“Taizhou”可能是 江苏省泰州市、浙江省台州市');
    for (const c of [...shenzhen.changes, ...beijing.changes, ...xian.changes])
      expect(changeReasonText(zh, c.reason)).not.toBe(c.reason);

    // WooCommerce names China's provinces by its own codes (CN20 is Guangdong).
    expect(
      await importFile(core.ctx, {
        fileName: 'woo.csv',
        bytes: utf8(
          csv(HEADERS.woocommerce, [
            {
              ...SAMPLES.woocommerce![0]!,
              order_id: '4600',
              order_number: '4600',
              shipping_address_1: 'Tianhe District, Tiyu West Road 191',
              shipping_city: 'Guangzhou',
              shipping_state: 'CN20',
              shipping_postcode: '510620',
              shipping_country: 'CN',
            },
          ]),
        ),
        format: 'auto',
        actor: 'test',
      }),
    ).toMatchObject({ format: 'woocommerce', imported: 1, rejected: [] });
    const woo = await order('4600');
    expect(woo.address).toMatchObject({
      province: '广东省',
      city: '广州市',
      district: '天河区',
      ambiguous: false,
    });
    expect(woo.changes).toContainEqual({
      field: 'province',
      before: 'CN20',
      after: '广东省',
      reason: 'province code "CN20" → 广东省',
    });
    expect(woo.region).toBe('cn_south');

    const us = await order('#3007');
    expect(us.address).toMatchObject({ country: 'US', province: 'New York', city: 'New York' });
    expect(us.region).toBe('US');
  });
});
