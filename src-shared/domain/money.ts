import { AppFailure } from '../result';
import { halfWidth } from './half-width';

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

/**
 * "9,50" and "1.234,56": a decimal comma, as sheets from Germany, France… write money. A comma
 * before exactly one or two final digits is never a thousands separator (those group by three),
 * so it is read as the decimal point instead of being dropped ("9,50" is not 950).
 */
const DECIMAL_COMMA = /^(-?[^,.\d]*)(\d{1,3}(?:\.\d{3})+|\d+),(\d{1,2})(\D*)$/;

/**
 * An amount as people and sheets write it: full width (￥１，２９９．５０, an input method left
 * in full-width mode) and a decimal comma ("9,50") read too; otherwise as `parseMajor`.
 * The import's cells and the order-entry form read amounts through this one function.
 */
export const parseWrittenMajor = (text: string, currency: string): number => {
  const plain = halfWidth(text);
  const comma = plain.includes(',') ? DECIMAL_COMMA.exec(plain.trim()) : null;
  return parseMajor(
    comma ? `${comma[1]}${(comma[2] as string).replaceAll('.', '')}.${comma[3]}${comma[4]}` : plain,
    currency,
  );
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
