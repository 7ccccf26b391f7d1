/**
 * The stocktake's count sheet as text: what a clerk pastes from a spreadsheet, types, scans into,
 * or downloads blank ("bin,sku,title,counted" in walking order) to fill in on the floor.
 */

/** Columns a header may name, in English or Chinese; without a header: SKU first, count second. */
const SKU_HEADER = /^(sku|sku ?code|code|商品编码|sku编码|编码|货号|商品)$/i;
const COUNT_HEADER = /^(count|counted|qty|quantity|实盘|实盘数|实盘数量|盘点数|盘点数量|数量)$/i;

/** A comma, tab or semicolon, full width too (a Chinese input method types ，and ；). */
const SEPARATOR = /[,\t;，；]/;

/** One line's cells; double-quoted cells may hold separators ("帆布包, 黑色"). */
export function splitCells(line: string): string[] {
  if (!SEPARATOR.test(line)) return line.trim().split(/\s+/);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted && c === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && c === '"') {
      quoted = false;
    } else if (quoted) {
      cell += c;
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (SEPARATOR.test(c)) {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell.trim());
  return cells;
}

/** Full-width digits (１２) as a Chinese input method may type them. */
const halfWidth = (s: string): string => s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));

interface Layout {
  sku: number;
  count: number;
  width: number;
}

/** Where the SKU and count are, from a header row if the sheet has one. */
function layoutOf(lines: string[]): { layout: Layout; header: number | null } {
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) return { layout: { sku: 0, count: 1, width: 2 }, header: null };
  const cells = splitCells(lines[first]!);
  const sku = cells.findIndex((c) => SKU_HEADER.test(c));
  const count = cells.findIndex((c) => COUNT_HEADER.test(c));
  if (sku >= 0 && count >= 0) return { layout: { sku, count, width: cells.length }, header: first };
  // A word where the count goes ("数量", "qty") is a header; "12.5" is a bad count.
  const looksLikeHeader = cells.length > 1 && /^[^0-9０-９-]+$/.test(cells[1]!);
  return { layout: { sku: 0, count: 1, width: 2 }, header: looksLikeHeader ? first : null };
}

export interface ParsedSheet {
  counts: { sku: string; counted: number }[];
  /** Lines that are not a SKU and a whole number, as "line: text". */
  errors: string[];
  /** Lines with a SKU but no count yet (a downloaded sheet not filled in everywhere): left as they are. */
  blank: number;
}

export function parseCountSheet(text: string): ParsedSheet {
  const lines = text.split(/\r?\n/);
  const { layout, header } = layoutOf(lines);
  const counts: ParsedSheet['counts'] = [];
  const errors: string[] = [];
  let blank = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || i === header) return;
    const cells = splitCells(line);
    const sku = cells[layout.sku] ?? '';
    const count = halfWidth(cells[layout.count] ?? '');
    if (sku && count === '') blank++;
    else if (!sku || !/^\d+$/.test(count) || !Number.isSafeInteger(Number(count)))
      errors.push(`${i + 1}: "${line}"`);
    else counts.push({ sku, counted: Number(count) });
  });
  return { counts, errors, blank };
}

const csvCell = (v: string): string => (/[",\n\t;，；]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A blank sheet for the floor: counts left empty, so nobody copies the system's number. */
export function blankCountSheet(rows: { bin: string | null; sku: string; title: string }[]): string {
  const body = rows.map((r) => [r.bin ?? '', r.sku, r.title, ''].map(csvCell).join(','));
  return ['bin,sku,title,counted', ...body].join('\r\n') + '\r\n';
}

/** One scan counted: the SKU's line goes up by one, or a line is added for it. */
export function countScanned(text: string, sku: string): string {
  const lines = text.replace(/\s+$/, '').split(/\r?\n/);
  const { layout, header } = layoutOf(lines);
  const at = lines.findIndex((l, i) => i !== header && splitCells(l)[layout.sku] === sku);
  if (at < 0) {
    const cells = Array.from({ length: layout.width }, () => '');
    cells[layout.sku] = sku;
    cells[layout.count] = '1';
    const fresh = cells.map(csvCell).join(',');
    return lines.join('\n').trim() === '' ? `${fresh}\n` : `${lines.join('\n')}\n${fresh}\n`;
  }
  const cells = splitCells(lines[at]!);
  while (cells.length < layout.width) cells.push('');
  const n = Number(halfWidth(cells[layout.count] ?? '')) || 0;
  cells[layout.count] = String(n + 1);
  lines[at] = cells.map(csvCell).join(',');
  return `${lines.join('\n')}\n`;
}
