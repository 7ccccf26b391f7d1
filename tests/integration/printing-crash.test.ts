import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { createCore } from '../../src-main/compose';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, until } from '../fixtures/tcp-printer';

// A real process prints into a printer that takes the bytes but never finishes the job; it is
// killed with SIGKILL mid-send. The restarted queue must not send that job again by itself.
describe('print queue across a real crash', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-crash-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a job killed while sending fails as "may have printed" on restart and is not resent', async () => {
    const db = join(dir, 'p.db');
    const seed = createCore({ dbPath: db });
    aChannel(seed);
    const [orderId] = seedOrders(seed, [anOrder()]) as [number];
    seed.close();

    let received = 0;
    const stuck = await fakePrinter({ hold: true, onData: (_s, chunk) => void (received += chunk.length) });
    const entry = join(dir, 'child.ts');
    writeFileSync(
      entry,
      `import { createCore } from ${JSON.stringify(resolve('src-main/compose'))};
       const core = createCore({ dbPath: ${JSON.stringify(db)}, printing: { rawTcp: { writeTimeoutMs: 60_000, closeGraceMs: 60_000 } } });
       (async () => {
         const p = await core.call('printing.printers.save', { name: 'Stuck', kind: 'raw_tcp', language: 'zpl', host: '127.0.0.1', port: ${stuck.port} });
         if (!p.ok) throw new Error(JSON.stringify(p));
         await core.call('printing.print', { document: 'label', orderIds: [${orderId}], printerId: (p.value as { id: number }).id });
         core.printQueue.start();
       })();`,
    );
    await build({
      entryPoints: [entry],
      outfile: join(dir, 'child.cjs'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      logLevel: 'silent',
      define: { __PACKDESK_VERSION__: '"test"' },
    });
    const child = spawn(process.execPath, [join(dir, 'child.cjs')], {
      stdio: ['ignore', 'ignore', 'pipe'],
      cwd: process.cwd(),
      env: {
        ...process.env,
        PACKDESK_QUIET: '1',
        PACKDESK_APP_ROOT: process.cwd(),
        PACKDESK_CJK_FONT_DIR: resolve('node_modules/@embedpdf/fonts-sc/fonts'),
        NODE_PATH: resolve('node_modules'),
      },
    });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    try {
      await until(() => received > 0 || child.exitCode !== null, 20_000);
      expect(stderr).toBe('');
      expect(received).toBeGreaterThan(0);
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((r) => child.once('exit', r));

    const core = createCore({ dbPath: db, printing: { rawTcp: { connectTimeoutMs: 500 } } });
    try {
      const restarted = core.printQueue.start();
      expect(restarted.requeued).toEqual([]);
      expect(restarted.uncertain).toHaveLength(1);
      const job = core.printQueue.job(restarted.uncertain[0]!)!;
      expect(job.status).toBe('failed');
      expect(job.lastError).toContain('it may or may not have printed');
      await core.printQueue.drain();
      await new Promise((r) => setTimeout(r, 200));
      expect(stuck.connections).toBe(1);
    } finally {
      core.close();
      await stuck.close();
    }
  });
});
