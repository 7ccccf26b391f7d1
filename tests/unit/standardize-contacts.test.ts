import {
  checkPostcode,
  countryCode,
  isMasked,
  normalizePhone,
  regionOf,
} from '../../src-main/modules/standardize';
import {
  canonicalSpec,
  sourceKey,
  specTokens,
  synonymMap,
} from '../../src-main/modules/standardize/spec-synonyms';
import {
  matchSku,
  standardizeOrder,
  type Standardizer,
} from '../../src-main/modules/standardize/order-standardize';
import { anOrder } from '../fixtures/orders';

describe('phones', () => {
  test.each([
    ['+86 138-1234-5678', 'CN', '13812345678', true],
    ['8613812345678', 'CN', '13812345678', true],
    ['0755 86001234', 'CN', '0755-86001234', true],
    ['010-12345678', 'CN', '010-12345678', true],
    ['+1 212-736-3100', 'US', '+12127363100', true],
    ['020 7925 0918', 'GB', '+442079250918', true],
    ['12345', 'CN', '12345', false],
  ])('%s (%s) → %s', (text, country, phone, valid) => {
    expect(normalizePhone(text, country)).toMatchObject({ phone, valid });
  });
  test.each([
    ['+1 206-555-0100 ext. 1234', 'US', '+12065550100 ext. 1234', '+12065550100', '1234'],
    ['(206) 555-0100 x1234', 'US', '+12065550100 ext. 1234', '+12065550100', '1234'],
    ['010-12345678-801', 'CN', '010-12345678转801', '010-12345678', '801'],
    ['010-12345678转801', 'CN', '010-12345678转801', '010-12345678', '801'],
    ['0755 86001234 分机 12', 'CN', '0755-86001234转12', '0755-86001234', '12'],
  ])(
    '%s (%s): the extension is kept and the number before it validated',
    (text, country, phone, main, extension) => {
      expect(normalizePhone(text, country)).toEqual({
        phone,
        valid: true,
        masked: false,
        note: null,
        main,
        extension,
      });
    },
  );
  test('a dash inside a valid number is no extension; a bad number with an extension is still invalid', () => {
    expect(normalizePhone('0755-8600-1234', 'CN')).toEqual({
      phone: '0755-86001234',
      valid: true,
      masked: false,
      note: null,
    });
    expect(normalizePhone('12345 ext. 12', 'US')).toMatchObject({ phone: '12345 ext. 12', valid: false });
  });
  test('an order whose phone has an extension is not flagged, and its customer key is the number without it', () => {
    const s: Standardizer = { synonyms: new Map(), known: new Set(), mappings: new Map(), catalogue: [] };
    const r = standardizeOrder(
      s,
      anOrder({ phone: '+1 206-555-0100 ext. 1234', country: 'US', postcode: '98109' }),
    );
    expect(r.order.phone).toBe('+12065550100 ext. 1234');
    expect(r.order.reasons.join()).not.toMatch(/phone/);
    expect(r.phoneKey).toBe('+12065550100');
  });
  test('a number typed in full-width digits (１３８…) is read', () => {
    expect(normalizePhone('１３８００１３８０００', 'CN')).toMatchObject({
      phone: '13800138000',
      valid: true,
    });
    expect(normalizePhone('０７５５－８６００１２３４', 'CN')).toMatchObject({
      phone: '0755-86001234',
      valid: true,
    });
  });
  test('masked numbers are kept exactly and flagged, never "fixed"', () => {
    for (const m of ['138****5678', '##密文', '$$密文'])
      expect(normalizePhone(m, 'CN')).toEqual({
        phone: m,
        valid: false,
        masked: true,
        note: 'phone is masked by the platform',
      });
    expect(isMasked('张**')).toBe(true);
    expect(isMasked('张伟')).toBe(false);
  });
  test("Pinduoduo's ciphertext (~AgAAAA…~0~~) is masked: kept as sent, flagged, and no customer key", () => {
    const name = '~AgAAAAFqz1kBAAAAAAAAAAAA~0~~';
    const phone = '~AgAAAAFqz1kCAAAAAAAAAAAA~0~~';
    const street = '~AgAAAAFqz1kDAAAAAAAAAAAA~0~~';
    expect(isMasked('~AgAAAAJ4bmRkbGFzZGtmYWxzZGY=~8~2~')).toBe(true);
    expect(isMasked('~家~')).toBe(false);
    expect(normalizePhone(phone, 'CN')).toMatchObject({ phone, masked: true });
    const s: Standardizer = { synonyms: new Map(), known: new Set(), mappings: new Map(), catalogue: [] };
    const r = standardizeOrder(
      s,
      anOrder({
        recipientName: name,
        phone,
        street: '',
        detail: street,
        addressRaw: `广东省 深圳市 南山区 ${street}`,
      }),
    );
    expect(r.order).toMatchObject({ recipientName: name, phone, detail: street, addressMasked: true });
    expect(r.order.district).toBe('南山区');
    expect(r.order.reasons.join()).toMatch(/masked by the platform/);
    expect(r.order.reasons.join()).not.toMatch(/not a valid/);
    expect(r.phoneKey).toBe('');
  });
});

describe('postcodes, countries and regions', () => {
  test.each([
    ['sw1a2aa', 'GB', 'SW1A 2AA', true],
    ['1000005', 'JP', '100-0005', true],
    ['m5h2n2', 'CA', 'M5H 2N2', true],
    ['94105-1420', 'US', '94105-1420', true],
    ['9410', 'US', '9410', false],
    ['51805', 'CN', '51805', false],
    ['ABC', 'ZZ', 'ABC', null],
  ])('%s in %s → %s (%s)', (code, country, postcode, valid) =>
    expect(checkPostcode(code, country)).toEqual({ postcode, valid }),
  );
  test('country names and regions', () => {
    expect(countryCode('China')).toBe('CN');
    expect(countryCode('中国')).toBe('CN');
    expect(countryCode('us')).toBe('US');
    expect(regionOf('CN', '广东省')).toBe('cn_south');
    expect(regionOf('CN', '内蒙古自治区')).toBe('cn_north');
    expect(regionOf('US', 'CA')).toBe('US');
  });
});

describe('spec synonyms and SKU matching', () => {
  const syn = synonymMap([{ term: '酒红', canonical: '红/Red' }]);
  test('channel spec text reduces to one canonical form', () => {
    expect(specTokens('颜色分类:大红;尺码:XL码')).toEqual(['大红', 'XL码']);
    expect(canonicalSpec('颜色分类:大红;尺码:XL码', syn)).toBe(canonicalSpec('红色 / 加大码', syn));
    expect(canonicalSpec('加大', syn)).toBe('XL');
    expect(canonicalSpec('酒红 L码', syn)).toBe('L 红/Red');
    expect(sourceKey('纯棉 T恤', 'Red / XL', syn)).toBe(sourceKey('纯棉T恤', '大红 XL码', syn));
  });
  const s: Standardizer = {
    synonyms: syn,
    known: new Set(['TS-RED-XL', 'TS-RED-L']),
    mappings: new Map([[sourceKey('夏季T恤', '红 M码', syn), 'TS-RED-M']]),
    catalogue: [
      { sku: 'TS-RED-XL', title: 'T恤', spec: canonicalSpec('红色 XL', syn) },
      { sku: 'TS-RED-L', title: 'T恤', spec: canonicalSpec('红色 L', syn) },
    ].map((c) => ({ ...c, title: c.title.toUpperCase() })),
  };
  test('known SKUs stay, remembered mappings apply, one catalogue fit maps, none is listed', () => {
    expect(matchSku(s, 'T恤', '红色 XL', 'TS-RED-XL')).toBeNull();
    expect(matchSku(s, '夏季T恤', '大红 M', '')).toEqual({
      sku: 'TS-RED-M',
      reason: 'remembered SKU mapping',
    });
    expect(matchSku(s, '纯棉T恤 男女同款', '颜色分类:大红;尺码:XL码', '')).toMatchObject({
      sku: 'TS-RED-XL',
    });
    expect(matchSku(s, '保温杯', '500ml', 'X1')).toEqual({ sku: '', reason: 'no catalogue SKU fits' });
  });
});

describe('masked addresses', () => {
  const s: Standardizer = { synonyms: new Map(), known: new Set(), mappings: new Map(), catalogue: [] };
  test.each([
    ['北京 北京市 朝阳区 ****', ['北京市', '北京市', '朝阳区', '', '****']],
    ['广东省深圳市南山区****', ['广东省', '深圳市', '南山区', '', '****']],
    ['北京 北京市 朝阳区 建国路**号', ['北京市', '北京市', '朝阳区', '', '建国路**号']],
    ['##密文', ['', '', '', '', '##密文']],
  ])(
    '%s: the unmasked part is split, the masked rest kept verbatim',
    (raw, [province, city, district, street, detail]) => {
      const o = standardizeOrder(
        s,
        anOrder({
          addressRaw: raw,
          province: '',
          city: '',
          district: '',
          street: '',
          detail: '',
          country: 'CN',
        }),
      ).order;
      expect([o.province, o.city, o.district, o.street, o.detail]).toEqual([
        province,
        city,
        district,
        street,
        detail,
      ]);
      expect(o.addressMasked).toBe(true);
      expect(o.addressRaw).toBe(raw);
    },
  );
});
