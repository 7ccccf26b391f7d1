import type { FakeElectron } from '../fixtures/electron-fake';

const electron = await vi.hoisted(async () => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron';
  const { fakeElectron } = await import('../fixtures/electron-fake');
  return fakeElectron();
});
vi.mock('electron', () => electron);
const fake = electron as FakeElectron;
const savedEnv = { ...process.env };

describe('Electron main answers the core’s keychain requests with safeStorage', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    delete process.env.PACKDESK_DB;
    await import('../../src-main/app/main');
    await vi.waitFor(() => expect(fake.utilityProcess.forks).toHaveLength(1));
  });
  afterAll(() => {
    process.env = savedEnv;
    vi.restoreAllMocks();
  });

  it('encrypts for the core process and refuses once only basic_text is left', () => {
    const child = fake.utilityProcess.forks[0]!;
    child.emit('message', { secret: { id: 1, op: 'encrypt', data: 'ck_abc' } });
    const reply = child.posted.at(-1) as any;
    expect(reply.secretReply).toMatchObject({ id: 1, ok: true });
    expect(fake.safeStorage.decryptString(Buffer.from(reply.secretReply.value, 'base64'))).toBe('ck_abc');

    fake.safeStorage.backend = 'basic_text';
    child.emit('message', { secret: { id: 2, op: 'status' } });
    child.emit('message', { secret: { id: 3, op: 'encrypt', data: 'ck_abc' } });
    const platformIsLinux = process.platform === 'linux';
    const [status, refused] = child.posted.slice(-2) as any[];
    if (platformIsLinux) {
      expect(status.secretReply.value).toMatchObject({ available: false, backend: 'basic_text' });
      expect(refused.secretReply).toMatchObject({
        id: 3,
        ok: false,
        message: expect.stringMatching(/plain text/),
      });
    } else {
      expect(status.secretReply.value).toMatchObject({ available: true });
    }
  });
});
