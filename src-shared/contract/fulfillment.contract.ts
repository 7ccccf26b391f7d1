import { z } from 'zod';
import { read, write } from './define';
import { id, isoDate } from './common.schema';

const code = (max: number) => z.string().trim().min(1, 'is required').max(max);
const qty = z.number().int().positive().max(100_000);

export const pickItem = z.object({
  sku: z.string(),
  title: z.string(),
  bin: z.string().nullable(),
  /** Every barcode of the SKU, so a screen can answer a scan at once and check with the core after. */
  barcodes: z.array(z.string()),
  required: z.number().int(),
  picked: z.number().int(),
  /** Where the units go: slot after slot, in slot order. */
  slots: z.array(z.object({ slot: z.number().int(), orderId: id, quantity: z.number().int() })),
});

export const waveOrder = z.object({
  orderId: id,
  externalId: z.string(),
  slot: z.number().int(),
  tote: z.string(),
  status: z.string(),
  removed: z.boolean(),
  removedReason: z.string().nullable(),
  lines: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
});

export const wave = z.object({
  id,
  warehouse: z.string(),
  createdAt: isoDate,
  actor: z.string(),
  filters: z.record(z.string(), z.unknown()),
  orders: z.array(waveOrder),
  pickList: z.array(pickItem),
  progress: z.object({ required: z.number().int(), picked: z.number().int(), done: z.boolean() }),
});
export type Wave = z.infer<typeof wave>;
export type PickItem = z.infer<typeof pickItem>;

export const packLine = z.object({
  sku: z.string(),
  title: z.string(),
  expected: z.number().int(),
  scanned: z.number().int(),
  /** Every code that scans as this SKU (its barcodes and the SKU code), so a bench can judge a scan at once. */
  barcodes: z.array(z.string()),
});

export const packSession = z.object({
  sessionId: id,
  orderId: id,
  externalId: z.string(),
  status: z.enum(['open', 'completed']),
  lines: z.array(packLine),
  expectedWeightGrams: z.number().int(),
  /**
   * The parcel's wrong and extra scans so far, oldest first: they block completion until a
   * supervisor overrides, so a reopened parcel shows them too. Always sent by the core; optional
   * so an answer without it still reads.
   */
  refused: z
    .array(
      z.object({
        barcode: z.string(),
        sku: z.string().nullable(),
        result: z.enum(['wrong_item', 'extra_item']),
      }),
    )
    .optional(),
});
export type PackSession = z.infer<typeof packSession>;

const waveFilters = z
  .object({
    warehouse: code(32),
    carrier: code(32).optional(),
    singleItemOnly: z.boolean().optional(),
    multiItemOnly: z.boolean().optional(),
    maxOrders: z.number().int().min(1).max(500),
    maxLines: z.number().int().min(1).max(100_000).optional(),
    /** Only orders placed at or before this moment. */
    cutoff: isoDate.optional(),
  })
  .strict()
  .refine((v) => !(v.singleItemOnly && v.multiItemOnly), {
    message: 'choose single-item or multi-item orders, not both',
    path: ['multiItemOnly'],
  });

const shipResult = z.object({
  shipped: z.array(id),
  unchanged: z.array(id),
  jobsQueued: z.number().int(),
});

export const fulfillmentContract = {
  'waves.create': write(
    'Make a pick wave from allocated orders of one warehouse (oldest first, review priority before that); each order gets a tote slot and moves to picking',
    waveFilters,
    wave,
  ),
  'waves.preview': read(
    'How many orders, lines and units waves.create would take with these filters right now, without creating anything',
    waveFilters,
    z.object({
      orders: z.number().int(),
      lines: z.number().int(),
      units: z.number().int(),
      skus: z.number().int(),
      /** Allocated orders of the warehouse (and carrier, cut-off) before the size filters. */
      allocated: z.number().int(),
    }),
  ),
  'waves.get': read(
    'A wave with its pick list in bin walking order, slots and progress',
    z.object({ id }).strict(),
    wave,
  ),
  'waves.list': read(
    'Recent waves, newest first',
    z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    z.object({
      rows: z.array(
        z.object({
          id,
          warehouse: z.string(),
          createdAt: isoDate,
          orders: z.number().int(),
          required: z.number().int(),
          picked: z.number().int(),
        }),
      ),
    }),
  ),
  'picking.scan': write(
    'Scan at the shelf: a bin code says what to take from it; a product barcode counts toward the wave and says which slots it goes to',
    z.object({ waveId: id, barcode: code(64), quantity: qty.optional() }).strict(),
    z.object({
      kind: z.enum(['bin', 'item']),
      message: z.string(),
      sku: z.string().nullable(),
      picked: z.number().int(),
      required: z.number().int(),
      /** For a bin: what to take from it; for an item: where this scan's units go. */
      slots: z.array(z.object({ slot: z.number().int(), orderId: id, quantity: z.number().int() })),
      items: z.array(z.object({ sku: z.string(), remaining: z.number().int() })),
      waveDone: z.boolean(),
    }),
  ),
  'picking.short': write(
    'Report that only `found` units of a SKU exist for the wave: the shortage is written off pending a count, and the orders that cannot be filled leave the wave and are re-routed (re-allocated to another warehouse with stock, or backordered)',
    z.object({ waveId: id, sku: code(64), found: z.number().int().min(0).max(100_000) }).strict(),
    z.object({
      released: z.array(
        z.object({
          orderId: id,
          slot: z.number().int(),
          outcome: z.enum(['reallocated', 'backordered', 'split', 'exception']),
          warehouse: z.string().nullable(),
          carrier: z.string().nullable(),
          message: z.string(),
        }),
      ),
      shortage: z.object({
        warehouse: z.string(),
        sku: z.string(),
        bin: z.string().nullable(),
        writtenOff: z.number().int(),
        available: z.number().int(),
      }),
      wave,
    }),
  ),
  'packing.open': write(
    'Open an order at the packing bench by order id, channel order number or tote scan (T<wave>-<slot>)',
    z.object({ code: code(100) }).strict(),
    packSession,
  ),
  'packing.scan': write(
    'Scan one item into the parcel',
    z.object({ sessionId: id, barcode: code(64) }).strict(),
    z.object({
      result: z.enum(['ok', 'wrong_item', 'extra_item']),
      message: z.string(),
      sku: z.string().nullable(),
      session: packSession,
    }),
  ),
  'packing.complete': write(
    'Finish the parcel: every item scanned (or a supervisor override), weight within tolerance; the order becomes packed and its label and packing slip are queued',
    z
      .object({
        sessionId: id,
        weightGrams: z.number().int().min(1).max(1_000_000).optional(),
        box: code(40).optional(),
        override: z
          .object({
            supervisor: code(80),
            reason: code(500),
            /** Required once the shop has set a supervisor PIN (settings.supervisorPin.set). */
            pin: z.string().max(32).optional(),
          })
          .strict()
          .optional(),
      })
      .strict(),
    z.object({
      orderId: id,
      status: z.literal('packed'),
      printJobs: z.array(z.object({ document: z.string(), jobId: id })),
      warnings: z.array(z.string()),
    }),
  ),
  'shipping.confirm': write(
    'Confirm packed orders as shipped with a carrier and tracking number (all or nothing); the same confirmation again changes nothing',
    z
      .object({
        orderIds: z.array(id).min(1).max(1000).optional(),
        scan: code(100).optional(),
        carrier: code(32),
        trackingNumber: z.string().trim().min(1, 'is required').max(40),
      })
      .strict()
      .refine((v) => (v.orderIds === undefined) !== (v.scan === undefined), {
        message: 'give either orderIds or scan',
        path: ['orderIds'],
      }),
    shipResult,
  ),
  'shipping.confirmRows': write(
    "Confirm packed orders from a carrier's file, one tracking number per order reference (tote, order id or channel order number): every row or none; each refused row is named in issues as rows.<index>",
    z
      .object({
        rows: z
          .array(
            z
              .object({
                reference: code(100),
                carrier: code(32),
                trackingNumber: z.string().trim().min(1, 'is required').max(40),
              })
              .strict(),
          )
          .min(1)
          .max(2000),
      })
      .strict(),
    shipResult,
  ),
};
