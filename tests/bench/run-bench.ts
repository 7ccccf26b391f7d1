import { benchColdStart } from './cold-start.bench';
import { benchDemoThroughput } from './demo-throughput.bench';
import { benchDocuments } from './documents.bench';
import { machine, scratchDir, type BenchReport, type Figure } from './harness';
import { benchAddresses, benchImport } from './intake.bench';
import { benchQueueQuery } from './queue-query.bench';
import { benchReviewRouting } from './review-routing.bench';

/**
 * Sections that can run on their own (`packdesk bench --only review-routing`): a full run builds
 * a demo of --orders orders first, which takes minutes at the default million.
 * 'demo' is demo generation with the order queue and cold start, which read that demo database.
 */
export const BENCH_SECTIONS = ['demo', 'documents', 'review-routing', 'intake'] as const;
export type BenchSection = (typeof BENCH_SECTIONS)[number];

export interface BenchOptions {
  orders: number;
  /** Run only these sections; all when absent. */
  only?: readonly BenchSection[];
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
    const wanted = (s: BenchSection) => !opts.only || opts.only.includes(s);
    const figures: Figure[] = [];
    if (wanted('demo')) {
      const demo = benchDemoThroughput(ctx);
      figures.push(demo.figure);
      figures.push(...(await benchQueueQuery(ctx, demo.dbPath)));
      figures.push(...(await benchColdStart(ctx, demo.dbPath)));
    }
    if (wanted('documents')) figures.push(...(await benchDocuments(ctx)));
    if (wanted('review-routing')) figures.push(...(await benchReviewRouting(ctx)));
    if (wanted('intake')) figures.push(await benchImport(ctx), ...benchAddresses(ctx));
    return { machine: machine(), orders: opts.orders, figures };
  } finally {
    scratch.dispose();
    if (quiet === undefined) delete process.env.PACKDESK_QUIET;
    else process.env.PACKDESK_QUIET = quiet;
  }
}
