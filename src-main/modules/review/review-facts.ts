import type { Sqlite } from '../../adapters/db/open';
import { distanceClassOf, regionOf } from '../../../src-shared/domain/china-regions';
import type { CustomerSegment, OrderFacts } from '../../../src-shared/contract/review-fields';
import {
  readCustomerStats,
  readScopeLines,
  readScopeOrders,
  readSkuFacts,
  type LineRow,
  type ReviewOrderRow,
  type ReviewScope,
} from './review-orders.repo';

/** Customer segments are deliberately simple: VIP by order count or lifetime spend. */
export const VIP_MIN_ORDERS = 5;
export const VIP_MIN_SPEND_MINOR = 500_000;

const COD = /^(cod|cash[\s_-]?on[\s_-]?delivery)$|货到付款/i;

export interface FactsRow {
  row: ReviewOrderRow;
  facts: OrderFacts;
  lines: LineRow[];
}

export function segmentOf(orders: number, spendMinor: number): CustomerSegment {
  if (orders >= VIP_MIN_ORDERS || spendMinor >= VIP_MIN_SPEND_MINOR) return 'vip';
  return orders >= 2 ? 'repeat' : 'new';
}

/** What every order's facts draw on: the SKU catalogue and per-customer totals, read once per pass. */
export interface FactsBasis {
  skus: ReturnType<typeof readSkuFacts>;
  customers: ReturnType<typeof readCustomerStats>;
}

export const factsBasis = (sqlite: Sqlite): FactsBasis => ({
  skus: readSkuFacts(sqlite),
  customers: readCustomerStats(sqlite),
});

/**
 * Loads the orders of a scope with everything the rules may test, in two queries (plus two for
 * the basis when none is given). Derived values follow one convention: unknown stays undefined
 * (weight when a SKU has no weight on file), so a rule never mistakes "we don't know" for zero.
 */
export function loadFacts(
  sqlite: Sqlite,
  scope: ReviewScope,
  homeProvince: string,
  basis: FactsBasis = factsBasis(sqlite),
): FactsRow[] {
  const orders = readScopeOrders(sqlite, scope);
  const lines = readScopeLines(sqlite, scope);
  const { skus, customers } = basis;
  const out: FactsRow[] = [];
  let li = 0;
  for (const row of orders) {
    // Both queries are ordered by order id, so lines are consumed in one forward pass.
    while (li < lines.length && lines[li]!.orderId < row.id) li++;
    const skuList: string[] = [];
    const categories: string[] = [];
    let quantity = 0;
    let weight: number | undefined = 0;
    const own: LineRow[] = [];
    for (; li < lines.length && lines[li]!.orderId === row.id; li++) {
      const l = lines[li]!;
      own.push(l);
      skuList.push(l.sku);
      quantity += l.quantity;
      const s = skus.get(l.sku);
      if (s?.category && !categories.includes(s.category)) categories.push(s.category);
      weight =
        s && s.weightGrams > 0 && weight !== undefined ? weight + s.weightGrams * l.quantity : undefined;
    }
    if (own.length === 0) weight = undefined;
    const stats = row.customerId === null ? undefined : customers.get(row.customerId);
    const customerOrders = stats?.orders ?? 1;
    const placed = new Date(row.placedAt);
    const country = row.country || 'CN';
    out.push({
      row,
      lines: own,
      facts: {
        total: row.totalMinor,
        currency: row.currency,
        channel: row.channel,
        type: row.type,
        country,
        province: row.province || undefined,
        city: row.city || undefined,
        region: regionOf(country, row.province),
        distance: distanceClassOf(country, row.province, homeProvince),
        sku: skuList,
        category: categories,
        quantity,
        weight,
        customerOrders,
        customerSegment: segmentOf(customerOrders, stats?.spendMinor ?? row.totalMinor),
        buyerMessage: (row.buyerMessage ?? '').trim() !== '',
        addressAmbiguous: row.addressAmbiguous === 1,
        addressMasked: row.addressMasked === 1,
        crossBorder: row.type === 'cross_border' || country.toUpperCase() !== 'CN',
        hasIdNumber: (row.buyerIdNumber ?? '').trim() !== '',
        paymentMethod: row.paymentMethod ?? undefined,
        cod: COD.test((row.paymentMethod ?? '').trim()),
        tags: JSON.parse(row.tagsJson) as string[],
        // The shop's working day is this machine's clock, as elsewhere in the queue.
        placedHour: placed.getHours(),
        placedWeekday: ((placed.getDay() + 6) % 7) + 1,
      },
    });
  }
  return out;
}
