import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChildren } from '../fixtures/bundle-child';
import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai } from '../fixtures/routing';

type Tally = { won: number; refused: number; busy: number };

/** The worker is bundled once so every child is a plain Node process, as in production. */
const bundleWorker = async (): Promise<string> =>
  join(
    await bundleChildren('race', { 'stock-race.worker': join(__dirname, 'stock-race.worker.ts') }),
    'stock-race.worker.cjs',
  );

async function race(script: string, dbPath: string, args: string[][]): Promise<Tally[]> {
  const children = args.map((a) =>
    fork(script, [dbPath, ...a], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      env: { ...process.env, PACKDESK_QUIET: '1' },
    }),
  );
  return Promise.all(
    children.map(async (c) => {
      let msg: Tally | undefined;
      c.on('message', (m) => (msg = m as Tally));
      const [code] = (await once(c, 'exit')) as [number];
      expect(code).toBe(0);
      return msg!;
    }),
  );
}

describe('several processes racing for the same scarce stock', () => {
  test('blind ledger reservations: never more reserved than on hand, and every success is in the ledger', async () => {
    const core = aCore();
    try {
      await value(core.call('warehouses.save', { code: 'SH', name: '上海仓' }));
      await value(core.call('skus.save', { sku: 'SCARCE', title: '限量款' }));
      await value(
        core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'SCARCE', quantity: 37 }] }),
      );
      const script = await bundleWorker();
      const tallies = await race(
        script,
        core.dbPath,
        [0, 1, 2, 3].map((w) => [String(w), '20', 'ledger']),
      );
      const won = tallies.reduce((s, t) => s + t.won, 0);
      expect(tallies.reduce((s, t) => s + t.busy, 0)).toBe(0);
      expect(won).toBe(37);
      expect(tallies.reduce((s, t) => s + t.refused, 0)).toBe(80 - 37);
      const level = core.ctx.sqlite.prepare('select on_hand as onHand, reserved from stock_levels').get();
      expect(level).toEqual({ onHand: 37, reserved: 37 });
      const ledgerReserved = core.ctx.sqlite
        .prepare(
          `select count(*) as n, sum(reserved_delta) as s from stock_ledger where kind = 'reservation'`,
        )
        .get();
      expect(ledgerReserved).toEqual({ n: 37, s: 37 });
      rmSync(join(script, '..'), { recursive: true, force: true });
    } finally {
      core.dispose();
    }
  }, 60_000);

  test('routing.run in four processes over orders wanting the same scarce SKU: no oversell, no lost reservation', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 25 }] }));
      const ids = await approvedOrders(
        core,
        Array.from({ length: 40 }, () => ({ ...shanghai, lines: [line('TEE', 1)] })),
      );
      const script = await bundleWorker();
      const tallies = await race(
        script,
        core.dbPath,
        [0, 1, 2, 3].map((w) => [
          String(w),
          '0',
          'routing',
          JSON.stringify(ids.filter((_, i) => i % 4 === w)),
        ]),
      );
      rmSync(join(script, '..'), { recursive: true, force: true });
      expect(tallies.reduce((s, t) => s + t.busy, 0)).toBe(0);
      expect(tallies.reduce((s, t) => s + t.won, 0)).toBe(25);
      const statuses = core.ctx.sqlite
        .prepare('select status, count(*) as n from orders group by status order by status')
        .all();
      expect(statuses).toEqual([
        { status: 'allocated', n: 25 },
        { status: 'backordered', n: 15 },
      ]);
      expect(core.ctx.sqlite.prepare('select on_hand as onHand, reserved from stock_levels').get()).toEqual({
        onHand: 25,
        reserved: 25,
      });
      // Every allocated order holds exactly its one unit under its own reference.
      const held = core.ctx.sqlite
        .prepare(
          `select count(*) as n from (select reference, sum(reserved_delta) as r from stock_ledger group by reference having r = 1)`,
        )
        .get();
      expect(held).toEqual({ n: 25 });
    } finally {
      core.dispose();
    }
  }, 60_000);
});
