import { resolvePinyinAddress } from '../../src-main/modules/standardize/address-pinyin';

const names = (a: { province?: string; city?: string; district?: string; street?: string }) => {
  const r = resolvePinyinAddress({ province: '', city: '', district: '', street: '', ...a });
  return r && { p: r.province?.name, c: r.city?.name, d: r.district?.name, ambiguous: r.ambiguous };
};

describe('China divisions written in pinyin', () => {
  test('full and short names, level words, tone marks, apostrophes and the usual exonyms', () => {
    expect(names({ province: 'Guangdong Province', city: 'Shenzhen Shi' })).toMatchObject({
      p: '广东省',
      c: '深圳市',
    });
    expect(names({ province: 'Sìchuān', city: 'Chéngdū', district: 'Wuhou Qu' })).toMatchObject({
      p: '四川省',
      c: '成都市',
      d: '武侯区',
    });
    expect(names({ province: 'Inner Mongolia', city: 'Hohhot' })).toMatchObject({
      p: '内蒙古自治区',
      c: '呼和浩特市',
    });
    // 吕梁 is typed Lvliang or Luliang.
    for (const city of ['Lvliang', 'Luliang', 'Lüliang'])
      expect(names({ city })).toMatchObject({ c: '吕梁市' });
    // WooCommerce's state codes and names.
    expect(names({ province: 'CN21', city: 'Nanning' })).toMatchObject({ p: '广西壮族自治区', c: '南宁市' });
    expect(names({ province: 'Ningxia Hui', city: 'Yinchuan' })).toMatchObject({
      p: '宁夏回族自治区',
      c: '银川市',
    });
    // A county-level city in the City field gives its prefecture and province.
    expect(names({ city: 'Kunshan' })).toMatchObject({ p: '江苏省', c: '苏州市', d: '昆山市' });
  });

  test('the street line names the district only with a level word, and only within the city', () => {
    expect(
      names({ province: 'Shanghai', city: 'Shanghai', street: 'Pudong New District, Century Ave 100' }),
    ).toMatchObject({ c: '上海市', d: '浦东新区' });
    expect(names({ province: 'Guangdong', city: 'Guangzhou', street: 'Chaoyang District' })).toMatchObject({
      c: '广州市',
      d: undefined,
    });
    expect(names({ province: 'Guangdong', city: 'Shenzhen', street: 'Nanshan Road 1' })).toMatchObject({
      d: undefined,
    });
  });

  test('one spelling for several places: narrowed by the other levels, else left open with the candidates', () => {
    expect(names({ city: 'Suzhou' })).toEqual({
      p: undefined,
      c: undefined,
      d: undefined,
      ambiguous: 'pinyin city "Suzhou" fits 江苏省苏州市 / 安徽省宿州市',
    });
    expect(names({ province: 'Anhui', city: 'Suzhou' })).toMatchObject({ c: '宿州市', ambiguous: null });
    expect(names({ province: 'Shanxi', city: 'Taiyuan' })).toMatchObject({ p: '山西省', ambiguous: null });
    expect(names({ province: 'Shaanxi' })).toMatchObject({ p: '陕西省', ambiguous: null });
  });

  test('anything else is not China pinyin', () => {
    expect(names({ province: 'New York', city: 'Brooklyn' })).toBeNull();
    expect(names({ province: '广东省', city: '深圳市' })).toBeNull();
    expect(names({})).toBeNull();
  });
});
