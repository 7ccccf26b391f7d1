import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import type { OrderStatus } from '../../../src-shared/domain/order-status';

/** An order row's status and what is written with it: bulk runs, transitions, ship confirmation. */

export function setOrderStatus(sqlite: Sqlite, id: number, status: OrderStatus, now: number): void {
  stmt(
    sqlite,
    `update orders set status = ?, updated_at = ?,
       shipped_at = case when ? = 'shipped' and shipped_at is null then ? else shipped_at end
     where id = ?`,
  ).run(status, now, status, now, id);
}

/**
 * Columns a bulk run (review, routing) writes together with the status, so each order row is
 * rewritten once per run instead of twice: on 100,000 orders the second row write was a large
 * share of the run.
 */
export interface RunColumns {
  reasonsJson?: string;
  tagsJson?: string;
  priority?: number;
  warehouseId?: number | null;
  carrier?: string | null;
}

const RUN_COLUMNS: [keyof RunColumns, string][] = [
  ['reasonsJson', 'reasons_json = ?'],
  ['tagsJson', 'tags_json = ?'],
  ['priority', 'priority = ?'],
  ['warehouseId', 'warehouse_id = ?'],
  ['carrier', 'carrier = ?'],
];

/** Every run column, for code that goes over them (folding two changes of one order). */
export const RUN_COLUMN_KEYS: readonly (keyof RunColumns)[] = RUN_COLUMNS.map(([k]) => k);

/**
 * Changes the status only if it is still `from`: bulk runs read statuses set-based and write them
 * here without a second read, so a stale read changes nothing (false) instead of skipping a step.
 */
export function setOrderStatusFrom(
  sqlite: Sqlite,
  id: number,
  from: OrderStatus,
  to: OrderStatus,
  now: number,
  also: RunColumns = {},
): boolean {
  let shape = 0;
  const values: unknown[] = [to, now, to, now];
  for (let bit = 0; bit < RUN_COLUMNS.length; bit++) {
    const v = also[RUN_COLUMNS[bit]![0]];
    if (v === undefined) continue;
    shape |= 1 << bit;
    values.push(v);
  }
  values.push(id, from);
  return stmt(sqlite, statusFromSql(shape)).run(values).changes === 1;
}

// One SQL text per combination of run columns, built once: the statement cache is keyed by text.
const statusFromSqls = new Map<number, string>();
function statusFromSql(shape: number): string {
  let sql = statusFromSqls.get(shape);
  if (sql === undefined) {
    const sets = RUN_COLUMNS.filter((_, bit) => shape & (1 << bit))
      .map(([, set]) => `, ${set}`)
      .join('');
    sql = `update orders set status = ?, updated_at = ?,
         shipped_at = case when ? = 'shipped' and shipped_at is null then ? else shipped_at end${sets}
       where id = ? and status = ?`;
    statusFromSqls.set(shape, sql);
  }
  return sql;
}

/** Records the parcel's carrier and tracking number (ship confirmation). */
export function setOrderTracking(
  sqlite: Sqlite,
  id: number,
  carrier: string,
  tracking: string,
  now: number,
): void {
  stmt(sqlite, 'update orders set carrier = ?, tracking_number = ?, updated_at = ? where id = ?').run(
    carrier,
    tracking,
    now,
    id,
  );
}

/** Just what a status change needs to know, without the joins of a full read. */
export function findOrderState(
  sqlite: Sqlite,
  id: number,
): { status: OrderStatus; shippedAt: number | null } | undefined {
  return stmt(sqlite, 'select status, shipped_at as shippedAt from orders where id = ?').get(id) as
    { status: OrderStatus; shippedAt: number | null } | undefined;
}
