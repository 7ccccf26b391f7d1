import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

/** One measured number, always next to a baseline measured in the same run on the same machine. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: string;
  meets: boolean;
  /** What the baseline is, and anything a reader needs to trust the number. */
  note?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  sqlite: string;
  platform: string;
}

export interface BenchReport {
  machine: Machine;
  orders: number;
  figures: Figure[];
}

export interface BenchContext {
  /** Scratch folder for this run; never the user's database. */
  dir: string;
  orders: number;
  log(line: string): void;
}

export function machine(): Machine {
  const mem = new Database(':memory:');
  const sqlite = (mem.prepare('select sqlite_version() as v').get() as { v: string }).v;
  mem.close();
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    sqlite,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function scratchDir(): { dir: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'packdesk-bench-'));
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Nearest-rank percentile of already collected samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

export const round = (n: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
};

export function figure(f: Omit<Figure, 'ratio'> & { ratio?: number }): Figure {
  const ratio = f.ratio ?? f.value / f.baseline;
  return { ...f, value: round(f.value), baseline: round(f.baseline), ratio: round(ratio, 3) };
}

/** The human table printed without --json. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  const head = `Machine: ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · Node ${m.node} · SQLite ${m.sqlite} · ${m.platform}`;
  const rows = r.figures.map((f) => [
    f.meets ? 'ok  ' : 'MISS',
    f.name,
    `${f.value} ${f.unit}`,
    `${f.baseline} ${f.unit}`,
    `${f.ratio}×`,
    f.target,
  ]);
  const header = ['', 'figure', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd();
  const notes = r.figures.filter((f) => f.note).map((f) => `  ${f.name}: ${f.note}`);
  return [
    head,
    `Orders: ${r.orders.toLocaleString('en-US')}`,
    '',
    line(header),
    ...rows.map(line),
    '',
    'Baselines:',
    ...notes,
  ].join('\n');
}
