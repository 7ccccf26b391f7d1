import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChildren } from '../fixtures/bundle-child';
import { createCore } from '../../src-main/compose';
import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';

const TOKEN = 'shpat_test_token_1234';

const bundleWorker = async (): Promise<string> =>
  join(
    await bundleChildren('sync-kill', { 'sync-kill.worker': join(__dirname, 'sync-kill.worker.ts') }),
    'sync-kill.worker.cjs',
  );

describe('kill -9 during a channel pull', () => {
  let worker: string;
  let shop: FakeShopify;
  let dir: string;
  beforeAll(async () => {
    worker = await bundleWorker();
  });
  beforeEach(async () => {
    dir = mkdtempSync(join(process.cwd(), 'test-output', 'sync-kill-db-'));
    shop = await startFakeShopify({ now: Date.now });
    const recent = Date.now() - 86_400_000;
    for (let i = 1; i <= 100; i++)
      shop.orders.push(aShopifyOrder(i, new Date(recent + i * 60_000).toISOString()));
  });
  afterEach(async () => {
    await shop.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const run = (dbPath: string, channelId: number): ChildProcess =>
    fork(worker, [dbPath, shop.url, TOKEN, String(channelId)], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, PACKDESK_QUIET: '1' },
    });

  it.each([1, 3])(
    'killed after %i acknowledged pages: nothing acknowledged is lost, the rerun completes it exactly once',
    async (killAfter) => {
      const dbPath = join(dir, 'packdesk.db');
      const setup = createCore({ dbPath });
      const channelId = Number(
        setup.ctx.sqlite
          .prepare(
            `insert into channels (code, kind, name, currency, created_at, updated_at) values ('shop', 'shopify', 'Shop', 'USD', 0, 0)`,
          )
          .run().lastInsertRowid,
      );
      setup.close();
      // Slow pages, so the kill lands while the next one is in flight.
      for (let i = 0; i < 8; i++) shop.faults.push({ kind: 'hang', ms: 60 });

      const first = run(dbPath, channelId);
      let acked = 0;
      first.on('message', (m: any) => {
        if (m.page) acked = Math.max(acked, m.imported);
        if (m.page >= killAfter) first.kill('SIGKILL');
      });
      const [, signal] = (await once(first, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');

      const after = createCore({ dbPath });
      expect(after.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = (after.ctx.sqlite.prepare('select count(*) as n from orders').get() as { n: number }).n;
      expect(stored).toBeGreaterThanOrEqual(acked);
      // No order is half-written: every stored order has its line.
      expect(
        after.ctx.sqlite
          .prepare(
            'select count(*) as n from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)',
          )
          .get(),
      ).toEqual({ n: 0 });
      after.close();

      const second = run(dbPath, channelId);
      let done: any = null;
      second.on('message', (m: any) => m.done && (done = m.done));
      const [code] = (await once(second, 'exit')) as [number];
      expect(code).toBe(0);
      expect(done.imported).toBe(100 - stored);

      const end = createCore({ dbPath });
      expect(
        end.ctx.sqlite.prepare('select count(*) as n, count(distinct external_id) as d from orders').get(),
      ).toEqual({ n: 100, d: 100 });
      expect(end.ctx.sqlite.prepare('select count(*) as n from order_lines').get()).toEqual({ n: 100 });
      expect(end.ctx.sqlite.prepare('select sweep_kind as k, cursor_at as c from sync_state').get()).toEqual({
        k: null,
        c: Date.parse(shop.orders[99]!.updatedAt),
      });
      end.close();
    },
  );
});
