import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { useOrders } from './orders.store';

/** Nothing reserved yet: the core re-dates lines only in these statuses. */
const DATABLE: readonly OrderStatus[] = ['pending_review', 'held', 'approved', 'backordered'];

/**
 * "Pre-sale…" in the drawer (预售): tick the lines that ship later and give their date; routing
 * then ships the in-stock lines now (when the shop allows splits) or lets the order wait.
 */
export function PresalePanel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const api = useApi();
  const refresh = useOrders((s) => s.refresh);
  const [open, setOpen] = useState(false);
  const [lines, setLines] = useState<number[]>([]);
  const [date, setDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  if (!DATABLE.includes(order.status)) return null;
  if (!open)
    return (
      <button
        type="button"
        className="btn"
        onClick={() => {
          setLines(order.lines.flatMap((l, i) => (l.presaleShipDate ? [i + 1] : [])));
          setDate(order.lines.find((l) => l.presaleShipDate)?.presaleShipDate ?? '');
          setError(null);
          setOpen(true);
        }}
      >
        {t('orders.presale.open')}
      </button>
    );

  const save = async (shipDate: string | null) => {
    setBusy(true);
    setError(null);
    const r = await api.call('orders.presale', { id: order.id, lines, shipDate });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setOpen(false);
    void refresh();
  };
  const toggle = (n: number) => setLines((ls) => (ls.includes(n) ? ls.filter((x) => x !== n) : [...ls, n]));

  return (
    <div className="split-panel" role="group" aria-label={t('orders.presale.label')}>
      <p className="muted small">{t('orders.presale.help')}</p>
      <ul className="presale-lines">
        {order.lines.map((l, i) => (
          <li key={`${l.sku}-${i}`}>
            <label>
              <input type="checkbox" checked={lines.includes(i + 1)} onChange={() => toggle(i + 1)} />{' '}
              <span className="mono">{l.sku}</span> × {l.quantity}{' '}
              <span className="muted small">{l.title}</span>
            </label>
          </li>
        ))}
      </ul>
      <label className="field-inline">
        {t('orders.presale.date')}{' '}
        <input type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy || !lines.length || !date}
          onClick={() => void save(date)}
        >
          {t('orders.presale.save')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy || !lines.length}
          onClick={() => void save(null)}
        >
          {t('orders.presale.clear')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
