import type { AllocationOption } from '../../../src-shared/contract/routing.contract';

/**
 * How allocations.alternatives_json stores the options a run considered. Every allocation keeps
 * all of them, so a 100,000-order run writes 400,000 options: as named objects they were ~60 MB of
 * the run's writes. One positional row per warehouse holds the same facts in a quarter of that:
 *   [warehouse, rank, inStock 0/1, short [[sku, need, available]…], carrier, shippingMinor,
 *    handlingMinor, transitDays, note]
 * totalMinor is not stored: it is shipping + handling whenever a carrier was found.
 * Rows written before this format (objects) are read as they are.
 */
type Row = [
  warehouse: string,
  rank: number | null,
  inStock: 0 | 1,
  short: [sku: string, need: number, available: number][],
  carrier: string | null,
  shippingMinor: number | null,
  handlingMinor: number,
  transitDays: number | null,
  note: string | null,
];

export function encodeAlternatives(options: readonly AllocationOption[]): string {
  const rows: Row[] = options.map((o) => [
    o.warehouse,
    o.rank,
    o.inStock ? 1 : 0,
    o.short.map((s) => [s.sku, s.need, s.available]),
    o.carrier,
    o.shippingMinor,
    o.handlingMinor,
    o.transitDays,
    o.note,
  ]);
  return JSON.stringify(rows);
}

export function decodeAlternatives(json: string): AllocationOption[] {
  const stored = JSON.parse(json) as (Row | AllocationOption)[];
  return stored.map((r) => {
    if (!Array.isArray(r)) return r;
    const [warehouse, rank, inStock, short, carrier, shippingMinor, handlingMinor, transitDays, note] = r;
    return {
      warehouse,
      rank,
      inStock: inStock === 1,
      short: short.map(([sku, need, available]) => ({ sku, need, available })),
      carrier,
      shippingMinor,
      handlingMinor,
      totalMinor: shippingMinor === null ? null : shippingMinor + handlingMinor,
      transitDays,
      note,
    };
  });
}
