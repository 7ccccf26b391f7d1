import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packdesk } from '../fixtures/cli';

const TEMPLATE =
  'order_id,placed_at,buyer_name,phone,address,sku,title,quantity,unit_price\r\n' +
  'REAL-1,2026-11-22 09:00,王五,13800138000,广东省深圳市南山区粤海街道科技园路1号,CUP-1,保温杯,1,9.50\r\n';

describe('packdesk demo on a database that already has orders', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-demo-cli-'));
    db = join(dir, 'p.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const count = async () =>
    (
      JSON.parse(
        (await packdesk(['--db', db, '--json', 'orders', 'list', '--limit', '5000'])).stdout,
      ) as unknown[]
    ).length;

  test("refuses a shop's own orders and adds nothing; --force mixes them in on purpose", async () => {
    const file = join(dir, 'sheet.csv');
    writeFileSync(file, TEMPLATE);
    expect((await packdesk(['--db', db, 'import', file, '--json'])).code).toBe(0);

    const refused = await packdesk(['--db', db, 'demo', '--orders', '20']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/already has 1 orders of its own, so no demo data was added/);
    expect(refused.stderr).toMatch(/--force/);
    expect(await count()).toBe(1);

    const json = await packdesk(['--db', db, '--json', 'demo', '--orders', '20']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'conflict' } });

    const forced = await packdesk(['--db', db, 'demo', '--orders', '20', '--force']);
    expect(forced.code).toBe(0);
    expect(await count()).toBe(21);
  });

  test('a rerun on a demo database still finds its orders unchanged instead of refusing', async () => {
    expect((await packdesk(['--db', db, 'demo', '--orders', '30'])).code).toBe(0);
    const again = await packdesk(['--db', db, '--json', 'demo', '--orders', '30']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ orders: 30, inserted: 0, unchanged: 30 });
  });
});
