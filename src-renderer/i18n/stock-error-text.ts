import type { TFunction } from 'i18next';

/**
 * Stock's refusals (stock.service, bins.service, catalog.service) as a clerk meets them at the
 * receiving desk, the transfer form and the stocktake, said in the UI language with their
 * numbers and codes. A field path before the sentence ("delta: …") is left to the issue list.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const AT = String.raw`^(?:[\w.]+: )?`;
const rule = (body: string, key: string): Rule => [
  new RegExp(AT + body + '$'),
  (t, m) => t(`inventory.refusal.${key}`, m),
];

export const STOCK_DETAIL_RULES: Rule[] = [
  rule(
    String.raw`cannot take (?<quantity>\d+) × (?<sku>\S+) out of (?<warehouse>\S+): only (?<available>-?\d+) available \(on hand (?<onHand>-?\d+), reserved (?<reserved>\d+)\)`,
    'notAvailable',
  ),
  rule(
    String.raw`(?<counted>\d+) × (?<sku>\S+) counted in (?<warehouse>\S+)(?: \([^)]*\))?, but (?<reserved>\d+) are reserved for orders; release or re-route those orders first`,
    'countBelowReserved',
  ),
  rule(String.raw`warehouse (?<warehouse>\S+) is not active, so it takes no goods; .*`, 'warehouseInactive'),
  rule(String.raw`there is no SKU "(?<sku>.*)"`, 'noSku'),
  rule(String.raw`(?<sku>\S+) is a bundle; receive, count or move its components instead`, 'bundle'),
  rule(String.raw`warehouse (?<warehouse>\S+) has no bin "(?<bin>.*)"`, 'noBin'),
  rule(String.raw`bin (?<bin>\S+) in (?<warehouse>\S+) is retired(?:; .*)?`, 'binRetired'),
  rule(String.raw`(?<sku>\S+) is counted twice \(rows \d+ and \d+\)`, 'countedTwice'),
  rule('must be a different warehouse than from', 'sameWarehouse'),
  rule(String.raw`SKU (?<sku>\S+) was not saved: .*`, 'skuNotSaved'),
];

/** Field messages of the same refusals and of the stock contract's numbers. */
export const STOCK_ISSUE_PATTERNS: [RegExp, string][] = [
  [/^only (-?\d+) available$/, 'inventory.issue.onlyAvailable'],
  [/^below the (\d+) reserved$/, 'inventory.issue.belowReserved'],
  [/^unknown SKU "(.*)"$/, 'inventory.issue.unknownSku'],
  [/^unknown bin$/, 'inventory.issue.unknownBin'],
  [/^is retired$/, 'inventory.issue.retired'],
  [/^warehouse is not active$/, 'inventory.issue.warehouseInactive'],
  [/^counted twice$/, 'inventory.issue.countedTwice'],
  [/^same as from$/, 'inventory.issue.sameWarehouse'],
  [/^is a bundle$/, 'inventory.issue.bundle'],
  [/^a reason is required$/, 'inventory.issue.reasonRequired'],
  [/^is too large$/, 'inventory.issue.tooLarge'],
  [/^cannot be negative$/, 'inventory.issue.negative'],
  [/^must not be 0$/, 'inventory.issue.zero'],
  [/^must be at least 1$/, 'inventory.issue.atLeastOne'],
  // zod's own wording for a quantity that is past its ceiling or not whole: not "too long".
  [/^Too big: expected (?:number|int) to be <=(\d+)$/, 'inventory.issue.atMost'],
  [/^Invalid input: expected int, received number$/, 'inventory.issue.wholeNumber'],
  [/^"(.*)" already belongs to SKU (?<owner>\S+)$/, 'inventory.issue.barcodeTaken'],
  [/^"(.*)" is the code of SKU (?<owner>\S+)$/, 'inventory.issue.barcodeIsCode'],
  [/^"(.*)" is a barcode of SKU (?<owner>\S+)$/, 'inventory.issue.codeIsBarcode'],
];
