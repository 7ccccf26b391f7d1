import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChildren } from '../fixtures/bundle-child';
import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai } from '../fixtures/routing';

type Tally = { ok: number; refused: number; busy: number; codes: string[] };

const bundleWorker = async (): Promise<string> =>
  join(
    await bundleChildren('count-race', { worker: join(__dirname, 'stocktake-race.worker.ts') }),
    'worker.cjs',
  );

function run(script: string, dbPath: string, args: string[]): Promise<Tally> {
  const c = fork(script, [dbPath, ...args], {
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    env: { ...process.env, PACKDESK_QUIET: '1' },
  });
  let msg: Tally | undefined;
  c.on('message', (m) => (msg = m as Tally));
  return once(c, 'exit').then(([code]) => {
    expect(code).toBe(0);
    return msg!;
  });
}

describe('a stocktake posted while orders are being allocated in other processes', () => {
  test('counts and write-offs never take what orders hold; refusals are clean conflicts; the ledger adds up', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 25 }] }));
      const ids = await approvedOrders(
        core,
        Array.from({ length: 22 }, () => ({ ...shanghai, lines: [line('TEE', 1)] })),
      );
      const script = await bundleWorker();
      const [a, b, clerk] = await Promise.all([
        run(script, core.dbPath, ['routing', JSON.stringify(ids.filter((_, i) => i % 2 === 0))]),
        run(script, core.dbPath, ['routing', JSON.stringify(ids.filter((_, i) => i % 2 === 1))]),
        run(script, core.dbPath, ['count', '30']),
      ]);
      rmSync(join(script, '..'), { recursive: true, force: true });
      expect(a.busy + b.busy + clerk.busy).toBe(0);
      // A count or write-off that would dip into reserved units is refused as a conflict, never a raw SQL error.
      expect(new Set(clerk.codes)).toEqual(new Set(clerk.codes.length ? ['conflict'] : []));
      // Every call answered: 30 counts and 10 write-offs, each posted or refused whole.
      expect(clerk.ok + clerk.refused).toBe(40);
      const level = core.ctx.sqlite.prepare('select on_hand as onHand, reserved from stock_levels').get() as {
        onHand: number;
        reserved: number;
      };
      expect(level.onHand - level.reserved).toBeGreaterThanOrEqual(0);
      // Nothing makes stock: at most what was received. (Not "at most the 20 counted": when the
      // routers reserve 21 first, every count of 20 is refused and the shelf keeps its 25.)
      expect(level.onHand).toBeLessThanOrEqual(25);
      const sums = core.ctx.sqlite
        .prepare('select sum(on_hand_delta) as onHand, sum(reserved_delta) as reserved from stock_ledger')
        .get();
      expect(sums).toEqual(level);
      const allocated = core.ctx.sqlite
        .prepare("select count(*) as n from orders where status = 'allocated'")
        .pluck()
        .get() as number;
      expect(allocated).toBe(level.reserved);
    } finally {
      core.dispose();
    }
  }, 90_000);
});
