import { useTranslation } from 'react-i18next';
import { manualNext, type ManualTarget, type OrderStatus } from '../../../src-shared/domain/order-status';
import { MergeButton } from './merge.button';
import { useOrders } from './orders.store';
import { TransitionControls } from './transition-controls';

/**
 * Statuses every selected order may move to. An `exception` order's options depend on whether it
 * had shipped, which the queue row does not carry, so only moves valid either way are offered.
 */
export function commonNext(statuses: Iterable<OrderStatus>): ManualTarget[] {
  let acc: ManualTarget[] | null = null;
  for (const s of new Set(statuses)) {
    const after = manualNext(s, { shippedBefore: true });
    const next = manualNext(s, { shippedBefore: false }).filter((x) => after.includes(x));
    acc = acc === null ? next : acc.filter((x) => next.includes(x));
  }
  return acc ?? [];
}

export function BulkActionBar() {
  const { t } = useTranslation();
  const selected = useOrders((s) => s.selected);
  const transition = useOrders((s) => s.transition);
  const clearSelection = useOrders((s) => s.clearSelection);
  if (selected.size === 0) return null;
  const options = commonNext(selected.values());
  return (
    <div className="bulk-bar" role="region" aria-label={t('orders.bulk.label')}>
      <strong className="bulk-count">{t('orders.bulk.selected', { count: selected.size })}</strong>
      <TransitionControls
        options={options}
        count={selected.size}
        onApply={(to, reason) => transition([...selected.keys()], to, reason)}
      />
      <MergeButton />
      <button type="button" className="btn-link" onClick={clearSelection}>
        {t('orders.bulk.clear')}
      </button>
    </div>
  );
}
