import type { TFunction } from 'i18next';
import { ORDER_STATUSES } from '../../../src-shared/domain/order-status';
import { orderNoteText } from '../orders/order-note-text';

/**
 * Ledger rows written by the system carry a fixed English reason (routing's reservation
 * "allocated", a release on "re-routed" or "order cancelled", "shipped ZTO 7312…", a short pick's
 * write-off, a release with its order's note); those are said in the UI language here. A reason a
 * person typed (a receipt's PO number, an adjustment) is shown as written.
 */
export function ledgerReasonText(t: TFunction, reason: string | null): string {
  if (!reason) return '';
  if (reason === 'allocated') return t('inventory.ledgerReason.allocated');
  // The forms' and the core's default reasons when the clerk gave none.
  if (reason === 'receipt' || reason === 'transfer' || reason === 'stocktake')
    return t(`inventory.ledgerReason.${reason}`);
  if (reason === 're-routed') return t('inventory.ledgerReason.rerouted');
  const order = /^order (\w+)$/.exec(reason);
  if (order && (ORDER_STATUSES as readonly string[]).includes(order[1]!))
    return t('inventory.ledgerReason.order', { status: t(`status.${order[1]}`) });
  const shipped = /^shipped (\S+) (\S+)$/.exec(reason);
  if (shipped) return t('inventory.ledgerReason.shipped', { carrier: shipped[1], tracking: shipped[2] });
  // short-pick.service: the write-off pending a count.
  const short =
    /^short pick, pending count: (?:bin (\S+)|the shelf) held (\d+) of (\d+) × (\S+) \(wave (\d+)\)$/.exec(
      reason,
    );
  if (short) {
    const [, bin, found, required, sku, wave] = short;
    return t(bin ? 'inventory.ledgerReason.shortPickBin' : 'inventory.ledgerReason.shortPickShelf', {
      bin,
      found,
      required,
      sku,
      wave,
    });
  }
  // shipping.service: units a supervisor let the parcel go without.
  if (reason === 'not in the parcel (packed short with a supervisor override)')
    return t('inventory.ledgerReason.packedShort');
  // A release carries its order's status-change note (split, merge, short pick, the channel's cancellation).
  const note = orderNoteText(t, reason);
  return note === null ? reason : t('inventory.ledgerReason.release', { note });
}

/**
 * The references the core writes to tie ledger rows together ("order:42", "transfer:SH>GZ:<ms>",
 * "stocktake:SH:<ms>"), said as a person would; a receipt's own reference (a PO number) as typed.
 */
export function ledgerReferenceText(t: TFunction, reference: string | null): string {
  if (!reference) return '';
  const order = /^order:(\d+)$/.exec(reference);
  if (order) return t('inventory.ledgerReference.order', { id: order[1] });
  const transfer = /^transfer:(\S+)>(\S+):\d+$/.exec(reference);
  if (transfer) return t('inventory.ledgerReference.transfer', { from: transfer[1], to: transfer[2] });
  const count = /^stocktake:(\S+):\d+$/.exec(reference);
  if (count) return t('inventory.ledgerReference.stocktake', { warehouse: count[1] });
  return reference;
}
