import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import type { waybillAccounts, waybills } from './waybill.table';

export type WaybillAccountRow = typeof waybillAccounts.$inferSelect;
export type WaybillRow = typeof waybills.$inferSelect;
/** A row the worker works on: only rows of an account are ever due (see the waybills_account CHECK). */
export type DueWaybillRow = WaybillRow & { accountId: number };

const ACCOUNT_COLS = `id, carrier, platform, cp_code as cpCode, template_url as templateUrl, sender_json as senderJson,
  store_code as storeCode, gateway_url as gatewayUrl, active, secret_backend as secretBackend,
  secret_ciphertext as secretCiphertext, secret_updated_at as secretUpdatedAt, created_at as createdAt, updated_at as updatedAt`;

const WAYBILL_COLS = `id, order_id as orderId, account_id as accountId, carrier, platform, cp_code as cpCode,
  package_id as packageId, waybill_code as waybillCode, parent_waybill_code as parentWaybillCode,
  print_data as printData, state, print_when_ready as printWhenReady, attempts, next_run_at as nextRunAt,
  last_error as lastError, created_at as createdAt, updated_at as updatedAt, fetched_at as fetchedAt,
  cancelled_at as cancelledAt`;

const account = (r: unknown): WaybillAccountRow | undefined =>
  r ? { ...(r as WaybillAccountRow), active: !!(r as { active: number }).active } : undefined;
const row = (r: unknown): WaybillRow | undefined =>
  r
    ? { ...(r as WaybillRow), printWhenReady: !!(r as { printWhenReady: number }).printWhenReady }
    : undefined;

export const listAccounts = (sqlite: Sqlite): WaybillAccountRow[] =>
  stmt(sqlite, `select ${ACCOUNT_COLS} from waybill_accounts order by carrier`)
    .all()
    .map((r) => account(r)!);

export const findAccount = (sqlite: Sqlite, id: number): WaybillAccountRow | undefined =>
  account(stmt(sqlite, `select ${ACCOUNT_COLS} from waybill_accounts where id = ?`).get(id));

/** The active account that issues this carrier's numbers on this platform. */
export const accountFor = (
  sqlite: Sqlite,
  carrier: string,
  platform: string,
): WaybillAccountRow | undefined =>
  account(
    stmt(
      sqlite,
      `select ${ACCOUNT_COLS} from waybill_accounts where carrier = ? and platform = ? and active = 1`,
    ).get(carrier, platform),
  );

/** The carrier has an active account on some platform: its orders' labels come from platforms. */
export const carrierHasAccount = (sqlite: Sqlite, carrier: string): boolean =>
  !!stmt(sqlite, 'select 1 from waybill_accounts where carrier = ? and active = 1').get(carrier);

/**
 * The platform an order's e-waybill must come from, by its channel kind, in SQL (`c` = channels):
 * the same rule as waybillPlatformFor in the contract.
 */
const ORDER_PLATFORM = `case c.kind when 'pdd' then 'pdd' when 'douyin' then 'douyin' else 'cainiao' end`;

export interface AccountValues {
  carrier: string;
  platform: string;
  cpCode: string;
  templateUrl: string;
  senderJson: string;
  storeCode: string;
  gatewayUrl: string;
  active: boolean;
}

export function insertAccount(sqlite: Sqlite, v: AccountValues, now: number): number {
  return Number(
    stmt(
      sqlite,
      `insert into waybill_accounts (carrier, platform, cp_code, template_url, sender_json, store_code, gateway_url, active, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.carrier,
      v.platform,
      v.cpCode,
      v.templateUrl,
      v.senderJson,
      v.storeCode,
      v.gatewayUrl,
      v.active ? 1 : 0,
      now,
      now,
    ).lastInsertRowid,
  );
}

export function updateAccount(sqlite: Sqlite, id: number, v: AccountValues, now: number): void {
  stmt(
    sqlite,
    `update waybill_accounts set carrier = ?, platform = ?, cp_code = ?, template_url = ?, sender_json = ?, store_code = ?,
       gateway_url = ?, active = ?, updated_at = ? where id = ?`,
  ).run(
    v.carrier,
    v.platform,
    v.cpCode,
    v.templateUrl,
    v.senderJson,
    v.storeCode,
    v.gatewayUrl,
    v.active ? 1 : 0,
    now,
    id,
  );
}

export function saveAccountSecret(
  sqlite: Sqlite,
  id: number,
  backend: string,
  ciphertext: Uint8Array,
  now: number,
): void {
  stmt(
    sqlite,
    'update waybill_accounts set secret_backend = ?, secret_ciphertext = ?, secret_updated_at = ?, updated_at = ? where id = ?',
  ).run(backend, Buffer.from(ciphertext), now, now, id);
}

export const carrierExists = (sqlite: Sqlite, code: string): boolean =>
  !!stmt(sqlite, 'select 1 from carriers where code = ?').get(code);

// ---- waybills ----

export const findWaybill = (sqlite: Sqlite, id: number): WaybillRow | undefined =>
  row(stmt(sqlite, `select ${WAYBILL_COLS} from waybills where id = ?`).get(id));

export const liveWaybillOf = (sqlite: Sqlite, orderId: number): WaybillRow | undefined =>
  row(
    stmt(
      sqlite,
      `select ${WAYBILL_COLS} from waybills where order_id = ? and state in ('pending','active','failed')`,
    ).get(orderId),
  );

export const waybillsOf = (sqlite: Sqlite, orderId: number): WaybillRow[] =>
  stmt(sqlite, `select ${WAYBILL_COLS} from waybills where order_id = ? order by id desc`)
    .all(orderId)
    .map((r) => row(r)!);

export const activeByCode = (sqlite: Sqlite, code: string): WaybillRow | undefined =>
  row(
    stmt(sqlite, `select ${WAYBILL_COLS} from waybills where waybill_code = ? and state = 'active'`).get(
      code,
    ),
  );

/**
 * Orders routed to a carrier with an active account (of any platform) that have no live number
 * yet, with the platform they need and that platform's account for the carrier (null = none).
 */
/** Any account, or any number still to fetch, print or give back: otherwise the worker has nothing to do. */
export const waybillsInUse = (sqlite: Sqlite): boolean =>
  (
    stmt(
      sqlite,
      `select exists (select 1 from waybill_accounts)
           or exists (select 1 from waybills where state in ('pending','active','cancelling')) as inUse`,
    ).get() as { inUse: number }
  ).inUse === 1;

export const ordersWithoutWaybill = (
  sqlite: Sqlite,
): { orderId: number; carrier: string; platform: string; accountId: number | null }[] =>
  stmt(
    sqlite,
    `select o.id as orderId, o.carrier as carrier, ${ORDER_PLATFORM} as platform,
            (select a.id from waybill_accounts a
              where a.carrier = o.carrier and a.platform = ${ORDER_PLATFORM} and a.active = 1) as accountId
       from orders o join channels c on c.id = o.channel_id
      where o.status in ('allocated','picking','packed')
        and exists (select 1 from waybill_accounts a where a.carrier = o.carrier and a.active = 1)
        and not exists (select 1 from waybills w where w.order_id = o.id and w.state in ('pending','active','failed'))
      order by o.id`,
  ).all() as { orderId: number; carrier: string; platform: string; accountId: number | null }[];

/**
 * Failed rows that were waiting for an account of their platform and carrier which now exists:
 * they take it and are fetched at once.
 */
export function attachNewAccounts(sqlite: Sqlite, now: number): number[] {
  const rows = stmt(
    sqlite,
    `select w.id, w.order_id as orderId, a.id as accountId, a.cp_code as cpCode
       from waybills w join waybill_accounts a on a.carrier = w.carrier and a.platform = w.platform and a.active = 1
      where w.account_id is null and w.state = 'failed'`,
  ).all() as { id: number; orderId: number; accountId: number; cpCode: string }[];
  const st = stmt(
    sqlite,
    `update waybills set account_id = ?, cp_code = ?, state = 'pending', attempts = 0, next_run_at = ?,
       last_error = null, updated_at = ? where id = ?`,
  );
  for (const r of rows) st.run(r.accountId, r.cpCode, now, now, r.id);
  return rows.map((r) => r.orderId);
}

/**
 * Live numbers whose order was cancelled, now goes with another carrier, or needs another
 * platform's waybill (a Cainiao number on a PDD order, which PDD would not decrypt); not yet shipped.
 */
export const strandedWaybills = (sqlite: Sqlite): WaybillRow[] =>
  stmt(
    sqlite,
    `select ${WAYBILL_COLS} from waybills where id in (
       select w.id from waybills w join orders o on o.id = w.order_id join channels c on c.id = o.channel_id
        where w.state in ('pending','active','failed')
          and o.status not in ('shipped','delivered','returned','exception')
          and (o.status = 'cancelled' or o.carrier is null or o.carrier <> w.carrier
               or w.platform <> ${ORDER_PLATFORM}))`,
  )
    .all()
    .map((r) => row(r)!);

/**
 * A new live row: pending with its account, or (no account of the order's platform for the
 * carrier) failed at once with `error`, waiting for a person to add that account.
 */
export function insertWaybill(
  sqlite: Sqlite,
  v: {
    orderId: number;
    accountId: number | null;
    carrier: string;
    platform: string;
    cpCode: string;
    now: number;
    error?: string;
  },
): number {
  const n = (
    stmt(sqlite, 'select count(*) as n from waybills where order_id = ?').get(v.orderId) as { n: number }
  ).n;
  // A new package id per row: a reroute back to the same carrier must not get the cancelled number again.
  const packageId = `PD${v.orderId}_${n + 1}`;
  return Number(
    stmt(
      sqlite,
      `insert into waybills (order_id, account_id, carrier, platform, cp_code, package_id, state, next_run_at, last_error, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      v.orderId,
      v.accountId,
      v.carrier,
      v.platform,
      v.cpCode,
      packageId,
      v.accountId === null ? 'failed' : 'pending',
      v.accountId === null ? null : v.now,
      v.error ?? null,
      v.now,
      v.now,
    ).lastInsertRowid,
  );
}

/** Pending rows the worker may ask for now, oldest first (a switched-off account asks for nothing). */
export const duePending = (sqlite: Sqlite, now: number): DueWaybillRow[] =>
  stmt(
    sqlite,
    `select ${WAYBILL_COLS} from waybills where state = 'pending' and next_run_at is not null and next_run_at <= ?
       and account_id in (select id from waybill_accounts where active = 1) order by next_run_at, id limit 200`,
  )
    .all(now)
    .map((r) => row(r) as DueWaybillRow);

export const dueCancelling = (sqlite: Sqlite, now: number): DueWaybillRow[] =>
  stmt(
    sqlite,
    `select ${WAYBILL_COLS} from waybills where state = 'cancelling' and account_id is not null
       and next_run_at is not null and next_run_at <= ? order by next_run_at, id limit 50`,
  )
    .all(now)
    .map((r) => row(r) as DueWaybillRow);

export const earliestDue = (sqlite: Sqlite): number | null =>
  (
    stmt(
      sqlite,
      `select min(next_run_at) as at from waybills where next_run_at is not null
         and (state = 'cancelling' or (state = 'pending' and account_id in (select id from waybill_accounts where active = 1)))`,
    ).get() as { at: number | null }
  ).at;

export function markIssued(
  sqlite: Sqlite,
  id: number,
  v: { waybillCode: string; printData: string; parentWaybillCode: string | null },
  now: number,
): boolean {
  return (
    stmt(
      sqlite,
      `update waybills set state = 'active', waybill_code = ?, print_data = ?, parent_waybill_code = ?, fetched_at = ?,
         attempts = attempts + 1, next_run_at = null, last_error = null, updated_at = ? where id = ? and state = 'pending'`,
    ).run(v.waybillCode, v.printData, v.parentWaybillCode, now, now, id).changes === 1
  );
}

/** The number a lost answer had taken, learned again while giving it back (the row stays 'cancelling'). */
export function recordRecovered(
  sqlite: Sqlite,
  id: number,
  v: { waybillCode: string; printData: string; parentWaybillCode: string | null },
  now: number,
): void {
  stmt(
    sqlite,
    `update waybills set waybill_code = ?, print_data = ?, parent_waybill_code = ?, fetched_at = ?, updated_at = ?
      where id = ? and state = 'cancelling' and waybill_code is null`,
  ).run(v.waybillCode, v.printData, v.parentWaybillCode, now, now, id);
}

/** Another try later (nextRunAt) or none (null: a person acts); `count` = the try counts toward the limit. */
export function markRetry(
  sqlite: Sqlite,
  id: number,
  v: { state: 'pending' | 'failed' | 'cancelling'; error: string; nextRunAt: number | null; count: boolean },
  now: number,
): void {
  stmt(
    sqlite,
    `update waybills set state = ?, last_error = ?, next_run_at = ?, attempts = attempts + ?, updated_at = ? where id = ?`,
  ).run(v.state, v.error, v.nextRunAt, v.count ? 1 : 0, now, id);
}

export function markCancelled(sqlite: Sqlite, id: number, now: number, note: string | null = null): void {
  stmt(
    sqlite,
    `update waybills set state = 'cancelled', cancelled_at = ?, next_run_at = null, last_error = ?, print_when_ready = 0, updated_at = ? where id = ?`,
  ).run(now, note, now, id);
}

export function markCancelling(sqlite: Sqlite, id: number, now: number): void {
  stmt(
    sqlite,
    `update waybills set state = 'cancelling', attempts = 0, next_run_at = ?, last_error = null, print_when_ready = 0, updated_at = ? where id = ?`,
  ).run(now, now, id);
}

export function setPrintWhenReady(sqlite: Sqlite, id: number, on: boolean, now: number): void {
  stmt(sqlite, 'update waybills set print_when_ready = ?, updated_at = ? where id = ?').run(
    on ? 1 : 0,
    now,
    id,
  );
}

/**
 * "Fetch now": refused or waiting rows of these orders are asked again at once, with fresh
 * attempts. A row still without an account of its platform stays failed (nothing to ask).
 */
export function retryNow(sqlite: Sqlite, orderIds: number[], now: number): void {
  const st = stmt(
    sqlite,
    `update waybills set state = 'pending', attempts = 0, next_run_at = ?, updated_at = ?
      where order_id = ? and state in ('pending','failed') and account_id is not null`,
  );
  for (const id of orderIds) st.run(now, now, id);
}

/** New credentials may fix what the old ones broke: the account's refused rows try again. */
export function retryAccount(sqlite: Sqlite, accountId: number, now: number): void {
  stmt(
    sqlite,
    `update waybills set state = 'pending', attempts = 0, next_run_at = ?, updated_at = ?
      where account_id = ? and state in ('pending','failed')`,
  ).run(now, now, accountId);
}

export interface OrderForWaybill {
  id: number;
  externalId: string;
  status: string;
  carrier: string | null;
  channelKind: string;
  recipientName: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
}

export const orderForWaybill = (sqlite: Sqlite, id: number): OrderForWaybill | undefined =>
  stmt(
    sqlite,
    `select o.id, o.external_id as externalId, o.status, o.carrier, c.kind as channelKind, o.recipient_name as recipientName,
            o.phone, o.province, o.city, o.district, o.street, o.detail
       from orders o join channels c on c.id = o.channel_id where o.id = ?`,
  ).get(id) as OrderForWaybill | undefined;

export const orderItems = (sqlite: Sqlite, id: number): { name: string; count: number; grams: number }[] =>
  stmt(
    sqlite,
    `select l.title as name, l.quantity as count, coalesce(s.weight_grams, 0) * l.quantity as grams
       from order_lines l left join skus s on s.sku = l.sku where l.order_id = ? order by l.line_no`,
  ).all(id) as { name: string; count: number; grams: number }[];
