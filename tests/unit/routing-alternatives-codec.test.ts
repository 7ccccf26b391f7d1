import type { AllocationOption } from '../../src-shared/contract/routing.contract';
import { decodeAlternatives, encodeAlternatives } from '../../src-main/modules/routing/alternatives-codec';

const options: AllocationOption[] = [
  {
    warehouse: 'SH',
    rank: 0,
    inStock: true,
    short: [],
    carrier: 'ZTO',
    shippingMinor: 700,
    handlingMinor: 100,
    totalMinor: 800,
    transitDays: 2,
    note: null,
  },
  {
    warehouse: 'GZ',
    rank: null,
    inStock: false,
    short: [{ sku: 'TEE-蓝-L', need: 3, available: 1 }],
    carrier: null,
    shippingMinor: null,
    handlingMinor: 80,
    totalMinor: null,
    transitDays: null,
    note: 'ZTO: no rate for 新疆 (remote) at 1200 g; SF: no cold chain for fresh goods',
  },
];

describe('stored allocation alternatives', () => {
  test('every field of every option survives the round trip, in order', () => {
    expect(decodeAlternatives(encodeAlternatives(options))).toEqual(options);
    expect(decodeAlternatives(encodeAlternatives([]))).toEqual([]);
  });

  test('rows stored before the compact format (named objects) read back unchanged', () => {
    expect(decodeAlternatives(JSON.stringify(options))).toEqual(options);
  });

  test('the stored text is well under half the size of the named objects', () => {
    expect(encodeAlternatives(options).length).toBeLessThan(JSON.stringify(options).length / 2);
  });
});
