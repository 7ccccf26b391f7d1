import { AppFailure } from '../../../src-shared/result';
import { openTable, type TableReader } from '../../adapters/files/table-read.adapter';
import { foldTraditional } from '../standardize';
import { collectStreaming, RowsApart, withChunking, type Chunking } from './cell-parse';
import { checkRequired, detectLayout, layoutFor } from './layout-registry';
import type { ImportFormat, Layout, ParseResult, RowProblem, Table } from './intake.types';

/**
 * The file's header and the layout it follows; its rows are read later (`reader.eachChunk`).
 * A file that is no export, or lacks a required column, fails here, before any row is read.
 */
export async function openImport(
  fileName: string,
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
): Promise<{ reader: TableReader; layout: Layout }> {
  const opened = await openTable(bytes, fileName);
  // A Big5 (or traditional-character) export names its columns 訂單編號, 收貨地址…: the layouts'
  // simplified names are matched. The cells keep their own characters.
  const head = { ...opened.head, headers: opened.head.headers.map(foldTraditional) };
  const layout = format === 'auto' ? detectLayout(head) : layoutFor(format);
  checkRequired(head, layout);
  return { reader: { head, eachChunk: opened.eachChunk }, layout };
}

/** The file's rows and the layout they follow: any damage to the file itself fails here. */
export async function readImportTable(
  fileName: string,
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
): Promise<{ table: Table; layout: Layout }> {
  const { reader, layout } = await openImport(fileName, bytes, format);
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  reader.eachChunk((r, n) => {
    for (let i = 0; i < r.length; i++) {
      rows.push(r[i] as string[]);
      rowNumbers.push(n[i] as number);
    }
  });
  return { table: { ...reader.head, rows, rowNumbers }, layout };
}

/** Rows → orders; a problem in a row rejects that order only (it is listed in `rejected`). */
export function parseTable(table: Table, layout: Layout): ParseResult {
  try {
    return layout.parse(table);
  } catch (e) {
    if (e instanceof AppFailure || e instanceof RowsApart) throw e;
    // A layout bug must still surface as an import error that names the file, never as a crash.
    throw new AppFailure(
      'invalid_input',
      `${table.fileName}: the ${layout.format} file could not be read (${(e as Error).message})`,
      [{ path: '(file)', message: 'unreadable' }],
    );
  }
}

/** Rejected rows in file order, however the parse came upon them. */
export const byRow = (rejected: RowProblem[]): RowProblem[] => [...rejected].sort((a, b) => a.row - b.row);

/**
 * Parses the file chunk by chunk as its rows are read, handing each order to `sink` as soon as it
 * is built: the writer starts on the first orders while the rest of a large export is still
 * being read. Every export keeps an order's rows together, so the order of a chunk's last row is
 * held back and finished with the next chunk. A file whose rows of one order are apart throws
 * `RowsApart` (from cell-parse): it must be parsed whole (`parseTable`) instead.
 */
export function parseInChunks(
  reader: TableReader,
  layout: Layout,
  sink: (order: unknown) => void,
): RowProblem[] {
  const seen = new Set<string>();
  const rejected: RowProblem[] = [];
  let carry: { rows: string[][]; rowNumbers: number[] } = { rows: [], rowNumbers: [] };
  const parse = (rows: string[][], rowNumbers: number[], last: boolean) => {
    const table: Table = {
      ...reader.head,
      rows: carry.rows.length ? carry.rows.concat(rows) : rows,
      rowNumbers: carry.rowNumbers.length ? carry.rowNumbers.concat(rowNumbers) : rowNumbers,
    };
    const c: Chunking = { last, seen, carry: [] };
    const result = withChunking(c, () => collectStreaming(sink, () => parseTable(table, layout)));
    rejected.push(...result.rejected);
    carry = {
      rows: c.carry.map((i) => table.rows[i] as string[]),
      rowNumbers: c.carry.map((i) => table.rowNumbers[i] as number),
    };
  };
  // A chunk is parsed once the next one is read: only then is it known not to be the last.
  let pending: { rows: string[][]; rowNumbers: number[] } | null = null;
  reader.eachChunk((rows, rowNumbers) => {
    if (pending) parse(pending.rows, pending.rowNumbers, false);
    pending = { rows, rowNumbers };
  });
  const lastChunk = pending as { rows: string[][]; rowNumbers: number[] } | null;
  parse(lastChunk?.rows ?? [], lastChunk?.rowNumbers ?? [], true);
  return byRow(rejected);
}

/**
 * Reads and parses the whole file before writing anything: a damaged file changes nothing.
 * Touches no database, so the import worker runs it too.
 */
export async function parseImportFile(
  fileName: string,
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
): Promise<{ table: Table; layout: Layout; parsed: ParseResult }> {
  const { table, layout } = await readImportTable(fileName, bytes, format);
  const parsed = parseTable(table, layout);
  return { table, layout, parsed: { ...parsed, rejected: byRow(parsed.rejected) } };
}
