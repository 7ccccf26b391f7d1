import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { formatDateTime } from '../../ui/format';
import type { InventoryStore, LevelRow } from './inventory.store';
import { WarehouseOptions } from './warehouse-options';
import { ledgerReasonText, ledgerReferenceText } from './ledger-reason-text';

/** The safety-stock cell: Enter saves this warehouse's own threshold, empty goes back to the SKU's. */
function ThresholdCell({ store, row }: { store: InventoryStore; row: LevelRow }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<string | null>(null);
  const label = t('inventory.threshold.edit', { sku: row.sku, warehouse: row.warehouse });
  if (value === null)
    return (
      <button
        type="button"
        className="btn-link"
        aria-label={label}
        onClick={() => setValue(String(row.threshold))}
      >
        {row.threshold || '—'}
      </button>
    );
  const save = async () => {
    const text = value.trim();
    if (text !== '' && !/^\d+$/.test(text)) {
      store.getState().setError({ code: 'invalid_input', message: t('inventory.threshold.bad') });
      return;
    }
    const ok = await store.getState().setThreshold(row.warehouse, row.sku, text === '' ? null : Number(text));
    if (ok) setValue(null);
  };
  return (
    <input
      autoFocus
      className="threshold-input"
      aria-label={label}
      title={t('inventory.threshold.hint')}
      inputMode="numeric"
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && !e.nativeEvent.isComposing) void save();
        if (e.key === 'Escape') setValue(null);
      }}
    />
  );
}

export function StockLevelsView({ store }: { store: InventoryStore }) {
  const { t } = useTranslation();
  const s = useStore(store);
  return (
    <div className="stock-levels">
      <div className="stock-filters" role="search">
        <label>
          {t('inventory.filter.warehouse')}
          <select value={s.filter.warehouse} onChange={(e) => s.setFilter({ warehouse: e.target.value })}>
            <option value="">{t('inventory.filter.allWarehouses')}</option>
            <WarehouseOptions warehouses={s.warehouses} />
          </select>
        </label>
        <label>
          {t('inventory.filter.bin')}
          <input
            value={s.filter.bin}
            onChange={(e) => s.setFilter({ bin: e.target.value })}
            placeholder="A-01"
          />
        </label>
        <label>
          {t('inventory.filter.search')}
          <input
            type="search"
            value={s.filter.search}
            onChange={(e) => s.setFilter({ search: e.target.value })}
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={s.filter.belowThreshold}
            onChange={(e) => s.setFilter({ belowThreshold: e.target.checked })}
          />
          {t('inventory.filter.belowThreshold')}
        </label>
        {s.total !== null && <span className="muted small">{t('inventory.count', { count: s.total })}</span>}
      </div>
      {s.levels.length === 0 && s.total !== null ? (
        <p className="empty-note">{t('inventory.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('inventory.col.warehouse')}</th>
              <th>{t('inventory.col.bin')}</th>
              <th>{t('inventory.col.sku')}</th>
              <th>{t('inventory.col.title')}</th>
              <th className="num">{t('inventory.col.onHand')}</th>
              <th className="num">{t('inventory.col.reserved')}</th>
              <th className="num">{t('inventory.col.available')}</th>
              <th className="num">{t('inventory.col.threshold')}</th>
            </tr>
          </thead>
          <tbody>
            {s.levels.map((l) => (
              <tr
                key={`${l.warehouse}:${l.sku}`}
                className={l.threshold > 0 && l.available < l.threshold ? 'stock-low' : undefined}
              >
                <td className="mono">{l.warehouse}</td>
                <td className="mono">{l.bin ?? '—'}</td>
                <td className="mono">
                  <button type="button" className="btn-link" onClick={() => void s.showLedger(l.sku)}>
                    {l.sku}
                  </button>
                </td>
                <td>{l.title}</td>
                <td className="num">{l.onHand}</td>
                <td className="num">{l.reserved}</td>
                <td className="num">{l.available}</td>
                <td className="num">
                  <ThresholdCell store={store} row={l} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.total !== null && s.total > s.levels.length && (
        <button type="button" className="btn show-more" onClick={() => void s.loadLevels(true)}>
          {t('inventory.showMore', { shown: s.levels.length, total: s.total })}
        </button>
      )}
      {s.ledgerSku && (
        <section className="stock-ledger" aria-label={t('inventory.ledger.title', { sku: s.ledgerSku })}>
          <div className="section-head">
            <h2>{t('inventory.ledger.title', { sku: s.ledgerSku })}</h2>
            <button type="button" className="btn-link" onClick={() => void s.showLedger(null)}>
              {t('common.close')}
            </button>
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('inventory.ledger.at')}</th>
                <th>{t('inventory.col.warehouse')}</th>
                <th>{t('inventory.ledger.kind')}</th>
                <th className="num">{t('inventory.col.onHand')}</th>
                <th className="num">{t('inventory.col.reserved')}</th>
                <th>{t('inventory.ledger.reference')}</th>
                <th>{t('inventory.ledger.reason')}</th>
                <th>{t('inventory.ledger.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {s.ledger.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{formatDateTime(r.at)}</td>
                  <td className="mono">{r.warehouse}</td>
                  <td>{t(`inventory.kind.${r.kind}`, { defaultValue: r.kind })}</td>
                  <td className="num">{r.onHandDelta || ''}</td>
                  <td className="num">{r.reservedDelta || ''}</td>
                  <td className="mono small">{ledgerReferenceText(t, r.reference)}</td>
                  <td>{ledgerReasonText(t, r.reason)}</td>
                  <td>{r.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.ledgerTotal !== null && s.ledgerTotal > s.ledger.length && (
            <button type="button" className="btn show-more" onClick={() => void s.moreLedger()}>
              {t('inventory.showMore', { shown: s.ledger.length, total: s.ledgerTotal })}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
