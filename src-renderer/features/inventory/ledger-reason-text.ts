import type { TFunction } from 'i18next';
import { ORDER_STATUSES } from '../../../src-shared/domain/order-status';

/**
 * Ledger rows written by the system carry a fixed English reason (routing's reservation
 * "allocated", a release on "re-routed" or "order cancelled", "shipped ZTO 7312…"); those are said
 * in the UI language here. A reason a person typed (a receipt's PO number, an adjustment) is
 * shown as written.
 */
export function ledgerReasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  if (reason === 'allocated') return t('inventory.ledgerReason.allocated');
  if (reason === 're-routed') return t('inventory.ledgerReason.rerouted');
  const order = /^order (\w+)$/.exec(reason);
  if (order && (ORDER_STATUSES as readonly string[]).includes(order[1]!))
    return t('inventory.ledgerReason.order', { status: t(`status.${order[1]}`) });
  const shipped = /^shipped (\S+) (\S+)$/.exec(reason);
  if (shipped) return t('inventory.ledgerReason.shipped', { carrier: shipped[1], tracking: shipped[2] });
  return reason;
}
