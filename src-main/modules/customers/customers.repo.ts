import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import { foldTraditional } from '../standardize';

export interface CustomerValues {
  name: string;
  phone: string | null;
  email?: string | null;
  country?: string | null;
  province?: string | null;
  city?: string | null;
}

function insertCustomer(sqlite: Sqlite, v: CustomerValues, now: number): number {
  const r = stmt(
    sqlite,
    `insert into customers (name, phone, email, country, province, city, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(v.name, v.phone, v.email ?? null, v.country ?? null, v.province ?? null, v.city ?? null, now, now);
  return Number(r.lastInsertRowid);
}

/** Links by phone when there is one, else by exact name; creates the profile on first sight. */
export function findOrCreateCustomer(sqlite: Sqlite, v: CustomerValues, now: number): number {
  const found = (
    v.phone
      ? sqlite.prepare('select id from customers where phone = ? limit 1').get(v.phone)
      : sqlite.prepare('select id from customers where phone is null and name = ? limit 1').get(v.name)
  ) as { id: number } | undefined;
  if (found) return found.id;
  return insertCustomer(sqlite, v, now);
}

export type KeyKind = 'buyer' | 'phone' | 'email' | 'name_address';

/** The change reason on every field an order got from its customer's usual address. */
export const FILLED_FROM_USUAL = "filled from the customer's usual address";

/** Statements the importer runs per order; prepared once per import. */
export function customerStatements(sqlite: Sqlite) {
  return {
    byKey: sqlite.prepare('select customer_id as id from customer_keys where kind = ? and key = ?'),
    // Profiles made before keys existed (demo data, older imports) are still found by phone.
    byPhone: sqlite.prepare('select id from customers where phone = ? order by id limit 1'),
    insertKey: sqlite.prepare(
      'insert or ignore into customer_keys (customer_id, kind, key) values (?, ?, ?)',
    ),
    moveKeys: sqlite.prepare('update or ignore customer_keys set customer_id = ? where customer_id = ?'),
    deleteCustomer: sqlite.prepare('delete from customers where id = ?'),
    /** Before a merge deletes `from`: the kept profile takes the phone and email it lacks. */
    fillContact: sqlite.prepare(
      `update customers set phone = coalesce(phone, (select phone from customers where id = @from)),
         email = coalesce(email, (select email from customers where id = @from)) where id = @into`,
    ),
    /** A profile first seen without a phone shows the first one an order brings. */
    fillPhone: sqlite.prepare('update customers set phone = ? where id = ? and phone is null'),
    exists: sqlite.prepare('select id, name from customers where id = ?'),
    insert: (v: CustomerValues, now: number) => insertCustomer(sqlite, v, now),
    usualAddress: sqlite.prepare(
      `select province, city, district, street, detail, postcode, address_raw as addressRaw, country, count(*) as uses
       from orders where customer_id = @id and address_masked = 0 and (province != '' or address_raw != '')
         -- An address filled from this one is no further use of it: it would count itself.
         and not exists (select 1 from standardization_changes c where c.order_id = orders.id and c.reason = @filled)
       group by country, province, city, district, street, detail, postcode order by uses desc, max(placed_at) desc limit 1`,
    ),
  };
}
export type CustomerStatements = ReturnType<typeof customerStatements>;

export interface UsualAddress {
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
  addressRaw: string;
  uses: number;
}

/**
 * A name as the customer search compares it: case and traditional characters folded, so 張偉 finds
 * 张伟 and 陈美 finds 陳美玲 (a shop's buyers write either, and so do its clerks' input methods).
 */
export const foldName = (name: string): string => foldTraditional(name.toLowerCase());

/** Gives a connection `packdesk_name_fold` (foldName), once per connection. */
const nameFoldReady = new WeakSet<Sqlite>();
function withNameFold(sqlite: Sqlite): Sqlite {
  if (!nameFoldReady.has(sqlite)) {
    sqlite.function('packdesk_name_fold', { deterministic: true }, (s: unknown) => foldName(String(s)));
    nameFoldReady.add(sqlite);
  }
  return sqlite;
}

export interface CustomerListRow {
  id: number;
  name: string;
  phone: string | null;
  orderCount: number;
  firstOrderAt: number | null;
  lastOrderAt: number | null;
}

/**
 * Every customer matching a name or phone search, with order count and first/last order; the
 * service segments, sorts and pages them (the RFM segment is worked out in code, not SQL).
 * `digits` is the search as a phone number: phones are stored normalised, without spaces or +86.
 */
export function listCustomerRows(
  sqlite: Sqlite,
  search: string | null,
  digits: string | null,
): CustomerListRow[] {
  return withNameFold(sqlite)
    .prepare(
      `select c.id, c.name, c.phone, count(o.id) as orderCount, min(o.placed_at) as firstOrderAt, max(o.placed_at) as lastOrderAt
       from customers c left join orders o on o.customer_id = c.id and o.status != 'cancelled'
       where @text is null or instr(packdesk_name_fold(c.name), @folded) > 0 or instr(c.phone, @text) > 0
          -- Shopify and WooCommerce buyers are known by email: every one their orders brought.
          or exists (select 1 from customer_keys k
                where k.customer_id = c.id and k.kind = 'email' and instr(k.key, @folded) > 0)
          -- Landlines are stored as labels print them (0755-86001234): compared without the dash.
          or (@digits is not null and instr(replace(c.phone, '-', ''), @digits) > 0)
          -- Every phone the profile's orders brought (a merge, a new number), not only the one it shows.
          or (@digits is not null and exists (select 1 from customer_keys k
                where k.customer_id = c.id and k.kind = 'phone' and instr(replace(k.key, '-', ''), @digits) > 0))
       group by c.id`,
    )
    .all({ text: search, folded: search === null ? null : foldName(search), digits }) as CustomerListRow[];
}

/** Spend per customer and currency (cancelled orders excluded); a shop may sell in several. */
export function spendByCustomer(
  sqlite: Sqlite,
  ids: number[],
): { customerId: number; currency: string; totalMinor: number; orders: number }[] {
  if (!ids.length) return [];
  return sqlite
    .prepare(
      `select customer_id as customerId, currency, sum(total_minor) as totalMinor, count(*) as orders
       from orders where status != 'cancelled' and customer_id in (select value from json_each(?))
       group by customer_id, currency order by orders desc`,
    )
    .all(JSON.stringify(ids)) as {
    customerId: number;
    currency: string;
    totalMinor: number;
    orders: number;
  }[];
}

export const findCustomer = (sqlite: Sqlite, id: number) =>
  sqlite
    .prepare(
      'select id, name, phone, email, country, province, city, created_at as createdAt from customers where id = ?',
    )
    .get(id) as
    | {
        id: number;
        name: string;
        phone: string | null;
        email: string | null;
        country: string | null;
        province: string | null;
        city: string | null;
        createdAt: number;
      }
    | undefined;

export const customerKeysOf = (sqlite: Sqlite, id: number) =>
  sqlite.prepare('select kind, key from customer_keys where customer_id = ? order by kind, key').all(id) as {
    kind: string;
    key: string;
  }[];

export const topSkus = (sqlite: Sqlite, id: number) =>
  sqlite
    .prepare(
      `select l.sku, max(l.title) as title, sum(l.quantity) as quantity from order_lines l join orders o on o.id = l.order_id
       where o.customer_id = ? and o.status != 'cancelled' group by l.sku order by quantity desc, l.sku limit 5`,
    )
    .all(id) as { sku: string; title: string; quantity: number }[];

export const topCategories = (sqlite: Sqlite, id: number) =>
  sqlite
    .prepare(
      `select s.category as category, sum(l.quantity) as quantity from order_lines l join orders o on o.id = l.order_id
       join skus s on s.sku = l.sku where o.customer_id = ? and o.status != 'cancelled' and s.category is not null
       group by s.category order by quantity desc limit 3`,
    )
    .all(id) as { category: string; quantity: number }[];

export const recentOrders = (sqlite: Sqlite, id: number) =>
  sqlite
    .prepare(
      `select o.id, c.code as channel, o.external_id as externalId, o.status, o.placed_at as placedAt, o.currency, o.total_minor as totalMinor,
         o.recipient_name as recipientName
       from orders o join channels c on c.id = o.channel_id where o.customer_id = ? order by o.placed_at desc limit 20`,
    )
    .all(id) as {
    id: number;
    channel: string;
    externalId: string;
    status: string;
    placedAt: number;
    currency: string;
    totalMinor: number;
    recipientName: string;
  }[];

export const customerStats = (sqlite: Sqlite, id: number) =>
  sqlite
    .prepare(
      `select count(*) as orderCount, min(placed_at) as firstOrderAt, max(placed_at) as lastOrderAt
       from orders where customer_id = ? and status != 'cancelled'`,
    )
    .get(id) as { orderCount: number; firstOrderAt: number | null; lastOrderAt: number | null };

/**
 * Customers for the order-entry lookup, cheapest first: the exact phone or name, then a phone or
 * name prefix through their indexes, and only when those leave room, text contained anywhere
 * (stopping at `limit`). `digits` is the query as a phone number (phones are stored normalised),
 * null when it is not one.
 */
export function lookupCustomerRows(
  sqlite: Sqlite,
  text: string,
  digits: string | null,
  limit: number,
): (CustomerListRow & { rank: number })[] {
  const ranks = new Map<number, number>();
  const add = (ids: number[], rank: number) => {
    for (const id of ids) if (!ranks.has(id)) ranks.set(id, rank);
  };
  const ids = (sql: string, ...params: unknown[]) =>
    withNameFold(sqlite)
      .prepare(sql)
      .pluck()
      .all(...params) as number[];
  const upper = (q: string) => `${q}\u{10FFFF}`;
  // Names are stored as the buyer wrote them: a query in traditional characters is also tried
  // simplified through the name index (張偉 → 张伟), and the scan compares both folded.
  const folded = foldName(text);
  const names = folded === text ? [text] : [text, folded];
  // Phones are looked up among the profile's phone keys too: every number its orders brought.
  if (digits) add(ids('select id from customers where phone = ?', digits), 0);
  if (digits) add(ids("select customer_id from customer_keys where kind = 'phone' and key = ?", digits), 0);
  for (const n of names) add(ids('select id from customers where name = ?', n), 0);
  if (digits)
    add(
      ids('select id from customers where phone > ? and phone < ? limit ?', digits, upper(digits), limit),
      1,
    );
  if (digits)
    add(
      ids(
        "select customer_id from customer_keys where kind = 'phone' and key > ? and key < ? limit ?",
        digits,
        upper(digits),
        limit,
      ),
      1,
    );
  for (const n of names)
    add(ids('select id from customers where name > ? and name < ? limit ?', n, upper(n), limit), 1);
  if (ranks.size < limit)
    add(
      ids(
        `select id from customers where instr(packdesk_name_fold(name), @folded) > 0
           or (@digits is not null and length(@digits) >= 3 and instr(replace(phone, '-', ''), @digits) > 0)
         limit @limit`,
        { folded, digits, limit },
      ),
      2,
    );
  // An email, whole or in part (email keys are stored in lower case).
  if (text.includes('@')) {
    add(ids("select customer_id from customer_keys where kind = 'email' and key = ?", folded), 0);
    if (ranks.size < limit)
      add(
        ids(
          "select customer_id from customer_keys where kind = 'email' and instr(key, ?) > 0 limit ?",
          folded,
          limit,
        ),
        2,
      );
  }
  if (digits && digits.length >= 3 && ranks.size < limit)
    add(
      ids(
        "select customer_id from customer_keys where kind = 'phone' and instr(replace(key, '-', ''), ?) > 0 limit ?",
        digits,
        limit,
      ),
      2,
    );
  if (ranks.size === 0) return [];
  const rows = sqlite
    .prepare(
      // Found by another of its phones: that phone, which the entry form fills in, not the profile's.
      `select c.id, c.name,
              case when @digits is null or instr(replace(c.phone, '-', ''), @digits) > 0 then c.phone
                   else coalesce((select substr(k.key, 1, instr(k.key || '|', '|') - 1) from customer_keys k where k.customer_id = c.id and k.kind = 'phone'
                                    and instr(replace(k.key, '-', ''), @digits) > 0 order by k.key != @digits, k.key limit 1), c.phone)
              end as phone,
              count(o.id) as orderCount, min(o.placed_at) as firstOrderAt, max(o.placed_at) as lastOrderAt
         from customers c left join orders o on o.customer_id = c.id and o.status != 'cancelled'
        where c.id in (select value from json_each(@ids)) group by c.id`,
    )
    .all({ ids: JSON.stringify([...ranks.keys()]), digits }) as CustomerListRow[];
  return rows
    .map((r) => ({ ...r, rank: ranks.get(r.id)! }))
    .sort(
      (a, b) => a.rank - b.rank || b.orderCount - a.orderCount || (b.lastOrderAt ?? 0) - (a.lastOrderAt ?? 0),
    )
    .slice(0, limit);
}
