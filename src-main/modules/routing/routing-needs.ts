import { stockNeeds, type CatalogSnapshot } from '../catalog';
import type { Need, ParcelFacts, Plan, PlanWorld } from './routing-plan';
import type { RoutableLine, RoutableOrder } from './routing.repo';

/** A warehouse and SKU pair as a map key (a run's stock count, what a split has taken). */
export const stockKey = (warehouseId: number, skuId: number): string => `${warehouseId}:${skuId}`;

/** Physical needs and parcel facts of an order; a line whose SKU is unknown makes the order an exception. */
export function orderFacts(
  catalog: CatalogSnapshot,
  o: RoutableOrder,
  lines: RoutableLine[],
): { needs: Need[]; facts: ParcelFacts; lineNeeds: Need[][] } | { unknown: RoutableLine[] } {
  const unknown = lines.filter((l) => !catalog.byCode.has(l.sku));
  if (unknown.length) return { unknown };
  const needs = new Map<number, Need>();
  const facts: ParcelFacts = {
    country: (o.country || 'CN').toUpperCase(),
    province: o.province,
    cod: (o.paymentMethod ?? '').toLowerCase() === 'cod',
    weightGrams: 0,
    volumeMm3: 0,
    coldChain: false,
    bulky: false,
    battery: false,
    liquid: false,
  };
  const lineNeeds: Need[][] = [];
  for (const l of lines) {
    const parts = stockNeeds(catalog, catalog.byCode.get(l.sku)!, l.quantity);
    lineNeeds.push(parts.map((p) => ({ skuId: p.sku.id, sku: p.sku.sku, quantity: p.quantity })));
    for (const part of parts) {
      const s = part.sku;
      const n = needs.get(s.id) ?? { skuId: s.id, sku: s.sku, quantity: 0 };
      n.quantity += part.quantity;
      needs.set(s.id, n);
      facts.weightGrams += s.weightGrams * part.quantity;
      facts.volumeMm3 += s.lengthMm * s.widthMm * s.heightMm * part.quantity;
      facts.coldChain ||= Boolean(s.coldChain);
      facts.bulky ||= Boolean(s.bulky);
      facts.battery ||= Boolean(s.battery);
      facts.liquid ||= Boolean(s.liquid);
    }
  }
  return { needs: [...needs.values()], facts, lineNeeds };
}

/** Why lines outside the catalogue stop an order: unknown SKUs by name, lines without one by number. */
export function unknownSkuReasons(lines: RoutableLine[]): string[] {
  const named = [...new Set(lines.filter((l) => l.sku.trim() !== '').map((l) => l.sku))];
  const blank = lines.filter((l) => l.sku.trim() === '').map((l) => l.lineNo);
  return [
    ...(named.length
      ? [`SKU ${named.join(', ')} is not in the catalog; add it (skus.save) and route again`]
      : []),
    ...(blank.length
      ? [
          `${blank.length > 1 ? 'lines' : 'line'} ${blank.join(', ')} ${blank.length > 1 ? 'have' : 'has'} no SKU: map ${blank.length > 1 ? 'them' : 'it'} on the SKU mapping screen, then route again`,
        ]
      : []),
  ];
}

/**
 * When no warehouse has everything and the shop allows it: give each line to the first warehouse
 * (by preference, then cost) that still has all of it. Null when some line fits nowhere, or when
 * everything would come from one warehouse anyway.
 */
export function splitByWarehouse(
  base: Pick<PlanWorld, 'warehouses' | 'available'>,
  plan: Plan,
  lineNeeds: Need[][],
): { warehouse: string; lineNos: number[] }[] | null {
  const order = plan.alternatives
    .filter((a) => a.carrier !== null)
    .sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9) || a.totalMinor! - b.totalMinor!);
  const ids = new Map(base.warehouses.map((w) => [w.code, w.id]));
  const taken = new Map<string, number>();
  const groups = new Map<string, number[]>();
  for (const [i, needs] of lineNeeds.entries()) {
    const fits = order.find((a) =>
      needs.every(
        (n) =>
          base.available(ids.get(a.warehouse)!, n.skuId) -
            (taken.get(stockKey(ids.get(a.warehouse)!, n.skuId)) ?? 0) >=
          n.quantity,
      ),
    );
    if (!fits) return null;
    for (const n of needs) {
      const k = stockKey(ids.get(fits.warehouse)!, n.skuId);
      taken.set(k, (taken.get(k) ?? 0) + n.quantity);
    }
    groups.set(fits.warehouse, [...(groups.get(fits.warehouse) ?? []), i + 1]);
  }
  return groups.size > 1 ? [...groups].map(([warehouse, lineNos]) => ({ warehouse, lineNos })) : null;
}
