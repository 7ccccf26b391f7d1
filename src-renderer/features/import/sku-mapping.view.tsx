import { useEffect, useState } from 'react';
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
        <input
          aria-label={t('intake.skuFor', { title: row.title, spec: row.spec })}
          value={sku}
          onChange={(e) => setSku(e.target.value)}
          placeholder={t('intake.skuPlaceholder')}
        />
        <button
          type="button"
          className="btn"
          disabled={busy || !sku.trim()}
          onClick={async () => {
            setBusy(true);
            await onMap(sku.trim());
            setBusy(false);
          }}
        >
          {t('intake.map')}
        </button>
      </td>
    </tr>
  );
}

/** Channel title + spec that match no catalogue SKU; a mapping is remembered for later imports. */
export function SkuMappingView({ store }: { store: ImportStore }) {
  const { t } = useTranslation();
  const rows = useStore(store, (s) => s.unmatched);
  useEffect(() => {
    void store.getState().loadUnmatched();
  }, [store]);
  if (!rows.length) return <p className="muted">{t('intake.noUnmatched')}</p>;
  return (
    <table className="data-table" aria-label={t('intake.mappingTitle')}>
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
        {rows.map((r) => (
          <MappingRow key={r.sourceKey} row={r} onMap={(sku) => store.getState().mapSku(r, sku)} />
        ))}
      </tbody>
    </table>
  );
}
