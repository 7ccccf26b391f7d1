import { createCoreHost } from '../../src-main/app/core-host';
import {
  answerSecretRequest,
  safeStorageStatus,
  type SafeStorageLike,
} from '../../src-main/app/safe-storage';
import { createRelayedSecretStore } from '../../src-main/app/secret-store.relay';
import { isSecretReplyMessage } from '../../src-main/app/secret-messages';
import { FakeUtilityProcess, fakeElectron } from '../fixtures/electron-fake';

const aSafeStorage = (backend: string, available = true): SafeStorageLike => {
  const f = fakeElectron().safeStorage;
  f.backend = backend;
  f.available = available;
  return f;
};

/** Main's relay and the core's store wired through a fake utility process, as in the app. */
function relay(ss: SafeStorageLike, platform: NodeJS.Platform = 'linux') {
  let child!: FakeUtilityProcess;
  createCoreHost({
    spawn: () => (child = new FakeUtilityProcess('core-process.cjs', {})),
    onEvent: () => {},
    log: () => {},
    onSecretRequest: (req) => answerSecretRequest(ss, req, platform),
  });
  const store = createRelayedSecretStore((m) => child.emit('message', m), 1_000);
  // Replies main posts to the child are delivered to the core's store.
  const post = child.postMessage.bind(child);
  child.postMessage = (m: any) => {
    post(m);
    if (isSecretReplyMessage(m)) store.receive(m.secretReply);
  };
  return { store, child: () => child };
}

describe('safeStorage secret store (main) and its relay from the core process', () => {
  afterEach(() => vi.useRealTimers());

  it('encrypts in main and decrypts again through the relay, never posting plain text back', async () => {
    const { store, child } = relay(aSafeStorage('gnome_libsecret'));
    expect(await store.status()).toEqual({ available: true, backend: 'gnome_libsecret', reason: null });
    const cipher = await store.encrypt('shpat_secret');
    expect(Buffer.from(cipher).toString()).not.toContain('shpat_secret');
    expect(await store.decrypt(cipher)).toBe('shpat_secret');
    expect(JSON.stringify(child().posted.filter(isSecretReplyMessage).slice(0, 2))).not.toContain(
      'shpat_secret',
    );
  });

  it('refuses to encrypt on the Linux plain-text backend, explaining why and what to do', async () => {
    const { store } = relay(aSafeStorage('basic_text'));
    const status = await store.status();
    expect(status).toMatchObject({
      available: false,
      backend: 'basic_text',
      reason: expect.stringMatching(/plain text.*gnome-keyring/s),
    });
    await expect(store.encrypt('shpat_secret')).rejects.toThrow(/plain text/);
    // Even a direct request past the status check is refused by main.
    expect(
      answerSecretRequest(aSafeStorage('basic_text'), { id: 9, op: 'encrypt', data: 'x' }, 'linux'),
    ).toMatchObject({ id: 9, ok: false });
  });

  it('refuses when the OS offers no encryption at all', () => {
    expect(safeStorageStatus(aSafeStorage('gnome_libsecret', false), 'linux')).toMatchObject({
      available: false,
      reason: expect.stringMatching(/keychain is locked or missing/),
    });
    expect(safeStorageStatus(aSafeStorage('', true), 'darwin')).toEqual({
      available: true,
      backend: 'keychain',
      reason: null,
    });
    expect(safeStorageStatus(aSafeStorage('', false), 'win32')).toMatchObject({
      available: false,
      backend: 'dpapi',
    });
  });

  it('turns a safeStorage exception into a failed reply instead of crashing main', () => {
    const broken = {
      ...aSafeStorage('kwallet5'),
      decryptString: () => {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      },
    };
    expect(answerSecretRequest(broken, { id: 3, op: 'decrypt', data: 'AAAA' }, 'linux')).toEqual({
      id: 3,
      ok: false,
      message: expect.stringMatching(/Error while decrypting/),
    });
  });

  it('fails a keychain request main never answers, after the timeout', async () => {
    vi.useFakeTimers();
    const store = createRelayedSecretStore(() => {}, 1_000);
    const p = store.status();
    const check = expect(p).rejects.toThrow(/did not answer the keychain request \(status\)/);
    await vi.advanceTimersByTimeAsync(1_000);
    await check;
  });
});
