import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../src-shared/domain/order-status';
import './status-badge.css';

/** Colour comes from the CSS class per status; the text is always there for colour-blind users. */
export function StatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
