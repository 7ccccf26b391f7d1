import { z } from 'zod';
import { read, write } from './define';
import { id, isoDate } from './common.schema';
import { LABEL_SIZES } from './documents.contract';

export const PRINTER_KINDS = [
  'system',
  'raw_tcp',
  'cainiao_ws',
  'pdd_ws',
  'douyin_ws',
  'kuaishou_ws',
  'jd_ws',
] as const;
export const PRINTER_LANGUAGES = ['pdf', 'zpl', 'tspl', 'escpos', 'cainiao'] as const;
export const PRINTER_ROLES = ['label', 'receipt', 'document'] as const;
/** The languages each kind of printer speaks; the first is what a new printer of that kind gets. */
export const PRINTER_KIND_LANGUAGES: Record<
  (typeof PRINTER_KINDS)[number],
  readonly (typeof PRINTER_LANGUAGES)[number][]
> = {
  system: ['pdf'],
  raw_tcp: ['zpl', 'tspl', 'escpos'],
  cainiao_ws: ['cainiao'],
  pdd_ws: ['cainiao'],
  douyin_ws: ['cainiao'],
  kuaishou_ws: ['cainiao'],
  jd_ws: ['cainiao'],
};
/**
 * The languages that can serve each default role: documents (pick lists, packing slips, customs
 * forms, invoices) are A4 PDFs, a receipt is a PDF or ESC/POS, and Packdesk's own label needs a
 * printer that renders it (a platform print component prints only its platform's e-waybills).
 */
export const PRINTER_ROLE_LANGUAGES: Record<
  (typeof PRINTER_ROLES)[number],
  readonly (typeof PRINTER_LANGUAGES)[number][]
> = {
  label: ['pdf', 'zpl', 'tspl', 'escpos'],
  receipt: ['pdf', 'escpos'],
  document: ['pdf'],
};
/** cancelled = a person stopped it before it was sent; it never prints (a reprint can still copy it). */
export const PRINT_JOB_STATUSES = ['queued', 'printing', 'done', 'failed', 'cancelled'] as const;
export const PRINTABLE_DOCUMENTS = [
  'label',
  'pick_list',
  'packing_slip',
  'customs',
  'commercial_invoice',
  'sales_receipt',
  'manifest',
  'test',
  'waybill',
] as const;

export const printerInput = z
  .object({
    id: id.optional(),
    name: z.string().trim().min(1, 'a printer needs a name').max(80),
    kind: z.enum(PRINTER_KINDS),
    language: z.enum(PRINTER_LANGUAGES),
    host: z.string().trim().max(255).default(''),
    port: z.number().int().min(1).max(65535).default(9100),
    deviceName: z.string().max(200).default(''),
    labelSize: z.enum(LABEL_SIZES).default('100x150'),
    dpi: z.number().int().min(150).max(600).default(203),
    cjkFont: z.boolean().default(false),
    /** Raw printers: ask the status query before each job (off for printers that never answer). */
    statusCheck: z.boolean().default(true),
    defaultFor: z.enum(PRINTER_ROLES).nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict();

export const printer = z.object({
  id,
  name: z.string(),
  kind: z.enum(PRINTER_KINDS),
  language: z.enum(PRINTER_LANGUAGES),
  host: z.string(),
  port: z.number().int(),
  deviceName: z.string(),
  labelSize: z.enum(LABEL_SIZES),
  dpi: z.number().int(),
  cjkFont: z.boolean(),
  statusCheck: z.boolean(),
  defaultFor: z.enum(PRINTER_ROLES).nullable(),
  active: z.boolean(),
});
export type Printer = z.infer<typeof printer>;

export const printJob = z.object({
  id,
  printerId: id,
  printerName: z.string(),
  document: z.string(),
  orderId: id.nullable(),
  title: z.string(),
  format: z.string(),
  status: z.enum(PRINT_JOB_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextRunAt: isoDate,
  lastError: z.string().nullable(),
  /** unreachable, not_answering, closed_mid_job, paper_out, cover_open, paused, ribbon_out, jam, offline, unavailable, rejected, interrupted */
  lastFault: z.string().nullable(),
  /**
   * The last attempt failed after bytes may have reached the printer: the job is not retried
   * (it could print twice); a person checks the printer and reprints it with a reason.
   */
  maybePrinted: z.boolean(),
  reprintOf: id.nullable(),
  reprintReason: z.string().nullable(),
  /** Who cancelled the job, why and when (status cancelled). */
  cancelledBy: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelledAt: isoDate.nullable(),
  actor: z.string(),
  createdAt: isoDate,
  doneAt: isoDate.nullable(),
});
export type PrintJob = z.infer<typeof printJob>;

export const PRINTER_STATES = ['ready', 'fault', 'unknown'] as const;

export const printerStatus = z.object({
  printerId: id,
  /** ready = it answered and is fine; fault = a job would wait now; unknown = it did not say. */
  state: z.enum(PRINTER_STATES),
  /** The same codes as a job's lastFault, when state is fault. */
  fault: z.string().nullable(),
  message: z.string(),
  checkedAt: isoDate,
});
export type PrinterStatus = z.infer<typeof printerStatus>;

export const printingContract = {
  'printing.printers.list': read(
    'Every registered printer',
    z.object({}).strict(),
    z.object({ rows: z.array(printer) }),
  ),
  'printing.printers.save': write('Add a printer, or change one (with id)', printerInput, printer),
  'printing.printers.test': write('Queue a test page on a printer', z.object({ id }).strict(), printJob),
  'printing.printers.status': read(
    'Ask a printer now whether it can print (reachable, paper/labels, cover or head, ribbon, pause) without printing anything',
    z.object({ id }).strict(),
    printerStatus,
  ),
  'printing.system.list': read(
    "The operating system's printers (desktop app only)",
    z.object({}).strict(),
    z.object({
      available: z.boolean(),
      printers: z.array(z.object({ name: z.string(), displayName: z.string(), isDefault: z.boolean() })),
    }),
  ),
  'printing.print': write(
    "Queue documents for orders on a printer (default: the printer set for the document's role). Printing the same thing again returns the existing job; use printing.reprint for a second copy",
    z
      .object({
        document: z.enum(PRINTABLE_DOCUMENTS).exclude(['test', 'waybill', 'manifest']),
        orderIds: z.array(id).min(1).max(2000),
        printerId: id.optional(),
      })
      .strict(),
    z.object({ jobs: z.array(printJob), created: z.number().int() }),
  ),
  'printing.reprint': write(
    'Print a job again, on purpose, with a reason kept in the history',
    z
      .object({
        jobId: id,
        reason: z.string().trim().min(1, 'say why it is reprinted').max(300),
        printerId: id.optional(),
      })
      .strict(),
    printJob,
  ),
  'printing.jobs.list': read(
    'Print queue and history, newest first',
    z
      .object({
        status: z.array(z.enum(PRINT_JOB_STATUSES)).optional(),
        orderId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ rows: z.array(printJob) }),
  ),
  'printing.waybill': write(
    'Queue a platform e-waybill (电子面单) for the local print component; the same waybill number is never queued twice',
    z
      .object({
        orderId: id,
        printerId: id.optional(),
        documents: z
          .array(
            z
              .object({
                documentID: z.string().min(1).max(64),
                contents: z.array(z.record(z.string(), z.unknown())).min(1).max(5),
              })
              .strict(),
          )
          .min(1)
          .max(10),
      })
      .strict(),
    z.object({ job: printJob, created: z.boolean() }),
  ),
  'printing.jobs.cancel': write(
    'Stop jobs that are not being sent: queued (waiting to print or to retry) or failed (given up); they never print. All or nothing: a job being sent right now or already printed is refused',
    z
      .object({
        jobIds: z.array(id).min(1).max(500),
        reason: z.string().trim().min(1, 'say why the jobs are cancelled').max(300),
      })
      .strict(),
    z.object({ rows: z.array(printJob) }),
  ),
  'printing.jobs.move': write(
    "Send queued or failed jobs to another active printer instead, queued there; drawn again in that printer's language when it differs. Still printed once. All or nothing: a failed job that may already have printed (maybePrinted) is refused (reprint it with a reason)",
    z.object({ jobIds: z.array(id).min(1).max(500), printerId: id }).strict(),
    z.object({ rows: z.array(printJob) }),
  ),
  'printing.jobs.retry': write(
    'Put a failed job back in the queue (it has not printed); a job that may have printed (maybePrinted) is refused: reprint it with a reason',
    z.object({ jobId: id }).strict(),
    printJob,
  ),
} as const;
