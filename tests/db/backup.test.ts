import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { backupTo, restoreFrom, verifyDatabaseFile } from '../../src-main/adapters/db/backup';
import { createCore } from '../../src-main/compose';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { corruptIndex } from '../fixtures/corrupt';

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['bin/packdesk.cjs', ...args], { encoding: 'utf8' });

describe('backup, restore and check', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => {
    core = aCore();
    const channelId = aChannel(core);
    seedOrders(
      core,
      Array.from({ length: 300 }, () => anOrder({ channelId })),
    );
  });
  afterEach(() => core.dispose());

  test('backup → restore round-trips every order', async () => {
    const out = join(core.dir, 'backup.db');
    const r = await backupTo(core.ctx.sqlite, out);
    expect(r.bytes).toBeGreaterThan(0);
    expect(readdirSync(core.dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    const before = await value(core.call('orders.list', { limit: 500 }));

    const target = join(core.dir, 'restored.db');
    restoreFrom(out, target);
    const restored = createCore({ dbPath: target });
    const after = await value(restored.call('orders.list', { limit: 500 }));
    restored.close();
    expect(after.rows).toHaveLength(300);
    expect(after).toEqual(before);
  });

  test('a corrupt or foreign file is refused and the current database is untouched', async () => {
    const garbage = join(core.dir, 'garbage.db');
    writeFileSync(garbage, 'SQLite format 3\0' + 'x'.repeat(5000));
    expect(() => restoreFrom(garbage, core.dbPath)).toThrow(/not a readable database|damaged/);

    const damaged = join(core.dir, 'damaged.db');
    await backupTo(core.ctx.sqlite, damaged);
    corruptIndex(damaged, 'orders_placed_idx');
    expect(() => verifyDatabaseFile(damaged)).toThrow(/damaged/);
    expect(() => restoreFrom(damaged, core.dbPath)).toThrow(/damaged/);
    expect(() => restoreFrom(join(core.dir, 'missing.db'), core.dbPath)).toThrow(/No file/);
    expect((await value(core.call('orders.count', {}))).total).toBe(300);
  });

  test('`packdesk check` reports damage and exits non-zero; `backup`/`restore` work from the CLI', async () => {
    const copy = join(core.dir, 'cli.db');
    await backupTo(core.ctx.sqlite, copy);
    const ok = cli(['--db', copy, '--json', 'check']);
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, integrity: ['ok'], migrations: { pending: [] } });

    const bak = join(core.dir, 'cli-backup.db');
    expect(cli(['--db', copy, 'backup', '--out', bak]).status).toBe(0);
    expect(existsSync(bak)).toBe(true);

    corruptIndex(copy, 'orders_placed_idx');
    const bad = cli(['--db', copy, '--json', 'check']);
    expect(bad.status).toBe(1);
    const report = JSON.parse(bad.stdout);
    expect(report.ok).toBe(false);
    expect(report.integrity.join('\n')).toMatch(/orders_placed_idx|page/);

    const restored = cli(['--db', copy, '--json', 'restore', bak]);
    expect(restored.status, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout).orders).toBe(300);
    expect(JSON.parse(cli(['--db', copy, '--json', 'check']).stdout).ok).toBe(true);
  });
});
