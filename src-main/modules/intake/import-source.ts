import type { MessagePort } from 'node:worker_threads';
import { AppFailure } from '../../../src-shared/result';
import type { Standardizer } from '../standardize';
import { parseImportFile } from './import-parse';
import type { ImportFormat, Layout, RowProblem } from './intake.types';
import { prepareParsed, type PreparedOrder } from './order-prepare';
import type { Wire } from './prepared-wire';

export type SourceLayout = Pick<Layout, 'format' | 'kind' | 'defaultCurrency'>;

/** What the whole file held, known once it has been parsed to the end. */
export interface ParseSummary {
  /** Orders the file holds (rejected rows excluded). */
  total: number;
  rejected: RowProblem[];
  /** About the whole file (the table's notes), for the import report. */
  notes: string[];
}

/**
 * Where an import's orders come from, prepared (fingerprinted, standardised). In-thread, the
 * whole file is parsed before the first order is handed out. In the worker, orders arrive while
 * the rest of the file is still being parsed: the writer may write them but must not commit
 * before `parsed` is set, so a file found damaged near its end still changes nothing.
 */
export interface ImportSource {
  layout: SourceLayout;
  /** Set once the whole file parsed; until then `nextWhileParsing` hands out orders. */
  parsed: ParseSummary | null;
  /** Hands out orders from index `from` on (a resumed run skips what is stored). Call once, first. */
  start(from: number): void;
  /**
   * While the file is still being parsed: the next prepared orders, waited for on this thread
   * (the caller holds a transaction open). Null once the whole file parsed. Throws the parse's
   * failure, so the caller's transaction rolls back, or `SourceRestarted`: roll back, start over.
   */
  nextWhileParsing(): PreparedOrder[] | null;
  /** Once parsed: the next `count` prepared orders, fewer only at the end of the file. */
  take(count: number): PreparedOrder[];
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

/** The summary, once `nextWhileParsing` has returned null (or at once in-thread). */
export function summaryOf(s: ImportSource): ParseSummary {
  if (!s.parsed) throw new Error('the import file is still being parsed');
  return s.parsed;
}

/** Parses and prepares on the calling thread: small files, and wherever no worker can start. */
export async function inThreadSource(req: SourceRequest): Promise<ImportSource> {
  const { table, layout, parsed } = await parseImportFile(req.fileName, req.bytes, req.format);
  let next = 0;
  return {
    layout: { format: layout.format, kind: layout.kind, defaultCurrency: layout.defaultCurrency },
    parsed: { total: parsed.orders.length, rejected: parsed.rejected, notes: table.notes },
    start: (from) => {
      next = from;
    },
    nextWhileParsing: () => null,
    take: (count) => {
      const page = parsed.orders.slice(next, next + count);
      next += page.length;
      return page.map((p) => prepareParsed(req.standardizer, p, req.homeCountry));
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

/** What the worker is given when it starts (workerData). */
export interface WorkerInit {
  fileName: string;
  bytes: Uint8Array;
  format: ImportFormat | 'auto';
  standardizer: Omit<Standardizer, 'memo'>;
  homeCountry: string;
  /** Prepared orders, in file order: read synchronously by the writer. */
  data: MessagePort;
  /** The summary or the failure that ends the parse: read synchronously by the writer. */
  end: MessagePort;
  /** [0] counts messages posted on `data` and `end`: the writer sleeps on it (Atomics.wait). */
  signal: SharedArrayBuffer;
}

/** On the worker's own channel, before any order: the layout, or why the file cannot be read. */
export type HeaderMessage = { type: 'header'; layout: SourceLayout } | { type: 'error'; error: WireError };
/** The writer's answer to the header: where to start. */
export type StartMessage = { type: 'start'; from: number };
export type DataMessage = Wire[];
/**
 * On `end`: the summary, the failure, or a restart: the file's rows of one order were found apart,
 * so the first `void` data messages are void and the orders come again from the start, whole.
 */
export type EndMessage =
  | { type: 'parsed'; summary: ParseSummary }
  | { type: 'error'; error: WireError }
  | { type: 'restart'; void: number };

/**
 * Thrown by `nextWhileParsing` when the orders handed out so far are void (the worker parses the
 * file again, whole): the caller rolls back what it wrote of them and starts its transaction over.
 */
export class SourceRestarted extends Error {
  constructor() {
    super('the import file is parsed again: its rows of one order are not together');
  }
}
