import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAddresses, benchImport } from '../../src-main/modules/intake/intake.bench';
import { labelledAddresses } from '../fixtures/address-sample';
import { shopifyExport } from '../fixtures/shopify-gen';

describe('intake benchmarks (small N; `packdesk bench` runs the full sizes)', () => {
  test('import figure compares with a raw insert measured in the same run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'packdesk-ibench-'));
    try {
      const f = await benchImport(dir, Buffer.from(shopifyExport(2000, { seed: 5 })), 2000);
      expect(f).toMatchObject({
        name: 'import.shopify_csv_orders_per_s',
        unit: 'orders/s',
        target: '≥ 0.5× raw insert',
      });
      expect(f.value).toBeGreaterThan(0);
      expect(f.baseline).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo(f.value / f.baseline, 2);
      expect(f.meets).toBe(f.ratio >= 0.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('address figures: time per 100,000 and district accuracy', () => {
    const [time, accuracy] = benchAddresses(labelledAddresses(3000, 11));
    expect(time).toMatchObject({ name: 'standardize.addresses_100k_s', unit: 's', meets: true });
    expect(accuracy).toMatchObject({ name: 'standardize.district_accuracy', unit: '%', meets: true });
  });
});
