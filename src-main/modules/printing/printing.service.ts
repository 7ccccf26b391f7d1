import { createHash } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import {
  PRINTER_KIND_LANGUAGES,
  PRINTER_ROLE_LANGUAGES,
  type Printer,
  type PrintJob,
} from '../../../src-shared/contract/printing.contract';
import type { LabelSize } from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';
import {
  clearDefault,
  cancelQueuedJobs,
  countReprints,
  existingOrderIds,
  findDefaultPrinter,
  findJob,
  findJobByKey,
  findJobs,
  findPrinter,
  findPrinterByName,
  insertJob,
  insertPrinter,
  listJobs,
  listPrinters,
  moveQueuedJob,
  requeueJob,
  updatePrinter,
  type PrinterRow,
  type PrintJobRow,
} from './printing.repo';

const iso = (ms: number): string => new Date(ms).toISOString();

export const toPrinter = (r: PrinterRow): Printer => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Printer['kind'],
  language: r.language as Printer['language'],
  host: r.host,
  port: r.port,
  deviceName: r.deviceName,
  labelSize: r.labelSize as LabelSize,
  dpi: r.dpi,
  cjkFont: r.cjkFont,
  statusCheck: r.statusCheck,
  defaultFor: r.defaultFor as Printer['defaultFor'],
  active: r.active,
});

export const toJob = (r: PrintJobRow, printerName: string): PrintJob => ({
  id: r.id,
  printerId: r.printerId,
  printerName,
  document: r.document,
  orderId: r.orderId,
  title: r.title,
  format: r.format,
  status: r.status as PrintJob['status'],
  attempts: r.attempts,
  maxAttempts: r.maxAttempts,
  nextRunAt: iso(r.nextRunAt),
  lastError: r.lastError,
  lastFault: r.lastFault,
  maybePrinted: r.maybePrinted,
  reprintOf: r.reprintOf,
  reprintReason: r.reprintReason,
  cancelledBy: r.cancelledBy,
  cancelReason: r.cancelReason,
  cancelledAt: r.cancelledAt === null ? null : iso(r.cancelledAt),
  actor: r.actor,
  createdAt: iso(r.createdAt),
  doneAt: r.doneAt === null ? null : iso(r.doneAt),
});

type PrinterInput = Omit<Printer, 'id'> & { id?: number };

export function savePrinter(ctx: CoreContext, input: PrinterInput): Printer {
  const allowed = PRINTER_KIND_LANGUAGES[input.kind];
  if (!allowed.includes(input.language)) {
    throw new AppFailure(
      'invalid_input',
      `language: a ${input.kind} printer speaks ${allowed.join(' or ')}, not ${input.language}`,
      [{ path: 'language', message: `use ${allowed.join(' or ')}` }],
    );
  }
  // A default nothing can print on would fail every job of that role later, at the bench.
  if (input.defaultFor && !PRINTER_ROLE_LANGUAGES[input.defaultFor].includes(input.language)) {
    const fits = PRINTER_ROLE_LANGUAGES[input.defaultFor].join(' or ');
    throw new AppFailure(
      'invalid_input',
      `defaultFor: a ${input.language} printer cannot be the default ${input.defaultFor} printer; that needs ${fits}`,
      [{ path: 'defaultFor', message: `needs a ${fits} printer` }],
    );
  }
  if (input.kind === 'raw_tcp' && !input.host) {
    throw new AppFailure('invalid_input', 'host: a network printer needs its IP address or host name', [
      { path: 'host', message: 'required for raw_tcp' },
    ]);
  }
  const same = findPrinterByName(ctx.db, input.name);
  if (same && same.id !== input.id)
    throw new AppFailure('conflict', `name: there is already a printer called "${input.name}"`);
  const { id, ...values } = input;
  if (id !== undefined && !findPrinter(ctx.db, id))
    throw new AppFailure('not_found', `Printer ${id} does not exist`);
  // One default per role: choosing a new one quietly replaces the old.
  if (values.defaultFor) clearDefault(ctx.db, values.defaultFor, id ?? null);
  const row =
    id === undefined
      ? insertPrinter(ctx.db, values, ctx.now())
      : updatePrinter(ctx.db, id, values, ctx.now());
  ctx.emit('settings.changed', { what: 'settings' });
  return toPrinter(row);
}

const ROLE: Record<string, 'label' | 'receipt' | 'document'> = {
  label: 'label',
  sales_receipt: 'receipt',
};

function printerFor(ctx: CoreContext, document: string, printerId?: number): PrinterRow {
  if (printerId !== undefined) {
    const p = findPrinter(ctx.db, printerId);
    if (!p) throw new AppFailure('not_found', `Printer ${printerId} does not exist`);
    if (!p.active)
      throw new AppFailure(
        'conflict',
        `Printer "${p.name}" is switched off in Packdesk; turn it on in the printer list first`,
      );
    return p;
  }
  const role = ROLE[document] ?? 'document';
  const p = findDefaultPrinter(ctx.db, role);
  if (!p)
    throw new AppFailure('conflict', `No default ${role} printer is set; choose one in Settings → Printers`);
  return p;
}

function assertCanPrint(p: PrinterRow, document: string): void {
  const pdfOnly = !['label', 'test', 'waybill', 'sales_receipt'].includes(document);
  if (pdfOnly && p.language !== 'pdf') {
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" speaks ${p.language}; a ${document.replace('_', ' ')} is an A4 PDF, so send it to a system (PDF) printer`,
    );
  }
  if (document === 'sales_receipt' && !['pdf', 'escpos'].includes(p.language)) {
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" speaks ${p.language}; a sales receipt needs a PDF or ESC/POS printer`,
    );
  }
  // The payload of an e-waybill is the platform's print data, which only a print component reads.
  if (document === 'waybill' && p.language !== 'cainiao') {
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" is not a platform print component; e-waybills print through Cainiao/PDD/Douyin/Kuaishou/JD`,
    );
  }
  if (document === 'label' && p.language === 'cainiao') {
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" prints platform e-waybills only; choose a label printer`,
    );
  }
}

function newJob(
  ctx: CoreContext,
  p: PrinterRow,
  v: {
    key: string;
    document: string;
    orderId: number | null;
    title: string;
    request: object;
    actor: string;
    payload?: Buffer | null;
    reprintOf?: number;
    reprintReason?: string;
  },
): PrintJobRow {
  const now = ctx.now();
  return insertJob(ctx.db, {
    printerId: p.id,
    idempotencyKey: v.key,
    document: v.document,
    orderId: v.orderId,
    title: v.title,
    format: p.language,
    payload: v.payload ?? null,
    requestJson: JSON.stringify(v.request),
    status: 'queued',
    attempts: 0,
    maxAttempts: 5,
    nextRunAt: now,
    actor: v.actor,
    reprintOf: v.reprintOf ?? null,
    reprintReason: v.reprintReason ?? null,
    createdAt: now,
    updatedAt: now,
  });
}

/**
 * Queues documents. The idempotency key names what is printed, not where or when, so a second
 * click, a retried request or a second window gets the job that already exists.
 */
export function enqueuePrint(
  ctx: CoreContext,
  input: { document: string; orderIds: number[]; printerId?: number },
  actor: string,
): { jobs: PrintJob[]; created: number } {
  const p = printerFor(ctx, input.document, input.printerId);
  assertCanPrint(p, input.document);
  const known = existingOrderIds(ctx.db, input.orderIds);
  const missing = input.orderIds.filter((id) => !known.has(id));
  if (missing.length)
    throw new AppFailure(
      'not_found',
      `Nothing was queued: order${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')} do${missing.length > 1 ? '' : 'es'} not exist`,
    );
  const perOrder = input.document !== 'pick_list';
  const groups = perOrder
    ? input.orderIds.map((id) => [id])
    : [[...new Set(input.orderIds)].sort((a, b) => a - b)];
  let created = 0;
  const jobs = groups.map((ids) => {
    const key = perOrder
      ? `${input.document}:order:${ids[0]}`
      : `${input.document}:orders:${createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 24)}`;
    const existing = findJobByKey(ctx.db, key);
    if (existing) return toJob(existing, findPrinter(ctx.db, existing.printerId)?.name ?? '');
    created += 1;
    const title = perOrder
      ? `${input.document} · order ${ids[0]}`
      : `${input.document} · ${ids.length} orders`;
    const row = newJob(ctx, p, {
      key,
      document: input.document,
      orderId: perOrder ? ids[0]! : null,
      title,
      request: { orderIds: ids },
      actor,
    });
    return toJob(row, p.name);
  });
  if (created) ctx.emit('jobs.changed', { ids: jobs.map((j) => j.id) });
  return { jobs, created };
}

export function enqueueTest(ctx: CoreContext, printerId: number, actor: string): PrintJob {
  const p = findPrinter(ctx.db, printerId);
  if (!p) throw new AppFailure('not_found', `Printer ${printerId} does not exist`);
  // A print component prints nothing but platform waybill data (a test page was sent to it as a
  // PDF and failed with a JSON error); asking it for its printers is the test it can pass.
  if (p.language === 'cainiao')
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" is a platform print component: it prints e-waybills from the platform's waybill data only, so it has no test page; use Check status to see that the component is running and has the printer`,
    );
  // Every press of "test print" is its own request.
  const row = newJob(ctx, p, {
    key: `test:${p.id}:${ctx.now()}:${Math.random().toString(36).slice(2, 8)}`,
    document: 'test',
    orderId: null,
    title: `Test page · ${p.name}`,
    request: {},
    actor,
  });
  ctx.emit('jobs.changed', { ids: [row.id] });
  return toJob(row, p.name);
}

/**
 * The bytes a job already has, if `to` would print them as they are: same language, label size,
 * resolution and font as the job's own printer. Otherwise null, and the queue draws the job again
 * for `to` from its request.
 */
function bytesFor(ctx: CoreContext, job: PrintJobRow, to: PrinterRow): Buffer | null {
  if (to.language !== job.format) return null;
  if (to.id === job.printerId) return job.payload;
  const from = findPrinter(ctx.db, job.printerId);
  const same =
    from !== undefined &&
    to.labelSize === from.labelSize &&
    to.dpi === from.dpi &&
    to.cjkFont === from.cjkFont;
  return same ? job.payload : null;
}

/** A deliberate second copy: a new job with the same bytes (when the printer would print them alike) and the reason. */
export function reprint(
  ctx: CoreContext,
  input: { jobId: number; reason: string; printerId?: number },
  actor: string,
): PrintJob {
  const orig = findJob(ctx.db, input.jobId);
  if (!orig) throw new AppFailure('not_found', `Print job ${input.jobId} does not exist`);
  const p =
    input.printerId !== undefined
      ? printerFor(ctx, orig.document, input.printerId)
      : findPrinter(ctx.db, orig.printerId)!;
  assertCanPrint(p, orig.document);
  const n = countReprints(ctx.db, orig.id) + 1;
  const row = newJob(ctx, p, {
    key: `reprint:${orig.id}:${n}`,
    document: orig.document,
    orderId: orig.orderId,
    title: `${orig.title} (reprint ${n})`,
    request: JSON.parse(orig.requestJson) as object,
    actor,
    payload: bytesFor(ctx, orig, p),
    reprintOf: orig.id,
    reprintReason: input.reason,
  });
  ctx.emit('jobs.changed', { ids: [row.id] });
  return toJob(row, p.name);
}

/**
 * Loads the jobs a clerk chose and refuses, naming each, any that cannot be cancelled or moved:
 * all or nothing. Waiting jobs (queued, or queued again for a retry) and failed ones qualify;
 * a failed job that may already have printed is not moved (that would send it again), only a
 * person's reprint prints it again. `leave` lists states that are quietly skipped.
 */
function waitingJobs(
  ctx: CoreContext,
  jobIds: number[],
  verb: 'cancelled' | 'moved',
  leave: string[] = [],
): { jobs: PrintJobRow[]; skipped: PrintJobRow[] } {
  const ids = [...new Set(jobIds)];
  const rows = findJobs(ctx.db, ids);
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length)
    throw new AppFailure(
      'not_found',
      `Nothing was ${verb}: print job${missing.length > 1 ? 's' : ''} ${missing.slice(0, 10).join(', ')} do${missing.length > 1 ? '' : 'es'} not exist`,
    );
  const why: Record<string, string> = {
    printing: 'is being sent to the printer right now',
    done: 'has already printed (reprint it for another copy)',
    cancelled: 'is cancelled (reprint it to print it after all)',
  };
  const actionable = (r: PrintJobRow) =>
    r.status === 'queued' || (r.status === 'failed' && !(verb === 'moved' && r.maybePrinted));
  const skipped = rows.filter((r) => leave.includes(r.status));
  const refused = rows.filter((r) => !actionable(r) && !leave.includes(r.status));
  if (refused.length)
    throw new AppFailure(
      'conflict',
      `Nothing was ${verb}: ${refused
        .slice(0, 5)
        .map((r) =>
          r.status === 'failed'
            ? `print job ${r.id} (${r.title}) may already have printed; check the printer and, if nothing came out, reprint it with a reason`
            : `print job ${r.id} (${r.title}) ${why[r.status] ?? `is ${r.status}`}`,
        )
        .join(
          '; ',
        )}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}; only a job waiting to print or failed can be ${verb}`,
    );
  return { jobs: rows.filter(actionable), skipped };
}

const withPrinterNames = (ctx: CoreContext, ids: number[]): PrintJob[] =>
  findJobs(ctx.db, ids).map((r) => toJob(r, findPrinter(ctx.db, r.printerId)?.name ?? ''));

/**
 * Stops jobs that have not been sent yet (the printer is off for the day…) or that failed; they
 * never print, also not after a restart. A job already cancelled is left as it was (a second click).
 */
export function cancelJobs(
  ctx: CoreContext,
  input: { jobIds: number[]; reason: string },
  actor: string,
): { rows: PrintJob[] } {
  const { jobs } = waitingJobs(ctx, input.jobIds, 'cancelled', ['cancelled']);
  const ids = jobs.map((j) => j.id);
  if (ids.length && cancelQueuedJobs(ctx.db, ids, actor, input.reason, ctx.now()) !== ids.length)
    throw new AppFailure('conflict', 'Nothing was cancelled: the printer took one of these jobs just now');
  if (ids.length) ctx.emit('jobs.changed', { ids });
  return { rows: withPrinterNames(ctx, [...new Set(input.jobIds)]) };
}

/**
 * Sends waiting or failed jobs to another printer instead, queued there. The job stays the same row under the same key
 * (asking to print the document again still finds it, and it prints once); its bytes are kept
 * when the new printer prints them alike, else drawn again in the new printer's language.
 */
export function moveJobs(
  ctx: CoreContext,
  input: { jobIds: number[]; printerId: number },
): { rows: PrintJob[] } {
  const { jobs } = waitingJobs(ctx, input.jobIds, 'moved');
  const docs = new Set(jobs.map((j) => j.document));
  if (docs.has('test'))
    throw new AppFailure(
      'invalid_input',
      'Nothing was moved: a test page tests its own printer; cancel it and test the other printer instead',
    );
  const to = printerFor(ctx, jobs[0]!.document, input.printerId);
  docs.forEach((d) => assertCanPrint(to, d));
  // A failed job "moved" to its own printer is queued there again, as a move elsewhere would be.
  const moving = jobs.filter((j) => j.printerId !== to.id || j.status === 'failed');
  for (const j of moving) {
    const ok = moveQueuedJob(
      ctx.db,
      j.id,
      { printerId: to.id, format: to.language, payload: bytesFor(ctx, j, to) },
      ctx.now(),
    );
    if (!ok)
      throw new AppFailure('conflict', `Nothing was moved: the printer took print job ${j.id} just now`);
  }
  if (moving.length) ctx.emit('jobs.changed', { ids: moving.map((j) => j.id) });
  return {
    rows: withPrinterNames(
      ctx,
      jobs.map((j) => j.id),
    ),
  };
}

export function retryJob(ctx: CoreContext, jobId: number): PrintJob {
  const job = findJob(ctx.db, jobId);
  if (!job) throw new AppFailure('not_found', `Print job ${jobId} does not exist`);
  if (job.status !== 'failed')
    throw new AppFailure(
      'conflict',
      `Print job ${jobId} is ${job.status}; only a failed job can be retried (use reprint for a printed one)`,
    );
  // Bytes may have reached the printer: a second copy is a reprint, with its reason kept.
  if (job.maybePrinted)
    throw new AppFailure(
      'conflict',
      `Print job ${jobId} may already have printed (it failed while its bytes were being sent); check the printer and, if nothing came out, reprint it with a reason`,
    );
  requeueJob(ctx.db, jobId, ctx.now());
  ctx.emit('jobs.changed', { ids: [jobId] });
  return toJob(findJob(ctx.db, jobId)!, findPrinter(ctx.db, job.printerId)?.name ?? '');
}

export const jobsPage = (
  ctx: CoreContext,
  f: { status?: string[]; orderId?: number; offset: number; limit: number },
): PrintJob[] => listJobs(ctx.db, f).map((r) => toJob(r, r.printerName));

/**
 * Queues a platform e-waybill (电子面单) for the local print component. `documents` are the
 * platform's print data (contents[0] = the encrypted waybill from the platform API, then an
 * optional custom area). One job per waybill number: the same waybill is never queued twice.
 */
export function enqueueWaybill(
  ctx: CoreContext,
  input: {
    orderId: number;
    documents: { documentID: string; contents: Record<string, unknown>[] }[];
    printerId?: number;
  },
  actor: string,
): { job: PrintJob; created: boolean } {
  const p =
    input.printerId !== undefined
      ? printerFor(ctx, 'waybill', input.printerId)
      : listPrinters(ctx.db).find((x) => x.active && x.language === 'cainiao');
  if (!p)
    throw new AppFailure(
      'conflict',
      'No platform print component (Cainiao/PDD/Douyin/Kuaishou/JD) is set up; add one in Settings → Printers',
    );
  if (p.language !== 'cainiao')
    throw new AppFailure(
      'invalid_input',
      `Printer "${p.name}" is not a platform print component; e-waybills print through Cainiao/PDD/Douyin/Kuaishou/JD`,
    );
  const key = `waybill:${input.documents.map((d) => d.documentID).join(',')}`;
  const existing = findJobByKey(ctx.db, key);
  if (existing)
    return { job: toJob(existing, findPrinter(ctx.db, existing.printerId)?.name ?? ''), created: false };
  const row = newJob(ctx, p, {
    key,
    document: 'waybill',
    orderId: input.orderId,
    title: `e-waybill ${input.documents.map((d) => d.documentID).join(', ')}`,
    request: { orderIds: [input.orderId], documents: input.documents },
    actor,
  });
  ctx.emit('jobs.changed', { ids: [row.id] });
  return { job: toJob(row, p.name), created: true };
}
