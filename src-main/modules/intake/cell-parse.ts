import { halfWidth } from '../../../src-shared/domain/half-width';
import { parseWrittenMajor } from '../../../src-shared/domain/money';
import type { Table } from './intake.types';

/** A problem in one cell: the order it belongs to is rejected, the rest of the file imports. */
export class RowError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** Excel guards: "\t9001", "'123" and ="123" all mean the id 123 (Chinese exports use all three). */
export function cleanId(v: string): string {
  // Nearly every id is plain printable ASCII with nothing to clean: skip the regexes for it.
  const first = v.charCodeAt(0);
  const last = v.charCodeAt(v.length - 1);
  if (first > 32 && first < 127 && first !== 61 && first !== 39 && first !== 96 && last > 32 && last < 127)
    return v;
  let s = v.replace(/^[\t\s]+|[\t\s]+$/g, '');
  const formula = /^="(.*)"$/.exec(s);
  if (formula) s = formula[1] as string;
  if (s.startsWith("'") || s.startsWith('`')) s = s.slice(1);
  return s.trim();
}

/** Reads cells by trimmed header name; a header that is absent reads as empty. */
export function columns(t: Table) {
  const index = new Map<string, number>();
  t.headers.forEach((h, i) => {
    if (!index.has(h)) index.set(h, i);
  });
  return {
    has: (name: string) => index.has(name),
    get: (row: string[], name: string): string => {
      const i = index.get(name);
      return i === undefined ? '' : (row[i] ?? '').trim();
    },
    /**
     * The first of `names` with a value in this row: column names drifted over the years, and an
     * export may carry both, the preferred one empty (1688's 单品货号 beside 货号, PDD's SKU-level
     * 商家编码 beside the product-level one).
     */
    pick: (row: string[], ...names: string[]): string => {
      for (const n of names) {
        const i = index.get(n);
        const v = i === undefined ? '' : (row[i] ?? '').trim();
        if (v) return v;
      }
      return '';
    },
  };
}
export type Columns = ReturnType<typeof columns>;

/** A count of items, as sheets write it: "2", "2件", "3 双", "１０". */
export function quantity(text: string, column: string): number {
  const s = halfWidth(text).replace(/[件个只双套箱盒瓶包袋支条张本台把份对,\s]/g, '');
  if (!/^-?\d+(\.0+)?$/.test(s)) throw new RowError(column, `quantity "${text}" is not a whole number`);
  const n = Number.parseInt(s, 10);
  if (n <= 0) throw new RowError(column, `quantity ${n} must be at least 1`);
  if (n > 1_000_000) throw new RowError(column, `quantity ${n} is implausibly large`);
  return n;
}

/** An amount in major units; empty means 0 unless required. Negative amounts are refused. */
export function amount(text: string, currency: string, column: string, required = false): number {
  if (text.trim() === '') {
    if (required) throw new RowError(column, 'the amount is missing');
    return 0;
  }
  let minor: number;
  try {
    minor = parseWrittenMajor(text, currency);
  } catch {
    throw new RowError(column, `"${text}" is not an amount`);
  }
  if (minor < 0) throw new RowError(column, `amount ${text} is negative`);
  return minor;
}

const DATE_RE =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i;

/**
 * Dates as exports write them. Without a zone, `defaultOffsetMin` applies: Chinese platforms
 * export Beijing time (+08:00).
 */
export function dateMs(text: string, column: string, defaultOffsetMin: number): number {
  const s = text.trim();
  const m = DATE_RE.exec(s);
  if (!m) {
    const iso = Date.parse(s);
    if (s && Number.isFinite(iso) && /\d{4}/.test(s)) return iso;
    throw new RowError(column, s ? `"${s}" is not a date` : 'the date is missing');
  }
  const [, y, mo, d, h = '0', mi = '0', sec = '0', zone] = m;
  let offset = defaultOffsetMin;
  if (zone) {
    if (/^(Z|UTC|GMT)$/i.test(zone)) offset = 0;
    else {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone) as RegExpExecArray;
      offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]));
    }
  }
  const ms =
    Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(sec)) - offset * 60_000;
  const back = new Date(ms + offset * 60_000);
  if (back.getUTCMonth() !== Number(mo) - 1 || back.getUTCDate() !== Number(d) || Number(h) > 23) {
    throw new RowError(column, `"${s}" is not a real date`);
  }
  return ms;
}

export const optionalDate = (text: string, column: string, offset: number): number | null =>
  text.trim() === '' ? null : dateMs(text, column, offset);

export const newestOf = (...ms: (number | null)[]): number => Math.max(...ms.map((v) => v ?? 0));

export const emptyAddress = () => ({
  raw: '',
  country: '',
  province: '',
  city: '',
  district: '',
  street: '',
  detail: '',
  postcode: '',
});

const DONE: string[] = [];

/** Set while `collectStreaming` runs: told of each order as soon as its layout has built it. */
let collected: ((order: unknown) => void) | null = null;

/**
 * Set while a layout parses one chunk of a file read in chunks (`withChunking`): the order of the
 * chunk's last row is held back (its rows may go on in the next chunk), and an order already
 * built from an earlier chunk means the file does not keep each order's rows together.
 */
export interface Chunking {
  /** The file's last chunk: nothing is held back. */
  last: boolean;
  /** Order keys built from earlier chunks. */
  seen: Set<string>;
  /** Set by groupBy: indexes of the rows held back for the next chunk. */
  carry: number[];
}
let chunking: Chunking | null = null;

/** An order's rows are not next to each other in the file: it must be grouped whole. */
export class RowsApart extends Error {}

export function withChunking<R>(c: Chunking, parse: () => R): R {
  chunking = c;
  try {
    return parse();
  } finally {
    chunking = null;
  }
}

/**
 * Runs a layout's parse and hands each order to `sink` as it is built, in file order, instead of
 * keeping it in the result's `orders` (which stays empty: the sink counts). The import worker
 * starts preparing (and the writer writing) while the rest of the file is still being parsed,
 * and does not hold 100,000 parsed orders for its garbage collector to walk again and again.
 * Every layout builds its orders through `collect`, in file order, and returns them as built.
 */
export function collectStreaming<R>(sink: (order: unknown) => void, parse: () => R): R {
  collected = sink;
  try {
    return parse();
  } finally {
    collected = null;
  }
}

/**
 * Runs `build` for each group of rows; an error in any row rejects the whole order (a half
 * order would ship the wrong parcel), naming the row and column.
 */
export function collect<T>(
  groups: Iterable<{ key: string; rows: number[] }>,
  t: Table,
  build: (rows: string[][], rowNumbers: number[]) => T,
  out: { orders: T[]; rejected: { row: number; column: string; message: string }[] },
): void {
  for (const g of groups) {
    let order: T;
    try {
      order = build(
        g.rows.map((i) => t.rows[i] as string[]),
        g.rows.map((i) => t.rowNumbers[i] as number),
      );
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      const rowNo = (e as RowError & { row?: number }).row ?? t.rowNumbers[g.rows[0] as number] ?? 0;
      out.rejected.push({
        row: rowNo,
        column: e.column,
        message: g.key ? `order ${g.key}: ${e.message}` : e.message,
      });
      continue;
    }
    if (collected) {
      collected(order);
      // Nothing reads an order's rows again once it is built: let them go while the rest of the
      // file is parsed (a 100,000-order export is millions of cell strings to mark otherwise).
      for (const i of g.rows) t.rows[i] = DONE;
    } else out.orders.push(order);
  }
}

/**
 * "3.01235E+18": Excel turned a long order id into a number and kept only 15 digits, so the real id
 * is gone. Importing it would merge different orders under one wrong id.
 */
const EXCEL_NUMBER_ID = /^\d(?:\.\d+)?E\+?\d+$/i;
const damagedId = (key: string): boolean =>
  (key.includes('E') || key.includes('e')) && EXCEL_NUMBER_ID.test(key.slice(key.lastIndexOf('\u0000') + 1));

/** Groups row indexes by order id, keeping the file's order; rows without an id, or with one Excel damaged, are reported. */
export function groupBy(
  t: Table,
  key: (row: string[]) => string,
  idColumn: string,
  rejected: { row: number; column: string; message: string }[],
) {
  const groups = new Map<string, number[]>();
  let lastKey: string | undefined;
  t.rows.forEach((row, i) => {
    const k = key(row);
    if (!k) {
      rejected.push({ row: t.rowNumbers[i] as number, column: idColumn, message: 'the order id is missing' });
      return;
    }
    if (damagedId(k)) {
      rejected.push({
        row: t.rowNumbers[i] as number,
        column: idColumn,
        message: `order id "${k.slice(k.lastIndexOf('\u0000') + 1)}" was turned into a number by Excel and lost its last digits; export the orders again and import that file as it is (or format the column as text in Excel before saving)`,
      });
      return;
    }
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
    lastKey = k;
  });
  if (chunking) {
    for (const k of groups.keys()) if (chunking.seen.has(k)) throw new RowsApart(k);
    if (!chunking.last && lastKey !== undefined) {
      chunking.carry = groups.get(lastKey) as number[];
      groups.delete(lastKey);
    }
    for (const k of groups.keys()) chunking.seen.add(k);
  }
  return [...groups].map(([k, rows]) => ({ key: k, rows }));
}

/** Attaches the file row to a RowError thrown while reading it. */
export function atRow<T>(rowNumber: number, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    // The innermost row wins: a bad line names its own row, not the order's first.
    if (e instanceof RowError && (e as RowError & { row?: number }).row === undefined)
      Object.assign(e, { row: rowNumber });
    throw e;
  }
}
