import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCoreProcess, forkCoreProcess } from '../fixtures/core-process-bundle';

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
    // Play main: answer keychain requests as safeStorage would.
    const asked: string[] = [];
    const { child, messages, call, exited } = await forkCoreProcess(
      bundle,
      join(dbDir, 'packdesk.db'),
      (m, port) => {
        if (!m.secret) return;
        asked.push(m.secret.op);
        const value =
          m.secret.op === 'status'
            ? { available: true, backend: 'gnome_libsecret', reason: null }
            : Buffer.from(`sealed:${m.secret.data.length}`).toString('base64');
        port.send({ secretReply: { id: m.secret.id, ok: true, value } });
      },
    );
    await call(1, 'channels.save', { code: 'shop', kind: 'shopify', name: 'Shop', currency: 'USD' });
    const stored = await call(2, 'channels.setCredentials', {
      channelId: 1,
      credentials: { kind: 'shopify', accessToken: 'shpat_core_process_test' },
    });
    expect(stored).toMatchObject({
      ok: true,
      value: { channelId: 1, backend: 'gnome_libsecret' },
    });
    // Status checks come from whoever needs the keychain (credentials, the outbox worker); the
    // only sealing asked for is this one, and nothing was ever unsealed.
    expect(asked).toContain('status');
    expect(asked.filter((op) => op !== 'status')).toEqual(['encrypt']);
    expect((await call(3, 'sync.status', {})).value.secretStore).toEqual({
      available: true,
      backend: 'gnome_libsecret',
      reason: null,
    });
    expect(JSON.stringify(messages.filter((m) => 'id' in m))).not.toContain('shpat_core_process_test');
    child.send({ shutdown: true });
    await exited;
  });
});
