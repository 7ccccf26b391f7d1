import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/compose';
import { listChannels } from '../../src-main/modules/channels';
import { catalogPicks, demoCatalog, demoOrder, runDemo } from '../../src-main/modules/demo';
import { ordersStatements, upsertOrder } from '../../src-main/modules/orders';
import { figure, type BenchContext, type Figure } from './harness';

const SEED = 9;
const TARGET_SECONDS_PER_100K = 5;

/** Sixteen rules of the kind shops write, on top of the four that ship: twenty in all. */
const EXTRA_RULES = [
  ['Big spender tag', { field: 'total', op: 'gte', value: 100_000 }, [{ type: 'add_tag', tag: 'big' }]],
  [
    'Buyer left a message',
    { field: 'buyerMessage', op: 'eq', value: true },
    [{ type: 'add_tag', tag: 'message' }],
  ],
  [
    'Hold COD far away',
    {
      all: [
        { field: 'cod', op: 'eq', value: true },
        { field: 'distance', op: 'eq', value: 'remote' },
      ],
    },
    [{ type: 'hold', reason: 'COD to a remote area' }],
  ],
  [
    'Night orders',
    { field: 'placedHour', op: 'in', value: [0, 1, 2, 3, 4] },
    [{ type: 'add_tag', tag: 'night' }],
  ],
  [
    'Many items',
    { field: 'quantity', op: 'gte', value: 20 },
    [{ type: 'hold', reason: 'unusually many items' }],
  ],
  ['Heavy parcels', { field: 'weight', op: 'gt', value: 30_000 }, [{ type: 'add_tag', tag: 'heavy' }]],
  [
    'Wholesale priority',
    { field: 'type', op: 'eq', value: 'wholesale' },
    [{ type: 'set_priority', priority: 6 }],
  ],
  ['Live-stream tag', { field: 'type', op: 'eq', value: 'live_stream' }, [{ type: 'add_tag', tag: 'live' }]],
  ['VIP tag', { field: 'customerSegment', op: 'eq', value: 'vip' }, [{ type: 'add_tag', tag: 'vip' }]],
  [
    'Tea abroad',
    {
      all: [
        { field: 'crossBorder', op: 'eq', value: true },
        { field: 'sku', op: 'contains', value: 'TEA' },
      ],
    },
    [{ type: 'hold', reason: 'tea needs a phytosanitary check abroad' }],
  ],
  [
    'North-east winter',
    { field: 'region', op: 'eq', value: 'northeast' },
    [{ type: 'add_tag', tag: 'cold-region' }],
  ],
  ['Weekend', { field: 'placedWeekday', op: 'in', value: [0, 6] }, [{ type: 'add_tag', tag: 'weekend' }]],
  [
    'Not Shopify USD over 500',
    {
      not: {
        any: [
          { field: 'currency', op: 'ne', value: 'USD' },
          { field: 'total', op: 'lt', value: 50_000 },
        ],
      },
    },
    [{ type: 'hold', reason: 'large USD order' }],
  ],
  ['Tagged gift', { field: 'tags', op: 'contains', value: 'gift' }, [{ type: 'add_tag', tag: 'gift-wrap' }]],
  [
    'Guangdong priority',
    { field: 'province', op: 'eq', value: '广东省' },
    [{ type: 'set_priority', priority: 3 }],
  ],
  // A shop that trusts its other rules approves whatever they did not stop.
  ['Approve the rest', { field: 'total', op: 'gte', value: 0 }, [{ type: 'approve' }]],
] as const;

async function must<T>(core: Core, op: string, input: unknown): Promise<T> {
  const r = await core.call(op, input, { actor: 'bench' });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as T;
}

/** N pending orders from the demo generator, written the way an importer writes them. */
function seedPendingOrders(core: Core, n: number): void {
  const picks = catalogPicks(demoCatalog());
  const channelIds = new Map(listChannels(core.ctx.db).map((c) => [c.code, c.id]));
  const st = ordersStatements(core.ctx.sqlite);
  const now = core.ctx.now();
  const write = core.ctx.sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const d = demoOrder(SEED, i, now, picks);
      upsertOrder(
        st,
        {
          ...d.order,
          status: 'pending_review',
          channelId: channelIds.get(d.channel) as number,
          customerId: null,
        },
        now,
      );
    }
  });
  for (let i = 0; i < n; i += 5000) write(i, Math.min(n, i + 5000));
}

/**
 * Review + routing of N orders (issue: 100,000 in ≤ 5 s), beside the raw cost of reading the same
 * orders and lines with one bare query.
 */
export async function benchReviewRouting(ctx: BenchContext): Promise<Figure[]> {
  const n = Math.min(ctx.orders, 100_000);
  const core = createCore({ dbPath: join(ctx.dir, 'review-routing.db') });
  try {
    runDemo(core.ctx, { orders: 1, seed: 1 });
    // Plenty of stock everywhere: the run should choose between warehouses, not backorder.
    const skus = core.ctx.sqlite.prepare('select id from skus').all() as { id: number }[];
    const warehouses = core.ctx.sqlite.prepare('select id from warehouses').all() as { id: number }[];
    const receive = core.ctx.sqlite.prepare(
      `insert into stock_ledger (warehouse_id, sku_id, kind, on_hand_delta, reserved_delta, actor, at) values (?, ?, 'receipt', ?, 0, 'bench', ?)`,
    );
    core.ctx.sqlite.transaction(() => {
      for (const w of warehouses) for (const s of skus) receive.run(w.id, s.id, n * 3, core.ctx.now());
    })();
    for (const [name, condition, actions] of EXTRA_RULES)
      await must(core, 'review.rules.save', { name, condition, actions });
    ctx.log(`review + routing: seeding ${n.toLocaleString('en-US')} pending orders…`);
    seedPendingOrders(core, n);

    const rawStarted = performance.now();
    const rows = core.ctx.sqlite
      .prepare(
        'select o.*, l.sku, l.quantity, l.unit_price_minor from orders o join order_lines l on l.order_id = o.id',
      )
      .all();
    const rawSeconds = (performance.now() - rawStarted) / 1000;

    // CPU time beside wall time: on a shared or busy machine the wall clock also counts waiting.
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const review = await must<{ approved: number; held: number }>(core, 'review.run', {});
    const reviewSeconds = (performance.now() - started) / 1000;
    const routing = await must<{ allocated: number[]; backordered: number[]; exception: number[] }>(
      core,
      'routing.run',
      {},
    );
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStarted);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const carriers = (await must<{ rows: unknown[] }>(core, 'carriers.list', {})).rows.length;
    const rules = (await must<{ rows: unknown[] }>(core, 'review.rules.list', {})).rows.length;
    const target = (TARGET_SECONDS_PER_100K * n) / 100_000;
    return [
      figure({
        name: `review + routing of ${n.toLocaleString('en-US')} orders`,
        value: seconds,
        unit: 's',
        baseline: rawSeconds,
        target: `≤ ${target} s (5 s per 100,000)`,
        meets: seconds <= target,
        note:
          `baseline: one bare read of the same ${rows.length.toLocaleString('en-US')} order lines; ` +
          `${warehouses.length} warehouses, ${carriers} carriers, ${rules} rules; review ${reviewSeconds.toFixed(2)} s (approved ${review.approved}, held ${review.held}), ` +
          `routing ${(seconds - reviewSeconds).toFixed(2)} s (allocated ${routing.allocated.length}, backordered ${routing.backordered.length}, exception ${routing.exception.length}); ` +
          `${cpuSeconds.toFixed(2)} s of CPU for both`,
      }),
    ];
  } finally {
    core.close();
  }
}
