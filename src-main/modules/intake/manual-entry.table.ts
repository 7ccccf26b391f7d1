import { sqliteTable, integer, text, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { orders } from '../orders/orders.table';

/**
 * One order typed in by hand (phone or counter), keyed by the request id the form generated: a
 * double-click or a retry after a lost answer finds the order made the first time instead of
 * making a second. `day` + `seq` give the order its number M-YYYYMMDD-NNNN.
 */
export const manualOrderRequests = sqliteTable(
  'manual_order_requests',
  {
    requestId: text('request_id').primaryKey(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    /** YYYYMMDD on this machine's clock, the shop's working day. */
    day: text('day').notNull(),
    seq: integer('seq').notNull(),
    /** Hash of what was submitted: the same request id with other content is refused, not ignored. */
    inputHash: text('input_hash').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('manual_order_requests_day_seq_uq').on(t.day, t.seq),
    check('manual_order_requests_seq_pos', sql`${t.seq} > 0`),
  ],
);
