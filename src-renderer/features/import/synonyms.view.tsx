import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import type { OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { ErrorBanner } from '../../ui/error-banner';

type Synonym = OpOutput<'standardize.synonyms'>['rows'][number];

/** The spec/size/colour dictionary: built-in defaults plus the shop's own terms, which win. */
export function SynonymsView() {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<Synonym[]>([]);
  const [term, setTerm] = useState('');
  const [canonical, setCanonical] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const termRef = useRef<HTMLInputElement>(null);
  const load = async () => {
    const r = await api.call('standardize.synonyms', {});
    if (r.ok) setRows(r.value.rows);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
  }, []);
  const save = async (t0: string, c0: string) => {
    const r = await api.call('standardize.saveSynonym', { term: t0, canonical: c0 });
    if (!r.ok) return setError(r.error);
    setTerm('');
    setCanonical('');
    // Ready for the next term: a shop types its dictionary in one go.
    termRef.current?.focus();
    await load();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (term.trim()) void save(term.trim(), canonical.trim());
  };
  return (
    <div className="synonyms-view">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <form className="import-options" onSubmit={submit}>
        <label>
          {t('intake.synonymTerm')}
          <input ref={termRef} value={term} onChange={(e) => setTerm(e.target.value)} placeholder="XL码" />
        </label>
        <label>
          {t('intake.synonymCanonical')}
          <input value={canonical} onChange={(e) => setCanonical(e.target.value)} placeholder="XL" />
        </label>
        <button type="submit" className="btn btn-primary" disabled={!term.trim()}>
          {t('intake.synonymSave')}
        </button>
      </form>
      <table className="data-table" aria-label={t('intake.synonymsTitle')}>
        <thead>
          <tr>
            <th>{t('intake.synonymTerm')}</th>
            <th>{t('intake.synonymCanonical')}</th>
            <th>{t('intake.synonymSource')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.term}>
              <td>{r.term}</td>
              <td>{r.canonical}</td>
              <td>{t(`intake.synonymFrom.${r.source}`)}</td>
              <td>
                {r.source === 'shop' && (
                  <button type="button" className="btn-link" onClick={() => void save(r.term, '')}>
                    {t('intake.synonymRemove', { term: r.term })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
