import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { InventoryStore } from './inventory.store';
import { WarehouseOptions } from './warehouse-options';

/** "SKU, count" per line, comma or tab separated, so a sheet pasted from a spreadsheet works. */
export function parseCountSheet(text: string): {
  counts: { sku: string; counted: number }[];
  errors: string[];
} {
  const counts: { sku: string; counted: number }[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const [sku = '', count = ''] = line.split(/[,\t;]/).map((c) => c.trim());
    if (i === 0 && !/^\d+$/.test(count)) return; // a header row
    if (!sku || !/^\d+$/.test(count)) errors.push(`${i + 1}: "${line}"`);
    else counts.push({ sku, counted: Number(count) });
  });
  return { counts, errors };
}

export function StocktakeForm({ store }: { store: InventoryStore }) {
  const { t } = useTranslation();
  const api = useApi();
  const warehouses = useStore(store, (s) => s.warehouses);
  const [warehouse, setWarehouse] = useState('');
  const [sheet, setSheet] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<OpOutput<'inventory.stocktake'> | null>(null);

  const post = async () => {
    setResult(null);
    const { counts, errors } = parseCountSheet(sheet);
    if (errors.length || counts.length === 0) {
      setError({
        code: 'invalid_input',
        message: t('inventory.stocktake.badLines', { lines: errors.join('; ') || '—' }),
      });
      return;
    }
    const r = await api.call('inventory.stocktake', {
      warehouse: warehouse || warehouses[0]?.code || '',
      counts,
      reason: 'stocktake',
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult(r.value);
    void store.getState().loadLevels();
  };

  return (
    <div className="stock-form">
      <p className="muted small">{t('inventory.stocktake.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <label>
        {t('inventory.filter.warehouse')}
        <select value={warehouse} onChange={(e) => setWarehouse(e.target.value)}>
          <WarehouseOptions warehouses={warehouses} />
        </select>
      </label>
      <label className="field-wide">
        {t('inventory.stocktake.sheet')}
        <textarea
          rows={10}
          value={sheet}
          onChange={(e) => setSheet(e.target.value)}
          placeholder={'sku,count\nTEA-01,12'}
          className="mono"
        />
      </label>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void post()}>
          {t('inventory.stocktake.post')}
        </button>
      </div>
      {result && (
        <>
          <p className="notice">
            {t('inventory.stocktake.result', {
              changed: result.differences.length,
              unchanged: result.unchanged,
            })}
          </p>
          {result.differences.length > 0 && (
            <table className="data-table">
              <thead>
                <tr>
                  <th>{t('inventory.col.sku')}</th>
                  <th className="num">{t('inventory.stocktake.before')}</th>
                  <th className="num">{t('inventory.stocktake.counted')}</th>
                  <th className="num">{t('inventory.stocktake.delta')}</th>
                </tr>
              </thead>
              <tbody>
                {result.differences.map((d) => (
                  <tr key={d.sku}>
                    <td className="mono">{d.sku}</td>
                    <td className="num">{d.onHandBefore}</td>
                    <td className="num">{d.counted}</td>
                    <td className="num">{d.delta > 0 ? `+${d.delta}` : d.delta}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
