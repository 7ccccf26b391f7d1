import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCoreProcess, repoRoot } from '../fixtures/core-process-bundle';

// The real core-process entry, bundled as in the app, run in plain Node with a parentPort shim:
// its keychain requests must go to main (this test) and the answers come back into the core.

describe('core process asks main for the keychain', () => {
  let dbDir: string;
  let bundle: { entry: string; shim: string };
  beforeAll(async () => {
    bundle = await bundleCoreProcess('electron-core-process-secrets');
    dbDir = mkdtempSync(join(tmpdir(), 'packdesk-core-secrets-'));
  });
  afterAll(() => rmSync(dbDir, { recursive: true, force: true }));

  it('stores credentials encrypted by main and never sees a key itself', async () => {
    const child = fork(bundle.entry, [], {
      execArgv: ['--require', bundle.shim],
      env: {
        ...process.env,
        PACKDESK_DB: join(dbDir, 'packdesk.db'),
        PACKDESK_APP_ROOT: repoRoot,
        PACKDESK_QUIET: '1',
      },
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const messages: any[] = [];
    const asked: string[] = [];
    child.on('message', (m: any) => {
      messages.push(m);
      // Play main: answer keychain requests as safeStorage would.
      if (m.secret) {
        asked.push(m.secret.op);
        const value =
          m.secret.op === 'status'
            ? { available: true, backend: 'gnome_libsecret', reason: null }
            : Buffer.from(`sealed:${m.secret.data.length}`).toString('base64');
        child.send({ secretReply: { id: m.secret.id, ok: true, value } });
      }
    });
    await vi.waitFor(() => expect(messages).toContainEqual({ ready: true }), { timeout: 15_000 });
    child.send({
      id: 1,
      op: 'channels.save',
      input: { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' },
      actor: 'desktop:test',
    });
    await vi.waitFor(() => expect(messages.find((m) => m.id === 1)).toBeTruthy(), { timeout: 10_000 });
    child.send({
      id: 2,
      op: 'channels.setCredentials',
      input: { channelId: 1, credentials: { kind: 'shopify', accessToken: 'shpat_core_process_test' } },
      actor: 'desktop:test',
    });
    await vi.waitFor(() => expect(messages.find((m) => m.id === 2)).toBeTruthy(), { timeout: 10_000 });
    expect(messages.find((m) => m.id === 2).result).toMatchObject({
      ok: true,
      value: { channelId: 1, backend: 'gnome_libsecret' },
    });
    // Status checks come from whoever needs the keychain (credentials, the outbox worker); the
    // only sealing asked for is this one, and nothing was ever unsealed.
    expect(asked).toContain('status');
    expect(asked.filter((op) => op !== 'status')).toEqual(['encrypt']);
    child.send({ id: 3, op: 'sync.status', input: {}, actor: 'desktop:test' });
    await vi.waitFor(() => expect(messages.find((m) => m.id === 3)).toBeTruthy(), { timeout: 10_000 });
    expect(messages.find((m) => m.id === 3).result.value.secretStore).toEqual({
      available: true,
      backend: 'gnome_libsecret',
      reason: null,
    });
    expect(JSON.stringify(messages.filter((m) => 'id' in m))).not.toContain('shpat_core_process_test');
    child.send({ shutdown: true });
    await new Promise((r) => child.on('exit', r));
  });
});
