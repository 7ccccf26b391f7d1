/**
 * Built-in spec/size/colour synonyms (term → canonical). A shop's own entries (spec_synonyms)
 * override and extend these. Canonical colours are bilingual so both languages read them.
 */
export const DEFAULT_SYNONYMS: Record<string, string> = {
  // Sizes
  XS码: 'XS',
  加小: 'XS',
  加小码: 'XS',
  S码: 'S',
  小码: 'S',
  小号: 'S',
  S号: 'S',
  M码: 'M',
  中码: 'M',
  中号: 'M',
  M号: 'M',
  L码: 'L',
  大码: 'L',
  大号: 'L',
  L号: 'L',
  XL码: 'XL',
  加大码: 'XL',
  加大: 'XL',
  XL号: 'XL',
  特大: 'XL',
  XXL: 'XXL',
  '2XL': 'XXL',
  XXL码: 'XXL',
  加加大: 'XXL',
  '2XL码': 'XXL',
  XXXL: 'XXXL',
  '3XL': 'XXXL',
  '3XL码': 'XXXL',
  均码: '均码/One size',
  'ONE SIZE': '均码/One size',
  'FREE SIZE': '均码/One size',
  F: '均码/One size',
  OS: '均码/One size',
  // Colours
  红: '红/Red',
  红色: '红/Red',
  大红: '红/Red',
  大红色: '红/Red',
  正红: '红/Red',
  RED: '红/Red',
  黑: '黑/Black',
  黑色: '黑/Black',
  纯黑: '黑/Black',
  BLACK: '黑/Black',
  白: '白/White',
  白色: '白/White',
  纯白: '白/White',
  WHITE: '白/White',
  灰: '灰/Grey',
  灰色: '灰/Grey',
  浅灰: '灰/Grey',
  GREY: '灰/Grey',
  GRAY: '灰/Grey',
  蓝: '蓝/Blue',
  蓝色: '蓝/Blue',
  BLUE: '蓝/Blue',
  藏青: '藏青/Navy',
  藏青色: '藏青/Navy',
  藏蓝: '藏青/Navy',
  NAVY: '藏青/Navy',
  粉: '粉/Pink',
  粉色: '粉/Pink',
  粉红: '粉/Pink',
  樱花粉: '粉/Pink',
  PINK: '粉/Pink',
  绿: '绿/Green',
  绿色: '绿/Green',
  GREEN: '绿/Green',
  黄: '黄/Yellow',
  黄色: '黄/Yellow',
  YELLOW: '黄/Yellow',
  米白: '米白/Beige',
  米色: '米白/Beige',
  米白色: '米白/Beige',
  BEIGE: '米白/Beige',
};

/** Attribute labels that say which option a value is for; they carry no meaning of their own. */
const LABELS = /^(颜色分类|颜色|主要颜色|尺码|尺寸|规格|型号|款式|版本|COLOR|COLOUR|SIZE|STYLE)$/i;

/** Splits "颜色分类:大红;尺码:XL码" / "Red / XL" into value tokens. */
export function specTokens(spec: string): string[] {
  return spec
    .toUpperCase()
    .split(/[;；,，/|\s]+/)
    .flatMap((part) => {
      const i = part.search(/[:：]/);
      return i >= 0 ? [part.slice(0, i), part.slice(i + 1)] : [part];
    })
    .map((t) => t.trim())
    .filter((t) => t && !LABELS.test(t));
}

/** Holds the words of a many-word term together through `specTokens` (it splits on spaces). */
const JOIN = '\u2060';
const SEPARATOR = '[;；,，/|\\s:：]';
const phrasesOf = new WeakMap<ReadonlyMap<string, string>, RegExp | null>();

/**
 * Terms of more than one word ("ONE SIZE", a shop's "DUSTY ROSE") found whole in a spec, between
 * separators, and kept as one token: split into words they would never match ("One Size" read as
 * ONE and the label SIZE). One pattern per dictionary, longest terms first.
 */
function joinPhrases(spec: string, synonyms: ReadonlyMap<string, string>): string {
  let re = phrasesOf.get(synonyms);
  if (re === undefined) {
    const terms = [...synonyms.keys()]
      .filter((t) => t.includes(' '))
      .sort((a, b) => b.length - a.length)
      .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll(' ', '\\s+'));
    re = terms.length ? new RegExp(`(^|${SEPARATOR})(${terms.join('|')})(?=$|${SEPARATOR})`, 'gi') : null;
    phrasesOf.set(synonyms, re);
  }
  return re
    ? spec.replace(re, (_, before: string, term: string) => before + term.split(/\s+/).join(JOIN))
    : spec;
}

/** Canonical spec: each token through the dictionary, sorted, so "XL码 大红" = "红色 / 加大码". */
export function canonicalSpec(spec: string, synonyms: ReadonlyMap<string, string>): string {
  const tokens = specTokens(joinPhrases(spec, synonyms)).map((t) => {
    const term = t.replaceAll(JOIN, ' ');
    return synonyms.get(term) ?? term;
  });
  return [...new Set(tokens)].sort().join(' ');
}

export const normalizeTitle = (title: string): string =>
  title.toUpperCase().replace(/[\s【】[\]()（）]+/g, '');

/** The key a remembered SKU mapping is stored under. */
export const sourceKey = (title: string, spec: string, synonyms: ReadonlyMap<string, string>): string =>
  `${normalizeTitle(title)}|${canonicalSpec(spec, synonyms)}`;

/** Defaults merged with the shop's entries, keyed in upper case like the tokens. */
export function synonymMap(shop: { term: string; canonical: string }[]): Map<string, string> {
  const m = new Map<string, string>();
  const key = (term: string) => term.trim().toUpperCase().replace(/\s+/g, ' ');
  for (const [k, v] of Object.entries(DEFAULT_SYNONYMS)) m.set(key(k), v);
  for (const s of shop) m.set(key(s.term), s.canonical);
  return m;
}
