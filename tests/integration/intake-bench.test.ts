import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '../bench/harness';
import { benchAddresses, benchImport } from '../bench/intake.bench';

describe('intake benchmarks (small N; `packdesk bench` runs 100,000)', () => {
  test('import figure: the raw baseline inserts the very rows the import stored, measured in the same run', async () => {
    const scratch = scratchDir();
    try {
      const f = await benchImport({ dir: scratch.dir, orders: 2000, log: () => undefined });
      expect(f).toMatchObject({
        name: 'import.shopify_csv_orders_per_s',
        unit: 'orders/s',
        target: '≥ 0.5× raw insert',
      });
      expect(f.value).toBeGreaterThan(0);
      expect(f.baseline).toBeGreaterThan(0);
      expect(f.ratio).toBeCloseTo(f.value / f.baseline, 2);
      expect(f.meets).toBe(f.ratio >= 0.5);
      expect(f.note).toContain('2,000 orders, 4,000 lines');
      // Same rows, same columns: the baseline's database holds exactly what the import stored.
      expect(readdirSync(scratch.dir)).toEqual(expect.arrayContaining(['import.db', 'import-raw.db']));
      const dump = (file: string) => {
        const db = new Database(join(scratch.dir, file), { readonly: true });
        const rows = [
          db.prepare('select * from orders order by id').raw().all(),
          db.prepare('select * from order_lines order by id').raw().all(),
        ];
        db.close();
        return rows;
      };
      const [orders, lines] = dump('import.db');
      expect(orders).toHaveLength(2000);
      expect(lines).toHaveLength(4000);
      expect(dump('import-raw.db')).toEqual([orders, lines]);
      // The floor in the note stores every row the import stored, search rows included.
      const every = (file: string) => {
        const db = new Database(join(scratch.dir, file), { readonly: true });
        const rows = ['orders', 'order_lines', 'customers', 'customer_keys', 'standardization_changes'].map(
          (t) =>
            db
              .prepare(`select * from ${t} order by ${t === 'customer_keys' ? 'kind, key' : 'id'}`)
              .raw()
              .all(),
        );
        rows.push(
          db.prepare("select count(*) from orders_search where orders_search match 'buy'").raw().all(),
        );
        db.close();
        return rows;
      };
      const stored = every('import.db');
      expect(stored[2]!.length).toBeGreaterThan(0);
      expect(stored[5]).not.toEqual([[0]]);
      expect(every('import-raw-every.db')).toEqual(stored);
      expect(f.note).toMatch(/a raw insert of every row it stored, in its order: [\d.]+ s/);
    } finally {
      scratch.dispose();
    }
  }, 60_000);

  test('address figures: time against the 10 s per 100,000 budget, and district accuracy', () => {
    const [time, accuracy] = benchAddresses({ dir: '', orders: 3000, log: () => undefined });
    expect(time).toMatchObject({
      name: 'standardize.addresses_ms',
      unit: 'ms',
      target: '≤ 300 ms (10 s per 100,000)',
    });
    expect(time?.meets).toBe((time?.value as number) <= 300);
    expect(time?.baseline).toBeGreaterThan(0);
    expect(accuracy).toMatchObject({ name: 'standardize.district_accuracy', unit: '%', meets: true });
    expect(accuracy?.value).toBeGreaterThanOrEqual(95);
  });
});
