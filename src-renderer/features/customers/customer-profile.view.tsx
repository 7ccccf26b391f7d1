import { useTranslation } from 'react-i18next';
import { formatMajor } from '../../../src-shared/domain/money';
import { isOrderStatus } from '../orders/order-labels';
import type { CustomerProfile } from './customers.store';
import { CustomerMergeSection } from './customer-merge.section';
import { rfmReasonsText } from './rfm-reason-text';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** One customer: spend, RFM segment with its reasons, usual address, favourite SKUs and orders. */
export function CustomerProfileView({
  p,
  onClose,
  onMerged,
}: {
  p: CustomerProfile;
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t } = useTranslation();
  const a = p.usualAddress;
  return (
    <section className="customer-profile" aria-label={t('customersPage.profileOf', { name: p.name })}>
      <header>
        <h2>
          {p.name}{' '}
          <span className={`segment segment-${p.segment}`}>{t(`customersPage.segment.${p.segment}`)}</span>
        </h2>
        <button type="button" className="btn" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <dl className="profile-facts">
        <dt>{t('customersPage.phone')}</dt>
        <dd>{p.phone ?? '—'}</dd>
        <dt>{t('customersPage.orders')}</dt>
        <dd>{p.orderCount}</dd>
        <dt>{t('customersPage.firstLast')}</dt>
        <dd>
          {day(p.firstOrderAt)} → {day(p.lastOrderAt)}
        </dd>
        <dt>{t('customersPage.spend')}</dt>
        <dd>
          {p.spend.map((s) => (
            <div key={s.currency}>
              {t('customersPage.spendLine', {
                total: formatMajor(s.totalMinor, s.currency),
                avg: formatMajor(s.averageMinor, s.currency),
                currency: s.currency,
              })}
            </div>
          ))}
        </dd>
        <dt>{t('customersPage.rfm')}</dt>
        <dd>{rfmReasonsText(t, p.rfm.reasons)}</dd>
        <dt>{t('customersPage.usualAddress')}</dt>
        <dd>
          {a
            ? `${a.province}${a.city}${a.district}${a.street}${a.detail} (${t('customersPage.uses', { count: a.uses })})`
            : '—'}
        </dd>
        <dt>{t('customersPage.topSkus')}</dt>
        <dd>{p.topSkus.map((s) => `${s.title} (${s.sku}) ×${s.quantity}`).join(', ') || '—'}</dd>
        <dt>{t('customersPage.topCategories')}</dt>
        <dd>{p.topCategories.map((c) => `${c.category} ×${c.quantity}`).join(', ') || '—'}</dd>
      </dl>
      <table className="data-table">
        <caption>{t('customersPage.recentOrders')}</caption>
        <tbody>
          {p.orders.map((o) => (
            <tr key={o.id}>
              <td>{day(o.placedAt)}</td>
              <td>{o.channel}</td>
              <td>
                <a href={`#/orders?id=${o.id}`}>{o.externalId}</a>
              </td>
              <td>{isOrderStatus(o.status) ? t(`status.${o.status}`) : o.status}</td>
              <td className="num">
                {formatMajor(o.totalMinor, o.currency)} {o.currency}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <CustomerMergeSection into={p} onMerged={onMerged} />
    </section>
  );
}
