import { sqliteTable, integer, text, check, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { warehouses } from '../inventory/inventory.table';
import { orders } from '../orders/orders.table';

export const carriers = sqliteTable(
  'carriers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** `air` carriers never take batteries or liquids. */
    mode: text('mode').notNull().default('ground'),
    serviceLevel: text('service_level').notNull().default('standard'),
    coldChain: integer('cold_chain', { mode: 'boolean' }).notNull().default(false),
    /** A freight line: the only kind that takes bulky items. */
    freight: integer('freight', { mode: 'boolean' }).notNull().default(false),
    batteryAllowed: integer('battery_allowed', { mode: 'boolean' }).notNull().default(false),
    cod: integer('cod', { mode: 'boolean' }).notNull().default(false),
    /** Volumetric weight in grams = L×W×H (mm) / divisor, e.g. 6000 or 8000. */
    volumetricDivisor: integer('volumetric_divisor').notNull().default(6000),
    /** 0 means no limit. */
    maxWeightGrams: integer('max_weight_grams').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    check('carriers_mode', sql`${t.mode} in ('ground','air')`),
    check('carriers_divisor_pos', sql`${t.volumetricDivisor} > 0`),
  ],
);

/**
 * Imported from CSV, replaced per carrier in one transaction. `zone` is a generic zone
 * (province / region / national / remote) or an exact destination province that beats it.
 */
export const carrierRates = sqliteTable(
  'carrier_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    carrierId: integer('carrier_id')
      .notNull()
      .references(() => carriers.id, { onDelete: 'cascade' }),
    zone: text('zone').notNull(),
    maxWeightGrams: integer('max_weight_grams').notNull(),
    firstWeightGrams: integer('first_weight_grams').notNull(),
    firstMinor: integer('first_minor').notNull(),
    stepGrams: integer('step_grams').notNull(),
    stepMinor: integer('step_minor').notNull(),
    surchargeMinor: integer('surcharge_minor').notNull().default(0),
    transitDays: integer('transit_days').notNull(),
    currency: text('currency').notNull().default('CNY'),
  },
  (t) => [
    uniqueIndex('carrier_rates_uq').on(t.carrierId, t.zone, t.maxWeightGrams),
    check(
      'carrier_rates_nonneg',
      sql`${t.firstMinor} >= 0 and ${t.stepMinor} >= 0 and ${t.surchargeMinor} >= 0 and ${t.transitDays} >= 0`,
    ),
    check(
      'carrier_rates_weights',
      sql`${t.maxWeightGrams} > 0 and ${t.firstWeightGrams} > 0 and ${t.stepGrams} >= 0`,
    ),
  ],
);

/** Which warehouses serve a region, best first (e.g. 华东 → SH, then GZ). */
export const regionWarehouses = sqliteTable(
  'region_warehouses',
  {
    region: text('region').notNull(),
    warehouseId: integer('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.region, t.warehouseId] })],
);

export const routingSettings = sqliteTable('routing_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every routing decision with its reasons and the alternatives it weighed; append-only history. */
export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    at: integer('at').notNull(),
    actor: text('actor').notNull(),
    outcome: text('outcome').notNull(),
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    carrier: text('carrier'),
    shippingMinor: integer('shipping_minor'),
    handlingMinor: integer('handling_minor'),
    currency: text('currency').notNull().default('CNY'),
    reasonsJson: text('reasons_json').notNull().default('[]'),
    alternativesJson: text('alternatives_json').notNull().default('[]'),
  },
  (t) => [
    index('allocations_order_idx').on(t.orderId, t.id),
    check('allocations_outcome', sql`${t.outcome} in ('allocated','backordered','exception','split')`),
  ],
);

/** Merge and split: the originals point at the orders that replaced them. */
export const orderLinks = sqliteTable(
  'order_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    sourceOrderId: integer('source_order_id')
      .notNull()
      .references(() => orders.id),
    targetOrderId: integer('target_order_id')
      .notNull()
      .references(() => orders.id),
    at: integer('at').notNull(),
  },
  (t) => [
    index('order_links_source_idx').on(t.sourceOrderId),
    index('order_links_target_idx').on(t.targetOrderId),
    check('order_links_kind', sql`${t.kind} in ('merge','split')`),
  ],
);
