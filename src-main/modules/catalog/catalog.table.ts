import { sqliteTable, integer, text, check, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const skus = sqliteTable(
  'skus',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull().unique(),
    title: text('title').notNull(),
    spec: text('spec').notNull().default(''),
    /** The primary barcode; every barcode (this one too) is also in sku_barcodes for scanning. */
    barcode: text('barcode'),
    category: text('category'),
    weightGrams: integer('weight_grams').notNull().default(0),
    lengthMm: integer('length_mm').notNull().default(0),
    widthMm: integer('width_mm').notNull().default(0),
    heightMm: integer('height_mm').notNull().default(0),
    /** Handling attributes drive carrier rules: cold chain for fresh, freight for bulky, no air for batteries/liquids. */
    coldChain: integer('cold_chain', { mode: 'boolean' }).notNull().default(false),
    bulky: integer('bulky', { mode: 'boolean' }).notNull().default(false),
    fragile: integer('fragile', { mode: 'boolean' }).notNull().default(false),
    battery: integer('battery', { mode: 'boolean' }).notNull().default(false),
    liquid: integer('liquid', { mode: 'boolean' }).notNull().default(false),
    /** Default safety threshold in every warehouse; stock_thresholds overrides it per warehouse. */
    safetyStock: integer('safety_stock').notNull().default(0),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    /** Pre-sale (预售): expected ship date (YYYY-MM-DD); orders wait for it instead of shipping now. */
    presaleShipDate: text('presale_ship_date'),
    // New columns carry no CHECK: adding one would make drizzle-kit rebuild `skus` (which the
    // ledger references); the contract validates them instead.
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    check('skus_weight_nonneg', sql`${t.weightGrams} >= 0`),
    check('skus_price_nonneg', sql`${t.priceMinor} >= 0`),
  ],
);

/** A barcode belongs to exactly one SKU; a SKU may have several (old packaging, supplier codes). */
export const skuBarcodes = sqliteTable('sku_barcodes', {
  barcode: text('barcode').primaryKey(),
  skuId: integer('sku_id')
    .notNull()
    .references(() => skus.id, { onDelete: 'cascade' }),
});

/** A bundle/kit SKU is sold as one line but reserves and ships its components. */
export const skuComponents = sqliteTable(
  'sku_components',
  {
    bundleSkuId: integer('bundle_sku_id')
      .notNull()
      .references(() => skus.id, { onDelete: 'cascade' }),
    componentSkuId: integer('component_sku_id')
      .notNull()
      .references(() => skus.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.bundleSkuId, t.componentSkuId] }),
    index('sku_components_component_idx').on(t.componentSkuId),
    check('sku_components_qty_pos', sql`${t.quantity} > 0`),
    check('sku_components_not_self', sql`${t.bundleSkuId} <> ${t.componentSkuId}`),
  ],
);
