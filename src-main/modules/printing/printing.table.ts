import { sqliteTable, integer, text, blob, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

export const printers = sqliteTable(
  'printers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull().unique(),
    /**
     * system = Electron's printer list; raw_tcp = port 9100; *_ws = a platform's local print
     * component (Cainiao, PDD, Douyin, Kuaishou, JD).
     */
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    host: text('host').notNull().default(''),
    port: integer('port').notNull().default(9100),
    /** The OS printer name (system) or the component's printer name (*_ws); empty = its default. */
    deviceName: text('device_name').notNull().default(''),
    labelSize: text('label_size').notNull().default('100x150'),
    dpi: integer('dpi').notNull().default(203),
    /** Printers without a CJK font get Chinese text as bitmaps. */
    cjkFont: integer('cjk_font', { mode: 'boolean' }).notNull().default(false),
    /**
     * Raw printers: ask the language's status query (~HS, <ESC>!?, DLE EOT) before each job. Off
     * for printers that never answer (each job would wait the status timeout) or answer garbage;
     * the printers screen's "check status" still asks. Ignored by other kinds.
     */
    statusCheck: integer('status_check', { mode: 'boolean' }).notNull().default(true),
    defaultFor: text('default_for'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('printers_default_for_uq')
      .on(t.defaultFor)
      .where(sql`${t.defaultFor} is not null`),
    check(
      'printers_kind',
      sql`${t.kind} in ('system','raw_tcp','cainiao_ws','pdd_ws','douyin_ws','kuaishou_ws','jd_ws')`,
    ),
    check('printers_language', sql`${t.language} in ('pdf','zpl','tspl','escpos','cainiao')`),
    check('printers_port', sql`${t.port} between 1 and 65535`),
    check(
      'printers_default_for',
      sql`${t.defaultFor} is null or ${t.defaultFor} in ('label','receipt','document')`,
    ),
  ],
);

/**
 * The persistent print queue. A job is rendered once (payload) and the same bytes are sent on
 * every attempt; `send_started_at` tells a crash before any byte left (safe to resend) from a
 * crash while sending (may have printed: a person decides).
 */
export const printJobs = sqliteTable(
  'print_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    printerId: integer('printer_id')
      .notNull()
      .references(() => printers.id),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    document: text('document').notNull(),
    orderId: integer('order_id'),
    title: text('title').notNull().default(''),
    format: text('format').notNull(),
    payload: blob('payload', { mode: 'buffer' }),
    /** What to render when payload is still null: { orderId, size, ... }. */
    requestJson: text('request_json').notNull().default('{}'),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    nextRunAt: integer('next_run_at').notNull(),
    sendStartedAt: integer('send_started_at'),
    lastError: text('last_error'),
    /** Why the last attempt failed, as a code the UI words in the user's language (PrinterFault). */
    lastFault: text('last_fault'),
    /**
     * The last attempt failed after bytes may have reached the printer (crash or hang-up while
     * sending, a stall, a system or component error mid-job): it is never retried, only
     * reprinted by a person with a reason.
     */
    maybePrinted: integer('maybe_printed', { mode: 'boolean' }).notNull().default(false),
    reprintOf: integer('reprint_of'),
    reprintReason: text('reprint_reason'),
    /** A person stopped the job before it was sent (the printer is off for the day…): who, why, when. */
    cancelledBy: text('cancelled_by'),
    cancelReason: text('cancel_reason'),
    cancelledAt: integer('cancelled_at'),
    actor: text('actor').notNull(),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    doneAt: integer('done_at'),
  },
  (t) => [
    index('print_jobs_due_idx').on(t.status, t.nextRunAt),
    index('print_jobs_created_idx').on(t.createdAt, t.id),
    index('print_jobs_order_idx').on(t.orderId),
    check('print_jobs_status', sql`${t.status} in ('queued','printing','done','failed','cancelled')`),
  ],
);
