import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';

/**
 * What review reads about orders, in a few set-based queries per run rather than one per order:
 * the orders, their lines, the SKU catalogue and per-customer totals.
 */
export interface ReviewOrderRow {
  id: number;
  externalId: string;
  status: string;
  channel: string;
  type: string;
  country: string;
  province: string;
  city: string;
  currency: string;
  totalMinor: number;
  paymentMethod: string | null;
  buyerMessage: string | null;
  addressMasked: number;
  addressAmbiguous: number;
  buyerIdNumber: string | null;
  customerId: number | null;
  tagsJson: string;
  reasonsJson: string;
  priority: number;
  placedAt: number;
  warehouseId: number | null;
}

export interface LineRow {
  orderId: number;
  lineNo: number;
  sku: string;
  quantity: number;
  /** The line's own pre-sale ship date (routing reads it when the same pass routes the order). */
  shipDate: string | null;
}

/**
 * Which orders a pass looks at: all pending ones, the pending ones of a run's batch (an id range,
 * read along the table: a run's status changes wait until its end, so the range holds just the
 * batch) or the latest N (a simulation).
 */
export type ReviewScope =
  { kind: 'pending' } | { kind: 'range'; first: number; last: number } | { kind: 'latest'; limit: number };

const scopeSql = (s: ReviewScope, id: string): { where: string; params: unknown[] } =>
  s.kind === 'pending'
    ? { where: `o.status = 'pending_review'`, params: [] }
    : s.kind === 'range'
      ? // Unary + keeps the planner off the status index: the id range is the narrow part.
        { where: `${id} between ? and ? and +o.status = 'pending_review'`, params: [s.first, s.last] }
      : {
          where: `o.id in (select id from orders order by placed_at desc, id desc limit ?)`,
          params: [s.limit],
        };

/** Ids of the orders waiting for review, in id (table) order. */
export const pendingReviewIds = (sqlite: Sqlite): number[] =>
  (sqlite.prepare(`select id from orders where status = 'pending_review'`).pluck().all() as number[]).sort(
    (a, b) => a - b,
  );

/**
 * Read as arrays and given one object shape here: better-sqlite3 builds each row object through
 * V8's slow path, and for a run's 100,000 rows of 20 columns that cost about twice this.
 */
const toOrderRow = (r: unknown[]): ReviewOrderRow => ({
  id: r[0] as number,
  externalId: r[1] as string,
  status: r[2] as string,
  channel: r[3] as string,
  type: r[4] as string,
  country: r[5] as string,
  province: r[6] as string,
  city: r[7] as string,
  currency: r[8] as string,
  totalMinor: r[9] as number,
  paymentMethod: r[10] as string | null,
  buyerMessage: r[11] as string | null,
  addressMasked: r[12] as number,
  addressAmbiguous: r[13] as number,
  buyerIdNumber: r[14] as string | null,
  customerId: r[15] as number | null,
  tagsJson: r[16] as string,
  reasonsJson: r[17] as string,
  priority: r[18] as number,
  placedAt: r[19] as number,
  warehouseId: r[20] as number | null,
});

export function readScopeOrders(sqlite: Sqlite, scope: ReviewScope): ReviewOrderRow[] {
  const { where, params } = scopeSql(scope, 'o.id');
  const rows = stmt(
    sqlite,
    `select o.id, o.external_id, o.status, c.code, o.type, o.country, o.province, o.city,
         o.currency, o.total_minor, o.payment_method, o.buyer_message,
         o.address_masked, o.address_ambiguous, o.buyer_id_number,
         o.customer_id, o.tags_json, o.reasons_json, o.priority, o.placed_at, o.warehouse_id
       from orders o join channels c on c.id = o.channel_id
       where ${where} order by o.id`,
  )
    .raw(true)
    .all(...params) as unknown[][];
  return rows.map(toOrderRow);
}

export function readScopeLines(sqlite: Sqlite, scope: ReviewScope): LineRow[] {
  const { where, params } = scopeSql(scope, 'l.order_id');
  const rows = stmt(
    sqlite,
    `select l.order_id, l.line_no, l.sku, l.quantity, l.presale_ship_date
       from order_lines l join orders o on o.id = l.order_id
       where ${where} order by l.order_id, l.line_no`,
  )
    .raw(true)
    .all(...params) as [number, number, string, number, string | null][];
  return rows.map((r) => ({ orderId: r[0], lineNo: r[1], sku: r[2], quantity: r[3], shipDate: r[4] }));
}

export function readSkuFacts(sqlite: Sqlite): Map<string, { category: string | null; weightGrams: number }> {
  const rows = sqlite.prepare('select sku, category, weight_grams as weightGrams from skus').all() as {
    sku: string;
    category: string | null;
    weightGrams: number;
  }[];
  return new Map(rows.map((r) => [r.sku, r]));
}

/** Orders and spend per customer, cancelled orders excluded. */
export function readCustomerStats(sqlite: Sqlite): Map<number, { orders: number; spendMinor: number }> {
  const rows = sqlite
    .prepare(
      `select customer_id as customerId, count(*) as orders, sum(total_minor) as spendMinor
       from orders where customer_id is not null and status != 'cancelled' group by customer_id`,
    )
    .all() as { customerId: number; orders: number; spendMinor: number }[];
  return new Map(rows.map((r) => [r.customerId, r]));
}

/** Prepared once per run: the review's own columns of an order (status goes through transitionOrder). */
export function reviewWriter(sqlite: Sqlite) {
  const st = sqlite.prepare(
    'update orders set reasons_json = ?, tags_json = ?, priority = ?, updated_at = ? where id = ?',
  );
  return (id: number, reasonsJson: string, tagsJson: string, priority: number, now: number): void => {
    st.run(reasonsJson, tagsJson, priority, now, id);
  };
}

export interface QueueDbRow {
  id: number;
  channel: string;
  externalId: string;
  placedAt: number;
  currency: string;
  totalMinor: number;
  recipientName: string;
  province: string;
  city: string;
  type: string;
  reasonsJson: string;
  tagsJson: string;
  heldAt: number | null;
}

export function listWaiting(
  sqlite: Sqlite,
  status: 'held' | 'pending_review',
  offset: number,
  limit: number,
): { total: number; rows: QueueDbRow[] } {
  const { total } = sqlite.prepare('select count(*) as total from orders where status = ?').get(status) as {
    total: number;
  };
  const rows = sqlite
    .prepare(
      `select o.id, c.code as channel, o.external_id as externalId, o.placed_at as placedAt, o.currency,
         o.total_minor as totalMinor, o.recipient_name as recipientName, o.province, o.city, o.type,
         o.reasons_json as reasonsJson, o.tags_json as tagsJson,
         (select max(d.at) from review_decisions d where d.order_id = o.id and d.outcome in ('held', 'blocked')) as heldAt
       from orders o join channels c on c.id = o.channel_id
       where o.status = ? order by o.placed_at, o.id limit ? offset ?`,
    )
    .all(status, limit, offset) as QueueDbRow[];
  return { total, rows };
}

export function readOrderBrief(
  sqlite: Sqlite,
  id: number,
): { id: number; status: string; reasonsJson: string } | undefined {
  return sqlite.prepare('select id, status, reasons_json as reasonsJson from orders where id = ?').get(id) as
    { id: number; status: string; reasonsJson: string } | undefined;
}

export function setOrderReasons(sqlite: Sqlite, id: number, reasons: string[], now: number): void {
  sqlite
    .prepare('update orders set reasons_json = ?, updated_at = ? where id = ?')
    .run(JSON.stringify(reasons), now, id);
}
