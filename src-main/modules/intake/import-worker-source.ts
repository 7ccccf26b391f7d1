import { createRequire } from 'node:module';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type WorkerOptions } from 'node:worker_threads';
import {
  fromWire,
  type DataMessage,
  type EndMessage,
  type HeaderMessage,
  type ImportSource,
  type ParseSummary,
  SourceRestarted,
  type SourceRequest,
  type StartMessage,
  type WorkerInit,
} from './import-source';
import { decodePrepared, type Wire } from './prepared-wire';

/** The worker could not start (or died before saying anything): the caller parses in-thread. */
export class WorkerUnavailable extends Error {}

/** Without a message from the worker for this long while parsing, it is taken for dead. */
const STALL_MS = 60_000;

/**
 * Bundled (CLI, Electron core process): the worker is its own esbuild entry beside this bundle.
 * From TypeScript sources (vitest, tsx) there is no bundle, so the .ts entry is loaded through
 * tsx's require hook (a dev dependency, present wherever sources run).
 */
function spawnImportWorker(options: WorkerOptions): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, 'intake.worker.ts');
    const tsx = createRequire(__filename).resolve('tsx/cjs/api');
    return new Worker(
      `require(${JSON.stringify(tsx)}).require(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`,
      { ...options, eval: true },
    );
  }
  return new Worker(join(__dirname, 'intake-worker.cjs'), options);
}

/**
 * Parses and prepares in a worker thread, so the main thread only writes. Resolves once the
 * worker has read the file's rows and knows the layout (a file that cannot be read rejects with
 * the same AppFailure as in-thread parsing); orders then stream in while the rest is parsed.
 * Orders and the end of the parse are read synchronously (receiveMessageOnPort): the writer
 * takes them inside its transaction, which must not yield to the event loop.
 */
export function workerSource(req: SourceRequest): Promise<ImportSource> {
  return new Promise((resolveSource, rejectSource) => {
    const data = new MessageChannel();
    const end = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    // The caller keeps its bytes: a copy moves to the worker instead of being cloned there.
    const bytes = new Uint8Array(req.bytes);
    const { memo: _memo, ...standardizer } = req.standardizer;
    const init: WorkerInit = {
      fileName: req.fileName,
      bytes,
      format: req.format,
      standardizer,
      homeCountry: req.homeCountry,
      data: data.port2,
      end: end.port2,
      signal: signal.buffer as SharedArrayBuffer,
    };
    let worker: Worker;
    try {
      worker = spawnImportWorker({ workerData: init, transferList: [data.port2, end.port2, bytes.buffer] });
    } catch (e) {
      rejectSource(new WorkerUnavailable((e as Error).message));
      return;
    }
    let answered = false;
    let closed = false;
    let parsed: ParseSummary | null = null;
    // Orders received but not yet handed out (a chunk is split across pages).
    let queue: Wire[] = [];
    // Data messages taken off the port: a restart voids the first so many the worker posted.
    let received = 0;
    const close = () => {
      if (closed) return;
      closed = true;
      data.port1.close();
      end.port1.close();
      void worker.terminate();
    };

    /** The next message on either port, waiting for one; `end` first, since it is the last sent. */
    const receive = (): { end: EndMessage } | { data: DataMessage } => {
      for (;;) {
        const seen = Atomics.load(signal, 0);
        const last = receiveMessageOnPort(end.port1);
        if (last) return { end: last.message as EndMessage };
        const next = receiveMessageOnPort(data.port1);
        if (next) {
          received++;
          return { data: next.message as DataMessage };
        }
        if (Atomics.wait(signal, 0, seen, STALL_MS) === 'timed-out')
          throw new Error(`${req.fileName}: the import worker stopped answering`);
      }
    };

    const source: ImportSource = {
      layout: { format: 'packdesk', kind: '', defaultCurrency: '' },
      get parsed() {
        return parsed;
      },
      start: (from) => worker.postMessage({ type: 'start', from } satisfies StartMessage),
      nextWhileParsing: () => {
        if (parsed) return null;
        const m = receive();
        if ('data' in m) return m.data.map(decodePrepared);
        if (m.end.type === 'error') throw fromWire(m.end.error);
        if (m.end.type === 'restart') {
          // Posted before the restart, so all on the port already.
          for (; received < m.end.void; received++) receiveMessageOnPort(data.port1);
          queue = [];
          throw new SourceRestarted();
        }
        parsed = m.end.summary;
        return null;
      },
      take: (count) => {
        // Everything was sent before the end of the parse: the rest is already queued.
        while (queue.length < count) {
          const next = receiveMessageOnPort(data.port1);
          if (!next) break;
          received++;
          queue = queue.length ? queue.concat(next.message as DataMessage) : (next.message as DataMessage);
        }
        const page = queue.slice(0, count);
        queue = queue.slice(count);
        return page.map(decodePrepared);
      },
      close,
    };

    worker.once('message', (m: HeaderMessage) => {
      answered = true;
      if (m.type === 'error') {
        close();
        rejectSource(fromWire(m.error));
        return;
      }
      source.layout = m.layout;
      resolveSource(source);
    });
    worker.on('error', (e) => {
      if (!answered) rejectSource(new WorkerUnavailable(e.message));
      answered = true;
      close();
    });
    worker.on('exit', () => {
      if (!answered) rejectSource(new WorkerUnavailable('the import worker exited before reading the file'));
      answered = true;
    });
  });
}
