import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0023: routing's summary lines leave orders.reasons_json (the allocation rows hold them); every
// other reason stays, in its order, and orders without one are not touched.
describe('migration 0023: routing lines derived, not stored', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig23-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('drops stored routing lines and keeps the rest in order', () => {
    const db = databaseBefore(dir, '0023');
    db.prepare(
      `insert into channels (code, kind, name, currency, enabled, created_at, updated_at) values ('shop', 'shopify', 'Shop', 'CNY', 1, 1, 1)`,
    ).run();
    const order = db.prepare(
      `insert into orders (channel_id, external_id, placed_at, source_updated_at, currency, total_minor, reasons_json, created_at, updated_at)
       values (1, ?, 1, 1, 'CNY', 100, ?, 1, 7)`,
    );
    const reasons = {
      A: [
        'type online_shop: shopify channel',
        'review: Approve the rest: approve',
        'routing: SH: in stock, ¥7.00 via ZTO (2 d); chose SH via ZTO: cheapest in-stock option',
        'review: Ada: corrected phone',
        'routing: pre-sale (line 1 2026-12-01): the order waits until 2026-12-01',
      ],
      B: ['review: 跨境订单需买家身份证: document required'],
      C: [],
      D: ['Routing: said by a person, not routing'],
    };
    for (const [id, r] of Object.entries(reasons)) order.run(id, JSON.stringify(r));

    migrateRest(db);
    const after = db
      .prepare('select external_id as id, reasons_json as r, updated_at as u from orders order by id')
      .all() as { id: string; r: string; u: number }[];
    expect(after.map((o) => [o.id, JSON.parse(o.r)])).toEqual([
      [
        'A',
        [
          'type online_shop: shopify channel',
          'review: Approve the rest: approve',
          'review: Ada: corrected phone',
        ],
      ],
      ['B', ['review: 跨境订单需买家身份证: document required']],
      ['C', []],
      ['D', ['Routing: said by a person, not routing']],
    ]);
    expect(after.every((o) => o.u === 7)).toBe(true);
    db.close();
  });
});
