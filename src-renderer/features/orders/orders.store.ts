import { createStore, useStore, type StoreApi } from 'zustand';
import { useApi } from '../../api/api-context';
import type {
  OrderFilter,
  OrderSummary,
  ORDER_SORT_FIELDS,
} from '../../../src-shared/contract/orders.contract';
import type { OpInput, OpOutput } from '../../../src-shared/contract';
import type { ManualTarget } from '../../../src-shared/domain/order-status';
import type { AppError, Result } from '../../../src-shared/result';
import type { Api } from '../../api/client';
import { PAGE_SIZE, pageOf, pagesForRange, rowAt, withPage, type PageCache } from './orders-paging';
import { selectionActions, type SelectionState, type SelectionActions } from './orders-selection';

export type SortField = (typeof ORDER_SORT_FIELDS)[number];
export interface Sort {
  field: SortField;
  dir: 'asc' | 'desc';
}
export type Facets = OpOutput<'orders.facets'>;

export interface OrdersState extends SelectionState {
  filter: OrderFilter;
  sort: Sort;
  /** null until the count for the current filter has arrived. */
  total: number | null;
  facets: Facets | null;
  pages: PageCache;
  error: AppError | null;
  /** Id of the order shown in the detail drawer. */
  openId: number | null;
}

export interface OrdersActions extends SelectionActions {
  setFilter(patch: Partial<OrderFilter>): void;
  resetFilter(): void;
  setSort(field: SortField): void;
  /** Called by the virtual list with the rows on screen; loads whatever is missing or stale. */
  ensureRange(start: number, end: number): void;
  /** Re-reads count, facets and visible rows, keeping the old rows on screen meanwhile. */
  refresh(): Promise<void>;
  /** Rows [start, end] for range selection; loads missing pages. null when the query changed meanwhile. */
  loadRows(start: number, end: number): Promise<OrderSummary[] | null>;
  open(id: number | null): void;
  transition(ids: number[], to: ManualTarget, reason?: string): Promise<Result<{ changed: number[] }>>;
  /** Merges into one new order, which then opens in the drawer; the originals are cancelled. */
  merge(ids: number[]): Promise<Result<OpOutput<'orders.merge'>>>;
  /** Splits into new orders (the first opens in the drawer); the original is cancelled. */
  split(id: number, groups: OpInput<'orders.split'>['groups']): Promise<Result<OpOutput<'orders.split'>>>;
  clearError(): void;
}

export type OrdersStore = StoreApi<OrdersState & OrdersActions>;

const cleanFilter = (f: OrderFilter): OrderFilter => {
  const out: OrderFilter = {};
  if (f.status?.length) out.status = f.status;
  if (f.channel?.length) out.channel = f.channel;
  if (f.type?.length) out.type = f.type;
  if (f.region?.length) out.region = f.region;
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  if (f.search?.trim()) out.search = f.search.trim();
  return out;
};

export function createOrdersStore(api: Api): OrdersStore {
  // Every filter/sort change or refresh starts a new generation; answers for older ones are dropped.
  let gen = 0;
  const inFlight = new Map<number, Promise<OrderSummary[] | null>>();
  let visible: [number, number] = [0, PAGE_SIZE - 1];

  const store = createStore<OrdersState & OrdersActions>()((set, get) => {
    const fail = (error: AppError): void => set({ error });

    const fetchPage = (page: number): Promise<OrderSummary[] | null> => {
      const key = gen * 1_000_000 + page;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const myGen = gen;
      const { filter, sort } = get();
      const p = api
        .call('orders.list', { filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((r) => {
          inFlight.delete(key);
          if (myGen !== gen) return null;
          if (!r.ok) {
            fail(r.error);
            return null;
          }
          set((s) => ({ pages: withPage(s.pages, page, { gen: myGen, rows: r.value.rows }, visible) }));
          get().syncSelectedStatuses(r.value.rows);
          return r.value.rows;
        });
      inFlight.set(key, p);
      return p;
    };

    const loadCount = async (): Promise<void> => {
      const myGen = gen;
      const r = await api.call('orders.count', { filter: get().filter });
      if (myGen !== gen) return;
      if (r.ok) set({ total: r.value.total });
      else fail(r.error);
    };

    const loadFacets = async (): Promise<void> => {
      const r = await api.call('orders.facets', {});
      if (r.ok) set({ facets: r.value });
    };

    /** A new query: old rows belong to another filter, so they go at once. */
    const requery = (patch: Partial<OrdersState>): void => {
      gen += 1;
      inFlight.clear();
      // Selection goes too: a bulk action must never hit orders the user can no longer see.
      set({
        ...patch,
        total: null,
        pages: new Map(),
        cursor: 0,
        anchor: null,
        selected: new Map(),
        error: null,
      });
      // The first page is fetched together with the count: that saves a round trip on every filter change.
      void loadCount();
      void fetchPage(0);
    };

    return {
      filter: {},
      sort: { field: 'placedAt', dir: 'desc' },
      total: null,
      facets: null,
      pages: new Map(),
      error: null,
      openId: null,
      ...selectionActions(set, get),

      setFilter(patch) {
        requery({ filter: cleanFilter({ ...get().filter, ...patch }) });
      },
      resetFilter() {
        requery({ filter: {} });
      },
      setSort(field) {
        const cur = get().sort;
        // Text-like columns start ascending; amounts and dates start with the largest/newest.
        const firstDir = field === 'externalId' || field === 'status' ? 'asc' : 'desc';
        const dir = cur.field === field ? (cur.dir === 'asc' ? 'desc' : 'asc') : firstDir;
        requery({ sort: { field, dir } });
      },
      ensureRange(start, end) {
        visible = [start, end];
        const { total, pages } = get();
        if (total === null) return;
        // One page of look-ahead each way keeps fast scrolling from showing placeholders.
        for (const p of pagesForRange(start - PAGE_SIZE / 2, end + PAGE_SIZE / 2, total)) {
          const cached = pages.get(p);
          if (!cached || cached.gen !== gen) void fetchPage(p);
        }
      },
      async refresh() {
        gen += 1;
        inFlight.clear();
        const { total } = get();
        const wanted = total === null ? [0] : pagesForRange(visible[0], visible[1], total);
        await Promise.all([loadCount(), loadFacets(), ...wanted.map((p) => fetchPage(p))]);
      },
      async loadRows(start, end) {
        const myGen = gen;
        const total = get().total ?? 0;
        const out: OrderSummary[] = [];
        for (const p of pagesForRange(start, end, total)) {
          const cached = get().pages.get(p);
          const rows = cached && cached.gen === gen ? cached.rows : await fetchPage(p);
          if (!rows || myGen !== gen) return null;
          const from = Math.max(start, p * PAGE_SIZE) - p * PAGE_SIZE;
          const to = Math.min(end, p * PAGE_SIZE + rows.length - 1) - p * PAGE_SIZE;
          out.push(...rows.slice(from, to + 1));
        }
        return out;
      },
      open(id) {
        set({ openId: id });
      },
      async transition(ids, to, reason) {
        const r = await api.call(
          'orders.transition',
          reason?.trim() ? { ids, to, reason: reason.trim() } : { ids, to },
        );
        if (r.ok) {
          get().deselect(r.value.changed);
          // The push event refreshes too; this covers a window whose event socket is down.
          void get().refresh();
        }
        return r;
      },
      async merge(ids) {
        const r = await api.call('orders.merge', { ids });
        if (r.ok) {
          get().deselect(ids);
          set({ openId: r.value.orderId });
          void get().refresh();
        }
        return r;
      },
      async split(id, groups) {
        const r = await api.call('orders.split', { id, groups });
        if (r.ok) {
          get().deselect([id]);
          set({ openId: r.value.orderIds[0] ?? null });
          void get().refresh();
        }
        return r;
      },
      clearError() {
        set({ error: null });
      },
    };
  });

  void store.getState().refresh();
  return store;
}

export { rowAt, pageOf };

const stores = new WeakMap<Api, OrdersStore>();
/** One queue per API instance, so leaving the screen and coming back keeps filter and scroll. */
export function ordersStoreFor(api: Api): OrdersStore {
  let s = stores.get(api);
  if (!s) stores.set(api, (s = createOrdersStore(api)));
  return s;
}

/** The queue store of the current API, for components. */
export function useOrdersStore(): OrdersStore {
  return ordersStoreFor(useApi());
}

export function useOrders<T>(selector: (s: OrdersState & OrdersActions) => T): T {
  return useStore(useOrdersStore(), selector);
}
