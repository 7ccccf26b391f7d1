import { useTranslation } from 'react-i18next';
import type { ImportResult } from './import.store';
import { fileNoteText } from './file-note-text';
import { rowProblemText } from './row-problem-text';

/**
 * Counts, what the core says about the whole file (e.g. an encoding that was a close call), and
 * the rows that were skipped, each with its row, column and reason (in the UI language).
 */
export function ImportReport({ result, fileName }: { result: ImportResult; fileName: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="import-report" aria-label={t('intake.report')}>
      <h2>{t('intake.reportFor', { file: fileName ?? '', format: result.format })}</h2>
      <ul className="import-counts">
        <li>{t('intake.imported', { n: result.imported })}</li>
        <li>{t('intake.updated', { n: result.updated })}</li>
        <li>{t('intake.unchanged', { n: result.unchanged })}</li>
        <li className={result.rejected.length ? 'warn' : ''}>
          {t('intake.rejectedCount', { n: result.rejected.length })}
        </li>
      </ul>
      {(result.notes?.length ?? 0) > 0 && (
        <section className="import-notes" aria-label={t('intake.notesTitle')}>
          <h3>{t('intake.notesTitle')}</h3>
          <ul>
            {result.notes?.map((n, i) => (
              <li key={i}>{fileNoteText(t, n)}</li>
            ))}
          </ul>
        </section>
      )}
      {result.rejected.length > 0 && (
        <table className="data-table">
          <caption>{t('intake.rejectedTitle')}</caption>
          <thead>
            <tr>
              <th>{t('intake.row')}</th>
              <th>{t('intake.column')}</th>
              <th>{t('intake.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.map((r, i) => (
              <tr key={i}>
                <td>{r.row}</td>
                <td>
                  <code>{r.column}</code>
                </td>
                <td>{rowProblemText(t, r.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
