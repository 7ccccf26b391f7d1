import { digits, int, pickWeighted, weighted, type Rng } from './demo-random';

/** Domestic express mix of a typical small shop: the cheap networks carry most, 顺丰/京东 the urgent. */
const DOMESTIC_MIX: readonly (readonly [string, number])[] = [
  ['ZTO', 25],
  ['YTO', 18],
  ['SF', 17],
  ['YD', 15],
  ['STO', 10],
  ['JD', 9],
  ['EMS', 6],
];
const DOMESTIC = weighted<string>(DOMESTIC_MIX);
const FREIGHT = weighted<string>([
  ['DBL', 60],
  ['SF', 25],
  ['ZTO', 15],
]);
/** Cold chain: only 顺丰 and 京东 run chilled networks; 京东 alone when a battery rules out 顺丰's planes. */
const COLD = weighted<string>([
  ['SF', 70],
  ['JD', 30],
]);
/** Oversize goods go by the freight line, charged by volume. */
const BULKY = weighted<string>([['DBL', 1]]);
/** Batteries never fly: the same networks without 顺丰 (air). */
const NO_AIR = weighted<string>(DOMESTIC_MIX.filter(([c]) => c !== 'SF'));
const FREIGHT_NO_AIR = weighted<string>([
  ['DBL', 60],
  ['ZTO', 15],
]);
const ABROAD = weighted<string>([
  ['YUN', 35],
  ['DHL', 25],
  ['UPS', 22],
  ['FEDEX', 18],
]);

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** UPU S10 check digit (China Post/EMS): weights 8 6 4 2 3 5 9 7 over the eight serial digits. */
export function s10CheckDigit(serial8: string): number {
  const w = [8, 6, 4, 2, 3, 5, 9, 7];
  const sum = w.reduce((s, wi, i) => s + wi * Number(serial8[i]), 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 0 : c === 11 ? 5 : c;
}

/** Tracking numbers in each carrier's published shape, so scanners and label previews look right. */
export function trackingNumber(r: Rng, carrier: string): string {
  switch (carrier) {
    case 'SF':
      return `SF${int(r, 1, 4)}${digits(r, 12)}`;
    case 'ZTO':
      return `7${int(r, 3, 8)}${digits(r, 12)}`;
    case 'YTO':
      return `YT${int(r, 6, 9)}${digits(r, 12)}`;
    case 'YD':
      return `${int(r, 0, 1) ? '43' : '46'}${digits(r, 13)}`;
    case 'STO':
      return `77${digits(r, 13)}`;
    case 'JD':
      return `JDV${String.fromCharCode(65 + int(r, 0, 5))}${digits(r, 11)}`;
    case 'EMS': {
      const serial = digits(r, 8);
      return `E${LETTERS[int(r, 0, LETTERS.length - 1)]}${serial}${s10CheckDigit(serial)}CN`;
    }
    case 'DBL':
      return `DPK${digits(r, 12)}`;
    case 'YUN':
      return `YT${digits(r, 16)}`;
    case 'DHL':
      return digits(r, 10);
    case 'UPS':
      return `1Z${LETTERS[int(r, 0, 23)]}${digits(r, 2)}${LETTERS[int(r, 0, 23)]}${digits(r, 2)}${digits(r, 10)}`;
    case 'FEDEX':
      return digits(r, 12);
    default:
      return digits(r, 12);
  }
}

/** What in a parcel limits the carriers that may take it (the demo carriers' attribute rules). */
export interface Goods {
  coldChain?: boolean;
  bulky?: boolean;
  battery?: boolean;
}

/** A carrier the parcel's goods allow; always one draw, so the rest of the order's stream is unchanged. */
export function carrierFor(r: Rng, kind: 'domestic' | 'freight' | 'abroad', goods: Goods = {}): string {
  if (kind === 'abroad') return pickWeighted(r, ABROAD);
  if (goods.coldChain) return goods.battery ? (r(), 'JD') : pickWeighted(r, COLD);
  if (goods.bulky) return pickWeighted(r, BULKY);
  if (kind === 'freight') return pickWeighted(r, goods.battery ? FREIGHT_NO_AIR : FREIGHT);
  return pickWeighted(r, goods.battery ? NO_AIR : DOMESTIC);
}
