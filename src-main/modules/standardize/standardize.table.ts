import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { orders } from '../orders/orders.table';

/** Every change standardisation made to an order, before → after, so the UI can show and explain it. */
export const standardizationChanges = sqliteTable(
  'standardization_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    field: text('field').notNull(),
    before: text('before').notNull(),
    after: text('after').notNull(),
    /** Why, in words a clerk understands (e.g. "district completed from 粤海街道"). */
    reason: text('reason').notNull(),
  },
  (t) => [index('standardization_changes_order_idx').on(t.orderId)],
);

/** Shop edits to the spec/size/colour dictionary; the built-in defaults live in code. */
export const specSynonyms = sqliteTable('spec_synonyms', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  term: text('term').notNull().unique(),
  canonical: text('canonical').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** Channel title + spec (normalised) → internal SKU, remembered once a person maps it. */
export const skuMappings = sqliteTable(
  'sku_mappings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sourceKey: text('source_key').notNull(),
    title: text('title').notNull(),
    spec: text('spec').notNull(),
    sku: text('sku').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('sku_mappings_source_uq').on(t.sourceKey)],
);
