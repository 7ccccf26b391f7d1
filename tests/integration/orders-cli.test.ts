import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/compose';
import { value } from '../fixtures/core';
import { packdesk } from '../fixtures/cli';

describe('packdesk orders show (text)', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-orders-cli-'));
    db = join(dir, 'p.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('prints why the order stands where it is and its history, not only lines and address', async () => {
    const file = join(dir, 'sheet.csv');
    writeFileSync(
      file,
      'order_id,placed_at,buyer_name,phone,address,sku,title,quantity,unit_price\r\n' +
        'S1,2026-11-22 09:00,王五,13800138000,广东省深圳市南山区粤海街道科技园路1号,CUP-1,保温杯,2,9.50\r\n' +
        'S1,,,,,,无编码赠品,1,0\r\n',
    );
    expect((await packdesk(['--db', db, 'import', file, '--json'])).code).toBe(0);
    const core = createCore({ dbPath: db });
    try {
      await value(core.call('orders.transition', { ids: [1], to: 'held', reason: '等买家确认颜色' }));
    } finally {
      core.close();
    }

    const shown = await packdesk(['--db', db, 'orders', 'show', '1']);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toBe('');
    const text = shown.stdout;
    expect(text).toMatch(/^Order 1 {2}manual S1 {2}\[held\]/);
    expect(text).toContain('  2 × CUP-1  保温杯');
    expect(text).toContain('  1 × (no SKU)  无编码赠品');
    expect(text).toMatch(/Reasons:\n( {2}.*\n)* {2}line 1 "保温杯" \(SKU "CUP-1"\) is not in the catalogue/);
    expect(text).toMatch(
      /History:\n {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}\S+ {2}status pending_review → held {2}\(等买家确认颜色\)/,
    );
  });

  test("times read in this machine's local time, as the queue shows them, not a cut-short UTC", async () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const file = join(dir, 'sheet.csv');
      writeFileSync(
        file,
        'order_id,placed_at,title,quantity,unit_price\r\nT1,2026-11-22 09:00,杯子,1,10\r\n',
      );
      expect((await packdesk(['--db', db, 'import', file, '--json'])).code).toBe(0);
      expect((await packdesk(['--db', db, 'orders', 'list'])).stdout).toMatch(
        / 2026-11-22 09:00 +10\.00 CNY\n$/,
      );
      expect((await packdesk(['--db', db, 'orders', 'show', '1'])).stdout).toContain(
        'Placed 2026-11-22 09:00  total',
      );
      const doc = JSON.parse((await packdesk(['--db', db, '--json', 'orders', 'show', '1'])).stdout);
      expect(doc.placedAt).toBe('2026-11-22T01:00:00.000Z');
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  test('a full page says how many orders the queue holds; --json stays the bare array', async () => {
    expect((await packdesk(['--db', db, 'demo', '--orders', '120'])).code).toBe(0);
    const page = await packdesk(['--db', db, 'orders', 'list', '--limit', '5']);
    const lines = page.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[5]).toBe('(the first 5 of 120 orders; --limit N shows more)');
    const all = await packdesk(['--db', db, 'orders', 'list', '--limit', '500']);
    expect(all.stdout).not.toContain('--limit N shows more');
    expect(
      JSON.parse((await packdesk(['--db', db, '--json', 'orders', 'list', '--limit', '5'])).stdout),
    ).toHaveLength(5);
  });

  test('an order that was shipped shows its warehouse, carrier and tracking number', async () => {
    // The demo holds shipped orders with all three set.
    expect((await packdesk(['--db', db, 'demo', '--orders', '300'])).code).toBe(0);
    const [shipped] = JSON.parse(
      (await packdesk(['--db', db, '--json', 'orders', 'list', '--status', 'shipped', '--limit', '1']))
        .stdout,
    ) as { id: number }[];
    const detail = JSON.parse(
      (await packdesk(['--db', db, '--json', 'orders', 'show', String(shipped!.id)])).stdout,
    ) as { warehouse: string; carrier: string; trackingNumber: string };
    const text = (await packdesk(['--db', db, 'orders', 'show', String(shipped!.id)])).stdout;
    expect(text).toContain(
      `  warehouse ${detail.warehouse}  carrier ${detail.carrier}  tracking ${detail.trackingNumber}`,
    );
  });
});
