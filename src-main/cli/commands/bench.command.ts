import { parseArgs } from 'node:util';
// The harness lives with the tests; esbuild bundles it into the CLI so `packdesk bench` needs no dev tools.
import { formatReport } from '../../../tests/bench/harness';
import { BENCH_SECTIONS, runBench, type BenchSection } from '../../../tests/bench/run-bench';
import { UsageError, type Command } from '../cli-env';

export const benchCommand: Command = {
  name: 'bench',
  usage: `bench [--orders N] [--only ${BENCH_SECTIONS.join(',')}]`,
  summary:
    'measure demo generation and the order queue, documents, review + routing and imports against raw baselines (temp databases only)',
  async run(args, env) {
    const { values } = parseArgs({
      args,
      options: { orders: { type: 'string', default: '1000000' }, only: { type: 'string' } },
    });
    const orders = Number(values.orders.replaceAll('_', ''));
    if (!Number.isInteger(orders) || orders < 100 || orders > 5_000_000) {
      throw new UsageError(`--orders must be a whole number from 100 to 5000000, got "${values.orders}"`);
    }
    const only = values.only === undefined ? undefined : parseSections(values.only);
    // Progress on stderr, so stdout stays exactly one JSON document in --json mode.
    const report = await runBench({
      orders,
      only,
      log: (line) => (env.json ? undefined : process.stderr.write(`bench: ${line}\n`)),
    });
    env.print(report, () => formatReport(report));
    return report.figures.every((f) => f.meets) ? 0 : 1;
  },
};

function parseSections(text: string): BenchSection[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(BENCH_SECTIONS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--only takes a comma-separated list of ${BENCH_SECTIONS.join(', ')}; got "${text}"`,
    );
  }
  return names as BenchSection[];
}
