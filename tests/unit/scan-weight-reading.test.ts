import { describe, expect, it } from 'vitest';
import { isWeightReading, readingGrams } from '../../src-renderer/ui/scan-detector';

describe('a scale reading typed like a scan', () => {
  it('is digits with an optional decimal part and unit, six digits at most', () => {
    for (const code of ['2300', '2.30', '2,305', '950g', '2.3kg', '2.30 KG', '123456'])
      expect(isWeightReading(code), code).toBe(true);
    // Product barcodes (EAN-8, EAN-13, UPC-A, letters) stay scans.
    for (const code of [
      '69012345',
      '6901234500011',
      '012345678905',
      'SF123',
      'BOX-S2',
      '1234567',
      '12.34567',
    ])
      expect(isWeightReading(code), code).toBe(false);
  });

  it('reads to whole grams; a decimal without a unit is kilograms', () => {
    expect(readingGrams('2300')).toBe(2300);
    expect(readingGrams('2.30')).toBe(2300);
    expect(readingGrams('2,305')).toBe(2305);
    expect(readingGrams('950g')).toBe(950);
    expect(readingGrams('950.4g')).toBe(950);
    expect(readingGrams('1.2kg')).toBe(1200);
    expect(readingGrams('6901234500011')).toBeNull();
    expect(readingGrams('')).toBeNull();
  });
});
