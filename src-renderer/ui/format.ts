import { formatMajor } from '../../src-shared/domain/money';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: 'JP¥', HKD: 'HK$' };

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

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * "2025-03-14 09:30" in the machine's local time, in both languages: unambiguous for Chinese
 * and English readers alike, fixed-width for scanning a column, and sortable by eye.
 */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const formatCount = (n: number, language: string): string => n.toLocaleString(language);
