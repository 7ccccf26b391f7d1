import { parseArgs } from 'node:util';
import { AppFailure } from '../../../src-shared/result';
import { ordersBlockingDemo, runDemo } from '../../modules/demo';
import { UsageError, type Command } from '../cli-env';

const MAX_ORDERS = 5_000_000;

function wholeNumber(text: string, flag: string, min: number, max: number): number {
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  return n;
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo [--orders N] [--seed S] [--force]',
  summary:
    'fill the database with realistic demo data (rerunning with the same seed adds nothing); refuses a database with real orders unless --force',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: {
        orders: { type: 'string', default: '2000' },
        seed: { type: 'string', default: '1' },
        force: { type: 'boolean', default: false },
      },
    });
    const orders = wholeNumber(values.orders, '--orders', 0, MAX_ORDERS);
    const seed = wholeNumber(values.seed, '--seed', 0, 2 ** 32 - 1);
    const core = env.core();
    // The default database is the shop's own: demo orders would join its queue and reset its SKUs.
    const blocking = values.force ? 0 : ordersBlockingDemo(core.ctx);
    if (blocking > 0)
      throw new AppFailure(
        'conflict',
        `${core.dbPath} already has ${blocking} orders of its own, so no demo data was added; use an empty database (--db FILE) or add --force to mix demo orders in`,
      );
    // Progress goes to stderr and only for big runs, so stdout stays one JSON document in --json mode.
    let lastShown = 0;
    const onProgress =
      !env.json && orders >= 50_000
        ? (done: number, total: number) => {
            const pct = Math.floor((done / total) * 100);
            if (pct >= lastShown + 5 || done === total) {
              lastShown = pct;
              process.stderr.write(
                `\rdemo: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} orders (${pct}%)`,
              );
              if (done === total) process.stderr.write('\n');
            }
          }
        : undefined;
    const s = runDemo(core.ctx, { orders, seed, onProgress });
    env.print(s, () =>
      [
        `Demo data (seed ${s.seed}, dates up to ${s.anchor}) written to ${core.dbPath} in ${s.seconds}s`,
        `  orders: ${s.orders} (${s.inserted} new, ${s.updated} updated, ${s.unchanged} already there)`,
        `  channels: ${s.channels}  warehouses: ${s.warehouses}  SKUs: ${s.skus}  customers: ${s.customers}  stock ledger rows: ${s.ledgerRows}`,
      ].join('\n'),
    );
    return 0;
  },
};
