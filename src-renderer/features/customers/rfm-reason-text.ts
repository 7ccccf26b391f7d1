import type { TFunction } from 'i18next';

/**
 * A customer's RFM segment comes with its reasons in English (customers.service `rfmSegment`):
 * "last order 3 d ago", "2 orders" and the segment's fixed rule. They are said in the UI language
 * here; a reason in an unknown wording is shown as written.
 */
const FIXED: Record<string, string> = {
  'no orders yet': 'none',
  'over a year without an order': 'lost',
  '≥ 5 orders and bought within 30 days': 'champion',
  '≥ 3 orders and bought within 90 days': 'loyal',
  'repeat buyer quiet for over 90 days': 'atRisk',
  'first order within 30 days': 'new',
  'repeat buyer within 90 days': 'promising',
  'one order, over 30 days ago': 'oneTime',
};

export function rfmReasonText(t: TFunction, reason: string): string {
  const fixed = FIXED[reason];
  if (fixed) return t(`orders.customer.rfm.${fixed}`);
  let m: RegExpExecArray | null;
  if ((m = /^last order (\d+) d ago$/.exec(reason))) return t('orders.customer.rfm.recency', { days: m[1] });
  if ((m = /^(\d+) orders?$/.exec(reason)))
    return t('orders.customer.rfm.frequency', { count: Number(m[1]) });
  return reason;
}

/** The reasons as one line, e.g. for a title. */
export const rfmReasonsText = (t: TFunction, reasons: string[]): string =>
  reasons.map((r) => rfmReasonText(t, r)).join(' · ');
