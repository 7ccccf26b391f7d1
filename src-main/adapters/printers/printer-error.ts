/**
 * Why a print did not happen, in words a clerk can act on. `retry` says whether trying again
 * later is safe (no byte reached the printer) and useful (the cause may go away).
 */
export type PrinterFault =
  | 'unreachable'
  | 'not_answering'
  | 'closed_mid_job'
  | 'paper_out'
  | 'cover_open'
  | 'paused'
  | 'ribbon_out'
  | 'jam'
  | 'offline'
  | 'unavailable'
  | 'rejected';
/** Faults the queue itself records (a crash while sending). */
export type JobFault = PrinterFault | 'interrupted';

export class PrinterError extends Error {
  constructor(
    readonly fault: PrinterFault,
    message: string,
    readonly retry: boolean,
    /** True when some bytes may have reached the printer: never resend automatically. */
    readonly maybePrinted = false,
  ) {
    super(message);
    this.name = 'PrinterError';
  }
}

export interface RawTarget {
  name: string;
  host: string;
  port: number;
}

export const where = (t: RawTarget): string => `printer "${t.name}" at ${t.host}:${t.port}`;
