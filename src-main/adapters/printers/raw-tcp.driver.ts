import { Socket } from 'node:net';
import { PrinterError, where, type RawTarget } from './printer-error';
import {
  parseZplHostStatus,
  TSPL_STATUS,
  tsplStatusError,
  ZPL_HOST_STATUS,
  zplSilentError,
  zplStatusError,
  type StatusLanguage,
  type StatusQuery,
} from './raw-status';

export interface RawTcpOptions {
  connectTimeoutMs?: number;
  /** Longest wait for the printer to take more bytes or to close after the job. */
  writeTimeoutMs?: number;
  /**
   * Ask the printer's status before the job: ESC/POS DLE EOT, ZPL ~HS, TSPL <ESC>!?. A fault
   * stops the job before any byte of it is sent. Silent ESC/POS and TSPL printers are not
   * blocked; a silent Zebra is (it goes quiet when out of media, see raw-status.ts).
   */
  status?: StatusLanguage;
  statusTimeoutMs?: number;
  closeGraceMs?: number;
}

const CONNECT_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  EHOSTUNREACH: 'no route to host',
  ENETUNREACH: 'network unreachable',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
};

export interface RawStatus {
  answered: boolean;
  error: PrinterError | null;
}

/** Sends `query` and collects the answer, or null when the printer does not answer in time. */
function askStatus(socket: Socket, query: StatusQuery, timeoutMs: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    let received = Buffer.alloc(0);
    const done = (v: Buffer | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(v);
    };
    // A printer that hangs up has said all it will.
    const onClose = () => done(query.complete(received) ? received : null);
    const onData = (d: Buffer) => {
      received = Buffer.concat([received, d]);
      if (query.complete(received)) done(received);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(query.bytes);
  });
}

const oneByte = (bytes: Buffer): StatusQuery => ({ bytes, complete: (r) => r.length >= 1 });
const lastByte = (r: Buffer | null): number | null => (r === null ? null : (r[r.length - 1] ?? null));

/**
 * Asks the printer how it is. `error` = a fault (the job must wait); `answered` = false when an
 * ESC/POS or TSPL printer said nothing (it is not blocked, but its state is unknown).
 */
async function statusFault(
  socket: Socket,
  target: RawTarget,
  language: StatusLanguage,
  timeoutMs: number,
): Promise<RawStatus> {
  if (language === 'zpl') {
    const reply = await askStatus(socket, ZPL_HOST_STATUS, timeoutMs);
    const s = reply && parseZplHostStatus(reply);
    return s
      ? { answered: true, error: zplStatusError(target, s) }
      : { answered: false, error: zplSilentError(target, timeoutMs) };
  }
  if (language === 'tspl') {
    const b = lastByte(await askStatus(socket, TSPL_STATUS, timeoutMs));
    return b === null
      ? { answered: false, error: null }
      : { answered: true, error: tsplStatusError(target, b) };
  }
  const paper = lastByte(await askStatus(socket, oneByte(Buffer.from([0x10, 0x04, 0x04])), timeoutMs));
  if (paper === null) return { answered: false, error: null };
  if ((paper & 0x60) === 0x60)
    return {
      answered: true,
      error: new PrinterError(
        'paper_out',
        `${where(target)} is out of paper; load a new roll and the job will print`,
        true,
      ),
    };
  const offline = lastByte(await askStatus(socket, oneByte(Buffer.from([0x10, 0x04, 0x02])), timeoutMs));
  if (offline !== null && offline & 0x04)
    return {
      answered: true,
      error: new PrinterError(
        'cover_open',
        `${where(target)} has its cover open; close it and the job will print`,
        true,
      ),
    };
  return { answered: true, error: null };
}

/** Opens the port-9100 connection; every failure is a retryable PrinterError (nothing was sent). */
async function connect(target: RawTarget, connectTimeout: number): Promise<Socket> {
  const socket = new Socket();
  socket.setNoDelay(true);
  try {
    await new Promise<void>((resolve, reject) => {
      // No TCP handshake at all: the printer is switched off or not on this network (a printer
      // that is on but out of paper still accepts the connection), so it is 'unreachable'.
      const timer = setTimeout(() => {
        reject(
          new PrinterError(
            'unreachable',
            `${where(target)} is not answering (no connection within ${connectTimeout / 1000} s); check it is switched on and on the network`,
            true,
          ),
        );
      }, connectTimeout);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        const why = CONNECT_CODES[e.code ?? ''];
        reject(
          why
            ? new PrinterError(
                'unreachable',
                `${where(target)} is off or unreachable (${why}); switch it on or check its address`,
                true,
              )
            : new PrinterError('unreachable', `${where(target)} could not be reached: ${e.message}`, true),
        );
      });
      socket.connect(target.port, target.host);
    });
  } catch (e) {
    socket.destroy();
    throw e;
  }
  return socket;
}

/**
 * Asks a raw printer how it is without printing anything (the printers screen's "check
 * status"). A printer that cannot be reached is reported the same way, as `error`.
 */
export async function checkRawTcpStatus(
  target: RawTarget,
  language: StatusLanguage,
  opts: Pick<RawTcpOptions, 'connectTimeoutMs' | 'statusTimeoutMs'> = {},
): Promise<RawStatus> {
  let socket: Socket;
  try {
    socket = await connect(target, opts.connectTimeoutMs ?? 5_000);
  } catch (e) {
    if (e instanceof PrinterError) return { answered: false, error: e };
    throw e;
  }
  try {
    socket.on('error', () => undefined);
    return await statusFault(socket, target, language, opts.statusTimeoutMs ?? 800);
  } finally {
    socket.destroy();
  }
}

/**
 * Sends one job to a raw port-9100 printer (ZPL, TSPL, ESC/POS): connect, optional status
 * check, write everything, half-close and wait for the printer to close. Every failure is a
 * PrinterError saying whether a retry is safe.
 */
export async function sendRawTcp(target: RawTarget, bytes: Buffer, opts: RawTcpOptions = {}): Promise<void> {
  const socket = await connect(target, opts.connectTimeoutMs ?? 5_000);
  const writeTimeout = opts.writeTimeoutMs ?? 30_000;
  try {
    if (opts.status) {
      const { error } = await statusFault(socket, target, opts.status, opts.statusTimeoutMs ?? 800);
      if (error) throw error;
    }

    await new Promise<void>((resolve, reject) => {
      let written = false;
      const timer = setTimeout(() => {
        reject(
          new PrinterError(
            'not_answering',
            `${where(target)} stopped taking data (no progress for ${writeTimeout / 1000} s); it may be out of paper or paused`,
            false,
            true,
          ),
        );
      }, writeTimeout);
      socket.once('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          new PrinterError(
            'closed_mid_job',
            `${where(target)} closed the connection in the middle of the job (${e.code ?? e.message}); check the printer, then reprint from history if needed`,
            false,
            true,
          ),
        );
      });
      socket.once('close', () => {
        clearTimeout(timer);
        if (written) resolve();
        else
          reject(
            new PrinterError(
              'closed_mid_job',
              `${where(target)} closed the connection before taking the whole job; check the printer, then reprint from history if needed`,
              false,
              true,
            ),
          );
      });
      // Ignore anything the printer says back (status bytes, echoes) after the job.
      socket.on('data', () => undefined);
      socket.write(bytes, (e) => {
        if (e) return;
        written = true;
        // Some printers keep the socket open after a job; once everything is flushed and the
        // printer has said nothing wrong for a moment, the job is delivered.
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, opts.closeGraceMs ?? 2_000).unref();
      });
      socket.end();
    });
  } finally {
    socket.destroy();
  }
}
