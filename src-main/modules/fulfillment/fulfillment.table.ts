import { sqliteTable, integer, text, index, uniqueIndex, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { orders } from '../orders/orders.table';
import { warehouses } from '../inventory/inventory.table';
import { skus } from '../catalog/catalog.table';

/** A pick wave: allocated orders of one warehouse picked together, one tote slot per order. */
export const waves = sqliteTable(
  'waves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    /** The selection that produced it (carrier, single/multi item, limits, cut-off), for the record. */
    filtersJson: text('filters_json').notNull().default('{}'),
    actor: text('actor').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('waves_created_idx').on(t.createdAt)],
);

/** An order's place in a wave. `removedAt` is set when a short pick sends it back to allocated. */
export const waveOrders = sqliteTable(
  'wave_orders',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => waves.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    slot: integer('slot').notNull(),
    removedAt: integer('removed_at'),
    removedReason: text('removed_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.orderId] }),
    uniqueIndex('wave_orders_slot_uq').on(t.waveId, t.slot),
    index('wave_orders_order_idx').on(t.orderId),
  ],
);

/** What each order needs from the shelves: its reservations when the wave was made (bundles already expanded). */
export const waveLines = sqliteTable(
  'wave_lines',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => waves.id),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.waveId, t.orderId, t.skuId] }),
    check('wave_lines_qty_pos', sql`${t.quantity} > 0`),
  ],
);

/** Units of a SKU picked for a wave so far; which slot each unit goes to follows from slot order. */
export const wavePicks = sqliteTable(
  'wave_picks',
  {
    waveId: integer('wave_id')
      .notNull()
      .references(() => waves.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    picked: integer('picked').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.waveId, t.skuId] }), check('wave_picks_nonneg', sql`${t.picked} >= 0`)],
);

export const packSessions = sqliteTable(
  'pack_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    status: text('status').notNull().default('open'),
    actor: text('actor').notNull(),
    openedAt: integer('opened_at').notNull(),
    completedAt: integer('completed_at'),
    weightGrams: integer('weight_grams'),
    box: text('box'),
    /** { supervisor, reason, missing, weight } when a supervisor let an imperfect parcel go. */
    overrideJson: text('override_json'),
  },
  (t) => [
    index('pack_sessions_order_idx').on(t.orderId),
    check('pack_sessions_status', sql`${t.status} in ('open','completed')`),
  ],
);

/** Every scan at the packing bench, refused ones too, so a supervisor can see what happened. */
export const packScans = sqliteTable(
  'pack_scans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => packSessions.id),
    barcode: text('barcode').notNull(),
    skuId: integer('sku_id').references(() => skus.id),
    result: text('result').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [
    index('pack_scans_session_idx').on(t.sessionId),
    check('pack_scans_result', sql`${t.result} in ('ok','wrong_item','extra_item')`),
  ],
);

/** One parcel per order: confirming it again with the same number changes nothing. */
export const shipments = sqliteTable(
  'shipments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id)
      .unique(),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    actor: text('actor').notNull(),
    shippedAt: integer('shipped_at').notNull(),
  },
  (t) => [index('shipments_tracking_idx').on(t.carrier, t.trackingNumber)],
);
