import { sqliteTable, integer, text, check, primaryKey, index } from 'drizzle-orm/sqlite-core';
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
