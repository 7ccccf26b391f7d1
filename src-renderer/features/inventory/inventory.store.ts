import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export type LevelRow = OpOutput<'inventory.levels'>['rows'][number];
export type LedgerRow = OpOutput<'inventory.ledger'>['rows'][number];

export interface LevelFilter {
  warehouse: string;
  bin: string;
  search: string;
  belowThreshold: boolean;
}

export interface InventoryState {
  warehouses: { code: string; name: string; active: boolean }[];
  filter: LevelFilter;
  levels: LevelRow[];
  total: number | null;
  /** The SKU whose ledger history is shown. */
  ledgerSku: string | null;
  ledger: LedgerRow[];
  ledgerTotal: number | null;
  error: AppError | null;
}

export interface InventoryActions {
  init(): Promise<void>;
  setFilter(f: Partial<LevelFilter>): void;
  /** `more`: the next page is added below the rows already shown. */
  loadLevels(more?: boolean): Promise<void>;
  showLedger(sku: string | null): Promise<void>;
  moreLedger(): Promise<void>;
  /** The safety stock of a SKU in one warehouse; null goes back to the SKU's own safety stock. */
  setThreshold(warehouse: string, sku: string, minAvailable: number | null): Promise<boolean>;
  setError(e: AppError | null): void;
}

export type InventoryStore = StoreApi<InventoryState & InventoryActions>;

const PAGE = 500;
const LEDGER_PAGE = 200;

export function createInventoryStore(api: Api): InventoryStore {
  return createStore<InventoryState & InventoryActions>()((set, get) => ({
    warehouses: [],
    filter: { warehouse: '', bin: '', search: '', belowThreshold: false },
    levels: [],
    total: null,
    ledgerSku: null,
    ledger: [],
    ledgerTotal: null,
    error: null,
    async init() {
      const r = await api.call('warehouses.list', {});
      if (r.ok)
        set({ warehouses: r.value.rows.map((w) => ({ code: w.code, name: w.name, active: w.active })) });
      else set({ error: r.error });
      await get().loadLevels();
    },
    setFilter(f) {
      set((s) => ({ filter: { ...s.filter, ...f } }));
      void get().loadLevels();
    },
    async loadLevels(more = false) {
      const f = get().filter;
      const offset = more ? get().levels.length : 0;
      const r = await api.call('inventory.levels', {
        ...(f.warehouse ? { warehouse: f.warehouse } : {}),
        ...(f.bin.trim() ? { bin: f.bin.trim() } : {}),
        ...(f.search.trim() ? { search: f.search.trim() } : {}),
        belowThreshold: f.belowThreshold,
        offset,
        limit: PAGE,
      });
      if (get().filter !== f) return; // the filter changed meanwhile: the newer load wins
      if (!r.ok) return set({ error: r.error });
      set((s) => ({
        levels: more ? [...s.levels.slice(0, offset), ...r.value.rows] : r.value.rows,
        total: r.value.total,
        error: null,
      }));
    },
    async showLedger(sku) {
      set({ ledgerSku: sku, ledger: [], ledgerTotal: null });
      if (!sku) return;
      const r = await api.call('inventory.ledger', { sku, limit: LEDGER_PAGE });
      if (get().ledgerSku !== sku) return;
      if (r.ok) set({ ledger: r.value.rows, ledgerTotal: r.value.total });
      else set({ error: r.error });
    },
    async moreLedger() {
      const { ledgerSku: sku, ledger } = get();
      if (!sku) return;
      const r = await api.call('inventory.ledger', { sku, offset: ledger.length, limit: LEDGER_PAGE });
      if (get().ledgerSku !== sku) return;
      if (r.ok) set((s) => ({ ledger: [...s.ledger, ...r.value.rows], ledgerTotal: r.value.total }));
      else set({ error: r.error });
    },
    async setThreshold(warehouse, sku, minAvailable) {
      const r = await api.call('inventory.threshold', { warehouse, sku, minAvailable });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      set({ error: null });
      await get().loadLevels();
      return true;
    },
    setError(e) {
      set({ error: e });
    },
  }));
}
