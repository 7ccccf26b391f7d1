import type { Sqlite } from '../../adapters/db/open';

export interface SkuValues {
  sku: string;
  title: string;
  spec: string;
  barcode: string | null;
  category: string | null;
  weightGrams: number;
  priceMinor: number;
  currency: string;
}

export function upsertSku(sqlite: Sqlite, v: SkuValues, now: number): number {
  const row = sqlite
    .prepare(
      `insert into skus (sku, title, spec, barcode, category, weight_grams, price_minor, currency, created_at, updated_at)
       values (@sku, @title, @spec, @barcode, @category, @weightGrams, @priceMinor, @currency, @now, @now)
       on conflict (sku) do update set title = excluded.title, spec = excluded.spec, barcode = excluded.barcode,
         category = excluded.category, weight_grams = excluded.weight_grams, price_minor = excluded.price_minor,
         currency = excluded.currency, updated_at = excluded.updated_at
       returning id`,
    )
    .get({ ...v, now }) as { id: number };
  return row.id;
}
