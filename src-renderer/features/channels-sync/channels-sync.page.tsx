import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime } from '../../ui/format';
import { useLiveStore } from '../../ui/use-live-store';
import { ChannelSyncCard } from './channel-sync.card';
import { createChannelsSyncStore } from './channels-sync.store';
import { keychainReasonText } from './keychain-reason-text';
import { OutboxQueueSection } from './outbox-queue.section';
import { WatchedFoldersSection } from './watched-folders.section';
import './channels-sync.css';

/**
 * 渠道同步: API channels' connection settings, sync status and the "sync now" button; below, the
 * outbound queue of tracking numbers going back to every channel.
 */
export function ChannelsSyncPage() {
  const { t } = useTranslation();
  const s = useStore(useLiveStore(createChannelsSyncStore));

  return (
    <div className="channels-sync-page">
      <div className="page-head">
        <h1>{t('sync.title')}</h1>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void s.syncNow()}
          disabled={!s.status?.channels.some((c) => c.hasCredentials)}
        >
          {t('sync.syncAll')}
        </button>
      </div>
      <p className="muted small">{t('sync.intro')}</p>
      {s.error && <ErrorBanner error={s.error} />}
      {s.status && !s.status.secretStore.available && (
        <div className="sync-banner sync-banner-warn" role="status">
          <strong>{t('sync.keychain.unavailable', { backend: s.status.secretStore.backend })}</strong>
          <span>{keychainReasonText(t, s.status.secretStore.reason)}</span>
        </div>
      )}
      {s.status?.offline && (
        <div className="sync-banner" role="status">
          <strong>{t('sync.offline.title')}</strong>
          <span>
            {t('sync.offline.detail', {
              since: formatDateTime(s.status.offline.since),
              retry: formatDateTime(s.status.offline.retryAt),
            })}
          </span>
        </div>
      )}
      {!s.status && !s.error && <p className="muted">{t('common.loading')}</p>}
      {s.status && s.status.channels.length === 0 && <p className="empty-note">{t('sync.empty')}</p>}
      <div className="sync-cards">
        {s.status?.channels.map((c) => (
          <ChannelSyncCard
            key={c.channelId}
            channel={c}
            keychainAvailable={s.status!.secretStore.available}
            test={s.tests[c.channelId]}
            issues={s.issues[c.channelId] ?? {}}
            saving={s.saving === c.channelId}
            onSyncNow={() => void s.syncNow(c.channelId)}
            onTest={(typed) => void s.test(c.channelId, typed)}
            onSave={(draft) => s.save(c.channelId, draft)}
          />
        ))}
      </div>
      <WatchedFoldersSection />
      <OutboxQueueSection />
    </div>
  );
}
