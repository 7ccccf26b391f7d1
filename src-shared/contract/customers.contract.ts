import { z } from 'zod';
import { read } from './define';
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

export const customersContract = {
  'customers.list': read(
    'Customer profiles with order count, spend and RFM segment, most recent buyers first',
    z
      .object({
        search: z.string().max(100).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(customerSummary), total: z.number().int() }),
  ),
  'customers.get': read(
    'One customer profile: orders, spend, usual address, preferred SKUs, RFM',
    z.object({ id }).strict(),
    customerProfile,
  ),
} as const;
