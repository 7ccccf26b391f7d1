import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    phone: text('phone'),
    email: text('email'),
    country: text('country'),
    province: text('province'),
    city: text('city'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('customers_phone_idx').on(t.phone), index('customers_name_idx').on(t.name)],
);

/**
 * What identifies a customer: a channel buyer id, a phone, or name + address. One key belongs to
 * one profile; an order whose keys point at two profiles merges them.
 */
export const customerKeys = sqliteTable(
  'customer_keys',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
  },
  (t) => [
    uniqueIndex('customer_keys_kind_key_uq').on(t.kind, t.key),
    index('customer_keys_customer_idx').on(t.customerId),
  ],
);
