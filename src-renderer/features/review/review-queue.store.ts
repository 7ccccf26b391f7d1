import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { ReviewQueueRow } from '../../../src-shared/contract/review.contract';
import type { AppError } from '../../../src-shared/result';
import type { OrderEditInput } from '../../../src-shared/contract/orders.contract';

export type Decision = 'approve' | 'reject' | 'hold';
export type OrderEditPatch = Omit<OrderEditInput, 'ids'>;
/** Held by a rule, or still pending because no rule decided. */
export type QueueStatus = 'held' | 'pending_review';

export interface QueueState {
  status: QueueStatus;
  rows: ReviewQueueRow[];
  total: number | null;
  cursor: number;
  selected: Set<number>;
  /** When each order was first shown to the reviewer: the start of its review time. */
  openedAt: Map<number, number>;
  error: AppError | null;
  notice: { changed: number; skipped: { id: number; message: string }[] } | null;
  busy: boolean;
}

export interface QueueActions {
  load(): Promise<void>;
  setStatus(status: QueueStatus): void;
  move(delta: number): void;
  setCursor(i: number): void;
  toggle(id: number): void;
  toggleAll(): void;
  /** The selected orders, or the one under the cursor when nothing is selected. */
  targets(): number[];
  decide(decision: Decision, reason?: string): Promise<boolean>;
  /** Corrections (tags on every target; buyer ID or address on one) through orders.edit. */
  edit(patch: OrderEditPatch): Promise<boolean>;
  clearMessages(): void;
}

export type QueueStore = StoreApi<QueueState & QueueActions>;

const PAGE = 200;

export function createQueueStore(api: Api, now: () => number = Date.now): QueueStore {
  return createStore<QueueState & QueueActions>()((set, get) => {
    const markOpened = (i: number): void => {
      const row = get().rows[i];
      if (row && !get().openedAt.has(row.id))
        set((s) => ({ openedAt: new Map(s.openedAt).set(row.id, now()) }));
    };
    return {
      status: 'held',
      rows: [],
      total: null,
      cursor: 0,
      selected: new Set(),
      openedAt: new Map(),
      error: null,
      notice: null,
      busy: false,
      async load() {
        const status = get().status;
        const r = await api.call('review.queue', { status, offset: 0, limit: PAGE });
        if (status !== get().status) return; // switched meanwhile: the newer load wins
        if (!r.ok) return set({ error: r.error });
        const ids = new Set(r.value.rows.map((x) => x.id));
        set((s) => ({
          rows: r.value.rows,
          total: r.value.total,
          cursor: Math.min(s.cursor, Math.max(0, r.value.rows.length - 1)),
          selected: new Set([...s.selected].filter((id) => ids.has(id))),
        }));
        markOpened(get().cursor);
      },
      setStatus(status) {
        set({ status, rows: [], total: null, cursor: 0, selected: new Set(), notice: null, error: null });
        void get().load();
      },
      move(delta) {
        const { rows, cursor } = get();
        if (!rows.length) return;
        const next = Math.max(0, Math.min(rows.length - 1, cursor + delta));
        set({ cursor: next });
        markOpened(next);
      },
      setCursor(i) {
        set({ cursor: i });
        markOpened(i);
      },
      toggle(id) {
        set((s) => {
          const selected = new Set(s.selected);
          if (!selected.delete(id)) selected.add(id);
          return { selected };
        });
      },
      toggleAll() {
        set((s) => ({
          selected: s.selected.size === s.rows.length ? new Set() : new Set(s.rows.map((r) => r.id)),
        }));
      },
      targets() {
        const { selected, rows, cursor } = get();
        if (selected.size) return rows.filter((r) => selected.has(r.id)).map((r) => r.id);
        const row = rows[cursor];
        return row ? [row.id] : [];
      },
      async decide(decision, reason) {
        const ids = get().targets();
        if (!ids.length || get().busy) return false;
        // The review time of a batch runs from the first of its orders the reviewer looked at.
        const opened = ids.map((id) => get().openedAt.get(id)).filter((t): t is number => t !== undefined);
        const openedAt = opened.length ? new Date(Math.min(...opened)).toISOString() : undefined;
        set({ busy: true, error: null, notice: null });
        const r = await api.call('review.decide', {
          ids,
          decision,
          ...(reason ? { reason } : {}),
          ...(openedAt ? { openedAt } : {}),
        });
        set({ busy: false });
        if (!r.ok) {
          set({ error: r.error });
          return false;
        }
        set({ notice: { changed: r.value.changed.length, skipped: r.value.skipped }, selected: new Set() });
        await get().load();
        return true;
      },
      async edit(patch) {
        const ids = get().targets();
        if (!ids.length || get().busy) return false;
        set({ busy: true, error: null, notice: null });
        const r = await api.call('orders.edit', { ids, ...patch });
        set({ busy: false });
        if (!r.ok) {
          set({ error: r.error });
          return false;
        }
        set({ notice: { changed: r.value.changed.length, skipped: [] } });
        await get().load();
        return true;
      },
      clearMessages() {
        set({ error: null, notice: null });
      },
    };
  });
}
