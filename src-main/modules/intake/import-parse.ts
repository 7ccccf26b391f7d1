import { AppFailure } from '../../../src-shared/result';
import { readTable } from '../../adapters/files/table-read.adapter';
import { foldTraditional } from '../standardize';
import { checkRequired, detectLayout, layoutFor } from './layout-registry';
import type { ImportFormat, Layout, ParseResult, Table } from './intake.types';

/** The file's rows and the layout they follow: any damage to the file itself fails here. */
export async function readImportTable(
  fileName: string,
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
): Promise<{ table: Table; layout: Layout }> {
  const read = await readTable(bytes, fileName);
  // A Big5 (or traditional-character) export names its columns 訂單編號, 收貨地址…: the layouts'
  // simplified names are matched. The cells keep their own characters.
  const table = { ...read, headers: read.headers.map(foldTraditional) };
  const layout = format === 'auto' ? detectLayout(table) : layoutFor(format);
  checkRequired(table, layout);
  if (table.damage) throw table.damage;
  return { table, layout };
}

/** Rows → orders; a problem in a row rejects that order only (it is listed in `rejected`). */
export function parseTable(table: Table, layout: Layout): ParseResult {
  try {
    return layout.parse(table);
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    // A layout bug must still surface as an import error that names the file, never as a crash.
    throw new AppFailure(
      'invalid_input',
      `${table.fileName}: the ${layout.format} file could not be read (${(e as Error).message})`,
      [{ path: '(file)', message: 'unreadable' }],
    );
  }
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
  return { table, layout, parsed: parseTable(table, layout) };
}
