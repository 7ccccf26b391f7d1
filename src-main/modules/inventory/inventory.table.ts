import { sqliteTable, integer, text, check, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { skus } from '../catalog/catalog.table';

export const warehouses = sqliteTable('warehouses', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  country: text('country').notNull().default('CN'),
  province: text('province').notNull().default(''),
  city: text('city').notNull().default(''),
  district: text('district').notNull().default(''),
  address: text('address').notNull().default(''),
  contactName: text('contact_name').notNull().default(''),
  phone: text('phone').notNull().default(''),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** Cost of picking and packing one parcel here; routing adds it to the shipping rate. */
  handlingMinor: integer('handling_minor').notNull().default(0),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Append-only: triggers in the migrations refuse UPDATE and DELETE. */
export const stockLedger = sqliteTable(
  'stock_ledger',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    kind: text('kind').notNull(),
    onHandDelta: integer('on_hand_delta').notNull().default(0),
    reservedDelta: integer('reserved_delta').notNull().default(0),
    reference: text('reference'),
    reason: text('reason'),
    actor: text('actor').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [
    index('stock_ledger_sku_idx').on(t.skuId, t.warehouseId, t.id),
    // What an order holds (reference order:<id>) is read when it is waved, shipped, cancelled or
    // re-routed; without this each read scanned the whole ledger (28 ms at 200,000 rows).
    index('stock_ledger_reference_idx').on(t.reference),
    check(
      'stock_ledger_kind',
      sql`${t.kind} in ('receipt','adjustment','reservation','release','pick','ship','transfer','return')`,
    ),
  ],
);

/**
 * Derived from the ledger by an AFTER INSERT trigger. Its CHECKs are what make overselling
 * impossible: a ledger row that would push available below zero aborts its own insert.
 */
export const stockLevels = sqliteTable(
  'stock_levels',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.skuId] }),
    check('stock_levels_reserved_nonneg', sql`${t.reserved} >= 0`),
    check('stock_levels_available_nonneg', sql`${t.onHand} - ${t.reserved} >= 0`),
  ],
);

/**
 * Storage locations. Stock is counted per warehouse (that is where the no-oversell guarantee
 * lives); a bin is where a SKU is kept, and `sequence` is the walking order for picking.
 */
export const bins = sqliteTable(
  'bins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    code: text('code').notNull(),
    sequence: integer('sequence').notNull().default(0),
    /** A retired bin keeps its history but takes no new SKUs and drops out of pick walks. */
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('bins_warehouse_code_uq').on(t.warehouseId, t.code)],
);

/** The bin a SKU is kept in, per warehouse. */
export const skuBins = sqliteTable(
  'sku_bins',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    binId: integer('bin_id')
      .notNull()
      .references(() => bins.id),
  },
  (t) => [primaryKey({ columns: [t.warehouseId, t.skuId] })],
);

/** Per-warehouse override of skus.safety_stock. */
export const stockThresholds = sqliteTable(
  'stock_thresholds',
  {
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    minAvailable: integer('min_available').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.warehouseId, t.skuId] }),
    check('stock_thresholds_nonneg', sql`${t.minAvailable} >= 0`),
  ],
);

/** Low-stock and backorder alerts with their suggestions; at most one open alert per warehouse, SKU and kind. */
export const stockAlerts = sqliteTable(
  'stock_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    skuId: integer('sku_id')
      .notNull()
      .references(() => skus.id),
    available: integer('available').notNull(),
    threshold: integer('threshold').notNull(),
    suggestionsJson: text('suggestions_json').notNull().default('[]'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [
    uniqueIndex('stock_alerts_open_uq')
      .on(t.warehouseId, t.skuId, t.kind)
      .where(sql`resolved_at is null`),
    index('stock_alerts_created_idx').on(t.createdAt),
    check('stock_alerts_kind', sql`${t.kind} in ('low_stock','backorder')`),
  ],
);
