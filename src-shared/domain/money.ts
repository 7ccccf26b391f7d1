import { AppFailure } from '../result';

/** Minor units per major unit. JPY/KRW have none; everything we sell in otherwise has cents/分. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, KWD: 3, BHD: 3 };

export const minorDigits = (currency: string): number => MINOR_DIGITS[currency.toUpperCase()] ?? 2;

export interface Money {
  minor: number;
  currency: string;
}

const assertInt = (n: number, what: string): void => {
  if (!Number.isSafeInteger(n))
    throw new AppFailure('invalid_input', `${what} must be a whole number of minor units, got ${n}`);
};

export const money = (minor: number, currency: string): Money => {
  assertInt(minor, 'amount');
  if (!/^[A-Z]{3}$/.test(currency))
    throw new AppFailure('invalid_input', `currency must be an ISO 4217 code, got "${currency}"`);
  return { minor, currency };
};

export const addMoney = (a: Money, b: Money): Money => {
  if (a.currency !== b.currency)
    throw new AppFailure('invalid_input', `cannot add ${a.currency} to ${b.currency}`);
  return money(a.minor + b.minor, a.currency);
};

export const multiplyMoney = (a: Money, quantity: number): Money => {
  assertInt(quantity, 'quantity');
  return money(a.minor * quantity, a.currency);
};

/**
 * Parses a decimal string in major units ("12.5", "¥1,299.00", "-3") into minor units without
 * ever going through a float, so "0.1" + "0.2" stays exact.
 */
export const parseMajor = (text: string, currency: string): number => {
  const digits = minorDigits(currency);
  const cleaned = text.trim().replace(/[¥￥$€£,\s]|CNY|RMB|USD|元/gi, '');
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!m) throw new AppFailure('invalid_input', `"${text}" is not an amount`);
  const [, sign, whole, frac = ''] = m;
  if (frac.length > digits && /[1-9]/.test(frac.slice(digits))) {
    throw new AppFailure('invalid_input', `"${text}" has more than ${digits} decimals for ${currency}`);
  }
  const minor = Number(whole) * 10 ** digits + Number((frac + '000').slice(0, digits) || '0');
  assertInt(minor, 'amount');
  return sign ? -minor : minor;
};

/** Formats minor units as a plain decimal string in major units ("1299.00"). */
export const formatMajor = (minor: number, currency: string): string => {
  const digits = minorDigits(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (digits === 0) return `${sign}${abs}`;
  const base = 10 ** digits;
  return `${sign}${Math.floor(abs / base)}.${String(abs % base).padStart(digits, '0')}`;
};
