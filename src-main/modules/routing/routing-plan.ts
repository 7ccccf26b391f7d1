import type { AllocationOption } from '../../../src-shared/contract/routing.contract';
import { formatMajor } from '../../../src-shared/domain/money';
import type { CarrierRow, RateRow } from './carriers.repo';
import { provinceShort, zoneOf } from './routing-regions';
import type { WarehouseForRouting } from './routing.repo';

export interface Need {
  skuId: number;
  sku: string;
  quantity: number;
}

export interface ParcelFacts {
  /** ISO 3166 alpha-2; anything but CN is priced only by rate rows for that country. */
  country: string;
  province: string;
  cod: boolean;
  weightGrams: number;
  volumeMm3: number;
  coldChain: boolean;
  bulky: boolean;
  battery: boolean;
  liquid: boolean;
}

export interface PlanWorld {
  warehouses: WarehouseForRouting[];
  /** Warehouse id → preference rank (0 = first) for the order's region. */
  rank: Map<number, number>;
  available: (warehouseId: number, skuId: number) => number;
  carriers: CarrierRow[];
  rates: Map<number, RateRow[]>;
  promiseDays: number;
}

export interface CarrierQuote {
  carrier: string;
  shippingMinor: number;
  transitDays: number;
  currency: string;
}

export type Plan =
  | {
      outcome: 'allocated';
      warehouseId: number;
      quote: CarrierQuote;
      handlingMinor: number;
      reasons: string[];
      alternatives: AllocationOption[];
    }
  | {
      outcome: 'backordered';
      warehouseId: number;
      short: Need[];
      reasons: string[];
      alternatives: AllocationOption[];
    }
  | { outcome: 'exception'; reasons: string[]; alternatives: AllocationOption[] };

const yuan = (minor: number, currency: string): string =>
  `${currency === 'CNY' ? '¥' : `${currency} `}${formatMajor(minor, currency)}`;

/** Why this carrier cannot take the parcel, or null when it can. */
function refusal(c: CarrierRow, p: ParcelFacts, chargeable: number): string | null {
  if (p.coldChain && !c.coldChain) return 'no cold chain for fresh goods';
  if (p.bulky && !c.freight) return 'bulky goods need a freight line';
  if (p.battery && c.mode === 'air') return 'no batteries by air';
  if (p.battery && !c.batteryAllowed) return 'does not accept batteries';
  if (p.liquid && c.mode === 'air') return 'no liquids by air';
  if (p.cod && !c.cod) return 'no cash on delivery';
  if (c.maxWeightGrams > 0 && chargeable > c.maxWeightGrams)
    return `${chargeable} g is over its ${c.maxWeightGrams} g limit`;
  return null;
}

export function chargeableGrams(
  c: Pick<CarrierRow, 'volumetricDivisor'>,
  p: Pick<ParcelFacts, 'weightGrams' | 'volumeMm3'>,
): number {
  // mm³ / divisor is grams: (cm³ / divisor) kg scaled by 1000 on both sides.
  return Math.max(p.weightGrams, Math.ceil(p.volumeMm3 / c.volumetricDivisor), 1);
}

export function priceOf(rate: RateRow, grams: number): number {
  const extra = Math.max(0, grams - rate.firstWeightGrams);
  const steps = rate.stepGrams > 0 ? Math.ceil(extra / rate.stepGrams) : 0;
  return rate.firstMinor + steps * rate.stepMinor + rate.surchargeMinor;
}

const NO_RATES: readonly RateRow[] = [];
const zoneIndexes = new WeakMap<readonly RateRow[], Map<string, RateRow[]>>();

/**
 * A carrier's rate rows by zone, in their original order, built once per rate list: a run quotes
 * every carrier from every warehouse for each of 100,000 orders, and filtering the whole list
 * each time was a large share of it.
 */
function ratesByZone(rows: readonly RateRow[]): Map<string, RateRow[]> {
  let index = zoneIndexes.get(rows);
  if (!index) {
    index = new Map();
    for (const r of rows) {
      const list = index.get(r.zone);
      if (list) list.push(r);
      else index.set(r.zone, [r]);
    }
    zoneIndexes.set(rows, index);
  }
  return index;
}

/** One carrier that cannot take the parcel from a warehouse, and why. */
export interface CarrierRefusal {
  carrier: string;
  why: string;
}

/**
 * The exception's detail, one clause per set of warehouses refused alike: a power bank abroad is
 * refused by the same carriers for the same reasons at every warehouse, and 4 warehouses × 12
 * carriers read as 48 clauses. "no carrier allowed at SH, GZ: SF (no batteries by air), …".
 */
function groupedRefusals(byWarehouse: { code: string; refusals: CarrierRefusal[] }[]): string[] {
  const groups = new Map<string, string[]>();
  for (const w of byWarehouse) {
    const said = w.refusals.map((r) => `${r.carrier} (${r.why})`).join(', ');
    const codes = groups.get(said);
    if (codes) codes.push(w.code);
    else groups.set(said, [w.code]);
  }
  return [...groups].map(([said, codes]) =>
    said ? `no carrier allowed at ${codes.join(', ')}: ${said}` : `no active carrier at ${codes.join(', ')}`,
  );
}

/** The cheapest carrier allowed from this warehouse that keeps the delivery promise, with every refusal when none. */
export function quoteCarriers(
  w: WarehouseForRouting,
  p: ParcelFacts,
  world: Pick<PlanWorld, 'carriers' | 'rates' | 'promiseDays'>,
  /** Word every refusal; false when only the best quote matters (refusals then stay empty). */
  explain = true,
): { best: CarrierQuote | null; refusals: CarrierRefusal[] } {
  const abroad = p.country !== 'CN';
  const zone = abroad ? p.country : zoneOf(w.province, p.province);
  const dest = abroad ? null : provinceShort(p.province);
  let best: CarrierQuote | null = null;
  const refusals: CarrierRefusal[] = [];
  for (const c of world.carriers) {
    const grams = chargeableGrams(c, p);
    const no = refusal(c, p, grams);
    if (no) {
      if (explain) refusals.push({ carrier: c.code, why: no });
      continue;
    }
    const byZone = ratesByZone(world.rates.get(c.id) ?? NO_RATES);
    const specific = dest === null ? undefined : byZone.get(dest);
    const rate = (specific ?? byZone.get(zone))?.find((r) => r.maxWeightGrams >= grams);
    if (!rate) {
      if (explain)
        refusals.push({ carrier: c.code, why: `no rate for ${dest ?? zone} (${zone}) at ${grams} g` });
      continue;
    }
    if (rate.transitDays > world.promiseDays) {
      if (explain)
        refusals.push({
          carrier: c.code,
          why: `${rate.transitDays} days is slower than the promised ${world.promiseDays}`,
        });
      continue;
    }
    const q = {
      carrier: c.code,
      shippingMinor: priceOf(rate, grams),
      transitDays: rate.transitDays,
      currency: rate.currency,
    };
    if (
      !best ||
      q.shippingMinor < best.shippingMinor ||
      (q.shippingMinor === best.shippingMinor && q.transitDays < best.transitDays)
    )
      best = q;
  }
  return { best, refusals };
}

/**
 * Picks the warehouse and carrier for one order. Cheapest total (shipping + handling) among
 * warehouses that have every item wins; the region preference breaks ties. When none has
 * everything, the order waits at the preferred warehouse that could ship it once stock arrives.
 */
export function planOrder(needs: Need[], p: ParcelFacts, world: PlanWorld): Plan {
  const alternatives: AllocationOption[] = [];
  type Cand = { w: WarehouseForRouting; quote: CarrierQuote | null; short: Need[]; rank: number };
  const cands: Cand[] = [];
  const refused: { code: string; refusals: CarrierRefusal[] }[] = [];
  for (const w of world.warehouses) {
    const short = needs.filter((n) => world.available(w.id, n.skuId) < n.quantity);
    // Refusals are only shown when no carrier can ship from here: word them only then.
    const { best } = quoteCarriers(w, p, world, false);
    const refusals = best ? [] : quoteCarriers(w, p, world).refusals;
    const rank = world.rank.get(w.id) ?? null;
    cands.push({ w, quote: best, short, rank: rank ?? Number.MAX_SAFE_INTEGER });
    if (!best) refused.push({ code: w.code, refusals });
    alternatives.push({
      warehouse: w.code,
      rank,
      inStock: short.length === 0,
      short: short.map((n) => ({ sku: n.sku, need: n.quantity, available: world.available(w.id, n.skuId) })),
      carrier: best?.carrier ?? null,
      shippingMinor: best?.shippingMinor ?? null,
      handlingMinor: w.handlingMinor,
      totalMinor: best ? best.shippingMinor + w.handlingMinor : null,
      transitDays: best?.transitDays ?? null,
      note: best ? null : refusals.map((r) => `${r.carrier}: ${r.why}`).join('; ') || 'no active carrier',
    });
  }
  const describe = (c: Cand): string =>
    `${c.w.code}: ${c.short.length ? `short of ${c.short.map((n) => n.sku).join(', ')}` : 'in stock'}` +
    (c.quote
      ? `, ${yuan(c.quote.shippingMinor + c.w.handlingMinor, c.quote.currency)} via ${c.quote.carrier} (${c.quote.transitDays} d)`
      : ', no carrier');
  if (world.warehouses.length === 0)
    return { outcome: 'exception', reasons: ['no active warehouse'], alternatives };
  const byCost = (a: Cand, b: Cand): number =>
    a.quote!.shippingMinor + a.w.handlingMinor - (b.quote!.shippingMinor + b.w.handlingMinor) ||
    a.rank - b.rank ||
    a.w.id - b.w.id;
  const shippable = cands.filter((c) => c.quote);
  if (shippable.length === 0)
    return {
      outcome: 'exception',
      reasons: ['no carrier can take this order from any warehouse', ...groupedRefusals(refused)],
      alternatives,
    };
  const ready = shippable.filter((c) => c.short.length === 0).sort(byCost);
  const seen = cands.map(describe);
  if (ready.length > 0) {
    const chosen = ready[0]!;
    const why =
      ready.length > 1
        ? 'cheapest in-stock option'
        : 'the only warehouse with everything in stock that a carrier can ship from';
    return {
      outcome: 'allocated',
      warehouseId: chosen.w.id,
      quote: chosen.quote!,
      handlingMinor: chosen.w.handlingMinor,
      reasons: [...seen, `chose ${chosen.w.code} via ${chosen.quote!.carrier}: ${why}`],
      alternatives,
    };
  }
  const waitAt = [...shippable].sort(
    (a, b) => a.rank - b.rank || a.short.length - b.short.length || byCost(a, b),
  )[0]!;
  return {
    outcome: 'backordered',
    warehouseId: waitAt.w.id,
    short: waitAt.short,
    reasons: [
      ...seen,
      `no warehouse has everything; waiting for ${waitAt.short.map((n) => `${n.quantity} × ${n.sku}`).join(', ')} at ${waitAt.w.code}`,
    ],
    alternatives,
  };
}
