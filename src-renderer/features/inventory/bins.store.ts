import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { BinRow } from '../../../src-shared/contract/inventory.contract';
import type { AppError } from '../../../src-shared/result';

/** Walking-order positions are saved 10 apart, so a bin added by hand later fits between two. */
export const SEQUENCE_STEP = 10;

export type BinChange = { code: string; sequence: number; newCode?: string; active?: boolean };

export interface BinsState {
  warehouse: string;
  bins: BinRow[];
  loaded: boolean;
  busy: boolean;
  error: AppError | null;
  /** Last success, for the status line ("20 bins created"). */
  notice: { key: string; values?: Record<string, unknown> } | null;
}

export interface BinsActions {
  setWarehouse(code: string): Promise<void>;
  load(): Promise<void>;
  save(changes: BinChange[], notice: BinsState['notice']): Promise<boolean>;
  /** Moves an active bin one place up or down the walk and renumbers the walk. */
  move(code: string, by: -1 | 1): Promise<void>;
  addCodes(codes: string[]): Promise<boolean>;
  assign(sku: string, bin: string | null): Promise<boolean>;
  setError(e: AppError | null): void;
}

export type BinsStore = StoreApi<BinsState & BinsActions>;

export function createBinsStore(api: Api): BinsStore {
  return createStore<BinsState & BinsActions>()((set, get) => ({
    warehouse: '',
    bins: [],
    loaded: false,
    busy: false,
    error: null,
    notice: null,
    async setWarehouse(code) {
      set({ warehouse: code, bins: [], loaded: false, notice: null, error: null });
      await get().load();
    },
    async load() {
      const warehouse = get().warehouse;
      if (!warehouse) return;
      const r = await api.call('bins.list', { warehouse });
      if (get().warehouse !== warehouse) return;
      if (r.ok) set({ bins: r.value.rows, loaded: true });
      else set({ error: r.error });
    },
    async save(changes, notice) {
      set({ busy: true, error: null, notice: null });
      const r = await api.call('bins.save', { warehouse: get().warehouse, bins: changes });
      set({ busy: false });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      set({ notice });
      await get().load();
      return true;
    },
    async move(code, by) {
      const active = get().bins.filter((b) => b.active);
      const i = active.findIndex((b) => b.code === code);
      const j = i + by;
      if (i < 0 || j < 0 || j >= active.length) return;
      const order = [...active];
      [order[i], order[j]] = [order[j]!, order[i]!];
      // Optimistic, so holding the key moves the bin smoothly; the reload puts the truth back.
      set({ bins: [...order, ...get().bins.filter((b) => !b.active)] });
      await get().save(
        order.map((b, n) => ({ code: b.code, sequence: (n + 1) * SEQUENCE_STEP })),
        { key: 'inventory.bins.moved', values: { code } },
      );
    },
    async addCodes(codes) {
      const existing = new Set(get().bins.map((b) => b.code));
      const fresh = codes.filter((c) => !existing.has(c));
      if (fresh.length === 0) {
        set({ notice: { key: 'inventory.bins.allExist' } });
        return false;
      }
      const last = Math.max(
        0,
        ...get()
          .bins.filter((b) => b.active)
          .map((b) => b.sequence),
      );
      return get().save(
        fresh.map((code, n) => ({ code, sequence: last + (n + 1) * SEQUENCE_STEP })),
        {
          key: 'inventory.bins.created',
          values: { count: fresh.length, skipped: codes.length - fresh.length },
        },
      );
    },
    async assign(sku, bin) {
      set({ busy: true, error: null, notice: null });
      const r = await api.call('bins.assign', { warehouse: get().warehouse, sku, bin });
      set({ busy: false });
      if (!r.ok) {
        set({ error: r.error });
        return false;
      }
      set({
        notice: bin
          ? { key: 'inventory.bins.assigned', values: { sku: r.value.sku, bin } }
          : { key: 'inventory.bins.unassigned', values: { sku: r.value.sku } },
      });
      await get().load();
      return true;
    },
    setError(e) {
      set({ error: e });
    },
  }));
}
