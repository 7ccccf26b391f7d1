import type { TFunction } from 'i18next';

/**
 * An import's refused rows carry the core's English (src-main/modules/intake: cell-parse.ts and
 * the layouts), usually as "order 38: quantity -3 must be at least 1". The known wordings are
 * said in the UI language here with the cell's text kept as typed; anything else is shown as
 * written.
 */
const PATTERNS: [RegExp, string][] = [
  [/^quantity "(.*)" is not a whole number$/, 'quantityNotWhole'],
  [/^quantity (-?\d+) must be at least 1$/, 'quantityTooSmall'],
  [/^quantity (\d+) is implausibly large$/, 'quantityTooLarge'],
  [/^quantity-to-ship "(.*)" is not 0…(\d+)$/, 'quantityToShip'],
  [/^the amount is missing$/, 'amountMissing'],
  [/^"(.*)" is not an amount$/, 'amountNotAmount'],
  [/^amount (.*) is negative$/, 'amountNegative'],
  [/^the date is missing$/, 'dateMissing'],
  [/^"(.*)" is not a date$/, 'dateNotDate'],
  [/^"(.*)" is not a real date$/, 'dateNotReal'],
  [/^"(.*)" is not a currency code$/, 'currency'],
  [/^"(.*)" is not one of (.+)$/, 'notOneOf'],
  [/^channel code "(.*)" may use letters, digits/, 'channelCode'],
  [/^the order id is missing$/, 'idMissing'],
  [/^order id "(.*)" was turned into a number by Excel/, 'idExcel'],
  [/^the line has neither sku nor title$/, 'noSkuNorTitle'],
  [/^the order has no items$/, 'noItems'],
  [/^the order has no (.+)$/, 'noValue'],
  [/^every item of this order has already shipped$/, 'allShipped'],
  [/^order (.+) is not imported yet: import the 订单报表/, 'itemsBeforeOrder'],
];

function problemText(t: TFunction, message: string): string | null {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(message);
    if (m) return t(`intake.rowProblem.${key}`, { value: m[1] ?? '', other: m[2] ?? '' });
  }
  return null;
}

export function rowProblemText(t: TFunction, message: string): string {
  const whole = problemText(t, message);
  if (whole !== null) return whole;
  // collect() prefixes the problem with the order's id: "order 38: …".
  const prefixed = /^order (.+?): (.+)$/s.exec(message);
  if (prefixed) {
    const inner = problemText(t, prefixed[2] as string);
    if (inner !== null) return t('intake.rowProblem.order', { id: prefixed[1], problem: inner });
  }
  return message;
}
