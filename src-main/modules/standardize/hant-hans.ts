import { HANT_HANS_PAIRS } from './hant-hans.generated';

let map: Map<string, string> | undefined;
/** Any of the traditional characters: the native regex engine rules out most texts at once. */
let any: RegExp | undefined;

function pairs(): Map<string, string> {
  if (map) return map;
  map = new Map();
  for (let i = 0; i < HANT_HANS_PAIRS.length; i += 2)
    map.set(HANT_HANS_PAIRS[i] as string, HANT_HANS_PAIRS[i + 1] as string);
  any = new RegExp(`[${[...map.keys()].join('')}]`);
  return map;
}

/**
 * 廣東省深圳市南山區 → 广东省深圳市南山区, 訂單編號 → 订单编号: traditional characters of division
 * names and import column names made simplified, one character for one, so offsets into the
 * text stay valid. Only for matching: a person's name or an address's detail is never rewritten.
 * The table also holds the common characters names are written in (GB2312 level 1), so the
 * customer search finds 張嬌 as 张娇. Other characters are left as they are.
 */
export function foldTraditional(text: string): string {
  const m = pairs();
  // A text with nothing to fold (nearly every one) is returned as it is, without a copy.
  const first = (any as RegExp).exec(text);
  if (!first) return text;
  // Only CJK ideographs (U+3400 and up) can be traditional: one comparison for other characters.
  const at = (i: number): string | undefined => {
    const c = text[i] as string;
    return c >= '\u3400' ? m.get(c) : undefined;
  };
  let out = text.slice(0, first.index);
  for (let i = first.index; i < text.length; i++) out += at(i) ?? text[i];
  return out;
}
