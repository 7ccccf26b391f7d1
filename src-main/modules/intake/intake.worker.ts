// The import worker: parses the file and prepares its orders (fingerprint, standardisation)
// while the main thread writes them. It never opens the database. Bundled as its own entry
// (dist/main/intake-worker.cjs) by build/build-main.mjs; see import-worker-source.ts.
import { parentPort, workerData } from 'node:worker_threads';
import type { Standardizer } from '../standardize';
import { collectStreaming, RowsApart } from './cell-parse';
import { byRow, openImport, parseInChunks, parseTable, readImportTable } from './import-parse';
import {
  toWire,
  type DataMessage,
  type EndMessage,
  type HeaderMessage,
  type StartMessage,
  type WorkerInit,
} from './import-source';
import type { Layout, ParsedOrder, RowProblem } from './intake.types';
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
  let opened: Awaited<ReturnType<typeof openImport>>;
  try {
    opened = await openImport(init.fileName, init.bytes, init.format);
  } catch (e) {
    port.postMessage({ type: 'error', error: toWire(e) } satisfies HeaderMessage);
    return;
  }
  const { reader, layout } = opened;
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
  let posted = 0;
  let chunk: Wire[] = [];
  const flush = () => {
    if (!chunk.length) return;
    init.data.postMessage(chunk satisfies DataMessage);
    posted++;
    chunk = [];
    wake();
  };
  // Each order is prepared and sent as soon as the layout has built it.
  const sink = (order: unknown) => {
    if (index++ < from) return;
    chunk.push(encodePrepared(prepareParsed(standardizer, order as ParsedOrder, init.homeCountry)));
    if (chunk.length >= CHUNK) flush();
  };
  const end = (rejected: RowProblem[]) => {
    flush();
    init.end.postMessage({
      type: 'parsed',
      summary: { total: index, rejected, notes: reader.head.notes },
    } satisfies EndMessage);
  };
  try {
    try {
      end(parseInChunks(reader, layout, sink));
    } catch (e) {
      if (!(e instanceof RowsApart)) throw e;
      // An order's rows are apart in the file: everything sent so far is void (the writer rolls
      // back what it wrote of it) and the file is parsed again whole, its orders sent from the start.
      init.end.postMessage({ type: 'restart', void: posted } satisfies EndMessage);
      wake();
      chunk = [];
      index = 0;
      end(await parseWhole(init, layout, sink));
    }
  } catch (e) {
    init.end.postMessage({ type: 'error', error: toWire(e) } satisfies EndMessage);
  }
  wake();
}

async function parseWhole(init: WorkerInit, layout: Layout, sink: (order: unknown) => void) {
  const { table } = await readImportTable(init.fileName, init.bytes, layout.format);
  return byRow(collectStreaming(sink, () => parseTable(table, layout)).rejected);
}

if (parentPort) void run(workerData as WorkerInit, parentPort);
