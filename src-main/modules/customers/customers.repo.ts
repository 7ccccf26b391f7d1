import type { Sqlite } from '../../adapters/db/open';

export interface CustomerValues {
  name: string;
  phone: string | null;
  email?: string | null;
  country?: string | null;
  province?: string | null;
  city?: string | null;
}

/** Links by phone when there is one, else by exact name; creates the profile on first sight. */
export function findOrCreateCustomer(sqlite: Sqlite, v: CustomerValues, now: number): number {
  const found = (
    v.phone
      ? sqlite.prepare('select id from customers where phone = ? limit 1').get(v.phone)
      : sqlite.prepare('select id from customers where phone is null and name = ? limit 1').get(v.name)
  ) as { id: number } | undefined;
  if (found) return found.id;
  const r = sqlite
    .prepare(
      `insert into customers (name, phone, email, country, province, city, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(v.name, v.phone, v.email ?? null, v.country ?? null, v.province ?? null, v.city ?? null, now, now);
  return Number(r.lastInsertRowid);
}
