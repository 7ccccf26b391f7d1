import { AppFailure } from '../../../src-shared/result';
import type { Standardizer } from '../standardize';
import { parseImportFile } from './import-parse';
import type { ImportFormat, Layout, RowProblem } from './intake.types';
import { prepareParsed, type PreparedOrder } from './order-prepare';
import type { Wire } from './prepared-wire';

export type SourceLayout = Pick<Layout, 'format' | 'kind' | 'defaultCurrency'>;

/**
 * Where an import's orders come from: the whole file is parsed first (a damaged file changes
 * nothing), then orders are handed out prepared (fingerprinted, standardised), page by page.
 */
export interface ImportSource {
  layout: SourceLayout;
  /** Orders the file holds (rejected rows excluded). */
  total: number;
  rejected: RowProblem[];
  /** Prepares orders from index `from` on (a resumed run skips what is stored). Call once. */
  start(from: number): void;
  /** The next `count` prepared orders, fewer only at the end of the file. */
  take(count: number): Promise<PreparedOrder[]>;
  /** Frees the worker, if any; safe to call more than once. */
  close(): void;
}

export interface SourceRequest {
  fileName: string;
  bytes: Uint8Array;
  format: ImportFormat | 'auto';
  standardizer: Standardizer;
  homeCountry: string;
}

/** Parses and prepares on the calling thread: small files, and wherever no worker can start. */
export async function inThreadSource(req: SourceRequest): Promise<ImportSource> {
  const { layout, parsed } = await parseImportFile(req.fileName, req.bytes, req.format);
  let next = 0;
  return {
    layout: { format: layout.format, kind: layout.kind, defaultCurrency: layout.defaultCurrency },
    total: parsed.orders.length,
    rejected: parsed.rejected,
    start: (from) => {
      next = from;
    },
    take: (count) => {
      const page = parsed.orders.slice(next, next + count);
      next += page.length;
      return Promise.resolve(page.map((p) => prepareParsed(req.standardizer, p, req.homeCountry)));
    },
    close: () => undefined,
  };
}

/** A failure that crossed from the worker as plain data, made an AppFailure again when it was one. */
export interface WireError {
  code?: AppFailure['code'];
  message: string;
  issues?: AppFailure['issues'];
}

export const toWire = (e: unknown): WireError =>
  e instanceof AppFailure
    ? { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) }
    : { message: e instanceof Error ? (e.stack ?? e.message) : String(e) };

export const fromWire = (e: WireError): Error =>
  e.code ? new AppFailure(e.code, e.message, e.issues) : new Error(`import worker: ${e.message}`);

/** Messages to the worker. */
export type ToWorker =
  | {
      type: 'init';
      fileName: string;
      bytes: Uint8Array;
      format: ImportFormat | 'auto';
      standardizer: Omit<Standardizer, 'memo'>;
      homeCountry: string;
    }
  /** Prepare from `from` on, staying at most `ahead` orders ahead of what the writer took. */
  | { type: 'start'; from: number; ahead: number }
  /** The writer has taken this many orders since `start`. */
  | { type: 'taken'; count: number };

/** Messages from the worker. */
export type FromWorker =
  | { type: 'parsed'; layout: SourceLayout; total: number; rejected: RowProblem[] }
  | { type: 'orders'; orders: Wire[] }
  | { type: 'error'; error: WireError };
