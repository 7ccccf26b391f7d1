import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export type CustomerRow = OpOutput<'customers.list'>['rows'][number];
export type CustomerProfile = OpOutput<'customers.get'>;

export interface CustomersState {
  search: string;
  rows: CustomerRow[];
  total: number | null;
  selected: CustomerProfile | null;
  error: AppError | null;
}

export interface CustomersActions {
  setSearch(s: string): void;
  load(): Promise<void>;
  open(id: number | null): Promise<void>;
  setError(e: AppError | null): void;
}

export type CustomersStore = StoreApi<CustomersState & CustomersActions>;

export function createCustomersStore(api: Api): CustomersStore {
  return createStore<CustomersState & CustomersActions>()((set, get) => ({
    search: '',
    rows: [],
    total: null,
    selected: null,
    error: null,
    setSearch: (search) => set({ search }),
    setError: (error) => set({ error }),
    async load() {
      const search = get().search.trim();
      const r = await api.call('customers.list', { ...(search ? { search } : {}), limit: 200 });
      if (r.ok) set({ rows: r.value.rows, total: r.value.total });
      else set({ error: r.error });
    },
    async open(id) {
      if (id === null) return set({ selected: null });
      const r = await api.call('customers.get', { id });
      if (r.ok) set({ selected: r.value });
      else set({ error: r.error });
    },
  }));
}
