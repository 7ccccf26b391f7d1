import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../core-context';
import { printers, printJobs } from './printing.table';
import { orders } from '../orders/orders.table';

export type PrinterRow = typeof printers.$inferSelect;
export type PrinterValues = Omit<typeof printers.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;
export type PrintJobRow = typeof printJobs.$inferSelect;
export type NewPrintJob = Omit<typeof printJobs.$inferInsert, 'id'>;

export const listPrinters = (db: Db): PrinterRow[] =>
  db.select().from(printers).orderBy(asc(printers.name)).all();
export const findPrinter = (db: Db, id: number): PrinterRow | undefined =>
  db.select().from(printers).where(eq(printers.id, id)).get();
export const findPrinterByName = (db: Db, name: string): PrinterRow | undefined =>
  db.select().from(printers).where(eq(printers.name, name)).get();
export const findDefaultPrinter = (db: Db, role: string): PrinterRow | undefined =>
  db
    .select()
    .from(printers)
    .where(and(eq(printers.defaultFor, role), eq(printers.active, true)))
    .get();

export function clearDefault(db: Db, role: string, exceptId: number | null): void {
  db.update(printers)
    .set({ defaultFor: null })
    .where(
      and(eq(printers.defaultFor, role), exceptId === null ? sql`1 = 1` : sql`${printers.id} <> ${exceptId}`),
    )
    .run();
}

export const insertPrinter = (db: Db, v: PrinterValues, now: number): PrinterRow =>
  db
    .insert(printers)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning()
    .get();

export const updatePrinter = (db: Db, id: number, v: PrinterValues, now: number): PrinterRow =>
  db
    .update(printers)
    .set({ ...v, updatedAt: now })
    .where(eq(printers.id, id))
    .returning()
    .get();

export const findJob = (db: Db, id: number): PrintJobRow | undefined =>
  db.select().from(printJobs).where(eq(printJobs.id, id)).get();
export const findJobByKey = (db: Db, key: string): PrintJobRow | undefined =>
  db.select().from(printJobs).where(eq(printJobs.idempotencyKey, key)).get();
export const insertJob = (db: Db, job: NewPrintJob): PrintJobRow =>
  db.insert(printJobs).values(job).returning().get();

export const countReprints = (db: Db, jobId: number): number =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(printJobs)
    .where(eq(printJobs.reprintOf, jobId))
    .get()?.n ?? 0;

export function listJobs(
  db: Db,
  f: { status?: string[]; orderId?: number; offset: number; limit: number },
): (PrintJobRow & { printerName: string })[] {
  const where = and(
    f.status?.length ? inArray(printJobs.status, f.status) : undefined,
    f.orderId ? eq(printJobs.orderId, f.orderId) : undefined,
  );
  return db
    .select({ job: printJobs, printerName: printers.name })
    .from(printJobs)
    .innerJoin(printers, eq(printers.id, printJobs.printerId))
    .where(where)
    .orderBy(desc(printJobs.createdAt), desc(printJobs.id))
    .limit(f.limit)
    .offset(f.offset)
    .all()
    .map((r) => ({ ...r.job, printerName: r.printerName }));
}

/** The next job due to print, oldest first. */
export const nextDueJob = (db: Db, now: number): PrintJobRow | undefined =>
  db
    .select()
    .from(printJobs)
    .where(and(eq(printJobs.status, 'queued'), lte(printJobs.nextRunAt, now)))
    .orderBy(asc(printJobs.nextRunAt), asc(printJobs.id))
    .limit(1)
    .get();

export const earliestQueued = (db: Db): number | null =>
  db
    .select({ at: sql<number | null>`min(${printJobs.nextRunAt})` })
    .from(printJobs)
    .where(eq(printJobs.status, 'queued'))
    .get()?.at ?? null;

/** Moves a queued job to printing; false when someone else took it first. */
export function claimJob(db: Db, id: number, now: number): boolean {
  const r = db
    .update(printJobs)
    .set({
      status: 'printing',
      attempts: sql`${printJobs.attempts} + 1`,
      updatedAt: now,
      sendStartedAt: null,
    })
    .where(and(eq(printJobs.id, id), eq(printJobs.status, 'queued')))
    .run();
  return r.changes === 1;
}

export const setPayload = (db: Db, id: number, payload: Buffer, now: number): void => {
  db.update(printJobs).set({ payload, updatedAt: now }).where(eq(printJobs.id, id)).run();
};

/**
 * Marks the point after which bytes may reach the printer. False when the job is no longer this
 * attempt's (another process's start-up recovery re-queued it): then this process must not send.
 */
export const markSending = (db: Db, id: number, attempts: number, now: number): boolean =>
  db
    .update(printJobs)
    .set({ sendStartedAt: now, updatedAt: now })
    .where(and(eq(printJobs.id, id), eq(printJobs.status, 'printing'), eq(printJobs.attempts, attempts)))
    .run().changes === 1;

export const markDone = (db: Db, id: number, now: number): void => {
  db.update(printJobs)
    .set({
      status: 'done',
      doneAt: now,
      lastError: null,
      lastFault: null,
      maybePrinted: false,
      updatedAt: now,
    })
    .where(eq(printJobs.id, id))
    .run();
};

export const markRetry = (
  db: Db,
  id: number,
  error: string,
  fault: string,
  nextRunAt: number,
  now: number,
): void => {
  db.update(printJobs)
    .set({
      status: 'queued',
      lastError: error,
      lastFault: fault,
      nextRunAt,
      sendStartedAt: null,
      updatedAt: now,
    })
    .where(eq(printJobs.id, id))
    .run();
};

export const markFailed = (
  db: Db,
  id: number,
  error: string,
  fault: string,
  maybePrinted: boolean,
  now: number,
): void => {
  db.update(printJobs)
    .set({ status: 'failed', lastError: error, lastFault: fault, maybePrinted, updatedAt: now })
    .where(eq(printJobs.id, id))
    .run();
};

export const requeueJob = (db: Db, id: number, now: number): void => {
  db.update(printJobs)
    .set({ status: 'queued', attempts: 0, nextRunAt: now, sendStartedAt: null, updatedAt: now })
    .where(eq(printJobs.id, id))
    .run();
};

/**
 * Cancels jobs that are not being sent: still waiting (queued, or queued again for a retry) or
 * failed. Conditional on the status, like a claim, so a job the queue took meanwhile is left
 * alone; returns how many changed.
 */
export const cancelQueuedJobs = (db: Db, ids: number[], by: string, reason: string, now: number): number =>
  db
    .update(printJobs)
    .set({ status: 'cancelled', cancelledBy: by, cancelReason: reason, cancelledAt: now, updatedAt: now })
    .where(and(inArray(printJobs.id, ids), inArray(printJobs.status, ['queued', 'failed'])))
    .run().changes;

/**
 * Points a waiting or failed job at another printer, queued there with a fresh set of attempts;
 * `payload` is null when the job must be drawn again for that printer. A failed job that may
 * have printed is never sent again this way. False when the queue took the job meanwhile.
 */
export const moveQueuedJob = (
  db: Db,
  id: number,
  to: { printerId: number; format: string; payload: Buffer | null },
  now: number,
): boolean =>
  db
    .update(printJobs)
    .set({
      ...to,
      status: 'queued',
      attempts: 0,
      nextRunAt: now,
      lastError: null,
      lastFault: null,
      sendStartedAt: null,
      updatedAt: now,
    })
    .where(
      and(
        eq(printJobs.id, id),
        or(
          eq(printJobs.status, 'queued'),
          and(eq(printJobs.status, 'failed'), eq(printJobs.maybePrinted, false)),
        ),
      ),
    )
    .run().changes === 1;

export const findJobs = (db: Db, ids: number[]): PrintJobRow[] =>
  db.select().from(printJobs).where(inArray(printJobs.id, ids)).all();

/**
 * After a crash: a job whose bytes never started to leave goes back to the queue; one that was
 * sending may have printed, so it fails and waits for a person. Returns the ids it touched.
 */
export function recoverInterrupted(db: Db, now: number): { requeued: number[]; uncertain: number[] } {
  const stuck = db
    .select({ id: printJobs.id, sending: printJobs.sendStartedAt })
    .from(printJobs)
    .where(eq(printJobs.status, 'printing'))
    .all();
  const requeued = stuck.filter((j) => j.sending === null).map((j) => j.id);
  const uncertain = stuck.filter((j) => j.sending !== null).map((j) => j.id);
  if (requeued.length) {
    db.update(printJobs)
      .set({ status: 'queued', nextRunAt: now, updatedAt: now })
      .where(inArray(printJobs.id, requeued))
      .run();
  }
  if (uncertain.length) {
    db.update(printJobs)
      .set({
        status: 'failed',
        updatedAt: now,
        lastFault: 'interrupted',
        maybePrinted: true,
        lastError:
          'Packdesk stopped while this job was being sent: it may or may not have printed. Check the printer; reprint from history if nothing came out.',
      })
      .where(inArray(printJobs.id, uncertain))
      .run();
  }
  return { requeued, uncertain };
}

/** The ids among `ids` that are real orders. */
export function existingOrderIds(db: Db, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ id: orders.id })
      .from(orders)
      .where(inArray(orders.id, ids))
      .all()
      .map((r) => r.id),
  );
}
