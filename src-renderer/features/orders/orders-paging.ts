import type { OrderSummary } from '../../../src-shared/contract/orders.contract';

/** Rows per `orders.list` call: a few screens' worth, well under the contract's 500. */
export const PAGE_SIZE = 200;
/** Pages kept in memory (~12,000 rows); scrolling far away evicts the ones farthest from view. */
export const MAX_CACHED_PAGES = 60;

/** A cached page remembers the query generation it was loaded for, so stale pages can be shown
 * while fresh ones load after an `orders.changed`, instead of the list flashing empty. */
export interface CachedPage {
  gen: number;
  rows: OrderSummary[];
}

export type PageCache = ReadonlyMap<number, CachedPage>;

export const pageOf = (index: number): number => Math.floor(index / PAGE_SIZE);

/** Page numbers covering rows [start, end], inclusive, clamped to the total. */
export function pagesForRange(start: number, end: number, total: number): number[] {
  if (total <= 0 || end < start) return [];
  const first = pageOf(Math.max(0, start));
  const last = pageOf(Math.min(total - 1, end));
  const out: number[] = [];
  for (let p = first; p <= last; p++) out.push(p);
  return out;
}

export function rowAt(cache: PageCache, index: number): OrderSummary | undefined {
  return cache.get(pageOf(index))?.rows[index % PAGE_SIZE];
}

/** Adds a page and drops the pages farthest from the visible window once over the limit. */
export function withPage(
  cache: PageCache,
  page: number,
  entry: CachedPage,
  visible: [number, number],
): Map<number, CachedPage> {
  const next = new Map(cache);
  next.set(page, entry);
  if (next.size <= MAX_CACHED_PAGES) return next;
  const centre = (pageOf(visible[0]) + pageOf(visible[1])) / 2;
  const byDistance = [...next.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
  for (const p of byDistance.slice(0, next.size - MAX_CACHED_PAGES)) next.delete(p);
  return next;
}
