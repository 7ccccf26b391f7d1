import { AppFailure } from '../result';

export const ORDER_STATUSES = [
  'pending_review',
  'held',
  'approved',
  'backordered',
  'allocated',
  'picking',
  'packed',
  'shipped',
  'delivered',
  'exception',
  'returned',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const PRE_SHIPMENT: readonly OrderStatus[] = [
  'pending_review',
  'held',
  'approved',
  'backordered',
  'allocated',
  'picking',
  'packed',
];

/** The table of DESIGN.md, minus the two context-dependent rows handled below. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_review: ['approved', 'held'],
  held: ['approved'],
  approved: ['allocated', 'backordered', 'exception', 'held'],
  backordered: ['allocated', 'held'],
  allocated: ['picking', 'approved', 'held'],
  picking: ['packed', 'allocated'],
  packed: ['shipped', 'picking'],
  shipped: ['delivered', 'exception', 'returned'],
  delivered: ['returned'],
  exception: [],
  returned: [],
  cancelled: [],
};

export const FINAL_STATUSES: readonly OrderStatus[] = ['returned', 'cancelled'];

export const isPreShipment = (s: OrderStatus): boolean => PRE_SHIPMENT.includes(s);

/**
 * `exception` can happen before shipping (no warehouse or carrier possible) or after (a parcel
 * problem), and where it may go next depends on which: so the caller passes whether the order
 * had shipped before it entered `exception`.
 */
export function allowedNext(from: OrderStatus, ctx: { shippedBefore?: boolean } = {}): OrderStatus[] {
  if (from === 'exception') {
    return ctx.shippedBefore ? ['shipped', 'delivered', 'returned'] : ['approved', 'held', 'cancelled'];
  }
  const next: OrderStatus[] = [...NEXT[from]];
  if (isPreShipment(from)) next.push('cancelled');
  return next;
}

export function canTransition(
  from: OrderStatus,
  to: OrderStatus,
  ctx: { shippedBefore?: boolean } = {},
): boolean {
  return allowedNext(from, ctx).includes(to);
}

export function assertTransition(
  from: OrderStatus,
  to: OrderStatus,
  ctx: { shippedBefore?: boolean } = {},
): void {
  if (!canTransition(from, to, ctx)) {
    const allowed = allowedNext(from, ctx);
    throw new AppFailure(
      'illegal_transition',
      `An order cannot go from "${from}" to "${to}"` +
        (allowed.length ? `; from "${from}" it can go to: ${allowed.join(', ')}` : `; "${from}" is final`),
    );
  }
}

/**
 * Moves a person may make directly from the queue. The others belong to routing, picking and
 * packing, and shipping, which do more than change the status (reserve stock, record a
 * tracking number…), so they happen only through those workflows.
 */
export const MANUAL_TARGETS = ['approved', 'held', 'cancelled', 'exception', 'delivered'] as const;
export type ManualTarget = (typeof MANUAL_TARGETS)[number];

export const manualNext = (from: OrderStatus, ctx: { shippedBefore?: boolean } = {}): ManualTarget[] =>
  allowedNext(from, ctx).filter((s): s is ManualTarget => (MANUAL_TARGETS as readonly string[]).includes(s));
