import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import type { CoreContext } from '../../core-context';
import { holdCheckpoints } from '../../adapters/db/open';
import type { ImportReport } from '../../../src-shared/contract/intake.contract';
import type { ImportFormat, RowProblem } from './intake.types';
import { advanceRun, findRun, findRunningRun, insertRun, type RunRow } from './intake.repo';
import {
  inThreadSource,
  type ImportSource,
  type ParseSummary,
  type SourceLayout,
  type SourceRequest,
  SourceRestarted,
  summaryOf,
} from './import-source';
import { WorkerUnavailable, workerSource } from './import-worker-source';
import { HOME_COUNTRY, writeContext, writePrepared, type WriteContext } from './order-write';
import type { PreparedOrder } from './order-prepare';
import { KeyCache } from '../customers';
import { loadStandardizer, type Standardizer } from '../standardize';

export { parseImportFile } from './import-parse';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  format: ImportFormat | 'auto';
  /** Channel code; by default the format's name (and the template's own channel column). */
  channel?: string | undefined;
  actor: string;
  /** Orders per transaction (default 20,000). */
  pageSize?: number;
  /**
   * Parse and standardise in a worker thread while pages are written: by default for files of
   * WORKER_MIN_BYTES and more (a thread costs more than it saves on a small file).
   */
  worker?: boolean;
  /** Called after each page commits: everything up to `done` is durable. */
  onPage?: (p: { runId: number; done: number; total: number }) => void;
}

export interface ImportResult extends ImportReport {
  notes: string[];
  runId: number;
  format: string;
  channel: string;
  /** Where orders went without a channel: the layout's kind (a template row's own channel wins). */
  defaultChannel: string;
}

/** `notes` come from reading the file (each run reads it again), so they are not stored with the run. */
const report = (r: RunRow, layout: SourceLayout, notes: string[]): ImportResult => ({
  runId: r.id,
  format: layout.format,
  defaultChannel: layout.kind,
  channel: r.channelCode,
  imported: r.imported,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: JSON.parse(r.rejectedJson) as RowProblem[],
  notes,
});

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Orders taken from the source at a time within a page. */
const TAKE = 500;

/**
 * File → rows → orders, committed page by page; each page's orders and the run's progress share
 * one transaction. The same file resumes an unfinished run (after a crash or kill) instead of
 * starting over, so every order is counted exactly once; a finished file imported again finds
 * every order unchanged.
 */
export async function importFile(ctx: CoreContext, req: ImportRequest): Promise<ImportResult> {
  // Each page is one fsync'd commit: big enough that commits (and the WAL checkpoints they bring)
  // do not dominate, small enough to show progress about once a second.
  const pageSize = req.pageSize ?? 20_000;
  const standardizer = loadStandardizer(ctx.sqlite);
  const opening = openSource(req, standardizer);
  // The run is found by the file's hash: worked out while the worker starts and reads the header
  // (a worker waits for its start until the run is found; hashing after it took 0.08 s of 39 MiB).
  const fileHash = createHash('sha256').update(req.bytes).digest('hex');
  const source = await opening;
  const release = holdCheckpoints(ctx.sqlite);
  try {
    return await writeRun(ctx, req, source, standardizer, pageSize, fileHash);
  } finally {
    release();
    source.close();
  }
}

/**
 * Files from this size up are parsed in a worker thread (unless the request says otherwise),
 * where there is a second core for it: on one core the thread only adds the hand-over.
 */
const WORKER_MIN_BYTES = 1 << 20;
const useWorker = (req: ImportRequest): boolean =>
  req.worker ?? (req.bytes.length >= WORKER_MIN_BYTES && availableParallelism() > 1);

async function openSource(req: ImportRequest, standardizer: Standardizer): Promise<ImportSource> {
  const s: SourceRequest = {
    fileName: req.fileName,
    bytes: req.bytes,
    format: req.format,
    standardizer,
    homeCountry: HOME_COUNTRY,
  };
  if (useWorker(req)) {
    try {
      return await workerSource(s);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      // No worker here (a sandbox, a missing bundle): the same work on this thread.
    }
  }
  return inThreadSource(s);
}

/** What one transaction wrote. */
interface Written {
  orders: number;
  counts: { inserted: number; updated: number; unchanged: number };
  ids: number[];
  missing: RowProblem[];
  /** Customer keys looked up or written in this transaction (and only in it). */
  keys: KeyCache;
}

const nothingWritten = (): Written => ({
  orders: 0,
  counts: { inserted: 0, updated: 0, unchanged: 0 },
  ids: [],
  missing: [],
  keys: new KeyCache(),
});

/** Writes prepared orders inside the caller's transaction, adding up what happened to them. */
function writeOrders(w: WriteContext, page: PreparedOrder[], into: Written): void {
  writePrepared(w, page, into.keys).forEach((r, i) => {
    const { p } = page[i] as PreparedOrder;
    if (r.outcome === 'missing') {
      into.missing.push({
        row: p.rows[0] ?? 0,
        column: '订单编号',
        message: `order ${p.externalId} is not imported yet: import the 订单报表 (order report) first, then this item report`,
      });
      return;
    }
    into.counts[r.outcome]++;
    if (r.id !== null) into.ids.push(r.id);
  });
  into.orders += page.length;
}

async function writeRun(
  ctx: CoreContext,
  req: ImportRequest,
  source: ImportSource,
  standardizer: Standardizer,
  pageSize: number,
  fileHash: string,
): Promise<ImportResult> {
  const { layout } = source;
  const channelCode = req.channel ?? '';
  const w = writeContext(ctx, layout, req.channel ?? null, req.actor, standardizer);
  let run = findRunningRun(ctx.sqlite, fileHash, layout.format, channelCode);
  let done = run?.doneOrders ?? 0;
  source.start(done);
  const newRun = (summary: ParseSummary) =>
    insertRun(
      ctx.sqlite,
      {
        fileHash,
        fileName: req.fileName,
        format: layout.format,
        channelCode,
        totalOrders: summary.total,
        rejected: summary.rejected,
      },
      ctx.now(),
    );
  /** Progress in the page's own transaction; events and `onPage` once it committed. */
  const advance = (r: RunRow, page: Written) => {
    const end = done + page.orders;
    advanceRun(ctx.sqlite, r.id, {
      done: end,
      imported: page.counts.inserted,
      updated: page.counts.updated,
      unchanged: page.counts.unchanged,
      finished: end >= r.totalOrders ? ctx.now() : null,
      rejected: page.missing,
    });
  };
  const committed = (r: RunRow, page: Written) => {
    done += page.orders;
    if (page.counts.inserted + page.counts.updated > 0)
      ctx.emit('orders.changed', {
        ids: page.ids,
        reason: `import ${req.fileName}: ${done}/${r.totalOrders}`,
        waiting: 'review',
      });
    req.onPage?.({ runId: r.id, done, total: r.totalOrders });
  };
  while (!source.parsed) {
    // The worker is still parsing: what it hands over meanwhile is written in one transaction
    // that commits, with the run, only once the whole file parsed. A file found damaged near
    // its end rolls it back and changes nothing, as if it had been parsed before writing; one
    // whose rows of an order turn out to be apart rolls it back and is written again, whole.
    let first: { r: RunRow; page: Written };
    try {
      first = ctx.sqlite
        .transaction(() => {
          const page = nothingWritten();
          for (let orders = source.nextWhileParsing(); orders; orders = source.nextWhileParsing())
            writeOrders(w, orders, page);
          const r = run ?? newRun(summaryOf(source));
          advance(r, page);
          return { r, page };
        })
        .immediate();
    } catch (e) {
      if (!(e instanceof SourceRestarted)) throw e;
      // Channels made in the rolled-back transaction are gone.
      w.channels.clear();
      continue;
    }
    run = first.r;
    committed(run, first.page);
  }
  const summary = summaryOf(source);
  const r: RunRow = run ?? ctx.sqlite.transaction(() => newRun(summary)).immediate();
  if (r.totalOrders === 0 || done >= r.totalOrders) {
    ctx.sqlite
      .transaction(() =>
        advanceRun(ctx.sqlite, r.id, {
          done: r.totalOrders,
          imported: 0,
          updated: 0,
          unchanged: 0,
          finished: ctx.now(),
        }),
      )
      .immediate();
  }
  while (done < r.totalOrders) {
    const page = nothingWritten();
    ctx.sqlite
      .transaction(() => {
        // Taken a few hundred at a time: decoded orders die young instead of a page's worth at once.
        while (page.orders < pageSize && done + page.orders < r.totalOrders) {
          const orders = source.take(Math.min(TAKE, pageSize - page.orders));
          if (!orders.length)
            throw new Error(
              `${req.fileName}: the file ran out of orders at ${done + page.orders}/${r.totalOrders}`,
            );
          writeOrders(w, orders, page);
        }
        advance(r, page);
      })
      .immediate();
    committed(r, page);
    // Let other calls (the UI, scanners) in between pages.
    await nextTick();
  }
  return report(findRun(ctx.sqlite, r.id) as RunRow, layout, summary.notes);
}
