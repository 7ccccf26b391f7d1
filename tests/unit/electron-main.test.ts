import type { FakeElectron, FakeBrowserWindow } from '../fixtures/electron-fake';

// Guard: if anything reached the real 'electron' package, its index.js would try to download
// the binary; with this set it only returns a path.
const electron = await vi.hoisted(async () => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron';
  const { fakeElectron } = await import('../fixtures/electron-fake');
  return fakeElectron();
});
vi.mock('electron', () => electron);

const fake = electron as FakeElectron;
const savedEnv = { ...process.env };

async function bootMain(): Promise<FakeBrowserWindow> {
  delete process.env.PACKDESK_DB;
  await import('../../src-main/app/main');
  await vi.waitFor(() => expect(fake.BrowserWindow.instances).toHaveLength(1));
  return fake.BrowserWindow.instances[0]!;
}

describe('Electron main process', () => {
  let win: FakeBrowserWindow;
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    win = await bootMain();
  });
  afterAll(() => {
    process.env = savedEnv;
    vi.restoreAllMocks();
  });

  it('registers the privileged app:// scheme, enables the sandbox and uses the Packdesk data folder', () => {
    expect(fake.protocol.privileged).toContainEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
    expect(fake.protocol.handlers.has('app')).toBe(true);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.paths.userData).toBe('/tmp/fake-appdata/Packdesk');
  });

  it('creates the window with secure webPreferences set explicitly and loads app://', () => {
    const prefs = win.options.webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(prefs).not.toHaveProperty('allowRunningInsecureContent');
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(prefs.additionalArguments).toEqual(['--packdesk-locales=zh-CN,en-US']);
    expect(win.loadedUrl).toBe('app://packdesk/index.html');
  });

  it('denies navigation, redirects, webviews and new windows', () => {
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = { preventDefault: vi.fn() };
      win.webContents.emit(name, event, 'https://evil.example/');
      expect(event.preventDefault, name).toHaveBeenCalled();
    }
    expect(win.webContents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const session = fake.session.defaultSession;
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequest!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheck!({}, permission, 'app://packdesk')).toBe(false);
    }
    expect(session.devicePermission!({ deviceType: 'usb' })).toBe(false);
  });

  it('runs the core in a utility process with the database path and app root', () => {
    const child = fake.utilityProcess.forks[0]!;
    expect(child.modulePath).toMatch(/core-process\.cjs$/);
    expect(child.options.env.PACKDESK_DB).toBe('/tmp/fake-appdata/Packdesk/packdesk.db');
    expect(child.options.env.PACKDESK_APP_ROOT).toBe('/tmp/fake-app');
  });

  it('relays a valid IPC call to the core process and its answer back', async () => {
    const child = fake.utilityProcess.forks[0]!;
    child.emit('message', { ready: true });
    const handler = fake.ipcMain.handlers.get('packdesk:call')!;
    const pending = handler(
      { senderFrame: { url: 'app://packdesk/index.html', parent: null } },
      'orders.get',
      { id: 3 },
    ) as Promise<unknown>;
    await vi.waitFor(() => expect(child.posted).toHaveLength(1));
    const request = child.posted[0] as { id: number; op: string; input: unknown; actor: string };
    expect(request).toMatchObject({
      op: 'orders.get',
      input: { id: 3 },
      actor: expect.stringMatching(/^desktop/),
    });
    child.emit('message', { id: request.id, result: { ok: true, value: { id: 3 } } });
    expect(await pending).toEqual({ ok: true, value: { id: 3 } });
  });

  it('broadcasts core events to windows showing app:// pages only', () => {
    const stranger = new fake.BrowserWindow({});
    stranger.webContents.url = 'https://evil.example/';
    fake.utilityProcess.forks[0]!.emit('message', {
      event: { name: 'alert', payload: { level: 'info', message: 'hi' } },
    });
    expect(win.webContents.sent).toEqual([
      { channel: 'packdesk:event', args: [{ name: 'alert', payload: { level: 'info', message: 'hi' } }] },
    ]);
    expect(stranger.webContents.sent).toEqual([]);
  });

  it('fails in-flight calls with unavailable when the core process dies, and restarts it', async () => {
    const child = fake.utilityProcess.forks[0]!;
    const handler = fake.ipcMain.handlers.get('packdesk:call')!;
    const pending = handler(
      { senderFrame: { url: 'app://packdesk/index.html', parent: null } },
      'orders.list',
      {},
    ) as Promise<unknown>;
    child.emit('exit', 3);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await vi.waitFor(() => expect(fake.utilityProcess.forks).toHaveLength(2));
  });
});
