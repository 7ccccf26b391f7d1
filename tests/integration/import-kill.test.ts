import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChildren } from '../fixtures/bundle-child';
import { createCore } from '../../src-main/compose';
import { shopifyExport } from '../fixtures/shopify-gen';

const ORDERS = 12_000;

/** The child and the import worker, bundled side by side as the CLI ships them. */
const bundle = async (): Promise<string> =>
  join(
    await bundleChildren('import-kill', {
      'import-kill.child': join(__dirname, 'import-kill.child.ts'),
      'intake-worker': join(__dirname, '../../src-main/modules/intake/intake.worker.ts'),
    }),
    'import-kill.child.cjs',
  );

describe('kill -9 during a large file import', () => {
  let child: string;
  let file: string;
  let dir: string;
  beforeAll(async () => {
    child = await bundle();
    file = join(child, '..', 'orders.csv');
    writeFileSync(file, shopifyExport(ORDERS, { seed: 12 }));
  });
  beforeEach(() => (dir = mkdtempSync(join(process.cwd(), 'test-output', 'import-kill-db-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (dbPath: string, parse: 'worker' | 'in-thread'): ChildProcess =>
    fork(child, [dbPath, file, parse], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, PACKDESK_QUIET: '1' },
    });

  const count = (dbPath: string, sql: string): number => {
    const core = createCore({ dbPath });
    try {
      return (core.ctx.sqlite.prepare(sql).get() as { n: number }).n;
    } finally {
      core.close();
    }
  };

  // 0: killed at a random moment early on, mostly while the worker still reads the file (inside
  // the first transaction, which commits only once the whole file is read). 1 and 3: after that
  // many acknowledged pages. Those parse in-thread: with the worker, how much of the file the first
  // transaction takes depends on which thread is faster, and it may be all of it.
  it.each([
    [0, 'worker'],
    [1, 'in-thread'],
    [3, 'in-thread'],
  ] as const)(
    'killed after %i acknowledged pages (parsed %s): nothing acknowledged is lost, the rerun completes it exactly once',
    async (killAfter, parse) => {
      const dbPath = join(dir, 'packdesk.db');
      createCore({ dbPath }).close();
      const first = run(dbPath, parse);
      let acked = 0;
      let pages = 0;
      const kill = () => first.kill('SIGKILL');
      first.on('message', (m: { started?: boolean; done?: number }) => {
        if (m.started && killAfter === 0) setTimeout(kill, Math.random() * 300);
        if (m.done === undefined) return;
        acked = m.done;
        if (++pages === killAfter) kill();
      });
      const [, signal] = (await once(first, 'exit')) as [number | null, string | null];
      expect(signal).toBe('SIGKILL');

      const after = createCore({ dbPath });
      expect(after.ctx.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      after.close();
      const stored = count(dbPath, 'select count(*) as n from orders');
      expect(stored).toBeGreaterThanOrEqual(acked);
      expect(stored).toBeLessThan(ORDERS);
      // No order is half-written: every stored order has its lines and is in the search index.
      expect(
        count(
          dbPath,
          'select count(*) as n from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)',
        ),
      ).toBe(0);
      expect(count(dbPath, 'select count(*) as n from orders_search_docsize')).toBe(stored);

      const second = run(dbPath, 'worker');
      let result: { imported: number; unchanged: number } | null = null;
      second.on('message', (m: { result?: typeof result }) => m.result && (result = m.result));
      const [code] = (await once(second, 'exit')) as [number];
      expect(code).toBe(0);
      // The run resumed: its report counts every order of the file once, across both processes.
      expect(result).toMatchObject({ imported: ORDERS, updated: 0, unchanged: 0 });
      expect(count(dbPath, 'select count(distinct external_id) as n from orders')).toBe(ORDERS);
      expect(count(dbPath, 'select count(*) as n from orders')).toBe(ORDERS);
      expect(count(dbPath, 'select count(*) as n from orders_search_docsize')).toBe(ORDERS);
      expect(count(dbPath, "select count(*) as n from import_runs where status = 'done'")).toBe(1);
    },
    60_000,
  );
});
