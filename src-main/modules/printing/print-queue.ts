import type { CoreContext } from '../../core-context';
import type { LabelFormat, LabelSize } from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';
import {
  renderDocumentBytes,
  renderLabelBytes,
  renderSalesReceiptEscpos,
  renderTestPage,
} from '../documents';
import { PrinterError } from '../../adapters/printers/printer-error';
import { sendRawTcp, type RawTcpOptions } from '../../adapters/printers/raw-tcp.driver';
import type { StatusLanguage } from '../../adapters/printers/raw-status';
import type { SystemPrinterPort } from '../../adapters/printers/system-printer.port';
import { componentWaybill } from './waybill.driver';
import { printerStatus } from './printer-status';
import type { PrinterStatus } from '../../../src-shared/contract/printing.contract';
import {
  claimJob,
  earliestQueued,
  findJob,
  findPrinter,
  markDone,
  markFailed,
  markRetry,
  markSending,
  nextDueJob,
  recoverInterrupted,
  setPayload,
  type PrinterRow,
  type PrintJobRow,
} from './printing.repo';

export interface PrintQueueDeps {
  systemPrinters: SystemPrinterPort;
  /** Sends a platform e-waybill task to the local print component (Cainiao/PDD/Douyin/Kuaishou/JD). */
  waybill?: (printer: PrinterRow, payload: Buffer, job: PrintJobRow) => Promise<void>;
  rawTcp?: RawTcpOptions;
  /** Retry n waits base·2^(n-1), at most max: 2 s, 4 s, 8 s … 5 min by default. */
  backoff?: { baseMs: number; maxMs: number };
}

export const backoffMs = (attempt: number, b = { baseMs: 2_000, maxMs: 300_000 }): number =>
  Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, attempt - 1));

/**
 * The persistent print queue. Jobs are rows in print_jobs; this runs them one at a time.
 *
 * Double printing is avoided by three rules: (1) a job's key names what is printed, so asking
 * twice finds the existing job; (2) a job is rendered once and `send_started_at` is committed
 * before the first byte leaves, so after a crash a job with no send mark is safely re-queued
 * while one that was sending fails with "may have printed" and waits for a person;
 * (3) automatic retries only follow failures that happened before any byte reached the printer.
 * Claims and the send mark are conditional updates, so two processes on one database never
 * send the same job; but one process's start-up recovery cannot tell a live peer's in-flight
 * job from a crashed one, so run one printing host per database (the desktop app or serve).
 */
export class PrintQueue {
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: PrintQueueDeps,
  ) {}

  get running(): boolean {
    return !this.stopped;
  }

  /** Recovers what a crash left behind, then prints whatever is due. */
  start(): { requeued: number[]; uncertain: number[] } {
    this.stopped = false;
    const r = this.ctx.sqlite.transaction(() => recoverInterrupted(this.ctx.db, this.ctx.now())).immediate();
    if (r.requeued.length || r.uncertain.length)
      this.ctx.emit('jobs.changed', { ids: [...r.requeued, ...r.uncertain] });
    this.kick();
    return r;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Called after a job is queued; runs after the surrounding transaction commits. */
  kick(): void {
    if (this.stopped) return;
    setImmediate(() => void this.drain());
  }

  /** Prints every due job; resolves when none is left (tests await it). */
  drain(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.current ??= this.loop().finally(() => {
      this.current = null;
      this.schedule();
    });
    return this.current;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      const job = nextDueJob(this.ctx.db, this.ctx.now());
      if (!job) return;
      await this.process(job);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const at = earliestQueued(this.ctx.db);
    if (at === null) return;
    this.timer = setTimeout(() => void this.drain(), Math.max(0, at - this.ctx.now()));
    this.timer.unref();
  }

  private async process(due: PrintJobRow): Promise<void> {
    const { ctx } = this;
    if (!claimJob(ctx.db, due.id, ctx.now())) return;
    // Read the job again as claimed: a clerk may have moved it to another printer (or cancelled
    // it) between the look and the claim, if the move came from another process on this database.
    const job = findJob(ctx.db, due.id)!;
    ctx.emit('jobs.changed', { ids: [job.id] });
    const printer = findPrinter(ctx.db, job.printerId)!;
    const attempt = job.attempts;
    try {
      let payload = job.payload;
      if (!payload) {
        payload = await this.render(job, printer);
        if (this.stopped) return;
        setPayload(ctx.db, job.id, payload, ctx.now());
      }
      if (!markSending(ctx.db, job.id, attempt, ctx.now())) return;
      await this.send(printer, payload, job);
      if (this.stopped) return;
      markDone(ctx.db, job.id, ctx.now());
    } catch (e) {
      if (this.stopped) return;
      const pe =
        e instanceof PrinterError
          ? e
          : new PrinterError(
              'rejected',
              e instanceof AppFailure ? e.message : `Could not print: ${(e as Error).message}`,
              false,
            );
      if (pe.retry && !pe.maybePrinted && attempt < job.maxAttempts) {
        markRetry(
          ctx.db,
          job.id,
          pe.message,
          pe.fault,
          ctx.now() + backoffMs(attempt, this.deps.backoff),
          ctx.now(),
        );
      } else {
        const gaveUp =
          pe.retry && !pe.maybePrinted
            ? ` (gave up after ${attempt} attempts; retry it from the print queue)`
            : '';
        markFailed(ctx.db, job.id, pe.message + gaveUp, pe.fault, pe.maybePrinted, ctx.now());
        ctx.emit('alert', { level: 'error', message: `${job.title}: ${pe.message}` });
      }
    }
    ctx.emit('jobs.changed', { ids: [job.id] });
  }

  private async render(job: PrintJobRow, p: PrinterRow): Promise<Buffer> {
    const req = JSON.parse(job.requestJson) as { orderIds?: number[]; documents?: unknown };
    const size = p.labelSize as LabelSize;
    switch (job.document) {
      case 'test':
        return renderTestPage({ name: p.name, language: p.language, size, dpi: p.dpi, at: this.ctx.now() });
      case 'label':
        return renderLabelBytes(this.ctx, {
          orderIds: req.orderIds ?? [],
          format: p.language as LabelFormat,
          size,
          dpi: p.dpi,
          cjkFont: p.cjkFont,
        });
      case 'waybill':
        return Buffer.from(JSON.stringify(req.documents ?? []), 'utf8');
      case 'sales_receipt':
        if (p.language === 'escpos') return renderSalesReceiptEscpos(this.ctx, req.orderIds?.[0] ?? 0);
        return renderDocumentBytes(this.ctx, { kind: 'sales_receipt', orderIds: req.orderIds ?? [] });
      default:
        return renderDocumentBytes(this.ctx, {
          kind: job.document as 'pick_list',
          orderIds: req.orderIds ?? [],
        });
    }
  }

  private async send(p: PrinterRow, payload: Buffer, job: PrintJobRow): Promise<void> {
    switch (p.kind) {
      case 'raw_tcp':
        // With the check off the job goes straight out: no query, no wait for an answer.
        return sendRawTcp({ name: p.name, host: p.host, port: p.port }, payload, {
          ...this.deps.rawTcp,
          status: p.statusCheck ? (p.language as StatusLanguage) : undefined,
        });
      case 'system': {
        // Labels and test pages are drawn at the printer's label size; every other document is A4.
        const [w, h] = ['label', 'test'].includes(job.document)
          ? p.labelSize.split('x').map(Number)
          : [210, 297];
        return this.deps.systemPrinters.printPdf(p.deviceName, payload, { widthMm: w, heightMm: h });
      }
      default:
        return (this.deps.waybill ?? componentWaybill())(p, payload, job);
    }
  }

  /** Asks a printer how it is now, the way a job would reach it; prints nothing. */
  checkStatus(printer: PrinterRow): Promise<PrinterStatus> {
    return printerStatus(printer, this.deps, this.ctx.now());
  }

  /** For the UI and tests: the job as it is now. */
  job(id: number): PrintJobRow | undefined {
    return findJob(this.ctx.db, id);
  }
}
