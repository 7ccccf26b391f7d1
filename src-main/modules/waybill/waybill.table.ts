import { sqliteTable, integer, text, blob, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { orders } from '../orders/orders.table';

/**
 * One e-waybill (电子面单) account per carrier and platform: the platform that issues the numbers
 * (Cainiao for most orders; Pinduoduo for PDD orders, whose encrypted recipients only PDD's own
 * waybills can print), the carrier's code there (cp_code / wp_code), the cloud-print template and
 * the sender address printed on the label. The app key, secret and session key are encrypted by the OS keychain
 * (as channel credentials are) before they reach this row; the renderer never sees them.
 */
export const waybillAccounts = sqliteTable(
  'waybill_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Packdesk's carrier code (carriers.code): its orders of this platform get their numbers here. */
    carrier: text('carrier').notNull(),
    platform: text('platform').notNull().default('cainiao'),
    cpCode: text('cp_code').notNull(),
    templateUrl: text('template_url').notNull(),
    /** {name, mobile, phone, province, city, district, town, detail} */
    senderJson: text('sender_json').notNull(),
    /** Cainiao store_code: only for warehouse (落地配) accounts; empty otherwise. */
    storeCode: text('store_code').notNull().default(''),
    /** Empty = the platform's real gateway; tests and sandboxes set their own. */
    gatewayUrl: text('gateway_url').notNull().default(''),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    secretBackend: text('secret_backend'),
    secretCiphertext: blob('secret_ciphertext', { mode: 'buffer' }),
    secretUpdatedAt: integer('secret_updated_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('waybill_accounts_carrier_platform_uq').on(t.carrier, t.platform),
    // 'douyin' is allowed ahead of its client so that adding it needs no second table rebuild.
    check('waybill_accounts_platform', sql`${t.platform} in ('cainiao','pdd','douyin')`),
  ],
);

/**
 * Platform waybill numbers, one live row per order. `pending` = to be fetched (or fetching);
 * `active` = number and print data held; `failed` = the platform refused (a person acts, then
 * "fetch now"); `cancelling` = the order was cancelled or moved to another carrier, so the number
 * is being given back; `cancelled` = given back (or never issued).
 *
 * `package_id` is sent as both object_id and package_info.id: the same order and package id asked
 * again (a retry after a timeout) is answered with the same number, so a retry never takes a
 * second one. A new row (a reroute back to this carrier) gets a new package id.
 */
export const waybills = sqliteTable(
  'waybills',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    /** Null only on a 'failed' row of an order whose platform has no account for its carrier yet. */
    accountId: integer('account_id').references(() => waybillAccounts.id),
    carrier: text('carrier').notNull(),
    platform: text('platform').notNull(),
    cpCode: text('cp_code').notNull(),
    packageId: text('package_id').notNull().unique(),
    waybillCode: text('waybill_code').unique(),
    parentWaybillCode: text('parent_waybill_code'),
    /** The platform's print_data JSON string: contents[0] of the print component's document. */
    printData: text('print_data'),
    state: text('state').notNull().default('pending'),
    /** Packed before the number came: queue the print as soon as it arrives. */
    printWhenReady: integer('print_when_ready', { mode: 'boolean' }).notNull().default(false),
    attempts: integer('attempts').notNull().default(0),
    /** When the worker may try again (fetch or cancel); null = waits for a person. */
    nextRunAt: integer('next_run_at'),
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    fetchedAt: integer('fetched_at'),
    cancelledAt: integer('cancelled_at'),
  },
  (t) => [
    uniqueIndex('waybills_order_live_uq')
      .on(t.orderId)
      .where(sql`${t.state} in ('pending','active','failed')`),
    index('waybills_order_idx').on(t.orderId),
    index('waybills_due_idx').on(t.state, t.nextRunAt),
    check('waybills_state', sql`${t.state} in ('pending','active','failed','cancelling','cancelled')`),
    check('waybills_platform', sql`${t.platform} in ('cainiao','pdd','douyin')`),
    check('waybills_account', sql`${t.accountId} is not null or ${t.state} in ('failed','cancelled')`),
  ],
);
