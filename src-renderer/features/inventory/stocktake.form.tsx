import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { OpInput, OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { InventoryStore, LevelRow } from './inventory.store';
import { WarehouseOptions } from './warehouse-options';
import { blankCountSheet, countScanned, parseCountSheet, type ParsedSheet } from './count-sheet';
import { saveFile } from '../picking/save-file';

/** Levels are read a page at a time for the blank sheet and the check. */
const SHEET_PAGE = 500;

type CountedRow = OpOutput<'inventory.stocktakeCheck'>['rows'][number];
type Count = OpInput<'inventory.stocktake'>['counts'][number];
type Mark = OpOutput<'inventory.countMark'>;

/** What one SKU is counted against: the ledger mark, and its units then in totes or packed. */
const asOfFor = (mark: Mark, sku: string): NonNullable<Count['asOf']> => ({
  ledgerMark: mark.ledgerMark,
  offShelf: mark.offShelf.find((o) => o.sku === sku)?.units ?? 0,
});

interface Preview extends ParsedSheet {
  warehouse: string;
  /** What is posted: the sheet's counts, each with the stock mark it was counted at. */
  marked: Count[];
  rows: CountedRow[];
}

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * A count's differences, before posting (with a note column) and after: on hand when counted and
 * how much of it was in totes or packed, the shelf count, what moved since (shipped, received
 * while the clerk counted), on hand after posting.
 */
function Differences({ rows, note = false }: { rows: CountedRow[]; note?: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{t('inventory.col.sku')}</th>
          <th className="num">{t('inventory.stocktake.before')}</th>
          <th className="num">{t('inventory.stocktake.offShelf')}</th>
          <th className="num">{t('inventory.stocktake.counted')}</th>
          <th className="num">{t('inventory.stocktake.moved')}</th>
          <th className="num">{t('inventory.stocktake.after')}</th>
          <th className="num">{t('inventory.stocktake.delta')}</th>
          {note && <th />}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.sku} className={note && r.delta < 0 ? 'stock-low' : undefined}>
            <td className="mono">{r.sku}</td>
            <td className="num">{r.onHandBefore}</td>
            <td className="num">{r.offShelf || '—'}</td>
            <td className="num">{r.counted}</td>
            <td className="num">{r.movedSince ? signed(r.movedSince) : '—'}</td>
            <td className="num">{r.onHandAfter}</td>
            <td className="num">{signed(r.delta)}</td>
            {note && (
              <td className="small">
                {/* Orders hold these units: the core refuses a count below them, so say it now. */}
                {r.onHandAfter < r.reserved &&
                  t('inventory.stocktake.belowReserved', { reserved: r.reserved })}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function StocktakeForm({ store }: { store: InventoryStore }) {
  const { t } = useTranslation();
  const api = useApi();
  const warehouses = useStore(store, (s) => s.warehouses);
  const [warehouse, setWarehouse] = useState('');
  const [sheet, setSheet] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [result, setResult] = useState<(OpOutput<'inventory.stocktake'> & { blank: number }) | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [scan, setScan] = useState('');
  /** The SKU scanned last; its count is read from the sheet, which may also be typed in. */
  const [scanned, setScanned] = useState<string | null>(null);
  /**
   * What the count is taken against: the stock when the sheet was started (downloaded, first
   * typed) and when each SKU was first scanned. Units then in totes are added to the shelf count,
   * and stock that moves after its SKU's mark is kept on top of it when posting.
   */
  const [sheetMark, setSheetMark] = useState<Mark | null>(null);
  const [marks, setMarks] = useState<Record<string, NonNullable<Count['asOf']>>>({});
  const wh = warehouse || warehouses[0]?.code || '';

  const takeMark = async (): Promise<Mark | null> => {
    const r = await api.call('inventory.countMark', { warehouse: wh });
    if (!r.ok) setError(r.error);
    return r.ok ? r.value : null;
  };
  const startSheet = async () => {
    if (sheetMark !== null) return;
    const mark = await takeMark();
    if (mark !== null) setSheetMark((m) => m ?? mark);
  };
  const forgetMarks = () => {
    setSheetMark(null);
    setMarks({});
  };
  const marked = (counts: ParsedSheet['counts']): Count[] =>
    counts.map((c) => {
      const asOf = marks[c.sku] ?? (sheetMark && asOfFor(sheetMark, c.sku));
      return asOf ? { ...c, asOf } : c;
    });

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
    if (marks[hit.sku] === undefined) {
      const mark = await takeMark();
      if (mark !== null)
        setMarks((m) => (m[hit.sku] === undefined ? { ...m, [hit.sku]: asOfFor(mark, hit.sku) } : m));
    }
    // From the sheet as it is now: a scanner's next Enter may come before this render.
    setSheet((text) => countScanned(text, hit.sku));
    setPreview(null);
    setScanned(hit.sku);
  };

  /** Every SKU the warehouse holds, in walking order; null when the read failed (the error is shown). */
  const warehouseLevels = async (): Promise<LevelRow[] | null> => {
    const rows: LevelRow[] = [];
    for (;;) {
      const r = await api.call('inventory.levels', {
        warehouse: wh,
        belowThreshold: false,
        offset: rows.length,
        limit: SHEET_PAGE,
      });
      if (!r.ok) {
        setError(r.error);
        return null;
      }
      rows.push(...r.value.rows);
      if (r.value.rows.length === 0 || rows.length >= r.value.total) return rows;
    }
  };

  /** The blank sheet for the floor: every SKU the warehouse holds, count left empty. */
  const downloadSheet = async () => {
    const mark = await takeMark();
    const rows = await warehouseLevels();
    if (!rows || mark === null) return;
    // The count starts with the sheet going to the floor.
    setSheetMark(mark);
    // The byte-order mark makes Excel read the Chinese titles as UTF-8.
    const blob = new Blob(['\uFEFF', blankCountSheet(rows)], { type: 'text/csv;charset=utf-8' });
    saveFile(blob, `count-sheet-${wh}.csv`);
  };

  /**
   * First the differences as the core would post them, so a half-finished count or a slip of the
   * scanner is seen before it writes stock off; the core works them out again when posting.
   */
  const check = async () => {
    setResult(null);
    const parsed = parseCountSheet(sheet);
    if (parsed.errors.length || parsed.counts.length === 0) {
      setError({
        code: 'invalid_input',
        message: t('inventory.stocktake.badLines', { lines: parsed.errors.join('; ') || '—' }),
      });
      return;
    }
    const counts = marked(parsed.counts);
    const r = await api.call('inventory.stocktakeCheck', { warehouse: wh, counts });
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview({ ...parsed, warehouse: wh, marked: counts, rows: r.value.rows });
  };

  const post = async () => {
    if (!preview) return;
    const r = await api.call('inventory.stocktake', {
      warehouse: preview.warehouse,
      counts: preview.marked,
      reason: 'stocktake',
    });
    if (!r.ok) return setError(r.error);
    setError(null);
    setPreview(null);
    setResult({ ...r.value, blank: preview.blank });
    setScanned(null);
    forgetMarks();
    void store.getState().loadLevels();
  };

  return (
    <div className="stock-form">
      <p className="muted small">{t('inventory.stocktake.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <label>
        {t('inventory.filter.warehouse')}
        <select
          value={warehouse}
          onChange={(e) => {
            setWarehouse(e.target.value);
            setPreview(null);
            // Totes and marks are the old warehouse's: the count starts again.
            forgetMarks();
          }}
        >
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
          onChange={(e) => {
            setSheet(e.target.value);
            setPreview(null);
            if (e.target.value.trim()) void startSheet();
            else forgetMarks();
          }}
          placeholder={'sku,counted\nTEA-01,12'}
          className="mono"
        />
      </label>
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={() => void check()}>
          {t('inventory.stocktake.check')}
        </button>
      </div>
      {preview && (
        <section className="stocktake-preview" aria-label={t('inventory.stocktake.previewTitle')}>
          <h3>{t('inventory.stocktake.previewTitle')}</h3>
          <Differences rows={preview.rows.filter((r) => r.delta !== 0)} note />
          <p className="muted small">
            {t('inventory.stocktake.previewNote', {
              unchanged: preview.rows.filter((r) => r.delta === 0).length,
              warehouse: preview.warehouse,
            })}
          </p>
          <div className="form-actions">
            <button type="button" className="btn" onClick={() => setPreview(null)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void post()}
              disabled={preview.rows.some((r) => r.onHandAfter < r.reserved)}
            >
              {t('inventory.stocktake.post')}
            </button>
          </div>
        </section>
      )}
      {result && (
        <>
          <p className="notice">
            {t('inventory.stocktake.result', {
              changed: result.differences.length,
              unchanged: result.unchanged,
            })}
            {result.blank > 0 && ` ${t('inventory.stocktake.blank', { count: result.blank })}`}
          </p>
          {result.differences.length > 0 && <Differences rows={result.differences} />}
        </>
      )}
    </div>
  );
}
