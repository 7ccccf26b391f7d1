import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { ShipStore } from './ship.store';

/**
 * A carrier's file of order reference → tracking number, pasted or opened: every row is shown
 * with its problem before anything is sent, and the core ships all rows or none.
 */
export function ShipFile({ store }: { store: ShipStore }) {
  const { t } = useTranslation();
  const rows = useStore(store, (s) => s.fileRows);
  const problems = useStore(store, (s) => s.fileProblems);
  const rowErrors = useStore(store, (s) => s.rowErrors);
  const busy = useStore(store, (s) => s.busy);
  const [text, setText] = useState('');
  const read = (v: string) => {
    setText(v);
    store.getState().readFile(v);
  };
  return (
    <section className="settings-section ship-section" aria-labelledby="ship-file" data-no-scan>
      <h2 id="ship-file">{t('shipping.file.title')}</h2>
      <p className="muted">{t('shipping.file.intro')}</p>
      <textarea
        className="ship-file-text"
        aria-label={t('shipping.file.paste')}
        placeholder={t('shipping.file.placeholder')}
        rows={5}
        value={text}
        onChange={(e) => read(e.target.value)}
      />
      <div className="inline-form">
        <label className="btn">
          {t('shipping.file.open')}
          <input
            type="file"
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            className="ship-file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void f.text().then(read);
              e.target.value = '';
            }}
          />
        </label>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !rows.length || problems.length > 0}
          onClick={() => void store.getState().shipFile()}
        >
          {t('shipping.file.ship', { count: rows.length })}
        </button>
      </div>
      {problems.length > 0 && (
        <ul className="field-error" aria-label={t('shipping.file.problems')}>
          {problems.map((p) => (
            <li key={p.line}>{t(`shipping.file.problem.${p.problem}`, { line: p.line })}</li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <table className="data-table" aria-label={t('shipping.file.rows')}>
          <thead>
            <tr>
              <th className="num">{t('shipping.file.line')}</th>
              <th>{t('shipping.file.reference')}</th>
              <th>{t('shipping.file.tracking')}</th>
              <th>{t('shipping.carrier')}</th>
              <th>{t('shipping.file.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.line} className={rowErrors[i] ? 'ship-row-bad' : undefined}>
                <td className="num">{r.line}</td>
                <td className="mono">{r.reference}</td>
                <td className="mono">{r.trackingNumber}</td>
                <td>{r.carrier}</td>
                <td>{rowErrors[i] ? <span className="field-error">{rowErrors[i]}</span> : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
