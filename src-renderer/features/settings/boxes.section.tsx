import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackBox } from '../../../src-shared/contract/settings.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';

const NUMBERS = ['lengthMm', 'widthMm', 'heightMm', 'tareGrams'] as const;
type Row = Record<'code' | 'name' | (typeof NUMBERS)[number], string>;

const toRow = (b: PackBox): Row => ({
  code: b.code,
  name: b.name,
  lengthMm: String(b.lengthMm),
  widthMm: String(b.widthMm),
  heightMm: String(b.heightMm),
  tareGrams: String(b.tareGrams),
});

/** Empty or not a whole number goes to the core as -1, whose range check refuses it by cell (rows.2.tareGrams). */
const toNumber = (v: string): number => (/^\d+$/.test(v.trim()) ? Number(v) : -1);

/**
 * The box catalogue the packing bench picks from: code (also the box's barcode), name, inner
 * size and empty weight, which the weight check adds to the items. Saved as a whole.
 */
export function BoxesSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.call('boxes.list', {});
    if (r.ok) setRows(r.value.rows.map(toRow));
    else setError(r.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const edit = (i: number, key: keyof Row, value: string) => {
    setSaved(false);
    setRows((rs) => rs && rs.map((r, n) => (n === i ? { ...r, [key]: value } : r)));
  };

  const save = async () => {
    if (!rows) return;
    setBusy(true);
    const r = await api.call('boxes.save', {
      rows: rows.map((row) => ({
        code: row.code.trim(),
        name: row.name.trim(),
        ...Object.fromEntries(NUMBERS.map((k) => [k, toNumber(row[k])])),
      })) as PackBox[],
    });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setSaved(true);
    setRows(r.value.rows.map(toRow));
  };

  return (
    <section className="settings-section" aria-labelledby="settings-boxes">
      <div className="section-head">
        <h2 id="settings-boxes">{t('settings.boxes.title')}</h2>
        <button
          type="button"
          className="btn"
          disabled={!rows}
          onClick={() =>
            setRows((rs) => [
              ...(rs ?? []),
              { code: '', name: '', lengthMm: '', widthMm: '', heightMm: '', tareGrams: '' },
            ])
          }
        >
          + {t('settings.boxes.new')}
        </button>
      </div>
      <p className="muted small">{t('settings.boxes.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {rows && (
        <form
          aria-label={t('settings.boxes.title')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <table className="data-table">
            <thead>
              <tr>
                {(['code', 'name', ...NUMBERS] as const).map((k) => (
                  <th key={k} className={k === 'code' || k === 'name' ? undefined : 'num'}>
                    {t(`settings.boxes.field.${k}`)}
                  </th>
                ))}
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <tr key={i}>
                  {(['code', 'name', ...NUMBERS] as const).map((k) => (
                    <td key={k} className={k === 'code' || k === 'name' ? undefined : 'num'}>
                      <input
                        aria-label={`${t(`settings.boxes.field.${k}`)} ${i + 1}`}
                        value={row[k]}
                        inputMode={k === 'code' || k === 'name' ? undefined : 'numeric'}
                        size={k === 'name' ? 18 : k === 'code' ? 10 : 6}
                        onChange={(e) => edit(i, k, e.target.value)}
                      />
                    </td>
                  ))}
                  <td className="actions">
                    <button
                      type="button"
                      className="btn-link"
                      onClick={() => {
                        setSaved(false);
                        setRows((rs) => rs && rs.filter((_, n) => n !== i));
                      }}
                    >
                      {t('settings.boxes.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? t('common.saving') : t('common.save')}
            </button>
            {saved && (
              <span className="small" role="status">
                {t('settings.boxes.saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
