import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpInput, OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export type CustomerRow = OpOutput<'customers.list'>['rows'][number];
export type CustomerProfile = OpOutput<'customers.get'>;
export type CustomerSegment = CustomerRow['segment'];
export type CustomerSort = NonNullable<OpInput<'customers.list'>['sort']>;

/** Rows fetched per page; "show more" fetches the next page. */
export const CUSTOMERS_PAGE = 200;

export interface CustomersState {
  search: string;
  segment: CustomerSegment | null;
  sort: CustomerSort;
  rows: CustomerRow[];
  total: number | null;
  /** Customers matching the search, per segment: the chips' counts. */
  segments: { segment: CustomerSegment; count: number }[];
  selected: CustomerProfile | null;
  error: AppError | null;
}

export interface CustomersActions {
  setSearch(s: string): void;
  setSegment(s: CustomerSegment | null): Promise<void>;
  setSort(s: CustomerSort): Promise<void>;
  load(): Promise<void>;
  loadMore(): Promise<void>;
  open(id: number | null): Promise<void>;
  /** After a merge into the open profile: it and the list show the joined numbers. */
  merged(): Promise<void>;
  setError(e: AppError | null): void;
}

export type CustomersStore = StoreApi<CustomersState & CustomersActions>;

export function createCustomersStore(api: Api): CustomersStore {
  // Answers to an older search that arrive after a newer one are dropped.
  let asked = 0;
  return createStore<CustomersState & CustomersActions>()((set, get) => {
    const fetchPage = async (offset: number) => {
      const { search, segment, sort } = get();
      const q = search.trim();
      const n = ++asked;
      const r = await api.call('customers.list', {
        ...(q ? { search: q } : {}),
        ...(segment ? { segment } : {}),
        sort,
        offset,
        limit: CUSTOMERS_PAGE,
      });
      if (n !== asked) return;
      if (!r.ok) return set({ error: r.error });
      set((s) => ({
        rows: offset === 0 ? r.value.rows : [...s.rows, ...r.value.rows],
        total: r.value.total,
        segments: r.value.segments,
      }));
    };
    return {
      search: '',
      segment: null,
      sort: 'recent',
      rows: [],
      total: null,
      segments: [],
      selected: null,
      error: null,
      setSearch: (search) => set({ search }),
      setError: (error) => set({ error }),
      async setSegment(segment) {
        set({ segment });
        await fetchPage(0);
      },
      async setSort(sort) {
        set({ sort });
        await fetchPage(0);
      },
      load: () => fetchPage(0),
      loadMore: () => fetchPage(get().rows.length),
      async merged() {
        const id = get().selected?.id;
        await Promise.all([fetchPage(0), id === undefined ? null : get().open(id)]);
      },
      async open(id) {
        if (id === null) return set({ selected: null });
        const r = await api.call('customers.get', { id });
        if (r.ok) set({ selected: r.value });
        else set({ error: r.error });
      },
    };
  });
}
