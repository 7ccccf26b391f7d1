import { sqliteTable, integer, text, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const skus = sqliteTable(
  'skus',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sku: text('sku').notNull().unique(),
    title: text('title').notNull(),
    spec: text('spec').notNull().default(''),
    barcode: text('barcode'),
    category: text('category'),
    weightGrams: integer('weight_grams').notNull().default(0),
    priceMinor: integer('price_minor').notNull().default(0),
    currency: text('currency').notNull().default('CNY'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('skus_weight_nonneg', sql`${t.weightGrams} >= 0`), check('skus_price_nonneg', sql`${t.priceMinor} >= 0`)],
);
