import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { ErrorBanner } from '../../ui/error-banner';

type Mapping = OpOutput<'standardize.mappings'>['rows'][number];

function MappingRow(props: { row: Mapping; onChange: (sku: string) => Promise<void>; onForget: () => void }) {
  const { t } = useTranslation();
  const { row } = props;
  const [sku, setSku] = useState(row.sku);
  const [busy, setBusy] = useState(false);
  useEffect(() => setSku(row.sku), [row.sku]);
  return (
    <tr>
      <td>{row.title}</td>
      <td>{row.spec}</td>
      <td>
        {/* Enter (or a scanner's) changes it, like mapping a waiting spec. */}
        <form
          className="mapping-form"
          onSubmit={async (e) => {
            e.preventDefault();
            if (busy || !sku.trim() || sku.trim() === row.sku) return;
            setBusy(true);
            await props.onChange(sku.trim());
            setBusy(false);
          }}
        >
          <input
            aria-label={t('intake.skuOf', { title: row.title, spec: row.spec })}
            value={sku}
            onChange={(e) => setSku(e.target.value)}
          />
          <button type="submit" className="btn" disabled={busy || !sku.trim() || sku.trim() === row.sku}>
            {t('intake.change')}
          </button>
        </form>
      </td>
      <td>{row.updatedAt.slice(0, 10)}</td>
      <td>
        <button
          type="button"
          className="btn-link"
          aria-label={t('intake.forgetLabel', { title: row.title, spec: row.spec })}
          onClick={props.onForget}
        >
          {t('intake.forget')}
        </button>
      </td>
    </tr>
  );
}

/**
 * What the shop has mapped so far. A wrong mapping is corrected here (the waiting orders it
 * mapped follow, allocated ones keep their SKU and are counted) or forgotten.
 */
export function RememberedMappingsView() {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<Mapping[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const load = async () => {
    const r = await api.call('standardize.mappings', {});
    if (r.ok) setRows(r.value.rows);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, []);
  const change = async (m: Mapping, sku: string) => {
    const r = await api.call('standardize.mapSku', { title: m.title, spec: m.spec, sku });
    if (!r.ok) return setError(r.error);
    setNote(
      t('intake.correctedNote', {
        title: m.title,
        spec: m.spec,
        sku,
        previous: m.sku,
        corrected: r.value.corrected,
        left: r.value.left,
      }),
    );
    await load();
  };
  const forget = async (m: Mapping) => {
    const r = await api.call('standardize.forgetMapping', { sourceKey: m.sourceKey });
    if (!r.ok) return setError(r.error);
    setNote(t('intake.forgottenNote', { title: m.title, spec: m.spec }));
    await load();
  };
  return (
    <section className="remembered-mappings">
      <h3>{t('intake.rememberedTitle')}</h3>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <p role="status" className="muted">
        {note}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t('intake.noRemembered')}</p>
      ) : (
        <table className="data-table" aria-label={t('intake.rememberedTitle')}>
          <thead>
            <tr>
              <th>{t('intake.title')}</th>
              <th>{t('intake.spec')}</th>
              <th>{t('intake.internalSku')}</th>
              <th>{t('intake.mappingUpdated')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <MappingRow
                key={m.sourceKey}
                row={m}
                onChange={(sku) => change(m, sku)}
                onForget={() => void forget(m)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
