import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

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
