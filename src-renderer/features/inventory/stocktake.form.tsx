import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { InventoryStore } from './inventory.store';
import { WarehouseOptions } from './warehouse-options';
import { blankCountSheet, countScanned, parseCountSheet } from './count-sheet';
import { saveFile } from '../picking/save-file';

/** Levels are read a page at a time for the blank sheet. */
const SHEET_PAGE = 500;

export function StocktakeForm({ store }: { store: InventoryStore }) {
  const { t } = useTranslation();
  const api = useApi();
  const warehouses = useStore(store, (s) => s.warehouses);
  const [warehouse, setWarehouse] = useState('');
  const [sheet, setSheet] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<(OpOutput<'inventory.stocktake'> & { blank: number }) | null>(null);
  const [scan, setScan] = useState('');
  /** The SKU scanned last; its count is read from the sheet, which may also be typed in. */
  const [scanned, setScanned] = useState<string | null>(null);
  const wh = warehouse || warehouses[0]?.code || '';

  /** A scanner types the barcode and Enter: each scan counts one unit of its SKU. */
  const onScanKey = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    const query = scan.trim();
    setScan('');
    if (!query) return;
    const r = await api.call('skus.search', { query, limit: 1 });
    if (!r.ok) return setError(r.error);
    const hit = r.value.rows[0];
    if (!hit || hit.match !== 'exact') {
      setScanned(null);
      return setError({ code: 'not_found', message: t('inventory.stocktake.unknownScan', { code: query }) });
    }
    setError(null);
    // From the sheet as it is now: a scanner's next Enter may come before this render.
    setSheet((text) => countScanned(text, hit.sku));
    setScanned(hit.sku);
  };

  /** Every SKU the warehouse holds, in walking order, with the count left blank. */
  const downloadSheet = async () => {
    const rows: { bin: string | null; sku: string; title: string }[] = [];
    for (;;) {
      const r = await api.call('inventory.levels', {
        warehouse: wh,
        belowThreshold: false,
        offset: rows.length,
        limit: SHEET_PAGE,
      });
      if (!r.ok) return setError(r.error);
      rows.push(...r.value.rows);
      if (r.value.rows.length === 0 || rows.length >= r.value.total) break;
    }
    // The byte-order mark makes Excel read the Chinese titles as UTF-8.
    const blob = new Blob(['\uFEFF', blankCountSheet(rows)], { type: 'text/csv;charset=utf-8' });
    saveFile(blob, `count-sheet-${wh}.csv`);
  };

  const post = async () => {
    setResult(null);
    const { counts, errors, blank } = parseCountSheet(sheet);
    if (errors.length || counts.length === 0) {
      setError({
        code: 'invalid_input',
        message: t('inventory.stocktake.badLines', { lines: errors.join('; ') || '—' }),
      });
      return;
    }
    const r = await api.call('inventory.stocktake', {
      warehouse: wh,
      counts,
      reason: 'stocktake',
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setResult({ ...r.value, blank });
    setScanned(null);
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
      <div className="form-actions">
        <button type="button" className="btn" onClick={() => void downloadSheet()} disabled={!wh}>
          {t('inventory.stocktake.download')}
        </button>
      </div>
      <label>
        {t('inventory.stocktake.scan')}
        <input
          value={scan}
          onChange={(e) => setScan(e.target.value)}
          onKeyDown={(e) => void onScanKey(e)}
          autoComplete="off"
          spellCheck={false}
          placeholder="6901234567892"
        />
      </label>
      {scanned && (
        <p className="notice" role="status">
          {t('inventory.stocktake.scanned', {
            sku: scanned,
            count: parseCountSheet(sheet).counts.find((c) => c.sku === scanned)?.counted ?? 0,
          })}
        </p>
      )}
      <label className="field-wide">
        {t('inventory.stocktake.sheet')}
        <textarea
          rows={10}
          value={sheet}
          onChange={(e) => setSheet(e.target.value)}
          placeholder={'sku,counted\nTEA-01,12'}
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
            {result.blank > 0 && ` ${t('inventory.stocktake.blank', { count: result.blank })}`}
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
