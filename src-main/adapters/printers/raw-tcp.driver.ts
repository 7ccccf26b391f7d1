import { Socket } from 'node:net';
import { PrinterError, where, type RawTarget } from './printer-error';

export interface RawTcpOptions {
  connectTimeoutMs?: number;
  /** Longest wait for the printer to take more bytes or to close after the job. */
  writeTimeoutMs?: number;
  /** ESC/POS: ask DLE EOT for paper/cover status first; printers that stay silent are not blocked. */
  escposStatus?: boolean;
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

/** Reads one status byte after sending `query`, or null when the printer does not answer. */
function askStatus(socket: Socket, query: Buffer, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const done = (v: number | null) => {
      clearTimeout(timer);
      socket.off('data', onData);
      resolve(v);
    };
    const onData = (d: Buffer) => done(d[d.length - 1] ?? null);
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('data', onData);
    socket.write(query);
  });
}

/**
 * Sends one job to a raw port-9100 printer (ZPL, TSPL, ESC/POS): connect, optional status
 * check, write everything, half-close and wait for the printer to close. Every failure is a
 * PrinterError saying whether a retry is safe.
 */
export async function sendRawTcp(target: RawTarget, bytes: Buffer, opts: RawTcpOptions = {}): Promise<void> {
  const connectTimeout = opts.connectTimeoutMs ?? 5_000;
  const writeTimeout = opts.writeTimeoutMs ?? 30_000;
  const socket = new Socket();
  socket.setNoDelay(true);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new PrinterError(
            'not_answering',
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

    if (opts.escposStatus) {
      const t = opts.statusTimeoutMs ?? 800;
      const paper = await askStatus(socket, Buffer.from([0x10, 0x04, 0x04]), t);
      if (paper !== null && (paper & 0x60) === 0x60) {
        throw new PrinterError(
          'paper_out',
          `${where(target)} is out of paper; load a new roll and the job will print`,
          true,
        );
      }
      const offline = paper === null ? null : await askStatus(socket, Buffer.from([0x10, 0x04, 0x02]), t);
      if (offline !== null && offline & 0x04) {
        throw new PrinterError(
          'cover_open',
          `${where(target)} has its cover open; close it and the job will print`,
          true,
        );
      }
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
