import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createCore, type Core } from '../../src-main/compose';
import { value } from '../fixtures/core';

const GOOD = join(__dirname, '../fixtures/files/taobao-orders-utf8bom.csv');

async function until<T>(
  what: string,
  f: () => Promise<T | undefined> | T | undefined,
  ms = 10_000,
): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('watched folder per channel', () => {
  let root: string;
  let drop: string;
  let core: Core;
  const open = () =>
    createCore({
      dbPath: join(root, 'packdesk.db'),
      validateOutput: true,
      folders: { intervalMs: 40, settleMs: 0 },
    });
  const count = async () => (await value<{ total: number }>(core.call('orders.count', {}))).total;
  const status = async () => (await value(core.call('folders.status', {}))).folders[0];

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'packdesk-watch-'));
    drop = join(root, 'taobao-drop');
    mkdirSync(drop);
    core = open();
    await value(
      core.call('channels.save', {
        code: 'tb-main',
        kind: 'taobao',
        name: '淘宝主店',
        watchFolder: { dir: drop, format: 'taobao' },
      }),
    );
  });
  afterEach(() => {
    core.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a dropped export is imported once for its channel and moved to processed/', async () => {
    core.folders.start();
    // The sheet is open in Excel (its owner file sits beside it) and a hidden file is around: both left alone.
    writeFileSync(join(drop, '~$ExportOrderList-0301.xlsx'), Buffer.from([0x0b, 0x4a, 0x6f, 0x00]));
    writeFileSync(join(drop, '.sync-conflict.csv'), 'x');
    copyFileSync(GOOD, join(drop, 'ExportOrderList-0301.csv'));
    await until('the import', async () => (await count()) === 3);
    await until('the move', () => existsSync(join(drop, 'processed', 'ExportOrderList-0301.csv')));
    expect(readdirSync(drop).filter((n) => n.endsWith('.csv'))).toEqual(['.sync-conflict.csv']);
    expect(existsSync(join(drop, '~$ExportOrderList-0301.xlsx'))).toBe(true);
    expect(existsSync(join(drop, 'failed'))).toBe(false);
    const s = await status();
    expect(s).toMatchObject({
      channel: 'tb-main',
      dir: drop,
      format: 'taobao',
      watching: true,
      lastFile: 'ExportOrderList-0301.csv',
      lastStatus: 'imported',
      filesImported: 1,
      filesFailed: 0,
    });
    expect(s.lastMessage).toMatch(/^3 new/);
    const orders = await value(core.call('orders.list', {}));
    expect(orders.rows.every((o: { channel: string }) => o.channel === 'tb-main')).toBe(true);

    // The same export dropped again under another name: remembered by its content, not imported twice.
    copyFileSync(GOOD, join(drop, 'again.csv'));
    await until('the second file', async () => (await status()).lastFile === 'again.csv');
    expect(await status()).toMatchObject({ lastStatus: 'skipped', filesImported: 1 });
    expect(await count()).toBe(3);
  });

  test('a bad file is refused with the reason shown, writes nothing, and goes to failed/', async () => {
    core.folders.start();
    writeFileSync(join(drop, 'broken.csv'), '订单号码,金额\n1,2\n');
    await until('the refusal', async () => (await status()).lastStatus === 'failed' || undefined);
    const s = await status();
    expect(s).toMatchObject({ lastFile: 'broken.csv', filesFailed: 1, filesImported: 0 });
    expect(s.lastMessage).toMatch(/broken\.csv/);
    expect(await count()).toBe(0);
    expect(core.ctx.sqlite.prepare('select count(*) from import_runs').pluck().get()).toBe(0);
    await until('the move', () => existsSync(join(drop, 'failed', 'broken.csv')));
    expect(readFileSync(join(drop, 'failed', 'broken.csv.error.txt'), 'utf8')).toContain(s.lastMessage);
  });

  test('after a restart nothing is imported again, even a file the crash left in the folder', async () => {
    await value(core.call('folders.scanNow', {}));
    copyFileSync(GOOD, join(drop, 'orders.csv'));
    const first = await value(core.call('folders.scanNow', {}));
    expect(first.files).toEqual([expect.objectContaining({ file: 'orders.csv', status: 'imported' })]);
    core.close();
    // As if the app died after the import committed but before the file was moved.
    copyFileSync(GOOD, join(drop, 'orders.csv'));
    core = open();
    core.folders.start();
    await until('the rescan', () => existsSync(join(drop, 'orders.csv')) === false);
    expect(await count()).toBe(3);
    expect(await status()).toMatchObject({ lastFile: 'orders.csv', lastStatus: 'skipped', filesImported: 1 });
    expect(
      core.ctx.sqlite.prepare("select count(*) from import_runs where status = 'done'").pluck().get(),
    ).toBe(1);
  });

  test('the folder must exist; an unplugged folder shows an error instead of stopping the watcher', async () => {
    const bad = await core.call('channels.save', {
      code: 'pdd',
      kind: 'pdd',
      name: 'PDD',
      watchFolder: { dir: join(root, 'nowhere'), format: 'pdd' },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'watchFolder.dir' }] },
    });
    expect(
      await core.call('channels.save', {
        code: 'pdd',
        kind: 'pdd',
        name: 'PDD',
        watchFolder: { dir: 'relative/dir' },
      }),
    ).toMatchObject({ ok: false });

    rmSync(drop, { recursive: true });
    await value(core.call('folders.scanNow', {}));
    expect(await status()).toMatchObject({
      lastStatus: 'error',
      lastMessage: expect.stringContaining('cannot be read'),
    });
    mkdirSync(drop);
    copyFileSync(GOOD, join(drop, 'back.csv'));
    await value(core.call('folders.scanNow', {}));
    expect(await status()).toMatchObject({ lastStatus: 'imported', lastFile: 'back.csv' });

    // Removing the folder setting stops watching it.
    const ch = (await value(core.call('channels.list', {}))).rows[0];
    await value(
      core.call('channels.save', {
        id: ch.id,
        code: ch.code,
        kind: ch.kind,
        name: ch.name,
        watchFolder: null,
      }),
    );
    expect((await value(core.call('folders.status', {}))).folders).toEqual([]);
  });
});
