import { formatMajor } from '../../src-shared/domain/money';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/**
 * Money stays in integer minor units everywhere; this only turns it into text, grouping the
 * integer part on the string so no float ever touches the amount.
 */
export function formatMoney(minor: number, currency: string): string {
  const plain = formatMajor(minor, currency);
  const negative = plain.startsWith('-');
  const [whole = '0', frac] = (negative ? plain.slice(1) : plain).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const symbol = SYMBOLS[currency] ?? `${currency} `;
  return `${negative ? '-' : ''}${symbol}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** Dates show in the user's clock, in the UI language's order (2025/03/14 09:30 or 14/03/2025, 09:30). */
export function formatDateTime(iso: string, language: string): string {
  let f = dateTimeFormats.get(language);
  if (!f) {
    f = new Intl.DateTimeFormat(language, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    dateTimeFormats.set(language, f);
  }
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}

export const formatCount = (n: number, language: string): string => n.toLocaleString(language);
