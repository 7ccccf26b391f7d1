import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import { OrderRow, ROW_HEIGHT } from './order-row';
import { EmptyQueue } from './empty-queue';
import { rowAt, useOrders, useOrdersStore, type SortField } from './orders.store';

const HEADERS: { key: string; sort?: SortField; num?: boolean }[] = [
  { key: 'externalId', sort: 'externalId' },
  { key: 'channel' },
  { key: 'status', sort: 'status' },
  { key: 'type' },
  { key: 'recipient' },
  { key: 'region' },
  { key: 'lines', num: true },
  { key: 'total', sort: 'totalMinor', num: true },
  { key: 'placedAt', sort: 'placedAt' },
  { key: 'fulfilment' },
];

export function OrdersTable({ gridRef }: { gridRef: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const store = useOrdersStore();
  const total = useOrders((s) => s.total);
  const pages = useOrders((s) => s.pages);
  const cursor = useOrders((s) => s.cursor);
  const selected = useOrders((s) => s.selected);
  const sort = useOrders((s) => s.sort);
  const facets = useOrders((s) => s.facets);
  const openId = useOrders((s) => s.openId);
  const allChecked = total !== null && total > 0 && selected.size === total;

  const channelNames = useMemo(() => new Map((facets?.channel ?? []).map((c) => [c.code, c.name])), [facets]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;

  useEffect(() => {
    if (last >= first) store.getState().ensureRange(first, last);
  }, [store, first, last, total]);

  useEffect(() => {
    if (total) virtualizer.scrollToIndex(cursor, { align: 'auto' });
  }, [virtualizer, cursor, total]);

  // With the drawer open, moving the cursor previews the next order, like a mail reader. Only a
  // cursor move does: an order opened some other way (just created, a link) stays open.
  const seenCursor = useRef(cursor);
  useEffect(() => {
    if (openId === null || seenCursor.current === cursor) {
      seenCursor.current = cursor;
      return;
    }
    const row = rowAt(store.getState().pages, cursor);
    if (!row) return; // its page is still loading; `pages` changing brings us back
    seenCursor.current = cursor;
    if (row.id !== openId) store.getState().open(row.id);
  }, [cursor, store, openId, pages]);

  const focusGrid = () => gridRef.current?.focus({ preventScroll: true });

  const onRowClick = useCallback(
    (index: number, e: MouseEvent) => {
      const s = store.getState();
      if (e.shiftKey) void s.selectRange(index, e.ctrlKey || e.metaKey);
      else if (e.ctrlKey || e.metaKey) s.toggle(index);
      else s.selectOnly(index);
      gridRef.current?.focus({ preventScroll: true });
    },
    [store, gridRef],
  );
  const onCheck = useCallback(
    (index: number, e: MouseEvent) => {
      e.stopPropagation();
      const s = store.getState();
      if (e.shiftKey) void s.selectRange(index, true);
      else s.toggle(index);
      gridRef.current?.focus({ preventScroll: true });
    },
    [store, gridRef],
  );
  const onOpen = useCallback(
    (index: number) => {
      const row = rowAt(store.getState().pages, index);
      if (row) store.getState().open(row.id);
    },
    [store],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    // Keys typed into the header's checkbox or sort buttons keep their own meaning.
    if (e.target !== e.currentTarget) return;
    const s = store.getState();
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const mod = e.ctrlKey || e.metaKey;
    const handled = (() => {
      if (e.key === 'ArrowDown' || (e.key === 'j' && !mod)) s.moveCursor(1);
      else if (e.key === 'ArrowUp' || (e.key === 'k' && !mod)) s.moveCursor(-1);
      else if (e.key === 'PageDown') s.moveCursor(pageRows);
      else if (e.key === 'PageUp') s.moveCursor(-pageRows);
      else if (e.key === 'Home') s.setCursor(0);
      else if (e.key === 'End') s.setCursor((s.total ?? 1) - 1);
      else if (e.key === ' ') s.toggle(s.cursor);
      else if (e.key === 'Enter') onOpen(s.cursor);
      else if (mod && e.key.toLowerCase() === 'a') void s.selectAll();
      else if (e.key === 'Escape' && s.openId === null && s.selected.size > 0) s.clearSelection();
      else return false;
      return true;
    })();
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  return (
    <div
      ref={gridRef}
      className="queue-table"
      role="grid"
      tabIndex={0}
      aria-label={t('orders.title')}
      aria-rowcount={(total ?? 0) + 1}
      aria-multiselectable="true"
      aria-activedescendant={total ? `order-row-${cursor}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="q-head" role="rowgroup">
        <div className="q-row q-header" role="row" aria-rowindex={1}>
          <div role="columnheader" className="q-cell q-check">
            <input
              type="checkbox"
              checked={allChecked}
              aria-label={t('orders.selectAll')}
              onChange={() =>
                allChecked ? store.getState().clearSelection() : void store.getState().selectAll()
              }
            />
          </div>
          {HEADERS.map((h) => {
            const dir = h.sort && sort.field === h.sort ? sort.dir : null;
            return (
              <div
                key={h.key}
                role="columnheader"
                className={`q-cell${h.num ? ' num' : ''}`}
                aria-sort={dir ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {h.sort ? (
                  <button
                    type="button"
                    className="sort-btn"
                    onClick={() => store.getState().setSort(h.sort!)}
                  >
                    {t(`orders.col.${h.key}`)}
                    <span className="sort-arrow" aria-hidden="true">
                      {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : '↕'}
                    </span>
                  </button>
                ) : (
                  t(`orders.col.${h.key}`)
                )}
              </div>
            );
          })}
        </div>
      </div>
      <div ref={scrollRef} className="q-body" role="rowgroup" onMouseDown={focusGrid}>
        {total === 0 && <EmptyQueue />}
        <div className="q-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((it) => {
            const row = rowAt(pages, it.index);
            return (
              <OrderRow
                key={it.index}
                index={it.index}
                top={it.start}
                row={row}
                channelName={row ? channelNames.get(row.channel) : undefined}
                checked={row ? selected.has(row.id) : false}
                current={it.index === cursor}
                onRowClick={onRowClick}
                onCheck={onCheck}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
