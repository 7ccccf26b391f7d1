import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packdesk } from '../fixtures/cli';
import { createCore } from '../../src-main/compose';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

describe('packdesk review run', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-cli-'));
    db = join(dir, 'p.db');
    const core = createCore({ dbPath: db });
    aChannel(core);
    seedOrders(core, [
      anOrder({ totalMinor: 900_000 }),
      anOrder({ addressMasked: true }),
      anOrder(),
      anOrder({ type: 'cross_border', country: 'US', province: 'CA' }),
    ]);
    core.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--json prints exactly one document with the counts, and the statuses change', async () => {
    const r = await packdesk(['--db', db, 'review', 'run', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['approved', 'held', 'blocked', 'unchanged', 'seconds']);
    expect(doc).toMatchObject({ approved: 0, held: 3, blocked: 0, unchanged: 1 });
    const again = JSON.parse((await packdesk(['--db', db, '--json', 'review', 'run'])).stdout);
    expect(again).toMatchObject({ held: 0, unchanged: 1 });
  });

  test('plain text for people; a wrong subcommand is a usage error', async () => {
    const r = await packdesk(['--db', db, 'review', 'run']);
    expect(r.stdout).toMatch(/Reviewed 4 pending orders/);
    expect(r.stdout).toMatch(/held\s+3/);
    const bad = await packdesk(['--db', db, 'review', 'walk']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown subcommand "review walk"/);
  });
});
