import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/settings.contract';
import { IMPORT_FORMAT_NAMES } from '../../../src-shared/contract/intake.contract';
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
  /** The watched drop folder: '' for none. */
  watchFolder: string;
  watchFormat: (typeof IMPORT_FORMAT_NAMES)[number];
  watchEnabled: boolean;
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
      watchFolder: c?.watchFolder?.dir ?? '',
      watchFormat: c?.watchFolder?.format ?? 'auto',
      watchEnabled: c?.watchFolder?.enabled ?? true,
    },
    ['code', 'kind', 'name', 'currency', 'enabled', 'watchFolder'],
  );

  const save = async () => {
    const { code, kind, name, currency, enabled, watchFolder: dir, watchFormat, watchEnabled } = form.values;
    // An emptied path stops watching; a channel that never had a folder sends nothing about it.
    const watchFolder = dir.trim()
      ? { dir: dir.trim(), format: watchFormat, enabled: watchEnabled }
      : c?.watchFolder
        ? null
        : undefined;
    const input = {
      code,
      kind,
      name,
      currency,
      enabled,
      ...(watchFolder === undefined ? {} : { watchFolder }),
    };
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
      <fieldset className="watch-folder">
        <legend>{t('settings.channels.watch.title')}</legend>
        <p className="muted small">{t('settings.channels.watch.intro')}</p>
        <div className="form-grid">
          <FormField
            label={t('settings.channels.watch.dir')}
            error={form.fieldErrors.watchFolder}
            hint={t('settings.channels.watch.dirHint')}
            wide
          >
            <input
              value={form.values.watchFolder}
              spellCheck={false}
              placeholder={'D:\\exports\\taobao'}
              onChange={(e) => form.set('watchFolder', e.target.value)}
            />
          </FormField>
          <FormField label={t('settings.channels.watch.format')}>
            <select
              value={form.values.watchFormat}
              onChange={(e) => form.set('watchFormat', e.target.value as Values['watchFormat'])}
            >
              {IMPORT_FORMAT_NAMES.map((f) => (
                <option key={f} value={f}>
                  {t(`intake.formats.${f}`)}
                </option>
              ))}
            </select>
          </FormField>
          <label className="check-field">
            <input
              type="checkbox"
              checked={form.values.watchEnabled}
              onChange={(e) => form.set('watchEnabled', e.target.checked)}
            />
            {t('settings.channels.watch.enabled')}
          </label>
        </div>
      </fieldset>
      <FormActions busy={form.busy} onCancel={props.onCancel} />
    </form>
  );
}
