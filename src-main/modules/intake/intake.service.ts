import { createHash } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import type { ImportReport } from '../../../src-shared/contract/intake.contract';
import { AppFailure } from '../../../src-shared/result';
import { readTable } from '../../adapters/files/table-read.adapter';
import { checkRequired, detectLayout, layoutFor } from './layout-registry';
import type { ImportFormat, Layout, ParsedOrder, ParseResult, RowProblem, Table } from './intake.types';
import { advanceRun, findRun, findRunningRun, insertRun, type RunRow } from './intake.repo';
import { writeContext, writePage } from './order-write';

export interface ImportRequest {
  fileName: string;
  bytes: Uint8Array;
  format: ImportFormat | 'auto';
  /** Channel code; by default the format's name (and the template's own channel column). */
  channel?: string | undefined;
  actor: string;
  /** Orders per transaction (default 5,000). */
  pageSize?: number;
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

/** Reads and parses the whole file before writing anything: a damaged file changes nothing. */
export async function parseImportFile(
  fileName: string,
  bytes: Uint8Array,
  format: ImportFormat | 'auto',
): Promise<{ table: Table; layout: Layout; parsed: ParseResult }> {
  const table = await readTable(bytes, fileName);
  const layout = format === 'auto' ? detectLayout(table) : layoutFor(format);
  checkRequired(table, layout);
  let parsed: ParseResult;
  try {
    parsed = layout.parse(table);
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    // A layout bug must still surface as an import error that names the file, never as a crash.
    throw new AppFailure(
      'invalid_input',
      `${fileName}: the ${layout.format} file could not be read (${(e as Error).message})`,
      [{ path: '(file)', message: 'unreadable' }],
    );
  }
  return { table, layout, parsed };
}

const report = (r: RunRow, layout: Layout): ImportResult => ({
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
  const { layout, parsed } = await parseImportFile(req.fileName, req.bytes, req.format);
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
            totalOrders: parsed.orders.length,
            rejected: parsed.rejected,
          },
          ctx.now(),
        ),
      )
      .immediate();
  const w = writeContext(ctx, layout, req.channel ?? null, req.actor);
  // Each page is one fsync'd commit: big enough that commits do not dominate, small enough to show progress.
  const pageSize = req.pageSize ?? 5000;
  let done = run.doneOrders;
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
    const page = parsed.orders.slice(done, done + pageSize);
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    const ids: number[] = [];
    ctx.sqlite
      .transaction(() => {
        const missing: RowProblem[] = [];
        writePage(w, page).forEach((r, i) => {
          const p = page[i] as ParsedOrder;
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
