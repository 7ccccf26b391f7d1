import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ImportStore, UnmatchedRow } from './import.store';

function MappingRow({ row, onMap }: { row: UnmatchedRow; onMap: (sku: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [sku, setSku] = useState(row.suggestion ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <tr>
      <td>{row.title}</td>
      <td>{row.spec}</td>
      <td>
        <code>{row.channelSku}</code>
      </td>
      <td>{t('intake.linesOrders', { lines: row.lines, orders: row.orders })}</td>
      <td>
        {/* A form, so Enter maps: typed, or scanned (a scanner ends its barcode with Enter). */}
        <form
          className="mapping-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (busy || !sku.trim()) return;
            setBusy(true);
            await onMap(sku.trim());
            setBusy(false);
          }}
        >
          <input
            aria-label={t('intake.skuFor', { title: row.title, spec: row.spec })}
            value={sku}
            onChange={(e) => setSku(e.target.value)}
            placeholder={t('intake.skuPlaceholder')}
          />
          <button type="submit" className="btn" disabled={busy || !sku.trim()}>
            {t('intake.map')}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** Channel title + spec that match no catalogue SKU; a mapping is remembered for later imports. */
export function SkuMappingView({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const rows = useStore(store, (s) => s.unmatched);
  const table = useRef<HTMLTableElement>(null);
  // After a mapping its row goes: the keyboard lands on the row now in its place, ready for the next scan.
  const [focusRow, setFocusRow] = useState<number | null>(null);
  useEffect(() => {
    void store.getState().loadUnmatched();
  }, [store]);
  useEffect(() => {
    if (focusRow === null) return;
    const inputs = table.current?.querySelectorAll<HTMLInputElement>('tbody input');
    inputs?.[Math.min(focusRow, inputs.length - 1)]?.focus();
    setFocusRow(null);
  }, [rows, focusRow]);
  if (!rows.length) return <p className="muted">{t('intake.noUnmatched')}</p>;
  return (
    <table ref={table} className="data-table" aria-label={t('intake.mappingTitle')}>
      <thead>
        <tr>
          <th>{t('intake.title')}</th>
          <th>{t('intake.spec')}</th>
          <th>{t('intake.channelSku')}</th>
          <th>{t('intake.waiting')}</th>
          <th>{t('intake.internalSku')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <MappingRow
            key={r.sourceKey}
            row={r}
            onMap={async (sku) => {
              const done = await store.getState().mapSku(r, sku);
              if (done) setFocusRow(i);
              return done;
            }}
          />
        ))}
      </tbody>
    </table>
  );
}
