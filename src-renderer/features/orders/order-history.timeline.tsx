import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { isOrderStatus } from './order-labels';
import { formatDateTime } from '../../ui/format';
import { historyActorText, historyNoteText } from './order-note-text';

/** Newest first: the question at the desk is nearly always "what happened last?". */
export function OrderHistoryTimeline({ history }: { history: OrderDetail['history'] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <p className="muted small">{t('orders.detail.noHistory')}</p>;
  const statusText = (s: string | null) => (s === null ? '—' : isOrderStatus(s) ? t(`status.${s}`) : s);
  return (
    <ol className="timeline">
      {[...history].reverse().map((h, i) => (
        <li key={`${h.at}-${i}`} className="timeline-item">
          <div className="timeline-when mono">{formatDateTime(h.at)}</div>
          <div className="timeline-what">
            <strong>{t(`audit.${h.action}`, { defaultValue: h.action })}</strong>
            {(h.from !== null || h.to !== null) && (
              <span>
                {' '}
                {statusText(h.from)} → {statusText(h.to)}
              </span>
            )}
            <span className="muted"> · {historyActorText(t, h.actor)}</span>
            {h.reason && <div className="timeline-reason">{historyNoteText(t, h)}</div>}
          </div>
        </li>
      ))}
    </ol>
  );
}
