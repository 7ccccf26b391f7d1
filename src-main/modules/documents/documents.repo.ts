import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../core-context';
import { documentTemplates, skuCustoms } from './documents.table';
import { skus } from '../catalog/catalog.table';
import { bins, skuBins, warehouses } from '../inventory/inventory.table';
import { orders } from '../orders/orders.table';
import { waveOrders } from '../fulfillment/fulfillment.table';

export type TemplateRow = typeof documentTemplates.$inferSelect;
export type CustomsRow = typeof skuCustoms.$inferSelect;

export const findTemplate = (db: Db, kind: string): TemplateRow | undefined =>
  db.select().from(documentTemplates).where(eq(documentTemplates.kind, kind)).get();

export function upsertTemplate(db: Db, row: TemplateRow): TemplateRow {
  return db
    .insert(documentTemplates)
    .values(row)
    .onConflictDoUpdate({
      target: documentTemplates.kind,
      set: {
        logo: row.logo,
        senderJson: row.senderJson,
        optionsJson: row.optionsJson,
        updatedAt: row.updatedAt,
      },
    })
    .returning()
    .get();
}

/** Catalog facts the documents need per SKU: weight, category, barcode. Unknown SKUs are absent. */
export function skuFacts(
  db: Db,
  codes: string[],
): Map<string, { weightGrams: number; category: string | null; barcode: string | null }> {
  if (codes.length === 0) return new Map();
  const rows = db
    .select({ sku: skus.sku, weightGrams: skus.weightGrams, category: skus.category, barcode: skus.barcode })
    .from(skus)
    .where(inArray(skus.sku, [...new Set(codes)]))
    .all();
  return new Map(rows.map((r) => [r.sku, r]));
}

export function customsFacts(db: Db, codes: string[]): Map<string, CustomsRow> {
  if (codes.length === 0) return new Map();
  const rows = db
    .select()
    .from(skuCustoms)
    .where(inArray(skuCustoms.sku, [...new Set(codes)]))
    .all();
  return new Map(rows.map((r) => [r.sku, r]));
}

export function upsertCustoms(db: Db, row: CustomsRow): void {
  db.insert(skuCustoms)
    .values(row)
    .onConflictDoUpdate({
      target: skuCustoms.sku,
      set: {
        descriptionEn: row.descriptionEn,
        hsCode: row.hsCode,
        originCountry: row.originCountry,
        category: row.category,
        updatedAt: row.updatedAt,
      },
    })
    .run();
}

/** Bin code and walking sequence per SKU in one warehouse; SKUs without a bin are absent. */
export function binsFor(
  db: Db,
  warehouseCode: string | null,
  codes: string[],
): Map<string, { bin: string; sequence: number }> {
  if (!warehouseCode || codes.length === 0) return new Map();
  const rows = db
    .select({ sku: skus.sku, bin: bins.code, sequence: bins.sequence })
    .from(skuBins)
    .innerJoin(skus, eq(skus.id, skuBins.skuId))
    .innerJoin(bins, eq(bins.id, skuBins.binId))
    .innerJoin(warehouses, eq(warehouses.id, skuBins.warehouseId))
    .where(and(eq(warehouses.code, warehouseCode), inArray(skus.sku, [...new Set(codes)])))
    .all();
  return new Map(rows.map((r) => [r.sku, { bin: r.bin, sequence: r.sequence }]));
}

/**
 * Orders for a carrier's end-of-day manifest: shipped that day, or packed and waiting for the
 * driver, with a tracking number. `from`/`to` are epoch ms of the local day.
 */
export function manifestOrderIds(db: Db, carrier: string, from: number, to: number): number[] {
  return db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        eq(sql`lower(${orders.carrier})`, carrier.toLowerCase()),
        isNotNull(orders.trackingNumber),
        sql`((${orders.status} = 'shipped' and ${orders.shippedAt} >= ${from} and ${orders.shippedAt} < ${to})
            or (${orders.status} = 'packed' and ${orders.updatedAt} >= ${from} and ${orders.updatedAt} < ${to}))`,
      ),
    )
    .orderBy(orders.id)
    .all()
    .map((r) => r.id);
}

/**
 * The tote slots of orders that are all in one wave now: a pick list printed for a wave (again,
 * after a short pick took an order out) must say the slots the picking screen and totes use,
 * not 1…n. Empty when the orders are not exactly the members of one wave.
 */
export function waveSlots(db: Db, orderIds: number[]): Map<number, number> {
  if (orderIds.length === 0) return new Map();
  const rows = db
    .select({ waveId: waveOrders.waveId, orderId: waveOrders.orderId, slot: waveOrders.slot })
    .from(waveOrders)
    .where(and(inArray(waveOrders.orderId, orderIds), sql`${waveOrders.removedAt} is null`))
    .all();
  const waveIds = new Set(rows.map((r) => r.waveId));
  if (waveIds.size !== 1 || rows.length !== new Set(orderIds).size) return new Map();
  return new Map(rows.map((r) => [r.orderId, r.slot]));
}
