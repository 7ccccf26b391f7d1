import { memo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderSummary } from '../../../src-shared/contract/orders.contract';
import { StatusBadge } from '../../ui/status-badge';
import { formatDateTime, formatMoney } from '../../ui/format';

export const ROW_HEIGHT = 34;

interface Props {
  index: number;
  top: number;
  row: OrderSummary | undefined;
  channelName: string | undefined;
  checked: boolean;
  current: boolean;
  onRowClick(index: number, e: MouseEvent): void;
  onCheck(index: number, e: MouseEvent): void;
  onOpen(index: number): void;
}

/** Memoised: while scrolling only rows entering the window render, not the ~40 already shown. */
export const OrderRow = memo(function OrderRow(p: Props) {
  const { t } = useTranslation();
  const style = { transform: `translateY(${p.top}px)`, height: ROW_HEIGHT };
  if (!p.row) {
    return (
      <div
        role="row"
        id={`order-row-${p.index}`}
        aria-rowindex={p.index + 2}
        className="q-row is-loading"
        style={style}
      >
        <div role="gridcell" className="q-cell loading-bar" aria-label={t('common.loading')} />
      </div>
    );
  }
  const r = p.row;
  return (
    <div
      role="row"
      id={`order-row-${p.index}`}
      aria-rowindex={p.index + 2}
      aria-selected={p.checked}
      data-order-id={r.id}
      className={`q-row${p.checked ? ' is-checked' : ''}${p.current ? ' is-current' : ''}`}
      style={style}
      // Shift+click selects a range of rows, not a range of text.
      onMouseDown={(e) => e.shiftKey && e.preventDefault()}
      onClick={(e) => p.onRowClick(p.index, e)}
      onDoubleClick={() => p.onOpen(p.index)}
    >
      <div role="gridcell" className="q-cell q-check">
        <input
          type="checkbox"
          tabIndex={-1}
          checked={p.checked}
          aria-label={t('orders.select', { id: r.externalId })}
          onClick={(e) => p.onCheck(p.index, e)}
          onChange={() => undefined}
        />
      </div>
      <div role="gridcell" className="q-cell q-ext mono" title={r.externalId}>
        {r.externalId}
      </div>
      <div role="gridcell" className="q-cell" title={p.channelName ?? r.channel}>
        {p.channelName ?? r.channel}
      </div>
      <div role="gridcell" className="q-cell">
        <StatusBadge status={r.status} />
      </div>
      <div role="gridcell" className="q-cell muted">
        {t(`orderType.${r.type}`)}
      </div>
      <div role="gridcell" className="q-cell" title={r.recipientName}>
        {r.recipientName}
      </div>
      <div role="gridcell" className="q-cell muted" title={[r.province, r.city].filter(Boolean).join(' ')}>
        {[r.province, r.city].filter(Boolean).join(' ')}
      </div>
      <div role="gridcell" className="q-cell num">
        {r.lineCount}
      </div>
      <div role="gridcell" className="q-cell num mono">
        {formatMoney(r.totalMinor, r.currency)}
      </div>
      <div role="gridcell" className="q-cell mono muted">
        {formatDateTime(r.placedAt)}
      </div>
      <div role="gridcell" className="q-cell muted">
        {[r.warehouse, r.carrier].filter(Boolean).join(' · ') || '—'}
      </div>
    </div>
  );
});
