import { useEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ImportStore, UnmatchedRow } from './import.store';
import { RememberedMappingsView } from './remembered-mappings.view';

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
  const [mapped, setMapped] = useState(0);
  const onMap = async (r: UnmatchedRow, i: number, sku: string) => {
    const done = await store.getState().mapSku(r, sku);
    if (done) {
      setFocusRow(i);
      setMapped((n) => n + 1);
    }
    return done;
  };
  useEffect(() => {
    if (focusRow === null) return;
    const inputs = table.current?.querySelectorAll<HTMLInputElement>('tbody input');
    inputs?.[Math.min(focusRow, inputs.length - 1)]?.focus();
    setFocusRow(null);
  }, [rows, focusRow]);
  return (
    <>
      {rows.length === 0 ? (
        <p className="muted">{t('intake.noUnmatched')}</p>
      ) : (
        <MappingTable rows={rows} table={table} onMap={onMap} />
      )}
      {/* Remounted after each mapping, so it lists the one just made. */}
      <RememberedMappingsView key={mapped} />
    </>
  );
}

function MappingTable(props: {
  rows: UnmatchedRow[];
  table: RefObject<HTMLTableElement | null>;
  onMap: (row: UnmatchedRow, i: number, sku: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  return (
    <table ref={props.table} className="data-table" aria-label={t('intake.mappingTitle')}>
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
        {props.rows.map((r, i) => (
          <MappingRow key={r.sourceKey} row={r} onMap={(sku) => props.onMap(r, i, sku)} />
        ))}
      </tbody>
    </table>
  );
}
