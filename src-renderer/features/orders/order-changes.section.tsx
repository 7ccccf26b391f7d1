import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../src-shared/contract';
import { changeReasonText } from './intake-reason-text';

export type StandardizationChanges = OpOutput<'standardize.changes'>['rows'];

/** "lines.2.sku" reads "Line 2 SKU"; address and contact fields by their own names. */
function fieldLabel(t: (k: string, o?: Record<string, unknown>) => string, field: string): string {
  const line = /^lines\.(\d+)\.(\w+)$/.exec(field);
  if (line)
    return t('orders.changes.lineField', {
      n: line[1],
      field: t(`orders.changes.lineFieldName.${line[2]}`, { defaultValue: line[2] }),
    });
  return t(`orders.changes.field.${field}`, { defaultValue: field });
}

/** What standardisation changed on arrival, before → after, with the core's reason for each. */
export function OrderChangesTable({ rows }: { rows: StandardizationChanges | null }) {
  const { t } = useTranslation();
  if (rows === null) return <p className="muted small">{t('common.loading')}</p>;
  if (rows.length === 0) return <p className="muted small">{t('orders.changes.none')}</p>;
  return (
    <table className="lines changes">
      <thead>
        <tr>
          <th>{t('orders.changes.fieldCol')}</th>
          <th>{t('orders.changes.before')}</th>
          <th aria-hidden="true" />
          <th>{t('orders.changes.after')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c, i) => (
          <tr key={i} title={changeReasonText(t, c.reason)}>
            <td>{fieldLabel(t, c.field)}</td>
            <td>
              {c.before ? (
                <span className="change-before">{c.before}</span>
              ) : (
                <span className="muted">{t('orders.changes.empty')}</span>
              )}
            </td>
            <td aria-hidden="true" className="muted">
              →
            </td>
            <td>
              <span className="change-after">
                {c.after || <span className="muted">{t('orders.changes.empty')}</span>}
              </span>
              <div className="muted small">{changeReasonText(t, c.reason)}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
