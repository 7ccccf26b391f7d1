import type { TFunction } from 'i18next';

/**
 * The SKU mapping screen's and the synonym editor's refusals (standardize.handlers,
 * mapping-rekey), said in the UI language with the channel's texts and the SKUs as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const edit = (t: TFunction, m: Record<string, string>) =>
  m.removed !== undefined
    ? t('intake.mappingRefusal.editRemove', { term: m.removed })
    : t('intake.mappingRefusal.editSet', { term: m.term, canonical: m.canonical });

export const MAPPING_DETAIL_RULES: Rule[] = [
  [
    /^"(?<code>.*)" is neither a SKU code nor a barcode in the catalogue; add it there first or pick another$/,
    (t, m) => t('intake.mappingRefusal.unknownCode', m),
  ],
  [
    /^(?:"(?<term>.*)" → "(?<canonical>.*)"|Removing "(?<removed>.*)") would make "(?<a>.*)" \(mapped to (?<skuA>.+)\) and "(?<b>.*)" \(mapped to (?<skuB>.+)\) the same spec; nothing was saved\. .*$/,
    (t, m) => t('intake.mappingRefusal.synonymJoins', { ...m, edit: edit(t, m) }),
  ],
];

/** Their field messages. */
export const MAPPING_ISSUE_PATTERNS: [RegExp, string][] = [
  [/^unknown SKU$/, 'intake.mappingIssue.unknownCode'],
  [/^joins specs mapped to (?<skuA>.+) and (?<skuB>.+)$/, 'intake.mappingIssue.joins'],
  [/^cannot contain ; , \/ \| or : \(they separate the values of a spec\)$/, 'intake.mappingIssue.separator'],
];
