import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCoreProcess, forkCoreProcess } from '../fixtures/core-process-bundle';

// Runs the real core-process entry, bundled the way build-main.mjs does, in a plain Node child
// whose process.parentPort is a shim over fork's IPC channel: proves the entry needs no
// electron and speaks the { id, op, input, actor } → { id, result } / { event } protocol.

describe('core utility process entry', () => {
  let dbDir: string;
  let bundle: { entry: string; shim: string };
  beforeAll(async () => {
    bundle = await bundleCoreProcess('electron-core-process');
    dbDir = mkdtempSync(join(tmpdir(), 'packdesk-core-process-'));
  });
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it('opens the database, answers calls by id, forwards events and exits cleanly on shutdown', async () => {
    const dbPath = join(dbDir, 'packdesk.db');
    const { child, messages, exited } = await forkCoreProcess(bundle, dbPath);
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
    expect(messages).toContainEqual({
      event: { name: 'settings.changed', payload: { what: 'settings', key: 'shop.name' } },
    });

    child.send({ shutdown: true });
    expect(await exited).toBe(0);
    expect(existsSync(dbPath)).toBe(true);
  });
});
