import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput } from '../../../src-shared/contract';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { AppError } from '../../../src-shared/result';
import { ErrorBanner } from '../../ui/error-banner';
import { useOrders } from './orders.store';

/** Orders with nothing reserved yet; the core refuses to split any other. */
const SPLITTABLE: readonly OrderStatus[] = ['pending_review', 'held', 'approved', 'backordered'];

type Groups = OpInput<'orders.split'>['groups'];

/** Lines stay whole where they can (a bare line number), else { line, quantity }. */
export function splitGroups(lines: OrderDetail['lines'], moved: number[]): Groups | null {
  const part = (i: number, qty: number, all: number) =>
    qty === all ? i + 1 : { line: i + 1, quantity: qty };
  const keep: Groups[number] = [];
  const move: Groups[number] = [];
  lines.forEach((l, i) => {
    const m = moved[i] ?? 0;
    if (l.quantity - m > 0) keep.push(part(i, l.quantity - m, l.quantity));
    if (m > 0) move.push(part(i, m, l.quantity));
  });
  return keep.length && move.length ? [keep, move] : null;
}

/** "Split…" in the drawer: pick how many units of each line go to a new order. */
export function SplitPanel({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const split = useOrders((s) => s.split);
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState<number[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const units = order.lines.reduce((n, l) => n + l.quantity, 0);
  if (!SPLITTABLE.includes(order.status) || units < 2) return null;
  if (!open)
    return (
      <button
        type="button"
        className="btn"
        onClick={() => {
          setMoved(order.lines.map(() => 0));
          setOpen(true);
        }}
      >
        {t('orders.split.open')}
      </button>
    );

  const groups = splitGroups(order.lines, moved);
  const run = async () => {
    if (!groups) return;
    setBusy(true);
    setError(null);
    const r = await split(order.id, groups);
    setBusy(false);
    if (r.ok) setOpen(false);
    else setError(r.error);
  };
  return (
    <div className="split-panel" role="group" aria-label={t('orders.split.label')}>
      <p className="muted small">{t('orders.split.help')}</p>
      <table className="lines">
        <thead>
          <tr>
            <th>{t('orders.lines.sku')}</th>
            <th className="num">{t('orders.lines.quantity')}</th>
            <th className="num">{t('orders.split.move')}</th>
          </tr>
        </thead>
        <tbody>
          {order.lines.map((l, i) => (
            <tr key={`${l.sku}-${i}`}>
              <td>
                <span className="mono">{l.sku}</span> <span className="muted small">{l.title}</span>
              </td>
              <td className="num">{l.quantity}</td>
              <td className="num">
                <input
                  type="number"
                  min={0}
                  max={l.quantity}
                  className="qty-input"
                  aria-label={t('orders.split.moveOf', { n: i + 1, sku: l.sku })}
                  value={moved[i] ?? 0}
                  onChange={(e) => {
                    const n = Math.max(0, Math.min(l.quantity, Math.trunc(Number(e.target.value) || 0)));
                    setMoved((m) => m.map((v, j) => (j === i ? n : v)));
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!groups && <p className="muted small">{t('orders.split.needBoth')}</p>}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      <div className="form-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={!groups || busy}
          onClick={() => void run()}
        >
          {t('orders.split.run')}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
