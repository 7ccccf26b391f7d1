import { chargeableGrams, priceOf } from '../../src-main/modules/routing/routing-plan';
import { provinceShort, zoneOf } from '../../src-main/modules/routing/routing-regions';

const rate = {
  carrierId: 1,
  zone: 'national',
  maxWeightGrams: 30_000,
  firstWeightGrams: 1000,
  firstMinor: 1000,
  stepGrams: 1000,
  stepMinor: 400,
  surchargeMinor: 0,
  transitDays: 3,
  currency: 'CNY',
};

describe('routing arithmetic', () => {
  test('首重/续重: the first kg, then every started additional kg, plus the surcharge', () => {
    expect(priceOf(rate, 1)).toBe(1000);
    expect(priceOf(rate, 1000)).toBe(1000);
    expect(priceOf(rate, 1001)).toBe(1400);
    expect(priceOf(rate, 3500)).toBe(2200);
    expect(priceOf({ ...rate, surchargeMinor: 500 }, 500)).toBe(1500);
  });

  test('volumetric weight (L×W×H / divisor) counts when it beats the real weight', () => {
    const box = { weightGrams: 2000, volumeMm3: 400 * 300 * 200 };
    expect(chargeableGrams({ volumetricDivisor: 6000 }, box)).toBe(4000);
    expect(chargeableGrams({ volumetricDivisor: 8000 }, box)).toBe(3000);
    expect(chargeableGrams({ volumetricDivisor: 6000 }, { weightGrams: 5000, volumeMm3: 0 })).toBe(5000);
  });

  test('zones from warehouse province to destination', () => {
    expect(provinceShort('广东省')).toBe('广东');
    expect(provinceShort('Guangdong')).toBe('广东');
    expect(zoneOf('上海市', '上海')).toBe('province');
    expect(zoneOf('上海市', '浙江省')).toBe('region');
    expect(zoneOf('上海市', '广东省')).toBe('national');
    expect(zoneOf('广东省', '新疆维吾尔自治区')).toBe('remote');
    expect(zoneOf('上海市', '')).toBe('national');
  });
});
