import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';

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
 * one profile; an order whose keys point at two profiles merges them. Stored by (kind, key)
 * WITHOUT ROWID (added by hand to migration 0026, which drizzle cannot declare; keep it if the
 * table is ever rebuilt): a lookup is one b-tree search, and an import writes one b-tree and the
 * profile index per new key instead of a row, two indexes and the AUTOINCREMENT counter.
 */
export const customerKeys = sqliteTable(
  'customer_keys',
  {
    customerId: integer('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.key] }), index('customer_keys_customer_idx').on(t.customerId)],
);
