import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../src-shared/contract/settings.contract';
import { ErrorBanner } from '../../ui/error-banner';
import { useSettingsList } from './use-settings-list';
import { WarehouseForm } from './warehouse.form';

export function WarehousesSection() {
  const { t } = useTranslation();
  const { rows, error, reload } = useSettingsList('warehouses.list', 'warehouses');
  // undefined: no form; null: a new warehouse; otherwise the one being edited.
  const [editing, setEditing] = useState<Warehouse | null | undefined>(undefined);

  return (
    <section className="settings-section" aria-labelledby="settings-warehouses">
      <div className="section-head">
        <h2 id="settings-warehouses">{t('settings.warehouses.title')}</h2>
        <button type="button" className="btn" onClick={() => setEditing(null)} disabled={editing === null}>
          + {t('settings.warehouses.new')}
        </button>
      </div>
      <p className="muted small">{t('settings.warehouses.intro')}</p>
      {error && <ErrorBanner error={error} />}
      {editing !== undefined && (
        <WarehouseForm
          key={editing?.id ?? 'new'}
          warehouse={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      )}
      {rows && rows.length === 0 && <p className="empty-note">{t('settings.warehouses.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.warehouses.field.code')}</th>
              <th>{t('settings.warehouses.field.name')}</th>
              <th>{t('settings.warehouses.location')}</th>
              <th>{t('settings.warehouses.field.contactName')}</th>
              <th>{t('settings.warehouses.field.phone')}</th>
              <th>{t('settings.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.id}>
                <td className="mono">{w.code}</td>
                <td>{w.name}</td>
                <td>{[w.province, w.city, w.district].filter(Boolean).join(' ') || '—'}</td>
                <td>{w.contactName || '—'}</td>
                <td className="mono">{w.phone || '—'}</td>
                <td>
                  {w.active ? t('settings.active') : <span className="muted">{t('settings.inactive')}</span>}
                </td>
                <td className="actions">
                  <button type="button" className="btn-link" onClick={() => setEditing(w)}>
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
