import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/settings.contract';
import { CHANNEL_KINDS, type ChannelKind } from '../../../src-shared/domain/ids';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FormField } from '../../ui/form-field';
import { useSaveForm } from './use-save-form';
import { FormActions } from '../../ui/form-actions';

interface Values {
  [key: string]: unknown;
  code: string;
  kind: ChannelKind;
  name: string;
  currency: string;
  enabled: boolean;
}

export function ChannelForm(props: { channel: Channel | null; onSaved(c: Channel): void; onCancel(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const c = props.channel;
  const form = useSaveForm<Values>(
    {
      code: c?.code ?? '',
      kind: c?.kind ?? 'manual',
      name: c?.name ?? '',
      currency: c?.currency ?? 'CNY',
      enabled: c?.enabled ?? true,
    },
    ['code', 'kind', 'name', 'currency', 'enabled'],
  );

  const save = async () => {
    const { code, kind, name, currency, enabled } = form.values;
    const input = { code, kind, name, currency, enabled };
    const saved = await form.submit(() => api.call('channels.save', c ? { ...input, id: c.id } : input));
    if (saved) props.onSaved(saved);
  };

  return (
    <form
      className="edit-form"
      aria-label={c ? t('settings.channels.edit') : t('settings.channels.new')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{c ? t('settings.channels.edit') : t('settings.channels.new')}</h3>
      {form.error && <ErrorBanner error={form.error} onDismiss={() => form.setError(null)} />}
      <div className="form-grid">
        <FormField
          label={t('settings.channels.field.code')}
          error={form.fieldErrors.code}
          hint={t('settings.channels.codeHint')}
        >
          <input value={form.values.code} onChange={(e) => form.set('code', e.target.value)} />
        </FormField>
        <FormField label={t('settings.channels.field.name')} error={form.fieldErrors.name}>
          <input value={form.values.name} onChange={(e) => form.set('name', e.target.value)} />
        </FormField>
        <FormField label={t('settings.channels.field.kind')} error={form.fieldErrors.kind}>
          <select value={form.values.kind} onChange={(e) => form.set('kind', e.target.value as ChannelKind)}>
            {CHANNEL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`channelKind.${k}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('settings.channels.field.currency')} error={form.fieldErrors.currency}>
          <input
            value={form.values.currency}
            maxLength={3}
            onChange={(e) => form.set('currency', e.target.value.toUpperCase())}
          />
        </FormField>
        <label className="check-field">
          <input
            type="checkbox"
            checked={form.values.enabled}
            onChange={(e) => form.set('enabled', e.target.checked)}
          />
          {t('settings.channels.field.enabled')}
        </label>
      </div>
      <FormActions busy={form.busy} onCancel={props.onCancel} />
    </form>
  );
}
