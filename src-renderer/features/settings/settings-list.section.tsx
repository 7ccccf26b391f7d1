import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Warehouse } from '../../../src-shared/contract/settings.contract';
import { ErrorBanner } from '../../ui/error-banner';
import { useSettingsList } from './use-settings-list';

type Kind = 'warehouses' | 'channels';
type Row<K extends Kind> = K extends 'warehouses' ? Warehouse : Channel;

export interface SettingsListSectionProps<K extends Kind> {
  kind: K;
  /** Header labels (already translated), one per cell that `cells` returns. */
  columns: { label: string; num?: boolean }[];
  cells(row: Row<K>): ReactNode[];
  /** The create/edit form; `row` is null for a new one. */
  form(row: Row<K> | null, close: (saved: boolean) => void): ReactNode;
}

/**
 * A settings list with its create/edit form: warehouses and channels look and behave alike,
 * so they share this one component and differ only in columns and form.
 */
export function SettingsListSection<K extends Kind>({
  kind,
  columns,
  cells,
  form,
}: SettingsListSectionProps<K>) {
  const { t } = useTranslation();
  const { rows, error, reload } = useSettingsList(
    kind === 'warehouses' ? 'warehouses.list' : 'channels.list',
    kind,
  );
  // undefined: no form; null: a new row; otherwise the row being edited.
  const [editing, setEditing] = useState<Row<K> | null | undefined>(undefined);
  const headingId = `settings-${kind}`;
  const close = (saved: boolean) => {
    setEditing(undefined);
    if (saved) void reload();
  };

  return (
    <section className="settings-section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId}>{t(`settings.${kind}.title`)}</h2>
        <button type="button" className="btn" onClick={() => setEditing(null)} disabled={editing === null}>
          + {t(`settings.${kind}.new`)}
        </button>
      </div>
      <p className="muted small">{t(`settings.${kind}.intro`)}</p>
      {error && <ErrorBanner error={error} />}
      {editing !== undefined && <div key={editing?.id ?? 'new'}>{form(editing, close)}</div>}
      {rows && rows.length === 0 && <p className="empty-note">{t(`settings.${kind}.empty`)}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} className={c.num ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
              <th />
            </tr>
          </thead>
          <tbody>
            {(rows as Row<K>[]).map((row) => (
              <tr key={row.id}>
                {cells(row).map((cell, i) => (
                  <td key={i} className={columns[i]?.num ? 'num' : undefined}>
                    {cell}
                  </td>
                ))}
                <td className="actions">
                  <button type="button" className="btn-link" onClick={() => setEditing(row)}>
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
