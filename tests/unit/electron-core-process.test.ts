import { fork } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

// Runs the real core-process entry, bundled the way build-main.mjs does, in a plain Node child
// whose process.parentPort is a shim over fork's IPC channel: proves the entry needs no
// electron and speaks the { id, op, input, actor } → { id, result } / { event } protocol.
const root = join(__dirname, '..', '..');
const outDir = join(root, 'test-output', 'electron-core-process');

describe('core utility process entry', () => {
  let dbDir: string;
  beforeAll(async () => {
    mkdirSync(outDir, { recursive: true });
    await build({
      entryPoints: { 'core-process': join(root, 'src-main', 'app', 'core-process.ts') },
      outdir: outDir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      packages: 'external',
      external: ['electron'],
      logLevel: 'silent',
    });
    writeFileSync(
      join(outDir, 'parent-port-shim.cjs'),
      `process.parentPort = { on: (_e, l) => process.on('message', (data) => l({ data })), postMessage: (m) => process.send(m) };\n`,
    );
    dbDir = mkdtempSync(join(tmpdir(), 'packdesk-core-process-'));
  });
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it('opens the database, answers calls by id, forwards events and exits cleanly on shutdown', async () => {
    const dbPath = join(dbDir, 'packdesk.db');
    const child = fork(join(outDir, 'core-process.cjs'), [], {
      execArgv: ['--require', join(outDir, 'parent-port-shim.cjs')],
      env: { ...process.env, PACKDESK_DB: dbPath, PACKDESK_APP_ROOT: root, PACKDESK_QUIET: '1' },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const messages: any[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.on('message', (m) => messages.push(m));

    await vi.waitFor(() => expect(messages).toContainEqual({ ready: true }), { timeout: 15_000 });
    child.send({
      id: 1,
      op: 'settings.set',
      input: { key: 'shop.name', value: 'Core process test' },
      actor: 'desktop:test',
    });
    child.send({ id: 2, op: 'orders.get', input: { id: -1 }, actor: 'desktop:test' });
    child.send({ id: 3, op: 'no.such.op', input: {}, actor: 'desktop:test' });
    await vi.waitFor(() => expect(messages.filter((m) => 'id' in m)).toHaveLength(3), { timeout: 10_000 });
    expect(messages).toContainEqual({ id: 1, result: expect.objectContaining({ ok: true }) });
    expect(messages).toContainEqual({
      id: 2,
      result: expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'invalid_input' }),
      }),
    });
    expect(messages).toContainEqual({
      id: 3,
      result: expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'unknown_operation' }),
      }),
    });
    expect(messages).toContainEqual({ event: { name: 'settings.changed', payload: { what: 'settings' } } });

    child.send({ shutdown: true });
    expect(await exited).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
  });
});
