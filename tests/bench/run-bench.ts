import { benchColdStart } from './cold-start.bench';
import { benchDemoThroughput } from './demo-throughput.bench';
import { benchDocuments } from './documents.bench';
import { machine, scratchDir, type BenchReport } from './harness';
import { benchAddresses, benchImport } from './intake.bench';
import { benchQueueQuery } from './queue-query.bench';
import { benchReviewRouting } from './review-routing.bench';

export interface BenchOptions {
  orders: number;
  log(line: string): void;
}

/**
 * Every figure with its baseline, measured now on this machine, in a scratch folder that is
 * removed afterwards: the benchmark never opens the user's database.
 */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const quiet = process.env.PACKDESK_QUIET;
  // The dispatcher's slow-call warnings would interleave with the report.
  process.env.PACKDESK_QUIET = '1';
  const scratch = scratchDir();
  try {
    const ctx = { dir: scratch.dir, orders: opts.orders, log: opts.log };
    const demo = benchDemoThroughput(ctx);
    const queue = await benchQueueQuery(ctx, demo.dbPath);
    const start = await benchColdStart(ctx, demo.dbPath);
    const documents = await benchDocuments(ctx);
    const reviewRouting = await benchReviewRouting(ctx);
    const intake = [await benchImport(ctx), ...benchAddresses(ctx)];
    return {
      machine: machine(),
      orders: opts.orders,
      figures: [demo.figure, ...queue, ...start, ...documents, ...reviewRouting, ...intake],
    };
  } finally {
    scratch.dispose();
    if (quiet === undefined) delete process.env.PACKDESK_QUIET;
    else process.env.PACKDESK_QUIET = quiet;
  }
}
