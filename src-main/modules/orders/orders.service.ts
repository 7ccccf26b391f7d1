import type { CoreContext } from '../../core-context';
import type { OrderDetail, OrderFilter, OrderSummary } from '../../../src-shared/contract/orders.contract';
import { assertTransition, manualNext, type OrderStatus } from '../../../src-shared/domain/order-status';
import type { OrderType } from '../../../src-shared/domain/ids';
import { AppFailure } from '../../../src-shared/result';
import { listAudit, recordAudit, type AuditEntryInput } from '../audit';
import { listChannels, orderCountsByChannel } from '../channels';
import { releaseOrderReservations } from '../inventory';
import {
  countQueue,
  listQueue,
  regionCounts,
  statusCounts,
  type QueueFilter,
  type QueueSortField,
} from './orders-queue.repo';
import { findOrderLines, findOrderRow } from './orders.repo';
import { findOrderState, setOrderStatus, setOrderStatusFrom, type RunColumns } from './orders-status.repo';

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * One line for a routing decision among the order's reasons: "routing: SH: in stock, ¥7.00 via
 * ZTO (2 d); GZ: …; chose SH via ZTO: …" (the UI parses it by that shape).
 */
export const routingLine = (reasons: string[]): string => `routing: ${reasons.join('; ')}`;

/**
 * The order's reasons, then its latest routing decision's. Routing stores its reasons once, on
 * the allocation row; the line is built when the order is read.
 */
const withRouting = (reasons: string[], routingJson: string | null): string[] =>
  routingJson === null ? reasons : [...reasons, routingLine(JSON.parse(routingJson) as string[])];

/** A bare date means that whole day on this machine's clock, which is the shop's working day. */
function dateBound(text: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    return new Date(y, m - 1, end ? d + 1 : d).getTime();
  }
  return Date.parse(text);
}

function resolveFilter(ctx: CoreContext, f: OrderFilter): QueueFilter {
  const out: QueueFilter = {};
  if (f.status?.length) out.statuses = f.status;
  if (f.type?.length) out.types = f.type;
  if (f.region?.length) out.regions = f.region;
  if (f.channel?.length) {
    const byCode = new Map(listChannels(ctx.db).map((c) => [c.code, c.id]));
    out.channelIds = f.channel.map((c) => byCode.get(c)).filter((v): v is number => v !== undefined);
  }
  if (f.from) out.fromMs = dateBound(f.from, false);
  if (f.to) out.toMs = dateBound(f.to, true);
  if (f.search?.trim()) out.search = f.search;
  return out;
}

export function listOrders(
  ctx: CoreContext,
  input: {
    filter: OrderFilter;
    sort: { field: QueueSortField; dir: 'asc' | 'desc' };
    offset: number;
    limit: number;
  },
): OrderSummary[] {
  return listQueue(ctx.sqlite, resolveFilter(ctx, input.filter), input.sort, input.offset, input.limit).map(
    (r) => ({
      ...r,
      status: r.status as OrderStatus,
      type: r.type as OrderType,
      placedAt: iso(r.placedAt),
    }),
  );
}

export const countOrders = (ctx: CoreContext, filter: OrderFilter): number =>
  countQueue(ctx.sqlite, resolveFilter(ctx, filter));

export function orderFacets(ctx: CoreContext) {
  const counts = orderCountsByChannel(ctx.sqlite);
  return {
    status: statusCounts(ctx.sqlite),
    channel: listChannels(ctx.db).map((c) => ({ code: c.code, name: c.name, count: counts.get(c.id) ?? 0 })),
    region: regionCounts(ctx.sqlite),
  };
}

export function getOrder(ctx: CoreContext, id: number): OrderDetail {
  const o = findOrderRow(ctx.sqlite, id);
  if (!o) throw new AppFailure('not_found', `Order ${id} does not exist`);
  return {
    id: o.id,
    channel: o.channelCode,
    externalId: o.externalId,
    status: o.status,
    type: o.type as OrderType,
    placedAt: iso(o.placedAt),
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    paymentMethod: o.paymentMethod,
    buyerMessage: o.buyerMessage,
    customer: { id: o.customerId, name: o.recipientName, phone: o.phone },
    address: {
      country: o.country,
      province: o.province,
      city: o.city,
      district: o.district,
      street: o.street,
      detail: o.detail,
      postcode: o.postcode,
      raw: o.addressRaw,
      masked: Boolean(o.addressMasked),
      ambiguous: Boolean(o.addressAmbiguous),
    },
    lines: findOrderLines(ctx.sqlite, id),
    warehouse: o.warehouseCode,
    carrier: o.carrier,
    trackingNumber: o.trackingNumber,
    tags: JSON.parse(o.tagsJson) as string[],
    priority: o.priority,
    reasons: withRouting(JSON.parse(o.reasonsJson) as string[], o.routingJson),
    history: listAudit(ctx.db, 'order', id).map((a) => ({
      at: iso(a.at),
      actor: a.actor,
      action: a.action,
      from: a.fromValue,
      to: a.toValue,
      reason: a.reason,
    })),
    allowedNext: manualNext(o.status, { shippedBefore: o.shippedAt !== null }),
  };
}

/**
 * The only way an order's status changes: checked against the state machine, audited, and
 * releasing reservations on cancel, all inside the caller's transaction.
 */
export function transitionOrder(
  ctx: CoreContext,
  id: number,
  to: OrderStatus,
  actor: string,
  reason?: string,
): void {
  const o = findOrderState(ctx.sqlite, id);
  if (!o) throw new AppFailure('not_found', `Order ${id} does not exist`);
  assertTransition(o.status, to, { shippedBefore: o.shippedAt !== null });
  setOrderStatus(ctx.sqlite, id, to, ctx.now());
  afterTransition(ctx, id, o.status, to, actor, reason);
}

/**
 * transitionOrder for bulk runs (review, routing) that read the order's status set-based earlier
 * in the same transaction: same state machine, releases and audit, without a second read per
 * order. The write is guarded by `from`, so an order that changed meanwhile fails the call
 * instead of skipping a state. `also` are the run's own columns, written in the same row update.
 */
export function transitionFrom(
  ctx: CoreContext,
  id: number,
  from: OrderStatus,
  to: OrderStatus,
  actor: string,
  reason?: string,
  also?: RunColumns,
): void {
  checkTransition(ctx, id, from, to);
  writeTransition(ctx, id, from, to, also);
  afterTransition(ctx, id, from, to, actor, reason);
}

/** The state machine's word on from → to; where an exception may go depends on whether it shipped. */
export function checkTransition(ctx: CoreContext, id: number, from: OrderStatus, to: OrderStatus): void {
  const shippedBefore = from === 'exception' && (findOrderState(ctx.sqlite, id)?.shippedAt ?? null) !== null;
  assertTransition(from, to, { shippedBefore });
}

/** The row write of a checked transition, only if the order is still `from`. */
export function writeTransition(
  ctx: CoreContext,
  id: number,
  from: OrderStatus,
  to: OrderStatus,
  also: RunColumns | undefined,
): void {
  if (!setOrderStatusFrom(ctx.sqlite, id, from, to, ctx.now(), also))
    throw new AppFailure('conflict', `Order ${id} is no longer ${from}; nothing was changed`);
}

export function afterTransition(
  ctx: CoreContext,
  id: number,
  from: OrderStatus,
  to: OrderStatus,
  actor: string,
  reason: string | undefined,
  audit: (e: AuditEntryInput) => void = (e) => recordAudit(ctx.db, e),
): void {
  if (to === 'cancelled' || (to === 'approved' && from === 'allocated')) {
    releaseOrderReservations(ctx, id, actor, reason ?? `order ${to}`);
  }
  audit({
    at: ctx.now(),
    actor,
    entity: 'order',
    entityId: id,
    action: 'status',
    from,
    to,
    reason: reason ?? null,
  });
}
