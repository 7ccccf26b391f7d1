import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { appRoot } from '../../src-main/adapters/db/paths';
import { figure, median, type BenchContext, type Figure } from './harness';

const RUNS = 5;
const TIMEOUT_MS = 30_000;
// The bin script runs the built bundle: `npm run build` (or build/build-main.mjs) comes first.
const CLI = (): string => join(appRoot(), 'bin', 'packdesk.cjs');

/** The smallest useful server Node can start: the floor any HTTP host of ours stands on. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('{"ok":true}'))
  .listen(0, '127.0.0.1', function () { console.log(JSON.stringify({ port: this.address().port })); });`;

interface Start {
  /** Spawn → first successful GET /api/health (or GET / for the bare server). */
  health: number;
  /** Spawn → first answer of orders.list (our server only). */
  firstList: number;
}

/**
 * Spawns a server, reads the port from its first stdout line, then asks it until it answers.
 * The clock starts before spawn, so process start, module loading, opening and migrating the
 * database all count, as they do for a person starting the app.
 */
async function startOnce(args: string[], ours: boolean): Promise<Start> {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PACKDESK_QUIET: '1' },
  });
  try {
    const firstLine = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('server did not print its address in time')),
        TIMEOUT_MS,
      );
      createInterface({ input: child.stdout! }).once('line', (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
    });
    const { port } = JSON.parse(firstLine) as { port: number };
    const base = `http://127.0.0.1:${port}`;
    let health = 0;
    while (!health) {
      const r = await fetch(ours ? `${base}/api/health` : `${base}/`).catch(() => null);
      if (r?.ok) {
        await r.text();
        health = performance.now() - t0;
      } else if (performance.now() - t0 > TIMEOUT_MS) throw new Error('health check never succeeded');
    }
    if (!ours) return { health, firstList: health };
    const r = await fetch(`${base}/api/call/orders.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = (await r.json()) as { ok: boolean; value?: { rows: unknown[] } };
    if (!body.ok || !body.value?.rows.length)
      throw new Error(`first orders.list failed: ${JSON.stringify(body).slice(0, 200)}`);
    return { health, firstList: performance.now() - t0 };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}

/** Figure (c): cold start of `packdesk serve` on the benchmark database, against a bare Node server. */
export async function benchColdStart(ctx: BenchContext, dbPath: string): Promise<Figure[]> {
  ctx.log(`cold start: ${RUNS} starts of packdesk serve and of a bare node server…`);
  const ours: Start[] = [];
  const bare: Start[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(await startOnce([CLI(), '--db', dbPath, '--json', 'serve', '--port', '0'], true));
    bare.push(await startOnce(['-e', BARE_SERVER], false));
  }
  const bareMs = median(bare.map((s) => s.health));
  const health = median(ours.map((s) => s.health));
  const list = median(ours.map((s) => s.firstList));
  const note = `median of ${RUNS} spawns each; bare = \`node -e\` http server, spawn → first response`;
  return [
    figure({
      name: 'serve cold start → /api/health',
      value: health,
      unit: 'ms',
      baseline: bareMs,
      target: '≤ 1000 ms',
      meets: health <= 1000,
      note,
    }),
    figure({
      name: 'serve cold start → first orders.list',
      value: list,
      unit: 'ms',
      baseline: bareMs,
      target: '≤ 1500 ms',
      meets: list <= 1500,
      note,
    }),
  ];
}
