import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatDateTime, formatMoney } from '../../ui/format';
import { createQueueStore, type Decision, type QueueStatus } from './review-queue.store';
import { ReviewEditForm } from './review-edit.form';
import { orderReasonText } from '../orders/order-note-text';

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** Held orders with their reasons; j/k move, x selects, a approves, r rejects, h holds, e edits. */
export function ReviewQueueView() {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(() => createQueueStore(api), [api]);
  const s = useStore(store);
  // Reject and hold need a reason: the key opens this prompt instead of acting at once.
  const [asking, setAsking] = useState<Exclude<Decision, 'approve'> | null>(null);
  const [reason, setReason] = useState('');
  const [editing, setEditing] = useState(false);
  const reasonRef = useRef<HTMLInputElement>(null);
  // Channels by their shop names (淘宝/天猫旗舰店), as the order queue shows them, not their codes.
  const [channelNames, setChannelNames] = useState<Map<string, string>>(new Map());

  useEffect(() => {
    void api.call('channels.list', {}).then((r) => {
      if (r.ok) setChannelNames(new Map(r.value.rows.map((c) => [c.code, c.name])));
    });
  }, [api]);

  useEffect(() => {
    void store.getState().load();
    return api.on('orders.changed', () => void store.getState().load());
  }, [api, store]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || asking || editing) return;
      const st = store.getState();
      const row = st.rows[st.cursor];
      const act: Record<string, () => void> = {
        j: () => st.move(1),
        k: () => st.move(-1),
        ArrowDown: () => st.move(1),
        ArrowUp: () => st.move(-1),
        x: () => row && st.toggle(row.id),
        a: () => void st.decide('approve'),
        r: () => setAsking('reject'),
        h: () => setAsking('hold'),
        e: () => row && setEditing(true),
      };
      const fn = act[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, asking, editing]);

  useEffect(() => {
    if (asking) reasonRef.current?.focus();
  }, [asking]);

  const submitReason = async () => {
    if (!asking || !reason.trim()) return;
    if (await store.getState().decide(asking, reason.trim())) {
      setAsking(null);
      setReason('');
    }
  };

  const count = s.selected.size || (s.rows.length ? 1 : 0);
  return (
    <section className="review-queue" aria-label={t('review.queue.title')}>
      <div className="review-toolbar">
        <select
          aria-label={t('review.queue.show')}
          value={s.status}
          onChange={(e) => s.setStatus(e.target.value as QueueStatus)}
        >
          <option value="held">{t('review.queue.showHeld')}</option>
          <option value="pending_review">{t('review.queue.showPending')}</option>
        </select>
        <span className="muted">
          {s.total === null
            ? t('common.loading')
            : t(s.status === 'held' ? 'review.queue.count' : 'review.queue.countPending', { count: s.total })}
          {s.total !== null && s.total > s.rows.length && (
            <> · {t('review.queue.firstShown', { shown: s.rows.length })}</>
          )}
        </span>
        <span className="kbd-hint">{t('review.queue.keys')}</span>
        <div className="actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={!count || s.busy}
            onClick={() => void s.decide('approve')}
          >
            {t('review.queue.approve', { count })}
          </button>
          <button type="button" className="btn" disabled={!count || s.busy} onClick={() => setAsking('hold')}>
            {t('review.queue.hold', { count })}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={!count || s.busy}
            onClick={() => setAsking('reject')}
          >
            {t('review.queue.reject', { count })}
          </button>
          <button type="button" className="btn" disabled={!count || s.busy} onClick={() => setEditing(true)}>
            {t('review.edit.button', { count })}
          </button>
        </div>
      </div>
      {asking && (
        <form
          className="review-reason"
          aria-label={t(`review.queue.${asking}Reason`)}
          onSubmit={(e) => {
            e.preventDefault();
            void submitReason();
          }}
        >
          <label>
            {t(`review.queue.${asking}Reason`)}
            <input
              ref={reasonRef}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setAsking(null)}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={!reason.trim() || s.busy}>
            {t('review.confirm')}
          </button>
          <button type="button" className="btn-link" onClick={() => setAsking(null)}>
            {t('common.cancel')}
          </button>
        </form>
      )}
      {editing && (
        <ReviewEditForm count={count} busy={s.busy} onSubmit={s.edit} onClose={() => setEditing(false)} />
      )}
      {s.error && <ErrorBanner error={s.error} onDismiss={s.clearMessages} />}
      {s.notice && (
        <div className="review-notice" role="status">
          {t('review.queue.done', { count: s.notice.changed })}
          {s.notice.skipped.map((k) => (
            <div key={k.id} className="muted small">
              {k.message}
            </div>
          ))}
        </div>
      )}
      {s.rows.length === 0 && s.total !== null ? (
        <p className="empty-note">
          {t(s.status === 'held' ? 'review.queue.empty' : 'review.queue.emptyPending')}
        </p>
      ) : (
        <table className="data-table review-table">
          <thead>
            <tr>
              <th aria-label={t('review.queue.select')}>
                <input
                  type="checkbox"
                  checked={s.rows.length > 0 && s.selected.size === s.rows.length}
                  onChange={s.toggleAll}
                />
              </th>
              <th>{t('review.queue.order')}</th>
              <th>{t('review.queue.placed')}</th>
              <th className="num">{t('review.queue.total')}</th>
              <th>{t('review.queue.shipTo')}</th>
              <th>{t('review.queue.reasons')}</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r, i) => (
              <tr
                key={r.id}
                aria-selected={s.selected.has(r.id)}
                className={i === s.cursor ? 'is-cursor' : undefined}
                onClick={() => s.setCursor(i)}
              >
                <td>
                  <input
                    type="checkbox"
                    aria-label={r.externalId}
                    checked={s.selected.has(r.id)}
                    onChange={() => s.toggle(r.id)}
                  />
                </td>
                <td className="mono">
                  {r.externalId}
                  <div className="muted small">{channelNames.get(r.channel) ?? r.channel}</div>
                </td>
                <td className="mono">{formatDateTime(r.placedAt)}</td>
                <td className="num">{formatMoney(r.totalMinor, r.currency)}</td>
                <td>
                  {r.recipientName}
                  <div className="muted small">{[r.province, r.city].filter(Boolean).join(' ')}</div>
                </td>
                <td>
                  <ul className="review-reasons">
                    {r.reasons.map((x, n) => (
                      <li key={n}>{orderReasonText(t, x)}</li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
