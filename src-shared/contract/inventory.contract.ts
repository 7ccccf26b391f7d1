import { z } from 'zod';
import { read, write } from './define';
import { id, currency, minor, isoDate } from './common.schema';

const skuCode = z.string().trim().min(1, 'is required').max(64);
const warehouseCode = z.string().trim().min(1, 'is required').max(32);
const qty = z.number().int().positive('must be at least 1').max(1_000_000);
/**
 * What a shelf can really hold: past this a number is a slip (a barcode scanned into the count
 * field) and would take on-hand out of the range a number adds up exactly in.
 */
const MAX_STOCK = 100_000_000;
const stockCount = z.number().int().min(0, 'cannot be negative').max(MAX_STOCK, 'is too large');
const grams = z.number().int().min(0, 'cannot be negative').max(10_000_000);
const mm = z.number().int().min(0, 'cannot be negative').max(100_000);
/** A calendar date, as channels' 预计发货时间 give it; a time of day is dropped. */
export const shipDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date like 2026-12-01')
  .transform((s) => s.slice(0, 10))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real date');
const reason = z.string().trim().min(1, 'a reason is required').max(500);
const paging = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
};

export const HANDLING_ATTRIBUTES = ['coldChain', 'bulky', 'fragile', 'battery', 'liquid'] as const;
export type HandlingAttribute = (typeof HANDLING_ATTRIBUTES)[number];

export const sku = z.object({
  id,
  sku: z.string(),
  title: z.string(),
  spec: z.string(),
  barcodes: z.array(z.string()),
  category: z.string().nullable(),
  weightGrams: z.number().int(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  attributes: z.array(z.enum(HANDLING_ATTRIBUTES)),
  safetyStock: z.number().int(),
  /** Pre-sale (预售): orders for it wait for this date (YYYY-MM-DD) instead of shipping now. */
  presaleShipDate: z.string().nullable(),
  priceMinor: minor,
  currency,
  components: z.array(z.object({ sku: z.string(), quantity: z.number().int() })),
});
export type Sku = z.infer<typeof sku>;

export const skuInput = z
  .object({
    sku: skuCode,
    title: z.string().trim().min(1, 'is required').max(200),
    spec: z.string().trim().max(200).default(''),
    barcodes: z
      .array(
        z
          .string()
          .trim()
          .min(4, 'is too short for a barcode')
          .max(64)
          .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces'),
      )
      .max(20)
      .default([]),
    category: z.string().trim().max(80).nullable().default(null),
    weightGrams: grams.default(0),
    lengthMm: mm.default(0),
    widthMm: mm.default(0),
    heightMm: mm.default(0),
    attributes: z.array(z.enum(HANDLING_ATTRIBUTES)).default([]),
    safetyStock: stockCount.default(0),
    presaleShipDate: shipDate.nullable().default(null),
    priceMinor: minor.min(0, 'cannot be negative').default(0),
    currency: currency.default('CNY'),
    /** Makes this SKU a bundle/kit: selling one reserves these. */
    components: z
      .array(z.object({ sku: skuCode, quantity: qty }).strict())
      .max(50)
      .default([]),
  })
  .strict();
export type SkuInput = z.infer<typeof skuInput>;

const binCode = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(32)
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces (it is scanned)');

export const binRow = z.object({
  code: z.string(),
  sequence: z.number().int(),
  active: z.boolean(),
  skuCount: z.number().int(),
  /** The SKUs whose default bin this is, with their warehouse stock (stock is counted per warehouse). */
  skus: z.array(
    z.object({
      sku: z.string(),
      title: z.string(),
      onHand: z.number().int(),
      reserved: z.number().int(),
      available: z.number().int(),
    }),
  ),
});
export type BinRow = z.infer<typeof binRow>;

/**
 * Where the stock ledger stood (its last entry's id) when something was read: a count sent with
 * the mark its SKU was counted at keeps the stock that moved after it.
 */
const ledgerMark = z.number().int().min(0);

/** The stock a SKU was counted against: the ledger mark then, and its units then in totes or packed. */
const countedAsOf = z.object({ ledgerMark, offShelf: stockCount }).strict();

/** A count sheet: the shelves of one warehouse, each SKU with the stock it was counted against if known. */
const stocktakeSheet = z.object({
  warehouse: warehouseCode,
  counts: z
    .array(z.object({ sku: skuCode, counted: stockCount, asOf: countedAsOf.optional() }).strict())
    .min(1)
    .max(20_000),
});

/**
 * A counted SKU as posting changes it: on hand when counted (of which `offShelf` in totes or
 * packed), the shelf count, moved since, on hand after, and the adjustment.
 */
const countedRow = z.object({
  sku: z.string(),
  onHandBefore: z.number().int(),
  offShelf: z.number().int(),
  counted: z.number().int(),
  movedSince: z.number().int(),
  onHandAfter: z.number().int(),
  delta: z.number().int(),
  reserved: z.number().int(),
});

export const stockLevelRow = z.object({
  warehouse: z.string(),
  sku: z.string(),
  title: z.string(),
  bin: z.string().nullable(),
  binSequence: z.number().int().nullable(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  threshold: z.number().int(),
});

export const ledgerRow = z.object({
  id,
  at: isoDate,
  warehouse: z.string(),
  sku: z.string(),
  kind: z.string(),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  reference: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.string(),
});

export const stockSuggestion = z.object({
  action: z.enum(['transfer', 'contact_buyer', 'cancel', 'receive']),
  fromWarehouse: z.string().optional(),
  quantity: z.number().int().optional(),
  orderId: id.optional(),
  text: z.string(),
});
export type StockSuggestion = z.infer<typeof stockSuggestion>;

export const stockAlert = z.object({
  id,
  kind: z.enum(['low_stock', 'backorder']),
  warehouse: z.string(),
  sku: z.string(),
  available: z.number().int(),
  threshold: z.number().int(),
  suggestions: z.array(stockSuggestion),
  createdAt: isoDate,
  resolvedAt: isoDate.nullable(),
});

const levelChange = z.object({
  warehouse: z.string(),
  sku: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});

export const inventoryContract = {
  'skus.list': read(
    'SKUs of the catalog, searchable by code, title or barcode',
    z.object({ search: z.string().max(100).optional(), ...paging }).strict(),
    z.object({ rows: z.array(sku), total: z.number().int() }),
  ),
  'skus.save': write(
    'Create or edit a SKU (matched by its code), its barcodes and bundle components',
    skuInput,
    sku,
  ),
  'bins.list': read(
    'Bins of a warehouse in walking order, retired ones last, with the SKUs kept in each and their stock',
    z.object({ warehouse: warehouseCode }).strict(),
    z.object({ rows: z.array(binRow) }),
  ),
  'bins.save': write(
    'Create, rename, re-sequence or retire bins of a warehouse (all or nothing)',
    z
      .object({
        warehouse: warehouseCode,
        bins: z
          .array(
            z
              .object({
                code: binCode,
                sequence: z.number().int().min(0).max(1_000_000),
                /** Rename the bin `code` to this; its SKUs and walking place go with it. */
                newCode: binCode.optional(),
                /** false retires the bin (refused while SKUs are kept in it); true brings it back. */
                active: z.boolean().optional(),
              })
              .strict(),
          )
          .min(1)
          .max(5000),
      })
      .strict(),
    z.object({ saved: z.number().int(), created: z.number().int() }),
  ),
  'bins.assign': write(
    'Set (or clear with null) the default bin a SKU is kept in, in one warehouse; pick lists walk by it',
    z.object({ warehouse: warehouseCode, sku: skuCode, bin: binCode.nullable() }).strict(),
    z.object({ sku: z.string(), bin: z.string().nullable() }),
  ),
  'inventory.levels': read(
    'Stock levels by warehouse, bin and SKU',
    z
      .object({
        warehouse: warehouseCode.optional(),
        bin: z.string().max(32).optional(),
        search: z.string().max(100).optional(),
        belowThreshold: z.boolean().default(false),
        ...paging,
      })
      .strict(),
    z.object({ rows: z.array(stockLevelRow), total: z.number().int() }),
  ),
  'inventory.ledger': read(
    'Ledger history of one SKU, newest first',
    z.object({ sku: skuCode, warehouse: warehouseCode.optional(), ...paging }).strict(),
    z.object({ rows: z.array(ledgerRow), total: z.number().int() }),
  ),
  'inventory.receive': write(
    'Receive goods into a warehouse (optionally into a bin); backordered orders are allocated afterwards',
    z
      .object({
        warehouse: warehouseCode,
        lines: z
          .array(
            z
              .object({ sku: skuCode, quantity: qty, bin: z.string().trim().min(1).max(32).optional() })
              .strict(),
          )
          .min(1)
          .max(5000),
        reason: reason.default('receipt'),
        reference: z.string().trim().max(100).optional(),
      })
      .strict(),
    z.object({ levels: z.array(levelChange), allocatedOrders: z.array(id) }),
  ),
  'inventory.adjust': write(
    'Correct on-hand stock up or down, with a reason; a correction upwards allocates backordered orders',
    z
      .object({
        warehouse: warehouseCode,
        sku: skuCode,
        delta: z
          .number()
          .int()
          .min(-1_000_000, 'is too large')
          .max(1_000_000, 'is too large')
          .refine((n) => n !== 0, 'must not be 0'),
        reason,
      })
      .strict(),
    z.object({ levels: z.array(levelChange), allocatedOrders: z.array(id) }),
  ),
  'inventory.transfer': write(
    'Move stock from one warehouse to another; backordered orders at the destination are allocated afterwards',
    z
      .object({
        from: warehouseCode,
        to: warehouseCode,
        sku: skuCode,
        quantity: qty,
        reason: reason.default('transfer'),
      })
      .strict(),
    z.object({ levels: z.array(levelChange), allocatedOrders: z.array(id) }),
  ),
  'inventory.countMark': read(
    'What a count started now is taken against: where the stock ledger stands, and the units of each SKU picked into totes or packed (on hand, off the shelves)',
    z.object({ warehouse: warehouseCode }).strict(),
    z.object({ ledgerMark, offShelf: z.array(z.object({ sku: z.string(), units: z.number().int() })) }),
  ),
  'inventory.stocktakeCheck': read(
    'What posting a count sheet would change, row by row; nothing is written',
    stocktakeSheet.strict(),
    z.object({ rows: z.array(countedRow) }),
  ),
  'inventory.stocktake': write(
    'Post a count sheet: each difference from on-hand becomes an adjustment; found stock allocates backordered orders',
    stocktakeSheet.extend({ reason: reason.default('stocktake') }).strict(),
    z.object({
      differences: z.array(countedRow),
      unchanged: z.number().int(),
      allocatedOrders: z.array(id),
    }),
  ),
  'inventory.threshold': write(
    'Set (or clear with null) the safety threshold of a SKU in one warehouse',
    z.object({ warehouse: warehouseCode, sku: skuCode, minAvailable: stockCount.nullable() }).strict(),
    z.object({ threshold: z.number().int() }),
  ),
  'inventory.alerts': read(
    'Low-stock and backorder alerts with suggestions, newest first',
    z.object({ open: z.boolean().default(true), ...paging }).strict(),
    z.object({ rows: z.array(stockAlert), total: z.number().int() }),
  ),
} as const;
