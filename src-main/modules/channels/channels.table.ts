import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('CNY'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Non-secret connection settings (shop domain, watched folder…); secrets live elsewhere, encrypted. */
  configJson: text('config_json').notNull().default('{}'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
