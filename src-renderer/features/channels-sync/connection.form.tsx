import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncChannel } from '../../../src-shared/contract/sync.contract';
import { issueText } from '../../i18n/error-text';
import { FormField } from '../../ui/form-field';
import type { ConnectionDraft } from './channels-sync.store';
import { FormActions } from '../../ui/form-actions';

/**
 * Shop address, schedule and credentials. Credential fields are write-only: they start empty
 * (the core never sends stored secrets back) and left empty keep what is stored.
 */
export function ConnectionForm(props: {
  channel: SyncChannel;
  keychainAvailable: boolean;
  issues: Record<string, string>;
  saving: boolean;
  testing: boolean;
  onCancel(): void;
  onSave(draft: ConnectionDraft): Promise<void>;
  /** Checks the typed values against the shop without storing them. */
  onTest(typed: Pick<ConnectionDraft, 'url' | 'credentials'>): void;
}) {
  const { t } = useTranslation();
  /** The core's field message for `path`, in the UI language. */
  const issue = (path: string) => {
    const message = props.issues[path];
    return message ? issueText(t, message) : undefined;
  };
  const c = props.channel;
  const [url, setUrl] = useState(c.url);
  const [interval, setInterval] = useState(c.intervalMinutes);
  const [enabled, setEnabled] = useState(c.url ? c.syncEnabled : true);
  const [token, setToken] = useState('');
  const [key, setKey] = useState('');
  const [secret, setSecret] = useState('');
  const keep = c.hasCredentials ? t('sync.form.keepStored') : '';

  const typedCredentials = () =>
    c.kind === 'shopify'
      ? token.trim()
        ? { kind: 'shopify' as const, accessToken: token.trim() }
        : null
      : key.trim() || secret.trim()
        ? { kind: 'woocommerce' as const, consumerKey: key.trim(), consumerSecret: secret.trim() }
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void props.onSave({
      url,
      intervalMinutes: interval,
      syncEnabled: enabled,
      credentials: typedCredentials(),
    });
  };
  const typedSomething = c.kind === 'shopify' ? !!token.trim() : !!(key.trim() && secret.trim());
  const canTest = !!url.trim() && (typedSomething || c.hasCredentials) && !props.testing;

  return (
    <form className="sync-form" onSubmit={submit} autoComplete="off">
      <FormField
        label={t(c.kind === 'shopify' ? 'sync.form.shop' : 'sync.form.site')}
        hint={t(c.kind === 'shopify' ? 'sync.form.shopHint' : 'sync.form.siteHint')}
        error={issue('url')}
      >
        <input type="text" value={url} onChange={(e) => setUrl(e.target.value)} required spellCheck={false} />
      </FormField>
      <FormField label={t('sync.form.interval')} error={issue('intervalMinutes')}>
        <input
          type="number"
          min={5}
          max={1440}
          value={interval}
          onChange={(e) => setInterval(Number(e.target.value))}
        />
      </FormField>
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        {t('sync.form.auto')}
      </label>
      <fieldset className="sync-credentials" disabled={!props.keychainAvailable}>
        <legend>{t('sync.form.credentials')}</legend>
        <p className="muted small">
          {c.hasCredentials ? t('sync.form.stored', { backend: c.credentialsBackend }) : t('sync.form.none')}
        </p>
        {c.kind === 'shopify' ? (
          <FormField label={t('sync.form.token')} hint={keep} error={issue('credentials.accessToken')}>
            <input
              type="password"
              value={token}
              onChange={(e) => setToken(e.target.value)}
              placeholder="shpat_…"
              autoComplete="new-password"
            />
          </FormField>
        ) : (
          <>
            <FormField
              label={t('sync.form.consumerKey')}
              hint={keep}
              error={issue('credentials.consumerKey')}
            >
              <input
                type="password"
                value={key}
                onChange={(e) => setKey(e.target.value)}
                placeholder="ck_…"
                autoComplete="new-password"
              />
            </FormField>
            <FormField label={t('sync.form.consumerSecret')} error={issue('credentials.consumerSecret')}>
              <input
                type="password"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                placeholder="cs_…"
                autoComplete="new-password"
              />
            </FormField>
          </>
        )}
      </fieldset>
      <div className="sync-form-test">
        <button
          type="button"
          className="btn"
          disabled={!canTest}
          onClick={() => props.onTest({ url, credentials: typedCredentials() })}
        >
          {props.testing ? t('sync.testing') : t('sync.form.testTyped')}
        </button>
        <span className="muted small">{t('sync.form.testTypedHint')}</span>
      </div>
      <FormActions busy={props.saving} onCancel={props.onCancel} />
    </form>
  );
}
