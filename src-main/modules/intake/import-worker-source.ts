import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  fromWire,
  type FromWorker,
  type ImportSource,
  type SourceRequest,
  type ToWorker,
} from './import-source';
import type { PreparedOrder } from './order-prepare';
import { decodePrepared, type Wire } from './prepared-wire';

/** The worker could not start (or died before saying anything): the caller parses in-thread. */
export class WorkerUnavailable extends Error {}

/**
 * Bundled (CLI, Electron core process): the worker is its own esbuild entry beside this bundle.
 * From TypeScript sources (vitest, tsx) there is no bundle, so the .ts entry is loaded through
 * tsx's require hook (a dev dependency, present wherever sources run).
 */
function spawnImportWorker(): Worker {
  if (__filename.endsWith('.ts')) {
    const entry = join(__dirname, 'intake.worker.ts');
    const tsx = createRequire(__filename).resolve('tsx/cjs/api');
    return new Worker(
      `require(${JSON.stringify(tsx)}).require(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`,
      {
        eval: true,
      },
    );
  }
  return new Worker(join(__dirname, 'intake-worker.cjs'));
}

/**
 * Parses and prepares in a worker thread, so the main thread only writes: the file is parsed
 * whole first (a failure rejects with the same AppFailure as in-thread parsing), then prepared
 * orders stream in while earlier pages are written. `ahead`: how far the worker may run ahead.
 */
export function workerSource(req: SourceRequest, ahead: number): Promise<ImportSource> {
  return new Promise((resolveSource, rejectSource) => {
    let worker: Worker;
    try {
      worker = spawnImportWorker();
    } catch (e) {
      rejectSource(new WorkerUnavailable((e as Error).message));
      return;
    }
    // Any message means the worker runs: a failure after it is the import's, not a reason to fall back.
    let heard = false;
    let handedOut = false;
    let closed = false;
    let failure: Error | null = null;
    let total = 0;
    let left = 0;
    let taken = 0;
    // Orders as they crossed, decoded only when taken.
    const queue: Wire[] = [];
    let waiter: { count: number; resolve: (o: PreparedOrder[]) => void; reject: (e: Error) => void } | null =
      null;

    const settle = () => {
      if (!waiter) return;
      if (failure) {
        waiter.reject(failure);
        waiter = null;
        return;
      }
      const want = Math.min(waiter.count, left);
      if (queue.length < want) return;
      const page = queue.splice(0, want);
      left -= page.length;
      taken += page.length;
      const w = waiter;
      waiter = null;
      worker.postMessage({ type: 'taken', count: taken } satisfies ToWorker);
      w.resolve(page.map(decodePrepared));
    };
    const close = () => {
      if (closed) return;
      closed = true;
      void worker.terminate();
    };
    const fail = (e: Error) => {
      if (failure || closed) return;
      failure = e;
      if (!handedOut) rejectSource(e);
      settle();
      close();
    };

    worker.on('message', (m: FromWorker) => {
      if (m.type === 'error') {
        heard = true;
        fail(fromWire(m.error));
      } else if (m.type === 'parsed') {
        heard = true;
        handedOut = true;
        total = m.total;
        resolveSource({
          layout: m.layout,
          total: m.total,
          rejected: m.rejected,
          start: (from) => {
            left = Math.max(0, total - from);
            worker.postMessage({ type: 'start', from, ahead } satisfies ToWorker);
          },
          take: (count) =>
            new Promise<PreparedOrder[]>((resolve, reject) => {
              waiter = { count, resolve, reject };
              settle();
            }),
          close,
        });
      } else {
        for (const o of m.orders) queue.push(o);
        settle();
      }
    });
    worker.on('error', (e) => fail(heard ? e : new WorkerUnavailable(e.message)));
    worker.on('exit', (code) => fail(new Error(`the import worker stopped (exit code ${code})`)));

    // The caller keeps its bytes: a copy moves to the worker instead of being cloned there.
    const bytes = new Uint8Array(req.bytes);
    const { memo: _memo, ...standardizer } = req.standardizer;
    worker.postMessage(
      {
        type: 'init',
        fileName: req.fileName,
        bytes,
        format: req.format,
        standardizer,
        homeCountry: req.homeCountry,
      } satisfies ToWorker,
      [bytes.buffer],
    );
  });
}
