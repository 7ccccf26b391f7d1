/**
 * Seeded randomness for demo data. Math.random is never used: the same seed must give the same
 * database, byte for byte, so tests and screenshots are reproducible.
 */

export type Rng = () => number;

/** mulberry32: tiny, fast and good enough for fake data (not for anything secret). */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes a seed with a stream name and an index into one 32-bit seed, so order #i or customer #j
 * is the same whatever N is: growing a demo from 2,000 to 1,000,000 orders keeps the first 2,000.
 */
export function subSeed(seed: number, stream: number, index: number): number {
  let h =
    Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^
    Math.imul(stream + 1, 0xc2b2ae35) ^
    Math.imul(index + 1, 0x27d4eb2f);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

export const rngFor = (seed: number, stream: number, index: number): Rng =>
  mulberry32(subSeed(seed, stream, index));

/** Integer in [min, max], both ends included. */
export const int = (r: Rng, min: number, max: number): number => min + Math.floor(r() * (max - min + 1));

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

export const chance = (r: Rng, p: number): boolean => r() < p;

/** `n` decimal digits as text, leading zeros kept. */
export function digits(r: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

/** Precomputed cumulative weights, so a weighted pick over many items is a binary search. */
export interface Weighted<T> {
  items: readonly T[];
  cumulative: Float64Array;
  total: number;
}

export function weighted<T>(pairs: readonly (readonly [T, number])[]): Weighted<T> {
  const cumulative = new Float64Array(pairs.length);
  let total = 0;
  pairs.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  return { items: pairs.map(([item]) => item), cumulative, total };
}

export function pickWeighted<T>(r: Rng, w: Weighted<T>): T {
  const x = r() * w.total;
  let lo = 0;
  let hi = w.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((w.cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return w.items[lo] as T;
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');
