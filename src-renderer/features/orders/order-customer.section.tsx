import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { formatMoney } from '../../ui/format';
import { rfmReasonsText } from '../customers/rfm-reason-text';
import { useOrderRead } from './order-facts.hooks';

/**
 * The linked customer at a glance: how often and how much they buy, their RFM segment and the
 * address they usually use, so a repeat buyer is recognised while handling the order.
 */
export function OrderCustomerSummary({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const customerId = order.customer.id;
  const p = useOrderRead('customers.get', order.id, customerId === null ? null : { id: customerId });
  if (customerId === null) return <p className="muted small">{t('orders.customer.none')}</p>;
  if (!p) return <p className="muted small">{t('common.loading')}</p>;
  const a = p.usualAddress;
  return (
    <div className="customer-summary" aria-label={t('orders.customer.label')}>
      <div>
        <strong>{p.name}</strong>{' '}
        <span className={`segment segment-${p.segment}`} title={rfmReasonsText(t, p.rfm.reasons)}>
          {t(`customersPage.segment.${p.segment}`)}
        </span>
      </div>
      <dl className="kv">
        <dt>{t('orders.customer.orders')}</dt>
        <dd>{p.orderCount}</dd>
        {p.spend.map((s) => (
          <div key={s.currency} className="kv-pair">
            <dt>{t('orders.customer.spend', { currency: s.currency })}</dt>
            <dd className="mono">{formatMoney(s.totalMinor, s.currency)}</dd>
            <dt>{t('orders.customer.aov')}</dt>
            <dd className="mono">{formatMoney(s.averageMinor, s.currency)}</dd>
          </div>
        ))}
        <dt>{t('orders.customer.usualAddress')}</dt>
        <dd>
          {a
            ? `${[a.province, a.city, a.district, a.street, a.detail].filter(Boolean).join(' ')} (${t('orders.customer.uses', { count: a.uses })})`
            : '—'}
        </dd>
      </dl>
    </div>
  );
}
