/**
 * Bin code ranges for bulk creation: "A-01-01" to "A-01-20" gives the twenty codes in between.
 * The two ends must differ only in their last number (same prefix, same width), so a range is
 * always one aisle/shelf run and never a surprise cartesian product.
 */
export const MAX_BIN_RANGE = 1000;

export type BinRange = { ok: true; codes: string[] } | { ok: false; reason: string };

const LAST_NUMBER = /^(.*?)(\d+)$/;

export function expandBinRange(fromRaw: string, toRaw: string): BinRange {
  const from = fromRaw.trim();
  const to = toRaw.trim();
  const a = LAST_NUMBER.exec(from);
  const b = LAST_NUMBER.exec(to);
  if (!a || !b) return { ok: false, reason: 'both ends must end in a number, e.g. A-01-01 and A-01-20' };
  const [, prefixA, numA] = a as unknown as [string, string, string];
  const [, prefixB, numB] = b as unknown as [string, string, string];
  if (prefixA !== prefixB)
    return {
      ok: false,
      reason: `both ends must share the part before the last number ("${prefixA}" ≠ "${prefixB}")`,
    };
  const start = Number(numA);
  const end = Number(numB);
  if (end < start)
    return { ok: false, reason: 'the last number of the end must not be smaller than the start' };
  const count = end - start + 1;
  if (count > MAX_BIN_RANGE)
    return { ok: false, reason: `at most ${MAX_BIN_RANGE} bins at once (this is ${count})` };
  // Zero padding follows the start ("01" stays two digits); a wider end keeps its own width.
  const width = numA.length;
  const codes: string[] = [];
  for (let n = start; n <= end; n++) codes.push(`${prefixA}${String(n).padStart(width, '0')}`);
  if (codes.some((c) => c.length > 32)) return { ok: false, reason: 'bin codes are at most 32 characters' };
  return { ok: true, codes };
}
