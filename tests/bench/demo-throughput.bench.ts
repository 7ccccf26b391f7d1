import Database from 'better-sqlite3';
import { join } from 'node:path';
import { createCore } from '../../src-main/compose';
import {
  catalogPicks,
  chronological,
  DEMO_CHANNELS,
  DEMO_WAREHOUSES,
  demoCatalog,
  demoOrder,
  runDemo,
  type DemoOrder,
} from '../../src-main/modules/demo';
import { figure, type BenchContext, type Figure } from './harness';

const SEED = 1;
const BATCH = 5000;

/** The same order written by hand with positional prepared statements: the least work possible. */
function rawStatements(db: Database.Database) {
  return {
    customer: db.prepare(
      'insert into customers (name, phone, email, country, province, city, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    order: db.prepare(
      `insert into orders (channel_id, external_id, status, type, placed_at, source_updated_at, currency, total_minor, shipping_minor,
         payment_method, buyer_message, customer_id, recipient_name, phone, country, province, city, district, street, detail, postcode,
         address_raw, address_masked, address_ambiguous, warehouse_id, carrier, tracking_number, shipped_at, tags_json, reasons_json,
         created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    line: db.prepare(
      'insert into order_lines (order_id, line_no, sku, title, spec, quantity, unit_price_minor) values (?, ?, ?, ?, ?, ?, ?)',
    ),
    search: db.prepare('insert into orders_search (rowid, body) values (?, ?)'),
  };
}

function rawInsert(
  st: ReturnType<typeof rawStatements>,
  d: DemoOrder,
  ids: { channel: Map<string, number>; warehouse: Map<string, number>; customer: Map<string, number> },
  now: number,
): void {
  const o = d.order;
  let customerId: number | null = null;
  if (d.customer) {
    customerId = ids.customer.get(d.customer.key) ?? null;
    if (customerId === null) {
      const c = d.customer;
      customerId = Number(
        st.customer.run(c.name, c.phone, c.email, c.country, c.address.province, c.address.city, now, now)
          .lastInsertRowid,
      );
      ids.customer.set(c.key, customerId);
    }
  }
  const id = Number(
    st.order.run(
      ids.channel.get(d.channel),
      o.externalId,
      o.status,
      o.type,
      o.placedAt,
      o.sourceUpdatedAt,
      o.currency,
      o.totalMinor,
      o.shippingMinor,
      o.paymentMethod,
      o.buyerMessage,
      customerId,
      o.recipientName,
      o.phone,
      o.country,
      o.province,
      o.city,
      o.district,
      o.street,
      o.detail,
      o.postcode,
      o.addressRaw,
      o.addressMasked ? 1 : 0,
      o.addressAmbiguous ? 1 : 0,
      d.warehouse ? ids.warehouse.get(d.warehouse) : null,
      d.carrier,
      d.trackingNumber,
      d.shippedAt,
      JSON.stringify(o.tags),
      JSON.stringify(o.reasons),
      now,
      now,
    ).lastInsertRowid,
  );
  o.lines.forEach((l, i) => st.line.run(id, i + 1, l.sku, l.title, l.spec, l.quantity, l.unitPriceMinor));
  const body = [
    o.externalId,
    o.recipientName,
    o.phone,
    `${o.province}${o.city}${o.district}${o.street}${o.detail}`,
    o.addressRaw,
    ...o.lines.map((l) => `${l.sku} ${l.title}`),
  ];
  st.search.run(id, body.join(' '));
}

/**
 * Raw baseline: a migrated empty database, the app's own pragmas, and the very orders the demo
 * wrote (same seed and anchor, same time order), inserted with plain prepared statements in
 * batches of the same size. Generating the rows is left out of its clock; ours includes it.
 */
function rawBaseline(path: string, orders: number, anchor: number): number {
  createCore({ dbPath: path }).close();
  const db = new Database(path);
  for (const p of [
    'journal_mode = WAL',
    'synchronous = FULL',
    'foreign_keys = ON',
    'cache_size = -65536',
    'temp_store = MEMORY',
  ])
    db.pragma(p);
  const now = anchor;
  const ids = {
    channel: new Map<string, number>(),
    warehouse: new Map<string, number>(),
    customer: new Map<string, number>(),
  };
  for (const c of DEMO_CHANNELS) {
    const r = db
      .prepare(
        'insert into channels (code, kind, name, currency, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
      )
      .run(c.code, c.kind, c.name, c.currency, now, now);
    ids.channel.set(c.code, Number(r.lastInsertRowid));
  }
  for (const w of DEMO_WAREHOUSES) {
    const r = db
      .prepare('insert into warehouses (code, name, created_at, updated_at) values (?, ?, ?, ?)')
      .run(w.code, w.name, now, now);
    ids.warehouse.set(w.code, Number(r.lastInsertRowid));
  }
  const st = rawStatements(db);
  const picks = catalogPicks(demoCatalog());
  const sequence = chronological(SEED, orders, anchor);
  let ms = 0;
  for (let start = 0; start < orders; start += BATCH) {
    const batch: DemoOrder[] = [];
    for (let k = start; k < Math.min(orders, start + BATCH); k++)
      batch.push(demoOrder(SEED, sequence[k] as number, anchor, picks));
    const t = performance.now();
    db.transaction(() => {
      for (const d of batch) rawInsert(st, d, ids, now);
    }).immediate();
    ms += performance.now() - t;
  }
  db.close();
  return ms / 1000;
}

/** Figure (a): how fast `packdesk demo` fills a database, against the raw insert of the same rows. */
export function benchDemoThroughput(ctx: BenchContext): { figure: Figure; dbPath: string } {
  const dbPath = join(ctx.dir, 'demo.db');
  const core = createCore({ dbPath });
  ctx.log(`demo: generating ${ctx.orders.toLocaleString('en-US')} orders…`);
  const t = performance.now();
  const summary = runDemo(core.ctx, { orders: ctx.orders, seed: SEED });
  const ours = (performance.now() - t) / 1000;
  const anchor = Date.parse(summary.anchor);
  core.close();
  ctx.log(`demo: ${ours.toFixed(1)} s; raw baseline…`);
  const raw = rawBaseline(join(ctx.dir, 'raw.db'), ctx.orders, anchor);
  ctx.log(`raw: ${raw.toFixed(1)} s`);
  const value = ctx.orders / ours;
  const baseline = ctx.orders / raw;
  return {
    dbPath,
    figure: figure({
      name: 'demo generation throughput',
      value,
      unit: 'orders/s',
      baseline,
      target: '≥ 0.5× raw insert',
      meets: value / baseline >= 0.5,
      note: `raw = the same orders, lines, search rows and customers through hand-written positional better-sqlite3 statements, row generation excluded (${ours.toFixed(1)} s vs ${raw.toFixed(1)} s)`,
    }),
  };
}
