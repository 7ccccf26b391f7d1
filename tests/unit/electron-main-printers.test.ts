import type { FakeElectron } from '../fixtures/electron-fake';
import { FakeBrowserWindow, FakeWebContents } from '../fixtures/electron-fake';

const electron = await vi.hoisted(async () => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron';
  const { fakeElectron } = await import('../fixtures/electron-fake');
  return fakeElectron();
});
vi.mock('electron', () => electron);
const fake = electron as FakeElectron;
const savedEnv = { ...process.env };
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

describe('Electron main prints on the OS printers for the core process', () => {
  beforeAll(async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(console, 'error').mockImplementation(() => {});
    delete process.env.PACKDESK_DB;
    FakeWebContents.printers = [
      { name: 'XP-80C', displayName: 'Xprinter XP-80C', description: '', options: { 'printer-state': '3' } },
    ];
    await import('../../src-main/app/main');
    await vi.waitFor(() => expect(fake.utilityProcess.forks).toHaveLength(1));
  });
  afterAll(() => {
    process.env = savedEnv;
    vi.restoreAllMocks();
  });
  const child = () => fake.utilityProcess.forks[0]!;
  const replyTo = async (id: number) => {
    // The fake window never loads a PDF viewer frame, so each print waits the full viewer wait (3 s).
    await vi.waitFor(() => expect(child().posted.some((m: any) => m.printerReply?.id === id)).toBe(true), {
      timeout: 6_000,
    });
    return (child().posted.find((m: any) => m.printerReply?.id === id) as any).printerReply;
  };

  it('locks down the print windows’ own session', () => {
    const s = fake.session.partitions.get('packdesk-print');
    expect(s?.permissionCheck?.()).toBe(false);
  });

  it('lists printers and prints silently from a hidden, sandboxed window that is closed afterwards', async () => {
    child().emit('message', { printer: { id: 1, op: 'list' } });
    expect((await replyTo(1)).value).toEqual([
      { name: 'XP-80C', displayName: 'Xprinter XP-80C', isDefault: false, status: 3 },
    ]);

    const before = FakeBrowserWindow.instances.length;
    child().emit('message', {
      printer: { id: 2, op: 'print', deviceName: 'XP-80C', pdf: PDF, widthMm: 76, heightMm: 130 },
    });
    expect(await replyTo(2)).toEqual({ id: 2, ok: true, value: null });
    const win = FakeBrowserWindow.instances.slice(before).find((w) => w.webContents.printed.length)!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: {
        partition: 'packdesk-print',
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        plugins: true,
      },
    });
    expect(win.options.webPreferences.preload).toBeUndefined();
    expect(win.loadedUrl).toMatch(/^file:\/\/.*\.pdf$/);
    expect(win.webContents.printed).toEqual([
      expect.objectContaining({
        silent: true,
        deviceName: 'XP-80C',
        pageSize: { width: 76_000, height: 130_000 },
      }),
    ]);
    expect(win.isDestroyed()).toBe(true);
    // Navigation away from the PDF and new windows are refused like in the main window.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
  });

  it('refuses a request for a printer that was unplugged', async () => {
    child().emit('message', {
      printer: { id: 3, op: 'print', deviceName: 'Brother_QL', pdf: PDF, widthMm: 62, heightMm: 100 },
    });
    expect(await replyTo(3)).toMatchObject({ ok: false, fault: 'offline', retry: true });
  });
});
