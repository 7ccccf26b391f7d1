import type { CoreContext } from '../../core-context';
import { ROUTING_REGIONS, type RoutingRegion } from '../../../src-shared/contract/routing.contract';
import { AppFailure } from '../../../src-shared/result';
import { catalogSnapshot, type CatalogSnapshot } from '../catalog';
import {
  checkLowStock,
  reservationWriter,
  type ReservationWriter,
  raiseBackorderAlert,
  releaseOrderReservations,
  resolveBackorderAlert,
} from '../inventory';
import { runTransitions, transitionFrom, type RunTransitions } from '../orders';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { encodeAlternatives } from './alternatives-codec';
import { runRecord, type RunRecord } from './routing-record';
import { listCarriers, listRates, type RateRow } from './carriers.repo';
import { planOrder, type PlanWorld } from './routing-plan';
import { orderFacts, splitByWarehouse, stockKey, unknownSkuReasons } from './routing-needs';
import { regionOf } from './routing-regions';
import {
  activeWarehouses,
  availableStock,
  backorderedWithSkus,
  mergeableGroups,
  regionPreferences,
  routableOrders,
  batchLines,
  approvedInServingOrder,
  servingOrder,
  type BatchLine,
  type ServingOrder,
  routingStatements,
  type RoutableOrder,
  type RoutingStatements,
} from './routing.repo';
import { readRoutingConfig } from './routing-config.service';
import { mergeOrders, splitOrder } from './merge-split.service';
import { presaleGroups, shopToday, tagPresale, waitingPresaleOrders } from './presale';

export interface RunResult {
  considered: number;
  allocated: number[];
  backordered: number[];
  exception: number[];
  split: number[];
  merged: number[];
}

/** Everything a run needs, read once inside the write transaction so it cannot go stale. */
interface RunWorld {
  st: RoutingStatements;
  catalog: CatalogSnapshot;
  base: Omit<PlanWorld, 'rank'>;
  stock: Map<string, number>;
  ranks: Map<string, Map<number, number>>;
  allowSplit: boolean;
  /** The shop's calendar day: pre-sale lines dated after it wait. */
  today: string;
  /** Reserved warehouse/SKU pairs: their low-stock alerts are checked once at the end of the run. */
  touched: Map<string, { warehouseId: number; skuId: number }>;
  /** Orders of the current batch, read set-based; each is taken out once when routed. */
  batch: Map<number, { order: RoutableOrder; lines: BatchLine[] }>;
  /** Decisions whose order-row writes are pending (see runRecord). */
  record: RunRecord;
  /**
   * This run's reservations, appended many to a statement. Routing counts what it takes in `stock`
   * and reads neither the ledger nor stock levels while planning; whatever does (releases, splits,
   * backorder alerts, the end of the run) flushes them first.
   */
  reserved: ReservationWriter;
}

/** Orders read and routed per batch: big enough to make the reads set-based, small enough to stay fresh. */
const BATCH = 2000;
/** Decided orders' rows are written out at the latest at this count, to bound what waits in memory. */
const FLUSH_AT = 100_000;

function loadWorld(ctx: CoreContext, actor: string, transitions: RunTransitions): RunWorld {
  const cfg = readRoutingConfig(ctx);
  const rates = new Map<number, RateRow[]>();
  for (const r of listRates(ctx.sqlite)) {
    const list = rates.get(r.carrierId) ?? [];
    list.push(r);
    rates.set(r.carrierId, list);
  }
  const stock = new Map(
    availableStock(ctx.sqlite).map((s) => [stockKey(s.warehouseId, s.skuId), s.available]),
  );
  const ranks = new Map<string, Map<number, number>>();
  for (const p of regionPreferences(ctx.sqlite)) {
    const m = ranks.get(p.region) ?? new Map<number, number>();
    m.set(p.warehouseId, m.size);
    ranks.set(p.region, m);
  }
  const warehouses = activeWarehouses(ctx.sqlite);
  // A region nobody configured prefers the warehouses that stand in it, so routing is sensible out of the box.
  for (const region of ROUTING_REGIONS) {
    if (ranks.has(region)) continue;
    const local = warehouses.filter((w) => regionOf(w.province) === region);
    if (local.length) ranks.set(region, new Map(local.map((w) => [w.id, 0])));
  }
  const catalog = catalogSnapshot(ctx);
  return {
    st: routingStatements(ctx.sqlite),
    catalog,
    stock,
    ranks,
    allowSplit: cfg.allowSplit,
    today: shopToday(ctx),
    touched: new Map(),
    batch: new Map(),
    record: runRecord(ctx, transitions, actor),
    reserved: reservationWriter(ctx, actor),
    base: {
      warehouses,
      available: (w, s) => stock.get(stockKey(w, s)) ?? 0,
      carriers: listCarriers(ctx.sqlite).filter((c) => c.active),
      rates,
      promiseDays: cfg.promiseDays,
    },
  };
}

/**
 * Routes one order inside the caller's transaction: reservation, route, status change and the
 * allocation record either all happen or (if anything throws) none of them do.
 */
function routeOne(ctx: CoreContext, world: RunWorld, orderId: number, actor: string, out: RunResult): void {
  // Routed earlier in this run and asked again: let its writes land first so it is read as it is now.
  if (world.record.pending(orderId)) world.record.flush();
  // Split children are new orders: only they (and repeated ids) miss the batch.
  const pre = world.batch.get(orderId);
  world.batch.delete(orderId);
  const o = pre?.order ?? routableOrders(ctx.sqlite, [orderId])[0];
  if (!o) throw new AppFailure('not_found', `Order ${orderId} does not exist`);
  if (o.status !== 'approved' && o.status !== 'backordered') {
    throw new AppFailure(
      'conflict',
      `Order ${orderId} is ${o.status}; only approved or backordered orders can be routed`,
    );
  }
  out.considered++;
  const lines = pre?.lines ?? batchLines(ctx.sqlite, [orderId]);
  const f = orderFacts(world.catalog, o, lines);
  const from = o.status as OrderStatus;
  if ('unknown' in f) {
    if (o.status === 'backordered') return;
    const reasons = unknownSkuReasons(f.unknown);
    world.record.settle(
      orderId,
      from,
      { outcome: 'exception', reasons, alternatives: [] },
      reasons.join('; '),
      o.currency,
    );
    out.exception.push(orderId);
    return;
  }
  // Allocated → held → approved keeps what it had reserved: give that back before planning anew.
  // (An order with a route had its allocation row written by the flush that wrote the route.)
  if (o.warehouseId !== null && world.st.wasAllocated.get(orderId)) {
    world.reserved.flush();
    for (const r of releaseOrderReservations(ctx, orderId, actor, 're-routed')) {
      world.stock.set(
        stockKey(r.warehouseId, r.skuId),
        world.base.available(r.warehouseId, r.skuId) + r.reserved,
      );
    }
  }
  const presale = presaleOf(world, lines);
  if (presale.size > 0) return waitForPresale(ctx, world, o, presale, lines.length, actor, out);
  const region = regionOf(o.province);
  const plan = planOrder(f.needs, f.facts, {
    ...world.base,
    rank: (region && world.ranks.get(region)) || new Map(),
  });
  const groups =
    plan.outcome === 'backordered' && world.allowSplit && o.status === 'approved'
      ? splitByWarehouse(world.base, plan, f.lineNeeds)
      : null;
  if (plan.outcome === 'allocated') {
    for (const n of f.needs) {
      world.reserved.reserve(orderId, plan.warehouseId, n.skuId, n.quantity);
      world.stock.set(
        stockKey(plan.warehouseId, n.skuId),
        world.base.available(plan.warehouseId, n.skuId) - n.quantity,
      );
    }
    world.record.settle(orderId, from, plan, plan.reasons[plan.reasons.length - 1]!, o.currency);
    for (const n of f.needs)
      world.touched.set(stockKey(plan.warehouseId, n.skuId), {
        warehouseId: plan.warehouseId,
        skuId: n.skuId,
      });
    out.allocated.push(orderId);
  } else if (groups) {
    const reasons = [
      ...plan.reasons.slice(0, -1),
      `no warehouse has everything; split by warehouse: ${groups.map((g) => `lines ${g.lineNos.join(', ')} from ${g.warehouse}`).join('; ')}`,
    ];
    world.record.allocation({
      orderId,
      at: ctx.now(),
      actor,
      outcome: 'split',
      warehouseId: null,
      carrier: null,
      shippingMinor: null,
      handlingMinor: null,
      currency: o.currency,
      reasonsJson: JSON.stringify(reasons),
      alternativesJson: encodeAlternatives(plan.alternatives),
    });
    world.reserved.flush();
    world.record.land(orderId);
    const children = splitOrder(
      ctx,
      orderId,
      groups.map((g) => g.lineNos),
      actor,
      reasons[reasons.length - 1],
    );
    out.split.push(orderId);
    for (const child of children) routeOne(ctx, world, child, actor, out);
  } else if (plan.outcome === 'backordered') {
    world.reserved.flush();
    for (const n of plan.short) {
      const available = world.base.available(plan.warehouseId, n.skuId);
      raiseBackorderAlert(ctx, {
        warehouseId: plan.warehouseId,
        skuId: n.skuId,
        available,
        short: n.quantity - available,
        orderId,
      });
    }
    if (o.status === 'backordered') return;
    world.record.settle(orderId, from, plan, plan.reasons[plan.reasons.length - 1]!, o.currency);
    out.backordered.push(orderId);
  } else {
    // A backordered order cannot become an exception (state machine); it keeps waiting.
    if (o.status === 'backordered') return;
    world.record.settle(orderId, from, plan, plan.reasons.join('; '), o.currency);
    out.exception.push(orderId);
  }
}

/**
 * Pre-sale lines are not shipped before their date. When the shop allows splits, the order is
 * split so the other lines ship now (and each pre-sale date becomes its own order); otherwise the
 * whole order waits, as backordered and tagged pre-sale, which is a wait and not an exception: a
 * routing run on or after the date (or stock arriving then) routes it like any other order.
 */
function waitForPresale(
  ctx: CoreContext,
  world: RunWorld,
  o: RoutableOrder,
  presale: Map<number, string>,
  lineCount: number,
  actor: string,
  out: RunResult,
): void {
  world.reserved.flush();
  world.record.land(o.id);
  const groups = presaleGroups(lineCount, presale);
  const dated = [...presale].map(([n, d]) => `line ${n} ${d}`).join(', ');
  if (o.status === 'approved' && world.allowSplit && groups.length > 1) {
    const reason = `pre-sale (${dated}): split so ${presale.size < lineCount ? 'the lines in stock ship now and ' : ''}each pre-sale date ships on its own`;
    world.record.allocation({
      orderId: o.id,
      at: ctx.now(),
      actor,
      outcome: 'split',
      warehouseId: null,
      carrier: null,
      shippingMinor: null,
      handlingMinor: null,
      currency: o.currency,
      reasonsJson: JSON.stringify([reason]),
      alternativesJson: '[]',
    });
    const children = splitOrder(ctx, o.id, groups, actor, reason);
    out.split.push(o.id);
    for (const child of children) routeOne(ctx, world, child, actor, out);
    return;
  }
  tagPresale(ctx.sqlite, o.id);
  if (o.status === 'backordered') return; // still waiting; nothing new to record
  const last = [...presale.values()].sort().at(-1)!;
  const reason = `pre-sale (${dated}): the order waits until ${last}${lineCount > presale.size ? ' (splitting is off, so the lines in stock wait too)' : ''}`;
  world.st.setRoute.run(null, null, ctx.now(), o.id);
  transitionFrom(ctx, o.id, 'approved', 'backordered', actor, reason);
  world.record.allocation({
    orderId: o.id,
    at: ctx.now(),
    actor,
    outcome: 'backordered',
    warehouseId: null,
    carrier: null,
    shippingMinor: null,
    handlingMinor: null,
    currency: o.currency,
    reasonsJson: JSON.stringify([reason]),
    alternativesJson: '[]',
  });
  out.backordered.push(o.id);
}

/**
 * Line number → expected ship date, for the lines dated after the shop's today: the line's own
 * date, else its SKU's (from the run's catalog, so the lines query needs no join with skus).
 */
function presaleOf(world: RunWorld, lines: BatchLine[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const l of lines) {
    const date = l.shipDate ?? world.catalog.byCode.get(l.sku)?.presaleShipDate ?? null;
    if (date !== null && date > world.today) out.set(l.lineNo, date);
  }
  return out;
}

/**
 * Routes the orders in the order given, a batch at a time: the lines of a batch (and the orders
 * given by id only) are read in one query each first.
 */
function routeAll(
  ctx: CoreContext,
  world: RunWorld,
  todo: readonly (number | ServingOrder)[],
  actor: string,
  out: RunResult,
): void {
  for (let i = 0; i < todo.length; i += BATCH) {
    const chunk = todo.slice(i, i + BATCH);
    const ids = chunk.map((t) => (typeof t === 'number' ? t : t.id));
    const known = chunk.filter((t): t is ServingOrder => typeof t !== 'number');
    const unknown = chunk.filter((t): t is number => typeof t === 'number');
    world.batch.clear();
    const unread: number[] = [...unknown];
    for (const order of known) {
      world.batch.set(order.id, { order, lines: order.lines ?? [] });
      if (!order.lines) unread.push(order.id);
    }
    for (const order of routableOrders(ctx.sqlite, unknown)) world.batch.set(order.id, { order, lines: [] });
    if (unread.length)
      for (const l of batchLines(ctx.sqlite, unread)) world.batch.get(l.orderId)?.lines.push(l);
    for (const id of ids) routeOne(ctx, world, id, actor, out);
    if (world.record.size >= FLUSH_AT) world.record.flush();
  }
  world.batch.clear();
  world.reserved.flush();
  world.record.flush();
}

const emptyResult = (): RunResult => ({
  considered: 0,
  allocated: [],
  backordered: [],
  exception: [],
  split: [],
  merged: [],
});

/** Review and routing in one pass (the automatic pipeline): see runPipelinePass. */
export interface RoutingPass {
  /** The pass's transitions: an order review approved and routing allocated is written once. */
  transitions: RunTransitions;
  /** The orders the pass's review approved, whose rows still say pending_review. */
  approved: ServingOrder[];
}

export function runRouting(
  ctx: CoreContext,
  ids: number[] | undefined,
  actor: string,
  pass?: RoutingPass,
): RunResult {
  const out = emptyResult();
  const transitions = pass?.transitions ?? runTransitions(ctx);
  let approved = pass?.approved ?? [];
  if (ids === undefined && readRoutingConfig(ctx).autoMerge) {
    // Merging reads and changes order rows: the review's approvals are written first and read back.
    transitions.flush();
    approved = [];
    for (const group of mergeableGroups(ctx.sqlite))
      out.merged.push(mergeOrders(ctx, group, actor, 'same buyer, address and phone'));
  }
  const world = loadWorld(ctx, actor, transitions);
  // Waiting pre-sale orders come along: those whose day has come are routed, the others keep waiting.
  const todo = ids ?? [
    ...(approved.length
      ? [...approvedInServingOrder(ctx.sqlite), ...approved].sort(servingOrder)
      : approvedInServingOrder(ctx.sqlite)),
    ...waitingPresaleOrders(ctx.sqlite),
  ];
  routeAll(ctx, world, todo, actor, out);
  checkLowStock(ctx, [...world.touched.values()]);
  const changed = [...out.allocated, ...out.backordered, ...out.exception];
  if (changed.length) ctx.emit('orders.changed', { ids: changed, reason: 'routing' });
  return out;
}

/** Stock arrived for these SKUs: try every backordered order that waits for any of them, urgent first, then oldest. */
export function allocateBackorders(ctx: CoreContext, skuCodes: string[], actor: string): number[] {
  const ids = backorderedWithSkus(ctx.sqlite, skuCodes);
  if (ids.length === 0) return [];
  const world = loadWorld(ctx, actor, runTransitions(ctx));
  // Alerts about these SKUs are re-raised below for the orders that still wait.
  for (const code of skuCodes) {
    const s = world.catalog.byCode.get(code);
    if (s) for (const w of world.base.warehouses) resolveBackorderAlert(ctx, w.id, s.id);
  }
  const out = emptyResult();
  routeAll(ctx, world, ids, actor, out);
  checkLowStock(ctx, [...world.touched.values()]);
  if (out.allocated.length) ctx.emit('orders.changed', { ids: out.allocated, reason: 'stock arrived' });
  return out.allocated;
}

export type { RoutingRegion };
