import { useTranslation } from 'react-i18next';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { multiplyMoney, money } from '../../../src-shared/domain/money';
import { formatMoney } from '../../ui/format';

export function OrderLinesTable({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <table className="lines">
      <thead>
        <tr>
          <th>{t('orders.lines.sku')}</th>
          <th>{t('orders.lines.title')}</th>
          <th className="num">{t('orders.lines.quantity')}</th>
          <th className="num">{t('orders.lines.unitPrice')}</th>
          <th className="num">{t('orders.lines.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l, i) => (
          <tr key={`${l.sku}-${i}`}>
            <td className="mono">{l.sku}</td>
            <td>
              {l.title}
              {l.spec && <div className="muted small">{l.spec}</div>}
              {l.presaleShipDate && (
                <div className="flag small">{t('orders.lines.presale', { date: l.presaleShipDate })}</div>
              )}
            </td>
            <td className="num">{l.quantity}</td>
            <td className="num mono">{formatMoney(l.unitPriceMinor, order.currency)}</td>
            <td className="num mono">
              {formatMoney(
                multiplyMoney(money(l.unitPriceMinor, order.currency), l.quantity).minor,
                order.currency,
              )}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={4}>{t('orders.lines.shipping')}</td>
          <td className="num mono">{formatMoney(order.shippingMinor, order.currency)}</td>
        </tr>
        <tr className="total-row">
          <td colSpan={4}>{t('orders.lines.total')}</td>
          <td className="num mono">{formatMoney(order.totalMinor, order.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function OrderAddress({ address }: { address: OrderDetail['address'] }) {
  const { t } = useTranslation();
  const structured = [address.province, address.city, address.district, address.street, address.detail]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="address">
      {(address.masked || address.ambiguous) && (
        <div className="flags">
          {address.masked && (
            <span className="flag flag-warn" title={t('orders.address.maskedHint')}>
              {t('orders.address.masked')}
            </span>
          )}
          {address.ambiguous && (
            <span className="flag flag-danger" title={t('orders.address.ambiguousHint')}>
              {t('orders.address.ambiguous')}
            </span>
          )}
        </div>
      )}
      <div>{structured || '—'}</div>
      <div className="muted small">{[address.country, address.postcode].filter(Boolean).join(' · ')}</div>
      {address.raw && address.raw !== structured && (
        <div className="muted small">
          {t('orders.address.raw')}: {address.raw}
        </div>
      )}
    </div>
  );
}
