import { z } from 'zod';
import { read } from './define';
import { currency, minor } from './common.schema';

export const skuHit = z.object({
  sku: z.string(),
  title: z.string(),
  spec: z.string(),
  /** The barcode that matched, else the SKU's primary one. */
  barcode: z.string().nullable(),
  priceMinor: minor,
  currency,
  /** How it matched: a scanned barcode or typed code is `exact`. */
  match: z.enum(['exact', 'prefix', 'contains']),
});
export type SkuHit = z.infer<typeof skuHit>;

export const catalogContract = {
  'skus.search': read(
    'Find SKUs while typing or scanning: exact barcode or code first, then code prefix, then code/title/barcode containing the text',
    z
      .object({
        query: z.string().trim().min(1, 'is required').max(100),
        limit: z.number().int().min(1).max(50).default(10),
      })
      .strict(),
    z.object({ rows: z.array(skuHit) }),
  ),
} as const;
