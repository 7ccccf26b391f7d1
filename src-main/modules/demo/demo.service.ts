import { setupDemoRouting } from './demo-routing';
import type { CoreContext } from '../../core-context';
import { recordAudit } from '../audit';
import { replaceComponents, upsertSku } from '../catalog';
import { saveCustoms } from '../documents';
import { findChannelByCode, insertChannel } from '../channels';
import { checkLowStock, findWarehouseByCode, insertWarehouse } from '../inventory';
import { ordersStatements, upsertOrder } from '../orders';
import { readSettings, writeSetting } from '../settings';
import { demoCatalog, type DemoSku } from './demo-catalog';
import { DEMO_CHANNELS } from './demo-channels';
import { DEMO_WAREHOUSES } from './demo-data';
import { catalogPicks, chronological, demoOrder, type DemoOrder } from './demo-orders';
import { customerValues } from './demo-people';
import { rngFor } from './demo-random';
import { DemoStockBook } from './demo-stock';
import { demoStatements } from './demo.repo';

export interface DemoOptions {
  orders: number;
  seed: number;
  /** Orders per transaction: big enough to amortise the commit, small enough to show progress. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoSummary {
  orders: number;
  inserted: number;
  updated: number;
  unchanged: number;
  channels: number;
  skus: number;
  warehouses: number;
  customers: number;
  ledgerRows: number;
  seed: number;
  anchor: string;
  seconds: number;
}

const STOCK_STREAM = 50;

/**
 * The clock the demo's dates hang from, pinned per seed on first use: a rerun a week later then
 * produces the very same orders (and external ids), so it finds them all unchanged instead of
 * adding a second set shifted by a week.
 */
function anchorFor(ctx: CoreContext, seed: number): { anchor: number; firstRun: boolean } {
  const key = `demo.anchor.${seed}`;
  const stored = readSettings(ctx.db, [key])[key];
  if (typeof stored === 'number') return { anchor: stored, firstRun: false };
  const anchor = ctx.now();
  writeSetting(ctx.db, key, anchor, anchor);
  return { anchor, firstRun: true };
}

function setupMasterData(
  ctx: CoreContext,
  seed: number,
  catalog: DemoSku[],
  stock: DemoStockBook,
  firstRun: boolean,
) {
  const now = ctx.now();
  const channelIds = new Map<string, number>();
  for (const c of DEMO_CHANNELS) {
    const found = findChannelByCode(ctx.db, c.code);
    const row =
      found ??
      insertChannel(
        ctx.db,
        { code: c.code, kind: c.kind, name: c.name, currency: c.currency, enabled: true },
        now,
      );
    channelIds.set(c.code, row.id);
  }
  const warehouseIds = new Map<string, number>();
  for (const w of DEMO_WAREHOUSES) {
    const row =
      findWarehouseByCode(ctx.db, w.code) ??
      insertWarehouse(ctx.db, { ...w, country: 'CN', active: true }, now);
    warehouseIds.set(w.code, row.id);
  }
  const skuIds = new Map<string, number>();
  const cartons = new Map<number, number>();
  for (const s of catalog) {
    const {
      titleEn: _t,
      specEn: _s,
      popularity: _p,
      cartonQty,
      abroad: _a,
      hsCode: _h,
      originCountry: _o,
      components: _c,
      ...values
    } = s;
    const id = upsertSku(ctx.sqlite, values, now);
    skuIds.set(s.sku, id);
    cartons.set(id, cartonQty);
  }
  // Bundles after all SKUs exist: each names its components by code.
  const bundles = new Map<number, { skuId: number; quantity: number }[]>();
  for (const s of catalog.filter((x) => x.components.length > 0)) {
    const parts = s.components.map(([code, quantity]) => ({ skuId: skuIds.get(code) as number, quantity }));
    replaceComponents(ctx.sqlite, skuIds.get(s.sku) as number, parts);
    bundles.set(skuIds.get(s.sku) as number, parts);
  }
  // Customs facts for everything that may go abroad, so the demo's cross-border forms are complete.
  saveCustoms(
    ctx,
    catalog
      .filter((s) => s.abroad)
      .map((s) => ({
        sku: s.sku,
        descriptionEn: `${s.titleEn} (${s.specEn})`,
        hsCode: s.hsCode,
        originCountry: s.originCountry,
        category: 'merchandise',
      })),
  );
  const r = rngFor(seed, STOCK_STREAM, 0);
  // Opening stock belongs to the seed's first run; a rerun must not receive it twice.
  for (const [code, wid] of firstRun ? warehouseIds : []) {
    for (const s of catalog) {
      // The cross-border warehouse stocks only what may go abroad; bundles have no stock of their own.
      if ((code === 'SZX' && !s.abroad) || s.components.length > 0) continue;
      stock.open(r, wid, skuIds.get(s.sku) as number, s.cartonQty, `demo:opening:${seed}`);
    }
  }
  return { channelIds, warehouseIds, skuIds, cartons, bundles };
}

/**
 * Fills the database with a shop's last 90 days. Same seed, same clock → the same database; a
 * rerun updates nothing it already wrote (orders are unique by channel + external id, and their
 * stock movements are written only when the order is first inserted).
 */
export function runDemo(ctx: CoreContext, opts: DemoOptions): DemoSummary {
  const started = performance.now();
  const batchSize = opts.batchSize ?? 5000;
  const catalog = demoCatalog();
  const picks = catalogPicks(catalog);
  const stock = new DemoStockBook(ctx);
  const tx = <T>(fn: () => T): T => ctx.sqlite.transaction(fn).immediate();
  const { anchor, firstRun } = tx(() => anchorFor(ctx, opts.seed));
  const master = tx(() => {
    const m = setupMasterData(ctx, opts.seed, catalog, stock, firstRun);
    setupDemoRouting(ctx);
    stock.flush(rngFor(opts.seed, STOCK_STREAM, 1), `${opts.seed}:opening`, (id) => m.cartons.get(id) ?? 1);
    return m;
  });
  const st = ordersStatements(ctx.sqlite);
  const demoSt = demoStatements(ctx.sqlite);
  const customerIds = new Map<string, number>();
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  /**
   * Written after the batch's inserts, not after each order: an UPDATE opens a statement
   * savepoint, which makes FTS5 flush its pending search terms, so interleaving it with the
   * search-index inserts would write one tiny FTS segment per order (about 20× slower).
   */
  const fulfilments: [number, string | null, string | null, number | null, number][] = [];

  const writeOrder = (d: DemoOrder, now: number): void => {
    let customerId: number | null = null;
    if (d.customer) {
      customerId = customerIds.get(d.customer.key) ?? null;
      if (customerId === null) {
        customerId = demoSt.customerId(customerValues(d.customer), now);
        customerIds.set(d.customer.key, customerId);
      }
    }
    const { id, outcome } = upsertOrder(
      st,
      { ...d.order, channelId: master.channelIds.get(d.channel) as number, customerId },
      now,
    );
    counts[outcome]++;
    // Stock and fulfilment are history: written once, with the order, never again on a rerun.
    if (outcome !== 'inserted' || !d.warehouse) return;
    const wid = master.warehouseIds.get(d.warehouse) as number;
    fulfilments.push([wid, d.carrier, d.trackingNumber, d.shippedAt, id]);
    for (const l of d.order.lines) {
      const sid = master.skuIds.get(l.sku) as number;
      // A bundle moves its components, as routing reserves them for a live order.
      const parts = master.bundles.get(sid) ?? [{ skuId: sid, quantity: 1 }];
      for (const p of parts) {
        const qty = l.quantity * p.quantity;
        if (d.stock === 'reserved') stock.reserve(id, wid, p.skuId, qty);
        else stock.ship(wid, p.skuId, qty, d.stock === 'returned');
      }
    }
  };

  const sequence = chronological(opts.seed, opts.orders, anchor);
  for (let start = 0; start < opts.orders; start += batchSize) {
    const end = Math.min(opts.orders, start + batchSize);
    tx(() => {
      const now = ctx.now();
      for (let k = start; k < end; k++)
        writeOrder(demoOrder(opts.seed, sequence[k] as number, anchor, picks), now);
      for (const f of fulfilments) demoSt.setFulfilment.run(...f);
      fulfilments.length = 0;
      stock.flush(
        rngFor(opts.seed, STOCK_STREAM, 2 + start / batchSize),
        `${opts.seed}:${start / batchSize}`,
        (id) => master.cartons.get(id) ?? 1,
      );
    });
    opts.onProgress?.(end, opts.orders);
  }

  // Alerts tab: SKUs with a safety threshold that ended below it in some warehouse.
  const guarded = catalog
    .filter((s) => (s.safetyStock ?? 0) > 0)
    .map((s) => master.skuIds.get(s.sku) as number);
  tx(() =>
    checkLowStock(
      ctx,
      [...master.warehouseIds.values()].flatMap((warehouseId) =>
        guarded.map((skuId) => ({ warehouseId, skuId })),
      ),
    ),
  );

  const summary: DemoSummary = {
    orders: opts.orders,
    ...counts,
    channels: master.channelIds.size,
    skus: master.skuIds.size,
    warehouses: master.warehouseIds.size,
    customers: customerIds.size,
    ledgerRows: stock.rows,
    seed: opts.seed,
    anchor: new Date(anchor).toISOString(),
    seconds: 0,
  };
  tx(() =>
    recordAudit(ctx.db, {
      at: ctx.now(),
      actor: 'demo',
      entity: 'system',
      entityId: 0,
      action: 'demo',
      data: { ...summary, seconds: undefined },
    }),
  );
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}
