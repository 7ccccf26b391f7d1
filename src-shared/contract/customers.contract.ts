import { z } from 'zod';
import { read, write } from './define';
import { id, currency, minor, isoDate } from './common.schema';

export const RFM_SEGMENTS = [
  'new',
  'champion',
  'loyal',
  'promising',
  'at_risk',
  'lost',
  'one_time',
  'none',
] as const;
export const rfmSegment = z.enum(RFM_SEGMENTS);

const spend = z.object({ currency, totalMinor: minor, averageMinor: minor, orders: z.number().int() });

/** How the customer list is ordered: latest buyers, most orders, or by name. */
export const CUSTOMER_SORTS = ['recent', 'orders', 'name'] as const;

export const customerSummary = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  orderCount: z.number().int(),
  firstOrderAt: isoDate.nullable(),
  lastOrderAt: isoDate.nullable(),
  spend: z.array(spend),
  segment: rfmSegment,
});
export type CustomerSummary = z.infer<typeof customerSummary>;

export const customerProfile = customerSummary.extend({
  email: z.string().nullable(),
  keys: z.array(z.object({ kind: z.string(), key: z.string() })),
  rfm: z.object({
    recencyDays: z.number().int().nullable(),
    frequency: z.number().int(),
    monetaryMinor: minor,
    reasons: z.array(z.string()),
  }),
  usualAddress: z
    .object({
      country: z.string(),
      province: z.string(),
      city: z.string(),
      district: z.string(),
      street: z.string(),
      detail: z.string(),
      postcode: z.string(),
      uses: z.number().int(),
    })
    .nullable(),
  topSkus: z.array(z.object({ sku: z.string(), title: z.string(), quantity: z.number().int() })),
  topCategories: z.array(z.object({ category: z.string(), quantity: z.number().int() })),
  orders: z.array(
    z.object({
      id,
      channel: z.string(),
      externalId: z.string(),
      status: z.string(),
      placedAt: isoDate,
      currency,
      totalMinor: minor,
      recipientName: z.string(),
    }),
  ),
});
export type CustomerProfile = z.infer<typeof customerProfile>;

export const customerMatch = z.object({
  id,
  name: z.string(),
  phone: z.string().nullable(),
  orderCount: z.number().int(),
  lastOrderAt: isoDate.nullable(),
  /** Where this customer's orders usually go: the entry form fills the recipient from it. */
  usualAddress: z
    .object({
      country: z.string(),
      province: z.string(),
      city: z.string(),
      district: z.string(),
      street: z.string(),
      detail: z.string(),
      postcode: z.string(),
      raw: z.string(),
      uses: z.number().int(),
    })
    .nullable(),
});
export type CustomerMatch = z.infer<typeof customerMatch>;

export const customersContract = {
  'customers.list': read(
    'Customer profiles with order count, spend and RFM segment; search by name, phone (as typed: spaces, dashes, +86) or email, filter by segment, sort; with the count per segment',
    z
      .object({
        search: z.string().max(100).optional(),
        segment: rfmSegment.optional(),
        sort: z.enum(CUSTOMER_SORTS).default('recent'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({
      rows: z.array(customerSummary),
      /** Customers matching search and segment. */
      total: z.number().int(),
      /** Customers matching the search, per segment (segments with none are left out). */
      segments: z.array(z.object({ segment: rfmSegment, count: z.number().int() })),
    }),
  ),
  'customers.get': read(
    'One customer profile: orders, spend, usual address, preferred SKUs, RFM',
    z.object({ id }).strict(),
    customerProfile,
  ),
  'customers.merge': write(
    'Merge a duplicate profile into another (the same buyer seen under two phones or names): its orders and keys move, the duplicate is removed; audited',
    z
      .object({ from: id, into: id })
      .strict()
      .refine((v) => v.from !== v.into, { message: 'cannot merge a customer into itself', path: ['into'] }),
    z.object({ into: id, ordersMoved: z.number().int() }),
  ),
  'customers.lookup': read(
    'Find a customer while taking an order: by phone (spaces and dashes ignored), name or email, with the usual address',
    z
      .object({
        query: z.string().trim().min(1, 'is required').max(100),
        limit: z.number().int().min(1).max(20).default(8),
      })
      .strict(),
    z.object({ rows: z.array(customerMatch) }),
  ),
} as const;
