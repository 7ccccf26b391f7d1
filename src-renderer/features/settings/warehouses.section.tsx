import { useTranslation } from 'react-i18next';
import { SettingsListSection } from './settings-list.section';
import { WarehouseForm } from './warehouse.form';

export function WarehousesSection() {
  const { t } = useTranslation();
  return (
    <SettingsListSection
      kind="warehouses"
      columns={[
        { label: t('settings.warehouses.field.code') },
        { label: t('settings.warehouses.field.name') },
        { label: t('settings.warehouses.location') },
        { label: t('settings.warehouses.field.contactName') },
        { label: t('settings.warehouses.field.phone') },
        { label: t('settings.state') },
      ]}
      cells={(w) => [
        <span className="mono">{w.code}</span>,
        w.name,
        [w.province, w.city, w.district].filter(Boolean).join(' ') || '—',
        w.contactName || '—',
        <span className="mono">{w.phone || '—'}</span>,
        w.active ? t('settings.active') : <span className="muted">{t('settings.inactive')}</span>,
      ]}
      form={(warehouse, close) => (
        <WarehouseForm warehouse={warehouse} onCancel={() => close(false)} onSaved={() => close(true)} />
      )}
    />
  );
}
