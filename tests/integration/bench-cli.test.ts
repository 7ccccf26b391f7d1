import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..', '..');
const CLI = join(root, 'bin', 'packdesk.cjs');

test('packdesk bench --orders 2000 --json prints one report with a measured baseline for every figure', async () => {
  expect(
    existsSync(join(root, 'dist', 'main', 'cli.cjs')),
    'build the CLI first: node build/build-main.mjs',
  ).toBe(true);
  // The exit code says whether every target was met; on a tiny run that is not the point here.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'bench', '--orders', '2000', '--json'],
    { cwd: root, maxBuffer: 4 * 1024 * 1024 },
  ).catch((e: { stdout?: string; code?: number; stderr?: string }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw new Error(`bench failed (${e.code}): ${e.stderr}`);
  });
  const report = JSON.parse(stdout);
  expect(Object.keys(report.machine).sort()).toEqual([
    'cores',
    'cpu',
    'memoryGiB',
    'node',
    'platform',
    'sqlite',
  ]);
  expect(report.machine.cores).toBeGreaterThan(0);
  expect(report.machine.sqlite).toMatch(/^3\.\d+\.\d+$/);
  const names = report.figures.map((f: { name: string }) => f.name);
  // Other capabilities add their own figures after these.
  expect(names).toEqual(
    expect.arrayContaining([
      'demo generation throughput',
      'orders.list p50',
      'orders.list p95',
      'serve cold start → /api/health',
      'serve cold start → first orders.list',
    ]),
  );
  for (const f of report.figures) {
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['name', 'value', 'unit', 'baseline', 'ratio', 'target', 'meets']),
    );
    expect(f.value, f.name).toBeGreaterThan(0);
    expect(f.baseline, f.name).toBeGreaterThan(0);
    expect(f.ratio, f.name).toBeGreaterThan(0);
    // value and baseline are rounded to 0.01 in the report, the ratio is not: allow for that rounding.
    const slack = 0.01 * f.ratio + (0.005 * (1 + f.ratio)) / f.baseline + 0.001;
    expect(Math.abs(f.ratio - f.value / f.baseline), f.name).toBeLessThan(slack);
    expect(typeof f.meets).toBe('boolean');
    expect(typeof f.target).toBe('string');
  }
}, 180_000);

test('packdesk bench --only review-routing runs just that section: review + routing beside the raw read, against 5 s per 100k', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [CLI, 'bench', '--only', 'review-routing', '--orders', '1000', '--json'],
    { cwd: root, maxBuffer: 4 * 1024 * 1024 },
  ).catch((e: { stdout?: string; code?: number; stderr?: string }) => {
    if (e.code === 1 && e.stdout) return { stdout: e.stdout };
    throw new Error(`bench failed (${e.code}): ${e.stderr}`);
  });
  const report = JSON.parse(stdout);
  expect(report.figures).toHaveLength(1);
  const [f] = report.figures;
  expect(f).toMatchObject({
    name: 'review + routing of 1,000 orders',
    unit: 's',
    target: '≤ 0.05 s (5 s per 100,000)',
  });
  expect(f.baseline).toBeGreaterThan(0);
  expect(f.meets).toBe(f.value <= 0.05);
  // Every pending order was decided, and every approved one routed: nothing was skipped to win time.
  expect(f.note).toMatch(/20 rules/);
  const approved = Number(/approved (\d+)/.exec(f.note)![1]);
  const held = Number(/held (\d+)/.exec(f.note)![1]);
  expect(approved + held).toBe(1000);
  expect(Number(/allocated (\d+)/.exec(f.note)![1])).toBe(approved);
}, 120_000);

test('packdesk bench --only refuses an unknown section and names the ones there are', async () => {
  const failure = await promisify(execFile)(process.execPath, [CLI, 'bench', '--only', 'everything'], {
    cwd: root,
  }).then(
    () => null,
    (e: { code?: number; stderr?: string }) => e,
  );
  expect(failure?.code).toBe(2);
  expect(failure?.stderr).toContain(
    '--only takes a comma-separated list of demo, documents, review-routing, intake',
  );
});
