/**
 * Reads a carrier's file of order reference → tracking number (CSV or tab-separated, as carriers
 * and spreadsheets export it). A header row is recognised by its names and may order the columns
 * any way; without one the columns are reference, tracking number, carrier. Rows without a carrier
 * take the one chosen on screen. Problems are per row, by line number in the file.
 */
export interface CarrierRow {
  line: number;
  reference: string;
  trackingNumber: string;
  carrier: string;
}

export interface RowProblem {
  line: number;
  problem: 'columns' | 'reference' | 'tracking' | 'carrier';
}

const HEADER = {
  reference: /order|ref|订单|单据/i,
  tracking: /track|waybill|运单|快递单号|物流单号/i,
  carrier: /carrier|courier|express|快递公司|承运|物流公司/i,
};

function cells(line: string): string[] {
  const sep = line.includes('\t') ? '\t' : line.includes(',') ? ',' : ';';
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === sep && !quoted) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export function parseCarrierFile(
  text: string,
  defaultCarrier: string,
): { rows: CarrierRow[]; problems: RowProblem[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const rows: CarrierRow[] = [];
  const problems: RowProblem[] = [];
  let cols = { reference: 0, tracking: 1, carrier: 2 };
  let start = 0;
  const first = cells(lines[0] ?? '');
  const find = (re: RegExp) => first.findIndex((c) => re.test(c));
  // Tracking first: "order" alone would also match a "物流单号"-style header of the tracking column.
  const tracking = find(HEADER.tracking);
  if (tracking >= 0) {
    const reference = first.findIndex((c, i) => i !== tracking && HEADER.reference.test(c));
    const carrier = first.findIndex((c, i) => i !== tracking && HEADER.carrier.test(c));
    cols = { reference: reference >= 0 ? reference : tracking === 0 ? 1 : 0, tracking, carrier };
    start = 1;
  }
  for (let i = start; i < lines.length; i++) {
    const raw = lines[i]!;
    if (!raw.trim()) continue;
    const c = cells(raw);
    const line = i + 1;
    if (c.length < 2) {
      problems.push({ line, problem: 'columns' });
      continue;
    }
    const reference = c[cols.reference] ?? '';
    const trackingNumber = c[cols.tracking] ?? '';
    const carrier = (cols.carrier >= 0 ? c[cols.carrier] : '') || defaultCarrier;
    if (!reference) problems.push({ line, problem: 'reference' });
    else if (!trackingNumber) problems.push({ line, problem: 'tracking' });
    else if (!carrier) problems.push({ line, problem: 'carrier' });
    else rows.push({ line, reference, trackingNumber, carrier: carrier.toUpperCase() });
  }
  return { rows, problems };
}
