import type { PackSession } from '../../../src-shared/contract/fulfillment.contract';

export type PackLine = PackSession['lines'][number];
export type Verdict = 'ok' | 'wrong_item' | 'extra_item';

/**
 * What the core will say about a scan, judged from the open session alone (its lines carry every
 * code that scans as each SKU), so the bench answers at the instant of the scan; the core's own
 * answer follows and wins if it differs.
 */
export function judgeScan(lines: PackLine[], code: string): { verdict: Verdict; index: number } {
  const index = lines.findIndex((l) => l.barcodes.includes(code));
  if (index < 0) return { verdict: 'wrong_item', index };
  const line = lines[index]!;
  return { verdict: line.scanned >= line.expected ? 'extra_item' : 'ok', index };
}

/** The session's lines with these scans (line indexes) counted in as well. */
export function withScans(lines: PackLine[], indexes: number[]): PackLine[] {
  if (!indexes.length) return lines;
  return lines.map((l, i) => {
    const n = indexes.filter((x) => x === i).length;
    return n ? { ...l, scanned: l.scanned + n } : l;
  });
}

export interface Missing {
  sku: string;
  title: string;
  quantity: number;
}

export const missingOf = (lines: PackLine[]): Missing[] =>
  lines
    .filter((l) => l.scanned < l.expected)
    .map((l) => ({ sku: l.sku, title: l.title, quantity: l.expected - l.scanned }));

/**
 * A tote label (T<wave>-<slot>) or a printed order barcode (PD00000042, on pick lists and slips)
 * is never a product: scanned mid-parcel it means the next order.
 */
export const isOrderCode = (code: string): boolean => /^(T\d+-\d+|PD\d{8,15})$/i.test(code);

/**
 * A scan whose first keys came late (a busy machine, a slow scanner) reaches the screen in two
 * parts: the head typed into the focused field, the rest as a scan. When the field's last
 * characters and the scan together are a code of this parcel, returns how many characters to take
 * back from the field; else 0. Only codes of the parcel are joined, so typed text is never eaten.
 */
export function splitScanHead(lines: PackLine[], fieldValue: string, code: string): number {
  for (let k = Math.min(fieldValue.length, 8); k > 0; k--)
    if (lines.some((l) => l.barcodes.includes(fieldValue.slice(-k) + code))) return k;
  return 0;
}
