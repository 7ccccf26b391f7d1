import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { OUTBOX_STATUSES } from '../../../src-shared/contract/outbox.contract';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime } from '../../ui/format';
import { StateText, type Tone } from '../../ui/state-text';
import { useLiveStore } from '../../ui/use-live-store';
import { createOutboxStore, type ExportedFile, type OutboxStatus } from './outbox.store';
import { pushErrorText } from './push-error-text';

/** Waiting for a run or for its export file, being sent, sent, or failed (dead = retries used up). */
const OUTBOX_TONE: Record<OutboxStatus, Tone> = {
  queued: 'waiting',
  export: 'waiting',
  running: 'busy',
  done: 'good',
  failed: 'bad',
  dead: 'bad',
};

/** Hands the file to the browser's download (Electron asks where to save it). */
function saveFile(f: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([f.content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = f.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/**
 * 回传物流单号: every tracking number on its way to a sales channel. API channels are pushed by
 * the core's outbox (retried with backoff, visible here); channels without an API wait for their
 * bulk-shipping file, exported here.
 */
export function OutboxQueueSection() {
  const { t } = useTranslation();
  const s = useStore(useLiveStore(createOutboxStore));

  const counts = s.list?.counts;
  const total = counts ? OUTBOX_STATUSES.reduce((n, k) => n + counts[k], 0) : 0;
  return (
    <section className="outbox-section" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('outbox.title')}</h2>
      <p className="muted small">{t('outbox.intro')}</p>
      {s.error && <ErrorBanner error={s.error} />}
      {s.list?.offline && (
        <div className="sync-banner" role="status">
          <strong>{t('outbox.offline', { retry: formatDateTime(s.list.offline.retryAt) })}</strong>
          <span>{pushErrorText(t, s.list.offline.reason)}</span>
        </div>
      )}
      {s.exported && (
        <p className="outbox-notice" role="status">
          {t('outbox.exported', {
            count: s.exported.count,
            file: s.exported.fileName,
            layout: s.exported.layout,
          })}
        </p>
      )}
      {s.list && s.list.exportable.length > 0 && (
        <ul className="outbox-exports">
          {s.list.exportable.map((c) => (
            <li key={c.channelId}>
              <span>{t('outbox.waiting', { channel: c.channelName, count: c.waiting })}</span>
              <button
                type="button"
                className="btn btn-primary"
                disabled={s.busy}
                onClick={() => void s.exportFile(c.channelId, saveFile)}
              >
                {t('outbox.export', { channel: c.channelName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="outbox-filters" role="group" aria-label={t('outbox.filter')}>
        <button
          type="button"
          className="outbox-filter"
          aria-pressed={s.filter === null}
          onClick={() => void s.setFilter(null)}
        >
          {t('outbox.all', { count: total })}
        </button>
        {OUTBOX_STATUSES.map((k) => (
          <button
            key={k}
            type="button"
            className="outbox-filter"
            aria-pressed={s.filter === k}
            onClick={() => void s.setFilter(k)}
          >
            {t(`outbox.statusCount.${k}`, { count: counts?.[k] ?? 0 })}
          </button>
        ))}
      </div>
      {counts && counts.failed + counts.dead > 0 && (
        <button type="button" className="btn" onClick={() => void s.retryAllFailed()}>
          {t('outbox.retryAll', { count: counts.failed + counts.dead })}
        </button>
      )}
      {!s.list && !s.error && <p className="muted">{t('common.loading')}</p>}
      {s.list && s.list.rows.length === 0 && <p className="empty-note">{t('outbox.empty')}</p>}
      {s.list && s.list.rows.length > 0 && (
        <table className="data-table outbox-table">
          <thead>
            <tr>
              <th>{t('outbox.col.order')}</th>
              <th>{t('outbox.col.channel')}</th>
              <th>{t('outbox.col.tracking')}</th>
              <th>{t('outbox.col.status')}</th>
              <th>{t('outbox.col.attempts')}</th>
              <th>{t('outbox.col.nextRun')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {s.list.rows.map((j) => (
              <tr key={j.id}>
                <td>{j.orderNumber}</td>
                <td>{j.channelName}</td>
                <td>
                  {j.carrierName} {j.trackingNumber}
                </td>
                <td>
                  <StateText tone={OUTBOX_TONE[j.status]}>{t(`outbox.status.${j.status}`)}</StateText>
                  {j.lastError && <div className="field-error">{pushErrorText(t, j.lastError)}</div>}
                </td>
                <td>{j.attempts}</td>
                <td>{j.nextRunAt ? formatDateTime(j.nextRunAt) : ''}</td>
                <td className="row-actions">
                  {(j.status === 'failed' || j.status === 'dead') && (
                    <button
                      type="button"
                      className="btn-link"
                      aria-label={t('outbox.retryOne', { order: j.orderNumber })}
                      onClick={() => void s.retry([j.id])}
                    >
                      {t('outbox.retry')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
