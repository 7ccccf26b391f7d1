/** The queue's search text: case folded as the search index folds it, and cut into trigrams. */

export const codePoints = (text: string): string[] => [...text];
const single = (mapped: string, otherwise: string): string =>
  codePoints(mapped).length === 1 ? mapped : otherwise;
const foldedChars = new Map<string, string>();
const foldChar = (c: string): string => {
  let f = foldedChars.get(c);
  if (f === undefined) {
    const upper = single(c.toUpperCase(), c);
    f = single(upper.toLowerCase(), upper);
    foldedChars.set(c, f);
  }
  return f;
};
const ASCII = /^[\0-\x7f]*$/;

/**
 * Case folded one code point at a time (upper then lower case, where each is one code point), as
 * the index's trigram tokenizer folds: SQLite's LIKE folds ASCII only, so it would drop an order
 * with "MÜLLER" when "müller" is typed although the index finds it. Every pair of characters the
 * tokenizer folds together this folds together too (checked over all of Unicode with SQLite 3.53:
 * ſ/s, µ/μ, ς/σ, Cherokee...); the few it folds that the tokenizer does not (Ϳ/ϳ, some newer
 * Cyrillic) are still held to the index's trigrams, so what a search finds is what was typed.
 */
export function foldCase(text: string): string {
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const c of text) out += foldChar(c);
  return out;
}

/** Each distinct window of three code points, as typed: the index folds their case itself. */
export function trigramsOf(text: string): string[] {
  const cps = codePoints(text);
  const byFold = new Map<string, string>();
  for (let i = 0; i + 3 <= cps.length; i++) {
    const t = cps.slice(i, i + 3).join('');
    if (!byFold.has(foldCase(t))) byFold.set(foldCase(t), t);
  }
  return [...byFold.values()];
}
