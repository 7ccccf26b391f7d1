import { z } from 'zod';
import { read, write } from './define';
import { id, currency, minor, isoDate, dateOrDateTime } from './common.schema';
import { MANUAL_TARGETS, ORDER_STATUSES } from '../domain/order-status';
import { ORDER_TYPES } from '../domain/ids';
import { orderEntryInput, orderEntryResult } from './order-entry.schema';

export const orderStatus = z.enum(ORDER_STATUSES);
export const orderType = z.enum(ORDER_TYPES);

export const orderFilter = z
  .object({
    status: z.array(orderStatus).max(ORDER_STATUSES.length).optional(),
    channel: z.array(z.string().min(1)).max(100).optional(),
    type: z.array(orderType).optional(),
    /** Customer region: cn_north, cn_east… for the mainland, the country code abroad. */
    region: z.array(z.string().min(2).max(20)).max(50).optional(),
    from: dateOrDateTime.optional(),
    to: dateOrDateTime.optional(),
    search: z.string().max(200).optional(),
  })
  .strict();
export type OrderFilter = z.infer<typeof orderFilter>;

export const ORDER_SORT_FIELDS = ['placedAt', 'totalMinor', 'status', 'externalId'] as const;
export const orderSort = z
  .object({ field: z.enum(ORDER_SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
  .strict()
  .default({ field: 'placedAt', dir: 'desc' });

export const address = z.object({
  country: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  street: z.string(),
  detail: z.string(),
  postcode: z.string(),
  raw: z.string(),
  masked: z.boolean(),
  ambiguous: z.boolean(),
});

export const orderSummary = z.object({
  id,
  channel: z.string(),
  externalId: z.string(),
  status: orderStatus,
  type: orderType,
  placedAt: isoDate,
  currency,
  totalMinor: minor,
  recipientName: z.string(),
  province: z.string(),
  city: z.string(),
  lineCount: z.number().int(),
  warehouse: z.string().nullable(),
  carrier: z.string().nullable(),
});
export type OrderSummary = z.infer<typeof orderSummary>;

export const orderLine = z.object({
  sku: z.string(),
  title: z.string(),
  spec: z.string(),
  quantity: z.number().int().positive(),
  unitPriceMinor: minor,
  /** Pre-sale (预售) line: the day it is expected to ship; routing waits for it. */
  presaleShipDate: z.string().nullable().optional(),
});

export const auditEntry = z.object({
  at: isoDate,
  actor: z.string(),
  action: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
});

export const orderDetail = z.object({
  id,
  channel: z.string(),
  externalId: z.string(),
  status: orderStatus,
  type: orderType,
  placedAt: isoDate,
  currency,
  totalMinor: minor,
  shippingMinor: minor,
  paymentMethod: z.string().nullable(),
  buyerMessage: z.string().nullable(),
  customer: z.object({ id: id.nullable(), name: z.string(), phone: z.string() }),
  address,
  lines: z.array(orderLine),
  warehouse: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  tags: z.array(z.string()),
  /** Set by review rules (set_priority, 0–9); routing and waves serve higher first. */
  priority: z.number().int().optional(),
  reasons: z.array(z.string()),
  history: z.array(auditEntry),
  /** The moves `orders.transition` accepts for this order now (see MANUAL_TARGETS). */
  allowedNext: z.array(z.enum(MANUAL_TARGETS)),
});
export type OrderDetail = z.infer<typeof orderDetail>;

const tag = z.string().trim().min(1, 'is required').max(40);

/** What a reviewer may correct on a held order; anything given for one order only refuses a batch. */
export const orderEditInput = z
  .object({
    ids: z.array(id).min(1).max(500),
    addTags: z.array(tag).max(10).default([]),
    removeTags: z.array(tag).max(10).default([]),
    /** The buyer's ID (身份证) for customs; null clears it. */
    buyerIdNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z]{6,30}$/, 'must be 6–30 letters or digits (身份证 is 18)')
      .nullable()
      .optional(),
    /** The whole corrected address as one line, e.g. 广东省深圳市南山区粤海街道科技园南路 88 号. */
    address: z.string().trim().min(4, 'is too short to be an address').max(300).optional(),
  })
  .strict()
  .refine((v) => v.addTags.length || v.removeTags.length || v.buyerIdNumber !== undefined || v.address, {
    message: 'nothing to change: give tags, a buyer ID number or an address',
  })
  .refine((v) => v.ids.length === 1 || (v.buyerIdNumber === undefined && v.address === undefined), {
    message: 'a buyer ID number or an address belongs to one order; select only that order',
    path: ['ids'],
  });

export type OrderEditInput = z.input<typeof orderEditInput>;

export const ordersContract = {
  'orders.list': read(
    'One page of the order queue, filtered and sorted',
    z
      .object({
        filter: orderFilter.default({}),
        sort: orderSort,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(orderSummary) }),
  ),
  'orders.count': read(
    'How many orders match a filter',
    z.object({ filter: orderFilter.default({}) }).strict(),
    z.object({ total: z.number().int() }),
  ),
  'orders.facets': read(
    'Order counts per status, per channel and per customer region, for the queue filters',
    z.object({}).strict(),
    z.object({
      status: z.record(z.string(), z.number().int()),
      channel: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
      /** Customer regions present (cn_east…, or a country code abroad), most orders first. */
      region: z.array(z.object({ code: z.string(), count: z.number().int() })),
    }),
  ),
  'orders.get': read(
    'One order with lines, customer, address and history',
    z.object({ id }).strict(),
    orderDetail,
  ),
  'orders.transition': write(
    'Move orders by hand (approve, hold, cancel, exception, delivered) through the state machine',
    z
      .object({
        ids: z.array(id).min(1).max(10_000),
        to: z.enum(MANUAL_TARGETS, {
          error: `must be one of ${MANUAL_TARGETS.join(', ')}; allocation, picking, packing and shipping have their own steps`,
        }),
        reason: z.string().max(500).optional(),
      })
      .strict(),
    z.object({ changed: z.array(id) }),
  ),
  'orders.edit': write(
    'Correct orders while they wait for review: add or remove tags on many; the buyer ID number or the (Chinese) address of one',
    orderEditInput,
    z.object({ changed: z.array(id) }),
  ),
  'orders.create': write(
    'Enter a phone or counter order by hand: standardised, classified and linked to its customer like an imported one (idempotent on requestId)',
    orderEntryInput,
    orderEntryResult,
  ),
} as const;
