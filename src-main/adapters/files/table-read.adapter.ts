import Papa from 'papaparse';
import type ExcelJS from 'exceljs';
import { AppFailure } from '../../../src-shared/result';
import { decodeText, type TextEncoding } from './text-decode.adapter';

/** A sheet as the layouts see it: trimmed header names and rows of plain strings. */
export interface Table {
  fileName: string;
  encoding: TextEncoding | 'xlsx';
  headers: string[];
  /** Data rows; `rowNumbers[i]` is the row a person sees in Excel (the header is row 1). */
  rows: string[][];
  rowNumbers: number[];
  /** About the whole file, for the import report (e.g. an encoding that was a close call). */
  notes: string[];
}

const failure = (fileName: string, row: number | null, message: string): AppFailure => {
  const where = row === null ? '' : ` row ${row}:`;
  return new AppFailure('invalid_input', `${fileName}:${where} ${message}`, [
    { path: row === null ? '(file)' : `row ${row}`, message },
  ]);
};

const fail = (fileName: string, row: number | null, message: string): never => {
  throw failure(fileName, row, message);
};

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/**
 * A sheet opened for reading: its header (and notes) at once, its data rows when asked, in
 * chunks, so a large CSV is worked on while the rest of it is still being parsed.
 */
export interface TableReader {
  /** The table without its rows (`rows` and `rowNumbers` are empty). */
  head: Table;
  /**
   * Hands every data row to `onRows` in file order, a chunk at a time. Damage (a row cut short, an
   * unclosed quote) is thrown where it is found, once the rows before it were handed over.
   */
  eachChunk(onRows: (rows: string[][], rowNumbers: number[]) => void): void;
}

/**
 * Characters of CSV text parsed per chunk (about 80 Shopify orders): the worker is done with a
 * chunk's rows before the garbage collector's next young-generation pass, so they die young
 * instead of being copied and promoted (1 MiB chunks cost the import worker ~0.5 s more on
 * 100,000 orders).
 */
const CHUNK_CHARS = 1 << 15;

/** Opens CSV, TSV (Amazon flat files) or XLSX: the header now, the rows chunk by chunk. */
export async function openTable(buf: Uint8Array, fileName: string): Promise<TableReader> {
  if (buf.length === 0) fail(fileName, null, 'the file is empty');
  const r = isZip(buf) ? wholeTable(await readXlsx(buf, fileName)) : openDelimited(buf, fileName);
  if (r.head.headers.every((h) => h === '')) fail(fileName, 1, 'the first row has no column names');
  return r;
}

/** A table read whole (a workbook): one chunk. */
function wholeTable(t: Table): TableReader {
  return {
    head: { ...t, rows: [], rowNumbers: [] },
    eachChunk: (onRows) => onRows(t.rows, t.rowNumbers),
  };
}

function openDelimited(buf: Uint8Array, fileName: string): TableReader {
  const { text: decoded, encoding, note } = decodeText(buf, fileName);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  // Tabs: Amazon flat files. Semicolons: a CSV saved by Excel where the decimal mark is a comma
  // (Germany, France…), which is also what "CSV UTF-8" gives there. The header row decides.
  const count = (re: RegExp) => firstLine.match(re)?.length ?? 0;
  const [tabs, commas, semicolons] = [count(/\t/g), count(/,/g), count(/;/g)];
  const tsv = tabs > commas && tabs >= semicolons;
  // papaparse: several times faster than the alternatives on 100k-order exports. Amazon flat files
  // are tab-separated without quoting, so a `"` inside a product name is text there (NUL never
  // occurs: decodeText refused it).
  const options = {
    delimiter: tsv ? '\t' : semicolons > commas ? ';' : ',',
    quoteChar: tsv ? '\u0000' : '"',
  };
  const first = Papa.parse<string[]>(text, { ...options, preview: 1 });
  const head = first.data[0];
  if (!head) return fail(fileName, null, 'the file has no header row');
  const width = head.length;
  const table: Table = {
    fileName,
    encoding,
    headers: head.map((h) => h.trim()),
    rows: [],
    rowNumbers: [],
    notes: note ? [note] : [],
  };
  const eachChunk = (onRows: (rows: string[][], rowNumbers: number[]) => void) => {
    // Chunks are cut here, each parsed up to its last whole record by papaparse's own Parser.
    // (Papa.parse's string streamer recurses once per chunk, and each of its frames kept that
    // chunk's rows alive: a 100,000-order export held every row until the end.)
    const config = { ...options, newline: first.meta.linebreak as '\n' };
    // Records after the header, blank ones included, so each row keeps the number Excel shows.
    let seen = 0;
    let start = 0;
    let size = CHUNK_CHARS;
    let header = true;
    while (start < text.length) {
      const last = start + size >= text.length;
      const res = new Papa.Parser(config).parse(
        text.slice(start, start + size),
        0,
        !last,
      ) as Papa.ParseResult<string[]>;
      // One record longer than the chunk (a huge quoted cell): read further before parsing it.
      if (!last && res.meta.cursor === 0) {
        size *= 2;
        continue;
      }
      if (header) {
        res.data.shift();
        for (const e of res.errors) if (e.row !== undefined) e.row--;
        header = false;
      }
      const quoteError = res.errors.find((e) => e.type === 'Quotes');
      // Rows past a malformed quote are not trusted: only those before it are kept.
      const end = quoteError ? (quoteError.row ?? 0) : res.data.length;
      const rows: string[][] = [];
      const rowNumbers: number[] = [];
      let damage: AppFailure | undefined;
      for (let i = 0; i < end; i++) {
        const row = res.data[i] as string[];
        const rowNumber = seen + i + 2;
        // A row of empty cells (",,,," left by Excel below the data, a blank line) holds nothing
        // to lose: skipped like an empty row of a sheet, whatever its cell count.
        if (row.every((v) => v.trim() === '')) continue;
        if (row.length !== width) {
          damage = failure(
            fileName,
            rowNumber,
            `this row has ${row.length} cells but the header has ${width} (the file is truncated or damaged)`,
          );
          break;
        }
        rows.push(row);
        rowNumbers.push(rowNumber);
      }
      if (!damage && quoteError)
        damage = failure(
          fileName,
          seen + end + 2,
          quoteError.code === 'MissingQuotes'
            ? 'a quoted cell is never closed (the file is truncated or damaged)'
            : `a quoted cell is malformed (${quoteError.message})`,
        );
      if (rows.length) onRows(rows, rowNumbers);
      if (damage) throw damage;
      if (last) return;
      seen += res.data.length;
      start += res.meta.cursor;
      size = CHUNK_CHARS;
    }
  };
  return { head: table, eachChunk };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel stores wall-clock time; exceljs hands it over as if it were UTC.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}:${p(v.getUTCSeconds())}`;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
    return '';
  }
  // A whole number past 2^53 (Excel keeps 15 digits anyway) is a long id stored as a number: its last
  // digits are already lost. E notation shows that instead of a plausible wrong id, and the layouts
  // refuse it as an order id.
  if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v))
    return v.toExponential().toUpperCase();
  return String(v);
}

async function readXlsx(buf: Uint8Array, fileName: string): Promise<Table> {
  // Loaded on first use: exceljs is a large module and most runs of the CLI never open a spreadsheet.
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) as never);
  } catch (e) {
    return fail(fileName, null, `the XLSX workbook is damaged or truncated (${(e as Error).message})`);
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return fail(fileName, null, 'the workbook has no sheet');
  let headers: string[] | null = null;
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (!headers) {
      headers = values.map((h) => h.trim());
      return;
    }
    if (values.every((v) => v.trim() === '')) return;
    while (values.length < headers.length) values.push('');
    rows.push(values);
    rowNumbers.push(n);
  });
  if (!headers) return fail(fileName, null, 'the first sheet is empty');
  return { fileName, encoding: 'xlsx', headers, rows, rowNumbers, notes: [] };
}
