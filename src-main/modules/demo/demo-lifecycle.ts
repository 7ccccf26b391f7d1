import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { chance, int, pickWeighted, weighted, type Rng, type Weighted } from './demo-random';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
const CST = 8 * HOUR;

/** Chinese shoppers buy at lunch and in the evening, peaking 20:00–22:00 (live streams). */
const HOURS = weighted(
  [2, 1, 0.5, 0.3, 0.3, 0.4, 0.8, 1.5, 2.5, 3.5, 4, 4.5, 5, 4.5, 4, 4, 4, 4, 4.5, 5.5, 7, 8, 7, 4].map(
    (w, h) => [h, w] as const,
  ),
);

/** Share of orders in the last three days: the backlog of a recent promotion the desk still works on. */
const BACKLOG = 0.3;
const BACKLOG_DAYS = 3;

/**
 * When the order was placed, as an age before the anchor. Most orders spread over 90 days with a
 * gentle growth trend and the daily rhythm; the backlog crowds the last hours, which is what
 * gives the queue its pending and just-allocated orders.
 */
export function orderPlacedAt(r: Rng, anchor: number): number {
  if (chance(r, BACKLOG)) return anchor - Math.floor(BACKLOG_DAYS * DAY * r() * r()) - 60_000;
  let d: number;
  do d = Math.floor(r() * 90);
  while (r() > 1 - d / 270);
  const dayStart = Math.floor((anchor + CST) / DAY) * DAY - CST;
  let at = dayStart - d * DAY + pickWeighted(r, HOURS) * HOUR + Math.floor(r() * HOUR);
  if (at >= anchor - 60_000) at -= DAY;
  return at;
}

type Table = Weighted<OrderStatus>;
const t = (pairs: [OrderStatus, number][]): Table => weighted(pairs);

/** Status mix by age: fresh orders wait for review, a week later nearly all are delivered. */
const FRESH = t([
  ['pending_review', 58],
  ['approved', 12],
  ['held', 5],
  ['allocated', 10],
  ['picking', 3],
  ['packed', 2],
  ['backordered', 3],
  ['cancelled', 4],
  ['exception', 3],
]);
const TODAY = t([
  ['pending_review', 30],
  ['approved', 14],
  ['held', 5],
  ['allocated', 18],
  ['picking', 6],
  ['packed', 6],
  ['backordered', 3],
  ['shipped', 12],
  ['cancelled', 4],
  ['exception', 2],
]);
const RECENT = t([
  ['pending_review', 8],
  ['approved', 6],
  ['held', 4],
  ['allocated', 8],
  ['picking', 2],
  ['packed', 3],
  ['backordered', 3],
  ['shipped', 53],
  ['delivered', 6],
  ['cancelled', 5],
  ['exception', 2],
]);
const WEEK = t([
  ['shipped', 45],
  ['delivered', 42],
  ['exception', 3],
  ['returned', 1],
  ['cancelled', 5],
  ['held', 2],
  ['backordered', 2],
]);
const OLD = t([
  ['delivered', 85],
  ['returned', 4],
  ['cancelled', 6],
  ['exception', 2],
  ['shipped', 2],
  ['held', 1],
]);

export function statusFor(r: Rng, ageDays: number, abroad: boolean): OrderStatus {
  // Cross-border parcels stay in transit for two weeks or more.
  const table =
    ageDays < 0.25
      ? FRESH
      : ageDays < 1
        ? TODAY
        : ageDays < 3
          ? RECENT
          : ageDays < (abroad ? 16 : 7)
            ? WEEK
            : OLD;
  return pickWeighted(r, table);
}

/** `exception` after shipping is a parcel problem; before, a routing problem. Old ones have shipped. */
export const exceptionAfterShipping = (r: Rng, ageDays: number): boolean =>
  ageDays >= 3 || (ageDays >= 1 && chance(r, 0.5));

const SHIPPED_STATES = new Set<OrderStatus>(['shipped', 'delivered', 'returned']);
const RESERVING_STATES = new Set<OrderStatus>(['allocated', 'picking', 'packed']);

/** What an order in this status has done to stock: reserved it, shipped it, or shipped and got it back. */
export function stockEffect(
  status: OrderStatus,
  shippedBefore: boolean,
): 'none' | 'reserved' | 'shipped' | 'returned' {
  if (status === 'returned') return 'returned';
  if (SHIPPED_STATES.has(status) || (status === 'exception' && shippedBefore)) return 'shipped';
  return RESERVING_STATES.has(status) ? 'reserved' : 'none';
}

/** Shipped four hours to a day and a half after the order, and never in the future. */
export function shippedAtFor(r: Rng, placedAt: number, anchor: number): number {
  const at = placedAt + int(r, 4 * 60, 36 * 60) * 60_000;
  return Math.max(placedAt, Math.min(at, anchor - 5 * 60_000));
}

/** The order day in China time, as the marketplaces print it in their order numbers. */
export function chinaYmd(ms: number): string {
  const d = new Date(ms + CST);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
