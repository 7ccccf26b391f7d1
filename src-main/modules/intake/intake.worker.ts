// The import worker: parses the file and prepares its orders (fingerprint, standardisation)
// while the main thread writes them. It never opens the database. Bundled as its own entry
// (dist/main/intake-worker.cjs) by build/build-main.mjs; see import-worker-source.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { Standardizer } from '../standardize';
import { collectStreaming } from './cell-parse';
import { parseTable, readImportTable } from './import-parse';
import {
  toWire,
  type DataMessage,
  type EndMessage,
  type HeaderMessage,
  type StartMessage,
  type WorkerInit,
} from './import-source';
import type { ParsedOrder } from './intake.types';
import { prepareParsed } from './order-prepare';
import { encodePrepared, type Wire } from './prepared-wire';

/** Orders per message: small enough that the writer starts early, large enough that posting is cheap. */
const CHUNK = 500;

async function run(init: WorkerInit, port: NonNullable<typeof parentPort>): Promise<void> {
  const signal = new Int32Array(init.signal);
  const wake = () => {
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  let read: Awaited<ReturnType<typeof readImportTable>>;
  try {
    read = await readImportTable(init.fileName, init.bytes, init.format);
  } catch (e) {
    port.postMessage({ type: 'error', error: toWire(e) } satisfies HeaderMessage);
    return;
  }
  const { table, layout } = read;
  port.postMessage({
    type: 'header',
    layout: { format: layout.format, kind: layout.kind, defaultCurrency: layout.defaultCurrency },
  } satisfies HeaderMessage);
  const { from } = await new Promise<StartMessage>((resolve) => port.once('message', resolve));
  const standardizer: Standardizer = {
    ...init.standardizer,
    memo: { skus: new Map(), phones: new Map(), addresses: new Map() },
  };
  let index = 0;
  let chunk: Wire[] = [];
  const flush = () => {
    if (!chunk.length) return;
    init.data.postMessage(chunk satisfies DataMessage);
    chunk = [];
    wake();
  };
  try {
    // Each order is prepared and sent as soon as the layout has built it.
    const parsed = collectStreaming(
      (order) => {
        if (index++ < from) return;
        chunk.push(encodePrepared(prepareParsed(standardizer, order as ParsedOrder, init.homeCountry)));
        if (chunk.length >= CHUNK) flush();
      },
      () => parseTable(table, layout),
    );
    flush();
    init.end.postMessage({
      type: 'parsed',
      summary: { total: index, rejected: parsed.rejected, notes: table.notes },
    } satisfies EndMessage);
  } catch (e) {
    init.end.postMessage({ type: 'error', error: toWire(e) } satisfies EndMessage);
  }
  wake();
}

if (parentPort) void run(workerData as WorkerInit, parentPort);
