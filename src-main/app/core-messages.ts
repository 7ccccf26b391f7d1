import type { PushEvent } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';
import type { PrinterReply, PrinterRequest } from './printer-messages';
import type { SecretReply, SecretRequest } from './secret-messages';

/**
 * Messages between the main process and the core utility process. Plain objects only: they
 * cross the process boundary through structured clone.
 */
export interface CoreRequest {
  id: number;
  op: string;
  input: unknown;
  actor: string;
}

/** Main asks the core to close the database cleanly (WAL checkpoint) before the app quits. */
export interface CoreShutdown {
  shutdown: true;
}

/** Main's answer to a keychain request from the core (see secret-messages.ts). */
export type ToCore =
  | CoreRequest
  | CoreShutdown
  | { secretReply: SecretReply }
  /** Main's answer to a system-printer request (see printer-messages.ts). */
  | { printerReply: PrinterReply };

export type FromCore =
  | { id: number; result: Result<unknown> }
  | { event: PushEvent }
  /** The database is open and migrated; requests sent earlier are answered from now on. */
  | { ready: true }
  /** The core could not start (bad database file, failed migration); the process exits next. */
  | { fatal: string }
  /** The core asks main to encrypt/decrypt with safeStorage, which only main may call. */
  | { secret: SecretRequest }
  /** The core asks main to list the OS printers or print a PDF on one (needs a webContents). */
  | { printer: PrinterRequest };

export const isCoreRequest = (m: unknown): m is CoreRequest =>
  typeof m === 'object' &&
  m !== null &&
  typeof (m as CoreRequest).id === 'number' &&
  typeof (m as CoreRequest).op === 'string' &&
  typeof (m as CoreRequest).actor === 'string';

export const isShutdown = (m: unknown): m is CoreShutdown =>
  typeof m === 'object' && m !== null && (m as CoreShutdown).shutdown === true;
