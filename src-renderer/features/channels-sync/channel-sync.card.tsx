import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncChannel } from '../../../src-shared/contract/sync.contract';
import { formatDateTime } from '../../ui/format';
import { ConnectionForm } from './connection.form';
import type { ConnectionDraft, TestResult } from './channels-sync.store';
import { syncErrorText } from './sync-error-text';

const when = (iso: string | null, never: string) => (iso ? formatDateTime(iso) : never);

export function ChannelSyncCard(props: {
  channel: SyncChannel;
  keychainAvailable: boolean;
  test: TestResult | 'testing' | undefined;
  issues: Record<string, string>;
  saving: boolean;
  onSyncNow(): void;
  onTest(typed?: Pick<ConnectionDraft, 'url' | 'credentials'>): void;
  onSave(draft: ConnectionDraft): Promise<boolean>;
}) {
  const { t } = useTranslation();
  const c = props.channel;
  const [editing, setEditing] = useState(c.state === 'not_configured');
  const never = t('sync.never');
  return (
    <article className={`sync-card sync-state-${c.state}`} aria-labelledby={`sync-ch-${c.channelId}`}>
      <header className="sync-card-head">
        <h2 id={`sync-ch-${c.channelId}`}>
          {c.name} <span className="muted small">{t(`channelKind.${c.kind}`)}</span>
        </h2>
        <span className={`sync-badge sync-badge-${c.state}`}>{t(`sync.state.${c.state}`)}</span>
      </header>
      <dl className="sync-facts">
        <dt>{t('sync.lastSync')}</dt>
        <dd>{when(c.lastSuccessAt, never)}</dd>
        <dt>{t('sync.nextRun')}</dt>
        <dd>{c.syncEnabled ? when(c.nextRunAt, t('sync.soon')) : t('sync.manualOnly')}</dd>
        <dt>{t('sync.counts')}</dt>
        <dd>{t('sync.countsValue', c.lastCounts)}</dd>
        <dt>{t('sync.checkpoint')}</dt>
        <dd>{when(c.cursorAt, never)}</dd>
      </dl>
      {c.lastError && (
        <p className={c.state === 'offline' ? 'sync-error sync-error-offline' : 'sync-error'} role="alert">
          {syncErrorText(t, c.lastError)}
        </p>
      )}
      <div className="sync-actions">
        <button
          type="button"
          className="btn btn-primary"
          onClick={props.onSyncNow}
          disabled={c.running || !c.hasCredentials || !c.url}
        >
          {c.running ? t('sync.running') : t('sync.syncNow')}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => props.onTest()}
          disabled={!c.hasCredentials || !c.url || props.test === 'testing'}
        >
          {props.test === 'testing' ? t('sync.testing') : t('sync.testConnection')}
        </button>
        <button
          type="button"
          className="btn-link"
          onClick={() => setEditing((e) => !e)}
          aria-expanded={editing}
        >
          {t('sync.connection')}
        </button>
      </div>
      {props.test && props.test !== 'testing' && (
        <p className={props.test.ok ? 'sync-test-ok' : 'sync-error'} role="status">
          {props.test.ok
            ? t('sync.testOk', { shop: props.test.shopName })
            : t('sync.testFailed', { message: syncErrorText(t, props.test.message) })}
        </p>
      )}
      {editing && (
        <ConnectionForm
          channel={c}
          keychainAvailable={props.keychainAvailable}
          issues={props.issues}
          saving={props.saving}
          testing={props.test === 'testing'}
          onTest={(typed) => props.onTest(typed)}
          onCancel={() => setEditing(false)}
          onSave={async (draft) => {
            if (await props.onSave(draft)) setEditing(false);
          }}
        />
      )}
    </article>
  );
}
