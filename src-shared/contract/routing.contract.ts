import { z } from 'zod';
import { read, write } from './define';
import { id, currency, minor, isoDate } from './common.schema';
import { shipDate } from './inventory.contract';

const code = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'may use letters, digits, "-" and "_" only');

export const ROUTING_REGIONS = [
  'east',
  'south',
  'north',
  'central',
  'southwest',
  'northwest',
  'northeast',
] as const;
export type RoutingRegion = (typeof ROUTING_REGIONS)[number];
export const RATE_ZONES = ['province', 'region', 'national', 'remote'] as const;

/** One step of a carrier's rate table, as imported (weights in grams, prices in minor units). */
export const rateRow = z.object({
  /** province / region / national / remote, or an exact destination province that beats them. */
  zone: z.string(),
  maxWeightGrams: z.number().int(),
  firstWeightGrams: z.number().int(),
  firstMinor: minor,
  stepGrams: z.number().int(),
  stepMinor: minor,
  surchargeMinor: minor,
  transitDays: z.number().int(),
  currency,
});
export type RateTableRow = z.infer<typeof rateRow>;

export const carrier = z.object({
  id,
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  mode: z.enum(['ground', 'air']),
  serviceLevel: z.string(),
  coldChain: z.boolean(),
  freight: z.boolean(),
  batteryAllowed: z.boolean(),
  cod: z.boolean(),
  volumetricDivisor: z.number().int(),
  maxWeightGrams: z.number().int(),
  rateRows: z.number().int(),
});
export type Carrier = z.infer<typeof carrier>;

export const carrierInput = z
  .object({
    code,
    name: z.string().trim().min(1, 'is required').max(80),
    active: z.boolean().default(true),
    mode: z.enum(['ground', 'air']).default('ground'),
    serviceLevel: z.string().trim().min(1).max(32).default('standard'),
    coldChain: z.boolean().default(false),
    freight: z.boolean().default(false),
    batteryAllowed: z.boolean().default(false),
    cod: z.boolean().default(false),
    volumetricDivisor: z.number().int().min(1000, 'is usually 5000, 6000 or 8000').max(20_000).default(6000),
    maxWeightGrams: z.number().int().min(0).default(0),
  })
  .strict();

export const routingConfig = z.object({
  /** Warehouse codes in order of preference for each region. */
  regions: z.array(z.object({ region: z.enum(ROUTING_REGIONS), warehouses: z.array(z.string()) })),
  /** Per-parcel handling cost of each warehouse, added to the shipping rate. */
  handling: z.array(z.object({ warehouse: z.string(), handlingMinor: minor.min(0) })),
  /** Split an order across warehouses when no single one can fill it. */
  allowSplit: z.boolean(),
  /** Before allocating, merge approved orders of one buyer, address and phone (not COD, not flagged do-not-merge). */
  autoMerge: z.boolean().default(false),
  /** The delivery time the shop promises; carriers slower than this are not used. */
  promiseDays: z.number().int().min(1).max(60),
});
export type RoutingConfig = z.infer<typeof routingConfig>;

export const allocationOption = z.object({
  warehouse: z.string(),
  rank: z.number().int().nullable(),
  inStock: z.boolean(),
  short: z.array(z.object({ sku: z.string(), need: z.number().int(), available: z.number().int() })),
  carrier: z.string().nullable(),
  shippingMinor: minor.nullable(),
  handlingMinor: minor,
  totalMinor: minor.nullable(),
  transitDays: z.number().int().nullable(),
  /** Why no carrier could take it from here, when none could. */
  note: z.string().nullable(),
});
export type AllocationOption = z.infer<typeof allocationOption>;

export const allocation = z.object({
  at: isoDate,
  actor: z.string(),
  outcome: z.enum(['allocated', 'backordered', 'exception', 'split']),
  warehouse: z.string().nullable(),
  carrier: z.string().nullable(),
  shippingMinor: minor.nullable(),
  handlingMinor: minor.nullable(),
  currency,
  reasons: z.array(z.string()),
  alternatives: z.array(allocationOption),
});
export type Allocation = z.infer<typeof allocation>;

const runResult = z.object({
  considered: z.number().int(),
  allocated: z.array(id),
  backordered: z.array(id),
  exception: z.array(id),
  split: z.array(id),
  /** Orders created by automatic merges in this run. */
  merged: z.array(id),
});

export const routingContract = {
  'carriers.list': read(
    'Carriers with their capabilities',
    z.object({}).strict(),
    z.object({ rows: z.array(carrier) }),
  ),
  'carriers.save': write('Create or edit a carrier (matched by code)', carrierInput, carrier),
  'rates.import': write(
    'Replace the rate tables of the carriers named in a CSV; any bad row rejects the whole file',
    z.object({ csv: z.string().min(1, 'the file is empty').max(5_000_000) }).strict(),
    z.object({ imported: z.number().int(), carriers: z.array(z.string()) }),
  ),
  'rates.list': read(
    "One carrier's rate table: per zone and weight step, first weight/additional weight prices and the remote surcharge",
    z.object({ carrier: code }).strict(),
    z.object({ carrier: z.string(), rows: z.array(rateRow) }),
  ),
  'routing.config.get': read(
    'Region preferences, handling costs, split and delivery promise',
    z.object({}).strict(),
    routingConfig,
  ),
  'routing.config.save': write('Change the routing configuration', routingConfig.strict(), routingConfig),
  'routing.run': write(
    'Allocate approved orders (all, or the given ids): warehouse, carrier and stock reservation',
    z.object({ ids: z.array(id).min(1).max(200_000).optional() }).strict(),
    runResult,
  ),
  'routing.explain': read(
    'Why an order went where it went: the latest allocation with its alternatives, earlier ones and linked orders',
    z.object({ id }).strict(),
    z.object({
      latest: allocation.nullable(),
      history: z.array(allocation),
      links: z.array(
        z.object({ kind: z.enum(['merge', 'split']), direction: z.enum(['from', 'into']), orderId: id }),
      ),
    }),
  ),
  'orders.merge': write(
    'Merge orders of the same buyer, address and phone into one new order; the originals are cancelled',
    z.object({ ids: z.array(id).min(2, 'pick at least two orders').max(50) }).strict(),
    z.object({ orderId: id }),
  ),
  'orders.presale': write(
    'Mark lines of an order as pre-sale (预售) with their expected ship date, or clear it with null; routing splits or waits by it',
    z
      .object({
        id,
        lines: z.array(z.number().int().positive()).min(1).max(500),
        shipDate: shipDate.nullable(),
      })
      .strict(),
    z.object({ id, changed: z.number().int() }),
  ),
  'orders.split': write(
    'Split an order into new orders by groups of line numbers (or part of a line: { line, quantity }); the original is cancelled',
    z
      .object({
        id,
        groups: z
          .array(
            z
              .array(
                z.union([
                  z.number().int().positive(),
                  z
                    .object({
                      line: z.number().int().positive(),
                      quantity: z.number().int().positive('must be at least 1'),
                    })
                    .strict(),
                ]),
              )
              .min(1),
          )
          .min(2, 'needs at least two groups')
          .max(20),
      })
      .strict(),
    z.object({ orderIds: z.array(id) }),
  ),
} as const;
