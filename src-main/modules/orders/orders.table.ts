import { sqliteTable, integer, text, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { channels } from '../channels/channels.table';
import { customers } from '../customers/customers.table';
import { warehouses } from '../inventory/inventory.table';

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    channelId: integer('channel_id')
      .notNull()
      .references(() => channels.id),
    externalId: text('external_id').notNull(),
    status: text('status').notNull().default('pending_review'),
    type: text('type').notNull().default('online_shop'),
    /** Milliseconds since the epoch, UTC. */
    placedAt: integer('placed_at').notNull(),
    /** The channel's own last-modified time: a re-import only wins when this is newer. */
    sourceUpdatedAt: integer('source_updated_at').notNull(),
    currency: text('currency').notNull(),
    totalMinor: integer('total_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull().default(0),
    paymentMethod: text('payment_method'),
    buyerMessage: text('buyer_message'),
    customerId: integer('customer_id').references(() => customers.id),
    recipientName: text('recipient_name').notNull().default(''),
    phone: text('phone').notNull().default(''),
    country: text('country').notNull().default('CN'),
    province: text('province').notNull().default(''),
    city: text('city').notNull().default(''),
    district: text('district').notNull().default(''),
    street: text('street').notNull().default(''),
    detail: text('detail').notNull().default(''),
    postcode: text('postcode').notNull().default(''),
    addressRaw: text('address_raw').notNull().default(''),
    addressMasked: integer('address_masked', { mode: 'boolean' }).notNull().default(false),
    addressAmbiguous: integer('address_ambiguous', { mode: 'boolean' }).notNull().default(false),
    /** Customer region (华东, 华南… or the country code abroad), set on arrival; the queue filters by it. */
    region: text('region').notNull().default(''),
    /** Fingerprint of the channel's copy: breaks ties between copies with the same source_updated_at. */
    sourceHash: text('source_hash').notNull().default(''),
    warehouseId: integer('warehouse_id').references(() => warehouses.id),
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    /** Set when the order first ships; `exception` transitions depend on it. */
    shippedAt: integer('shipped_at'),
    /** The buyer's ID number (身份证号), needed for cross-border customs clearance. */
    buyerIdNumber: text('buyer_id_number'),
    /** 0 = normal; review rules may raise it so the order is picked first. */
    priority: integer('priority').notNull().default(0),
    tagsJson: text('tags_json').notNull().default('[]'),
    reasonsJson: text('reasons_json').notNull().default('[]'),
    /**
     * What a reviewer corrected by hand (orders.edit): {"address":true,"buyerIdNumber":true,
     * "addTags":[…],"removeTags":[…]}. A newer copy from the channel keeps these instead of
     * overwriting them.
     */
    correctedJson: text('corrected_json').notNull().default('{}'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_channel_external_uq').on(t.channelId, t.externalId),
    index('orders_placed_idx').on(t.placedAt, t.id),
    index('orders_status_placed_idx').on(t.status, t.placedAt, t.id),
    index('orders_channel_placed_idx').on(t.channelId, t.placedAt, t.id),
    index('orders_type_placed_idx').on(t.type, t.placedAt, t.id),
    index('orders_region_placed_idx').on(t.region, t.placedAt, t.id),
    index('orders_customer_idx').on(t.customerId),
    check('orders_total_nonneg', sql`${t.totalMinor} >= 0`),
    check(
      'orders_status',
      sql`${t.status} in ('pending_review','held','approved','backordered','allocated','picking','packed','shipped','delivered','exception','returned','cancelled')`,
    ),
  ],
);

export const orderLines = sqliteTable(
  'order_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id, { onDelete: 'cascade' }),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    title: text('title').notNull(),
    spec: text('spec').notNull().default(''),
    quantity: integer('quantity').notNull(),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    /** A line sold as pre-sale (预售) with its expected ship date (YYYY-MM-DD); overrides the SKU's. */
    presaleShipDate: text('presale_ship_date'),
  },
  (t) => [
    uniqueIndex('order_lines_order_line_uq').on(t.orderId, t.lineNo),
    index('order_lines_sku_idx').on(t.sku),
    check('order_lines_qty_pos', sql`${t.quantity} > 0`),
    check('order_lines_price_nonneg', sql`${t.unitPriceMinor} >= 0`),
  ],
);
