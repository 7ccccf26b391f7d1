import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime } from '../../ui/format';
import { useLiveStore } from '../../ui/use-live-store';
import { createFoldersStore } from './folders.store';

/**
 * 监控文件夹: each channel's drop folder the core watches (set in Settings → Channels), with the
 * last file it handled, how that went, and a "scan now" for a file just dropped.
 */
export function WatchedFoldersSection() {
  const { t } = useTranslation();
  const s = useStore(useLiveStore(createFoldersStore));

  return (
    <section className="folders-section" aria-labelledby="folders-title">
      <h2 id="folders-title">{t('folders.title')}</h2>
      <p className="muted small">{t('folders.intro')}</p>
      {s.error && <ErrorBanner error={s.error} />}
      {s.folders && s.folders.length === 0 && <p className="empty-note">{t('folders.empty')}</p>}
      {s.folders && s.folders.length > 0 && (
        <table className="data-table folders-table">
          <thead>
            <tr>
              <th>{t('folders.channel')}</th>
              <th>{t('folders.dir')}</th>
              <th>{t('folders.lastFile')}</th>
              <th>{t('folders.result')}</th>
              <th className="num">{t('folders.counts')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {s.folders.map((f) => (
              <tr key={f.channelId} aria-label={f.name}>
                <td>
                  {f.name}
                  <div className="muted small">
                    {t('folders.format', { format: t(`intake.formats.${f.format}`) })} ·{' '}
                    {f.watching
                      ? t('folders.watching')
                      : f.enabled
                        ? t('folders.notRunning')
                        : t('folders.off')}
                  </div>
                </td>
                <td className="mono small">{f.dir}</td>
                <td>
                  <span className="mono">{f.lastFile ?? '—'}</span>
                  <div className="muted small">
                    {f.lastScanAt
                      ? t('folders.scannedAt', { at: formatDateTime(f.lastScanAt) })
                      : t('folders.never')}
                  </div>
                </td>
                <td>
                  {f.lastStatus && (
                    <span className={`folder-status folder-status-${f.lastStatus}`}>
                      {t(`folders.status.${f.lastStatus}`)}
                    </span>
                  )}
                  {f.lastMessage && (
                    <div
                      className={
                        f.lastStatus === 'failed' || f.lastStatus === 'error' ? 'sync-error' : 'muted small'
                      }
                      role={f.lastStatus === 'failed' || f.lastStatus === 'error' ? 'alert' : undefined}
                    >
                      {f.lastMessage}
                    </div>
                  )}
                </td>
                <td className="num">
                  {t('folders.countsValue', { imported: f.filesImported, failed: f.filesFailed })}
                </td>
                <td>
                  <button
                    type="button"
                    className="btn"
                    disabled={s.scanning !== null}
                    onClick={() => void s.scanNow(f.channelId)}
                  >
                    {s.scanning === f.channelId ? t('folders.scanning') : t('folders.scanNow')}
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
