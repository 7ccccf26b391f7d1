import type { OrderSummary } from '../../../src-shared/contract/orders.contract';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { PageCache } from './orders-paging';
import { rowAt } from './orders-paging';

/** The contract accepts at most 10,000 ids per `orders.transition`; selecting more would only fail later. */
export const MAX_SELECTION = 10_000;

export interface SelectionState {
  /** Index of the keyboard cursor row (the "current" row, distinct from the checked ones). */
  cursor: number;
  /** Where a Shift+click range starts. */
  anchor: number | null;
  /** Checked orders with their last known status, which decides the bulk actions offered. */
  selected: ReadonlyMap<number, OrderStatus>;
  /** An i18n key explaining why a selection request was refused or trimmed. */
  notice: string | null;
}

export interface SelectionActions {
  moveCursor(delta: number): void;
  setCursor(index: number): void;
  toggle(index: number): void;
  selectOnly(index: number): void;
  selectRange(index: number, additive: boolean): Promise<void>;
  selectAll(): Promise<void>;
  clearSelection(): void;
  deselect(ids: number[]): void;
  syncSelectedStatuses(rows: OrderSummary[]): void;
  clearNotice(): void;
}

interface Host extends SelectionState {
  total: number | null;
  pages: PageCache;
  loadRows(start: number, end: number): Promise<OrderSummary[] | null>;
}

type Set_ = (partial: Partial<SelectionState>) => void;

export function selectionActions(set: Set_, get: () => Host): SelectionState & SelectionActions {
  const clamp = (i: number): number => Math.max(0, Math.min((get().total ?? 1) - 1, i));
  const withRows = (
    base: ReadonlyMap<number, OrderStatus>,
    rows: OrderSummary[],
  ): Map<number, OrderStatus> => {
    const next = new Map(base);
    for (const r of rows) {
      if (next.size >= MAX_SELECTION) break;
      next.set(r.id, r.status);
    }
    return next;
  };

  return {
    cursor: 0,
    anchor: null,
    selected: new Map(),
    notice: null,

    moveCursor(delta) {
      set({ cursor: clamp(get().cursor + delta) });
    },
    setCursor(index) {
      set({ cursor: clamp(index) });
    },
    toggle(index) {
      const row = rowAt(get().pages, index);
      if (!row) return;
      const next = new Map(get().selected);
      if (next.has(row.id)) next.delete(row.id);
      else if (next.size < MAX_SELECTION) next.set(row.id, row.status);
      else return set({ notice: 'orders.selection.limit' });
      set({ selected: next, anchor: index, cursor: index });
    },
    selectOnly(index) {
      const row = rowAt(get().pages, index);
      if (!row) return;
      set({ selected: new Map([[row.id, row.status]]), anchor: index, cursor: index });
    },
    async selectRange(index, additive) {
      const from = get().anchor ?? get().cursor;
      const [a, b] = from <= index ? [from, index] : [index, from];
      set({ cursor: index });
      const rows = await get().loadRows(a, Math.min(b, a + MAX_SELECTION - 1));
      if (!rows) return;
      const base = additive ? get().selected : new Map<number, OrderStatus>();
      const trimmed = b - a + 1 > MAX_SELECTION || base.size + rows.length > MAX_SELECTION;
      set({ selected: withRows(base, rows), notice: trimmed ? 'orders.selection.limit' : null });
    },
    async selectAll() {
      const total = get().total ?? 0;
      if (total === 0) return;
      if (total > MAX_SELECTION) return set({ notice: 'orders.selection.tooMany' });
      const rows = await get().loadRows(0, total - 1);
      if (rows) set({ selected: withRows(new Map(), rows), notice: null });
    },
    clearSelection() {
      set({ selected: new Map(), anchor: null, notice: null });
    },
    deselect(ids) {
      const next = new Map(get().selected);
      for (const id of ids) next.delete(id);
      set({ selected: next });
    },
    syncSelectedStatuses(rows) {
      const sel = get().selected;
      if (sel.size === 0) return;
      let changed: Map<number, OrderStatus> | null = null;
      for (const r of rows) {
        const s = sel.get(r.id);
        if (s !== undefined && s !== r.status) (changed ??= new Map(sel)).set(r.id, r.status);
      }
      if (changed) set({ selected: changed });
    },
    clearNotice() {
      set({ notice: null });
    },
  };
}
