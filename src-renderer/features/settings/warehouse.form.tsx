import { useTranslation } from 'react-i18next';
import type { Warehouse } from '../../../src-shared/contract/settings.contract';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FormField } from '../../ui/form-field';
import { useSaveForm } from './use-save-form';
import { FormActions } from '../../ui/form-actions';

const TEXT_FIELDS = [
  'code',
  'name',
  'country',
  'province',
  'city',
  'district',
  'address',
  'contactName',
  'phone',
] as const;
type Values = Record<(typeof TEXT_FIELDS)[number], string> & { active: boolean };

const fromWarehouse = (w: Warehouse | null): Values => ({
  code: w?.code ?? '',
  name: w?.name ?? '',
  country: w?.country ?? 'CN',
  province: w?.province ?? '',
  city: w?.city ?? '',
  district: w?.district ?? '',
  address: w?.address ?? '',
  contactName: w?.contactName ?? '',
  phone: w?.phone ?? '',
  active: w?.active ?? true,
});

export function WarehouseForm(props: {
  warehouse: Warehouse | null;
  onSaved(w: Warehouse): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const form = useSaveForm<Values>(fromWarehouse(props.warehouse), [...TEXT_FIELDS, 'active']);
  const id = props.warehouse?.id;

  const save = async () => {
    const saved = await form.submit((v) => api.call('warehouses.save', id ? { ...v, id } : v));
    if (saved) props.onSaved(saved);
  };

  return (
    <form
      className="edit-form"
      aria-label={id ? t('settings.warehouses.edit') : t('settings.warehouses.new')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{id ? t('settings.warehouses.edit') : t('settings.warehouses.new')}</h3>
      {form.error && <ErrorBanner error={form.error} onDismiss={() => form.setError(null)} />}
      <div className="form-grid">
        {TEXT_FIELDS.map((f) => (
          <FormField
            key={f}
            label={t(`settings.warehouses.field.${f}`)}
            error={form.fieldErrors[f]}
            wide={f === 'address'}
          >
            <input value={form.values[f]} onChange={(e) => form.set(f, e.target.value)} />
          </FormField>
        ))}
        <label className="check-field">
          <input
            type="checkbox"
            checked={form.values.active}
            onChange={(e) => form.set('active', e.target.checked)}
          />
          {t('settings.warehouses.field.active')}
        </label>
      </div>
      <FormActions busy={form.busy} onCancel={props.onCancel} />
    </form>
  );
}
