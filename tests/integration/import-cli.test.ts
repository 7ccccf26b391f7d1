import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { packdesk } from '../fixtures/cli';
import { shopifyExport } from '../fixtures/shopify-gen';

describe('packdesk import', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-import-'));
    db = join(dir, 'p.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('--json prints exactly { imported, updated, unchanged, rejected }; a second run finds everything unchanged', async () => {
    const r = await packdesk(['--db', db, 'import', 'tests/fixtures/files/taobao-orders-gbk.csv', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['imported', 'updated', 'unchanged', 'rejected']);
    expect(doc).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: [] });
    const again = JSON.parse(
      (
        await packdesk([
          '--db',
          db,
          '--json',
          'import',
          'tests/fixtures/files/taobao-orders.xlsx',
          '--format',
          'taobao',
        ])
      ).stdout,
    );
    expect(again).toEqual({ imported: 0, updated: 0, unchanged: 3, rejected: [] });
  });

  test('orders show lists what standardisation changed, before → after, beside the original text', async () => {
    const file = join(dir, 'sheet.csv');
    writeFileSync(
      file,
      'order_id,placed_at,buyer_name,phone,address,quantity,unit_price,title\r\nS1,2026-03-01 09:00,钱九,0755-8888 1234 转 801,深圳粤海街道科技园路1号,2件,"¥1,299.00",杯子\r\n',
    );
    expect((await packdesk(['--db', db, 'import', file, '--json'])).code).toBe(0);
    const shown = JSON.parse((await packdesk(['--db', db, 'orders', 'show', '1', '--json'])).stdout);
    expect(shown.address).toMatchObject({ raw: '深圳粤海街道科技园路1号', district: '南山区' });
    expect(shown.changes).toEqual(
      expect.arrayContaining([
        {
          field: 'district',
          before: '',
          after: '南山区',
          reason: 'district 南山区 completed from street 粤海街道',
        },
        {
          field: 'phone',
          before: '0755-8888 1234 转 801',
          after: '0755-88881234转801',
          reason: 'phone normalised',
        },
      ]),
    );
    const text = (await packdesk(['--db', db, 'orders', 'show', '1'])).stdout;
    expect(text).toContain('district: "" → "南山区"  (district 南山区 completed from street 粤海街道)');
  });

  test('rejected rows are listed with row, column and message; --channel names the channel', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(
      bad,
      'order_id,placed_at,buyer_name,quantity,unit_price,title,shipping_fee\nA1,2026-03-01,王五,0,10,杯子,0\nA2,2026-03-01,王五,1,10,杯子,0\n',
    );
    const r = await packdesk([
      '--db',
      db,
      'import',
      bad,
      '--format',
      'packdesk',
      '--channel',
      'counter',
      '--json',
    ]);
    expect(JSON.parse(r.stdout)).toEqual({
      imported: 1,
      updated: 0,
      unchanged: 0,
      rejected: [{ row: 2, column: 'quantity', message: 'order A1: quantity 0 must be at least 1' }],
    });
    const d = new Database(db, { readonly: true });
    expect(
      d
        .prepare(
          "select c.code from orders o join channels c on c.id = o.channel_id where o.external_id = 'A2'",
        )
        .get(),
    ).toEqual({ code: 'counter' });
    d.close();
  });

  test('the summary names the channel the orders went to: the layout kind, --channel, or the template column', async () => {
    const orders = await packdesk(['--db', db, 'import', 'tests/fixtures/files/taobao-orders-gbk.csv']);
    expect(orders.stdout).toMatch(/^taobao-orders-gbk\.csv \(taobao → channel taobao\): 3 imported/);
    const tpl = join(dir, 'tpl.csv');
    writeFileSync(tpl, 'order_id,placed_at,quantity,unit_price,title\nT1,2026-03-01,1,10,杯子\n');
    expect((await packdesk(['--db', db, 'import', tpl])).stdout).toMatch(
      /\(packdesk → channel from the channel column, else manual\): 1 imported/,
    );
    expect((await packdesk(['--db', db, 'import', tpl, '--channel', 'counter'])).stdout).toMatch(
      /\(packdesk → channel counter\): 1 imported/,
    );
    const d = new Database(db, { readonly: true });
    expect(
      d
        .prepare(
          "select c.code from orders o join channels c on c.id = o.channel_id where o.external_id = 'T1' order by o.id",
        )
        .all(),
    ).toEqual([{ code: 'manual' }, { code: 'counter' }]);
    d.close();
  });

  test('orders list filters the queue by order type and customer region', async () => {
    for (const f of ['packdesk-template.csv', 'taobao-orders-gbk.csv', 'shopify-orders.csv'])
      expect((await packdesk(['--db', db, 'import', `tests/fixtures/files/${f}`])).code).toBe(0);
    const list = async (...args: string[]) => {
      const r = await packdesk(['--db', db, '--json', 'orders', 'list', ...args]);
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { externalId: string; type: string }[]).map((o) => o.externalId).sort();
    };
    expect(await list('--type', 'wholesale', '--region', 'cn_south')).toEqual(['WS-2026-0001']);
    expect(await list('--region', 'US,GB')).toEqual(['#1001', '#1003']);
    expect(await list('--type', 'cross_border')).toEqual(await list('--region', 'US,GB'));
    const bad = await packdesk(['--db', db, 'orders', 'list', '--type', 'retail']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown order type "retail"; one of: online_shop/);
  });

  test('a bad file exits non-zero with the file, row and column on stderr and nothing on stdout', async () => {
    const bad = join(dir, 'trunc.csv');
    writeFileSync(bad, 'order_id,placed_at,quantity,unit_price,title\nA1,2026-03-01,1,"10\n');
    const r = await packdesk(['--db', db, 'import', bad, '--json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(r.stderr).error.message).toMatch(/trunc\.csv: row 2: a quoted cell is never closed/);
    expect((await packdesk(['--db', db, 'import', bad, '--format', 'ebay'])).code).toBe(2);
  });
});

describe('packdesk import --watch DIR', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-watch-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('each pass imports only files not yet imported; a bad file is reported without stopping the others', async () => {
    const db = join(dir, 'w.db');
    const drop = join(dir, 'drop');
    mkdirSync(drop);
    copyFileSync('tests/fixtures/files/taobao-orders-gbk.csv', join(drop, 'a-taobao.csv'));
    writeFileSync(join(drop, 'notes.md'), 'not an export');
    const first = await packdesk(['--db', db, 'import', '--watch', drop, '--once', '--json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).files).toEqual([
      { file: 'a-taobao.csv', status: 'imported', result: expect.objectContaining({ imported: 3 }) },
    ]);
    copyFileSync('tests/fixtures/files/pdd-orders.xlsx', join(drop, 'b-pdd.xlsx'));
    writeFileSync(
      join(drop, 'c-broken.csv'),
      'order_id,placed_at,quantity,unit_price,title\nA1,2026-03-01,1,"10\n',
    );
    const second = await packdesk(['--db', db, 'import', '--watch', drop, '--once', '--json']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).files).toEqual([
      { file: 'a-taobao.csv', status: 'skipped' },
      { file: 'b-pdd.xlsx', status: 'imported', result: expect.objectContaining({ imported: 2 }) },
      {
        file: 'c-broken.csv',
        status: 'failed',
        error: expect.stringMatching(/^c-broken\.csv: row 2: a quoted cell is never closed/),
      },
    ]);
    expect((await packdesk(['--db', db, 'import', '--watch', drop, '--json'])).code).toBe(2);
  });
});

const cli = 'dist/main/cli.cjs';

describe('kill -9 during a large import', () => {
  let dir: string;
  beforeAll(() => {
    // The spawned importer runs the built CLI; build it when this test runs on its own.
    if (!existsSync(cli) || process.env.PACKDESK_REBUILD === '1')
      spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' });
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-kill-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const start = (db: string, file: string) =>
    spawn(
      process.execPath,
      ['bin/packdesk.cjs', '--db', db, 'import', file, '--page-size', '250', '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PACKDESK_QUIET: '1' } },
    );

  /**
   * Kills the importer with SIGKILL once it acknowledged `after` orders, or tells that it finished
   * first: while the worker still reads the file, everything goes into one transaction, and with
   * a fast writer that may be the whole file.
   */
  function killAfter(db: string, file: string, after: number): Promise<{ acked: number; finished: boolean }> {
    return new Promise((resolve) => {
      const p = start(db, file);
      let acked = 0;
      let buf = '';
      p.stderr.on('data', (d: Buffer) => {
        buf += d.toString();
        for (const m of buf.matchAll(/committed (\d+)\//g)) acked = Math.max(acked, Number(m[1]));
        if (acked >= after) p.kill('SIGKILL');
      });
      p.on('exit', (code) => resolve({ acked, finished: code === 0 }));
    });
  }

  test('after random kills the database checks out, nothing acknowledged is lost, no order is half-written, and a rerun completes exactly once', async () => {
    const orders = 6000;
    const file = join(dir, 'big.csv');
    const db = join(dir, 'k.db');
    writeFileSync(file, shopifyExport(orders, { seed: 7 }));
    let acknowledged = 0;
    let finished = false;
    const points = [
      1 + Math.floor(Math.random() * 1000),
      1500 + Math.floor(Math.random() * 1500),
      3500 + Math.floor(Math.random() * 1500),
    ];
    for (const after of points) {
      if (finished) break;
      const killed = await killAfter(db, file, after);
      acknowledged = Math.max(acknowledged, killed.acked);
      const d = new Database(db, { readonly: true });
      const count = (d.prepare('select count(*) as n from orders').get() as { n: number }).n;
      // Whole pages only: every order has both its lines, and the run's cursor equals what is stored.
      const half = (
        d
          .prepare(
            'select count(*) as n from orders o where (select count(*) from order_lines l where l.order_id = o.id) != 2',
          )
          .get() as { n: number }
      ).n;
      const run = d
        .prepare('select done_orders as done, status from import_runs order by id desc limit 1')
        .get() as { done: number; status: string } | undefined;
      d.close();
      expect(count).toBeGreaterThanOrEqual(acknowledged);
      expect(half).toBe(0);
      expect(run?.done ?? 0).toBe(count);
      // The kill can also land after the last page committed and closed the run, before the exit.
      finished = killed.finished || run?.status === 'done';
      const check = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', db, 'check', '--json'], {
        encoding: 'utf8',
      });
      expect(JSON.parse(check.stdout).ok).toBe(true);
    }
    const rerun = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', db, 'import', file, '--json'], {
      encoding: 'utf8',
    });
    expect(rerun.status).toBe(0);
    // The resumed run reports the whole file once: every order imported exactly one time. (An
    // importer that finished, or closed its run, before its kill leaves nothing to resume: a new
    // run finds it all.)
    expect(JSON.parse(rerun.stdout)).toEqual(
      finished
        ? { imported: 0, updated: 0, unchanged: orders, rejected: [] }
        : { imported: orders, updated: 0, unchanged: 0, rejected: [] },
    );
    const again = spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', db, 'import', file, '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(again.stdout)).toEqual({ imported: 0, updated: 0, unchanged: orders, rejected: [] });
    const d = new Database(db, { readonly: true });
    expect((d.prepare('select count(*) as n from orders').get() as { n: number }).n).toBe(orders);
    expect((d.prepare('select count(*) as n from order_lines').get() as { n: number }).n).toBe(orders * 2);
    d.close();
  }, 120_000);
});
