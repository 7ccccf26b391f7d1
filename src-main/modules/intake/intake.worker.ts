// The import worker: parses the file and prepares its orders (fingerprint, standardisation)
// while the main thread writes the previous page. It never opens the database. Bundled as its
// own entry (dist/main/intake-worker.cjs) by build/build-main.mjs; see import-worker-source.ts.
import { parentPort, type MessagePort } from 'node:worker_threads';
import type { Standardizer } from '../standardize';
import { parseImportFile } from './import-parse';
import { toWire, type FromWorker, type ToWorker } from './import-source';
import type { ParsedOrder } from './intake.types';
import { prepareParsed } from './order-prepare';
import { encodePrepared, type Wire } from './prepared-wire';

/** Orders per message: small enough that the writer rarely waits, large enough that posting is cheap. */
const CHUNK = 500;

function serve(port: MessagePort): void {
  const post = (m: FromWorker) => port.postMessage(m);
  let orders: ParsedOrder[] = [];
  let standardizer: Standardizer | null = null;
  let homeCountry = 'CN';
  let taken = 0;
  let wake: (() => void) | null = null;

  async function parse(m: Extract<ToWorker, { type: 'init' }>): Promise<void> {
    try {
      const { layout, parsed } = await parseImportFile(m.fileName, m.bytes, m.format);
      orders = parsed.orders;
      standardizer = {
        ...m.standardizer,
        memo: { skus: new Map(), phones: new Map(), addresses: new Map() },
      };
      homeCountry = m.homeCountry;
      post({
        type: 'parsed',
        layout: { format: layout.format, kind: layout.kind, defaultCurrency: layout.defaultCurrency },
        total: orders.length,
        rejected: parsed.rejected,
      });
    } catch (e) {
      post({ type: 'error', error: toWire(e) });
    }
  }

  // Runs ahead of the writer by at most `ahead` orders, so a slow disk cannot make it hold the
  // whole file twice over (parsed and prepared).
  async function produce(from: number, ahead: number): Promise<void> {
    try {
      let next = from;
      while (next < orders.length) {
        if (next - from - taken >= ahead) {
          await new Promise<void>((resolve) => (wake = resolve));
          continue;
        }
        const end = Math.min(orders.length, next + CHUNK);
        const out: Wire[] = [];
        for (let i = next; i < end; i++)
          out.push(
            encodePrepared(
              prepareParsed(standardizer as Standardizer, orders[i] as ParsedOrder, homeCountry),
            ),
          );
        post({ type: 'orders', orders: out });
        next = end;
      }
    } catch (e) {
      post({ type: 'error', error: toWire(e) });
    }
  }

  port.on('message', (m: ToWorker) => {
    if (m.type === 'init') void parse(m);
    else if (m.type === 'start') void produce(m.from, m.ahead);
    else {
      taken = m.count;
      const w = wake;
      wake = null;
      w?.();
    }
  });
}

if (parentPort) serve(parentPort);
