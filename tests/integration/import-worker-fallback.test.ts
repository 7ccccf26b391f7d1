import { readFileSync } from 'node:fs';
import type * as WorkerThreads from 'node:worker_threads';
import { importFile } from '../../src-main/modules/intake';
import { aCore } from '../fixtures/core';
import { canonicalOrders } from '../fixtures/db-snapshot';

// A host where no worker thread starts (a sandbox, a missing bundle): every Worker fails at once.
vi.mock('node:worker_threads', async (original) => {
  const real = await original<typeof WorkerThreads>();
  return {
    ...real,
    Worker: class {
      constructor() {
        throw new Error('worker threads are not available here');
      }
    },
  };
});

test('where no worker can start, an import asked to use one parses in-thread and imports the same', async () => {
  const bytes = readFileSync('tests/fixtures/files/shopify-orders.csv');
  const a = aCore({ now: () => Date.UTC(2026, 2, 20) });
  const b = aCore({ now: () => Date.UTC(2026, 2, 20) });
  try {
    const args = { fileName: 'shopify-orders.csv', bytes, format: 'auto' as const, actor: 't' };
    const viaFallback = await importFile(a.ctx, { ...args, worker: true });
    const inThread = await importFile(b.ctx, { ...args, worker: false });
    expect(viaFallback.imported).toBeGreaterThan(0);
    expect({ ...viaFallback, runId: 0 }).toEqual({ ...inThread, runId: 0 });
    expect(canonicalOrders(a)).toEqual(canonicalOrders(b));
  } finally {
    a.dispose();
    b.dispose();
  }
});
