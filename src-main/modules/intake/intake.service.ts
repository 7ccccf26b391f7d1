import { createHash } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import type { ImportReport } from '../../../src-shared/contract/intake.contract';
import type { ImportFormat, RowProblem } from './intake.types';
import { advanceRun, findRun, findRunningRun, insertRun, type RunRow } from './intake.repo';
import { inThreadSource, type ImportSource, type SourceLayout, type SourceRequest } from './import-source';
import { WorkerUnavailable, workerSource } from './import-worker-source';
import { HOME_COUNTRY, writeContext, writePrepared } from './order-write';
import type { PreparedOrder } from './order-prepare';
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
  runId: number;
  format: string;
  channel: string;
  /** Where orders went without a channel: the layout's kind (a template row's own channel wins). */
  defaultChannel: string;
}

const report = (r: RunRow, layout: SourceLayout): ImportResult => ({
  runId: r.id,
  format: layout.format,
  defaultChannel: layout.kind,
  channel: r.channelCode,
  imported: r.imported,
  updated: r.updated,
  unchanged: r.unchanged,
  rejected: JSON.parse(r.rejectedJson) as RowProblem[],
});

const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

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
  const source = await openSource(req, standardizer, pageSize);
  try {
    return await writeRun(ctx, req, source, standardizer, pageSize);
  } finally {
    source.close();
  }
}

/** Files from this size up are parsed in a worker thread (unless the request says otherwise). */
const WORKER_MIN_BYTES = 1 << 20;

async function openSource(
  req: ImportRequest,
  standardizer: Standardizer,
  pageSize: number,
): Promise<ImportSource> {
  const s: SourceRequest = {
    fileName: req.fileName,
    bytes: req.bytes,
    format: req.format,
    standardizer,
    homeCountry: HOME_COUNTRY,
  };
  if (req.worker ?? req.bytes.length >= WORKER_MIN_BYTES) {
    try {
      // Two pages ahead: the next page is ready when the writer wants it, without holding the file twice.
      return await workerSource(s, 2 * pageSize);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      // No worker here (a sandbox, a missing bundle): the same work on this thread.
    }
  }
  return inThreadSource(s);
}

async function writeRun(
  ctx: CoreContext,
  req: ImportRequest,
  source: ImportSource,
  standardizer: Standardizer,
  pageSize: number,
): Promise<ImportResult> {
  const { layout } = source;
  const fileHash = createHash('sha256').update(req.bytes).digest('hex');
  const channelCode = req.channel ?? '';
  const run =
    findRunningRun(ctx.sqlite, fileHash, layout.format, channelCode) ??
    ctx.sqlite
      .transaction(() =>
        insertRun(
          ctx.sqlite,
          {
            fileHash,
            fileName: req.fileName,
            format: layout.format,
            channelCode,
            totalOrders: source.total,
            rejected: source.rejected,
          },
          ctx.now(),
        ),
      )
      .immediate();
  const w = writeContext(ctx, layout, req.channel ?? null, req.actor, standardizer);
  let done = run.doneOrders;
  source.start(done);
  if (run.totalOrders === 0 || done >= run.totalOrders) {
    ctx.sqlite
      .transaction(() =>
        advanceRun(ctx.sqlite, run.id, {
          done: run.totalOrders,
          imported: 0,
          updated: 0,
          unchanged: 0,
          finished: ctx.now(),
        }),
      )
      .immediate();
  }
  while (done < run.totalOrders) {
    const page = await source.take(pageSize);
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    const ids: number[] = [];
    ctx.sqlite
      .transaction(() => {
        const missing: RowProblem[] = [];
        writePrepared(w, page).forEach((r, i) => {
          const { p } = page[i] as PreparedOrder;
          if (r.outcome === 'missing') {
            missing.push({
              row: p.rows[0] ?? 0,
              column: '订单编号',
              message: `order ${p.externalId} is not imported yet: import the 订单报表 (order report) first, then this item report`,
            });
            return;
          }
          counts[r.outcome]++;
          if (r.id !== null) ids.push(r.id);
        });
        const end = done + page.length;
        advanceRun(ctx.sqlite, run.id, {
          done: end,
          imported: counts.inserted,
          updated: counts.updated,
          unchanged: counts.unchanged,
          finished: end >= run.totalOrders ? ctx.now() : null,
          rejected: missing,
        });
      })
      .immediate();
    done += page.length;
    if (counts.inserted + counts.updated > 0)
      ctx.emit('orders.changed', { ids, reason: `import ${req.fileName}: ${done}/${run.totalOrders}` });
    req.onPage?.({ runId: run.id, done, total: run.totalOrders });
    // Let other calls (the UI, scanners) in between pages.
    await nextTick();
  }
  return report(findRun(ctx.sqlite, run.id) as RunRow, layout);
}
