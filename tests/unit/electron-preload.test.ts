import type { FakeElectron } from '../fixtures/electron-fake';
import type { PackdeskBridge } from '../../src-shared/contract/bridge';
import { readLocales } from '../../src-main/app/preload-bridge';

const electron = await vi.hoisted(async () => {
  process.env.ELECTRON_OVERRIDE_DIST_PATH ??= '/nonexistent-electron';
  // What main passes through webPreferences.additionalArguments.
  process.argv.push('--packdesk-locales=zh-CN,en-US');
  const { fakeElectron } = await import('../fixtures/electron-fake');
  return fakeElectron();
});
vi.mock('electron', () => electron);

const fake = electron as FakeElectron;
type Bridge = PackdeskBridge;

describe('preload bridge', () => {
  let bridge: Bridge;
  beforeAll(async () => {
    await import('../../src-main/app/preload');
    bridge = fake.contextBridge.exposed.packdesk as Bridge;
  });

  it('exposes exactly call, onEvent, host and locales as window.packdesk, and nothing else', () => {
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['packdesk']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'host', 'locales', 'onEvent']);
    expect(bridge.host).toBe('electron');
    expect(bridge.locales).toEqual(['zh-CN', 'en-US']);
    expect(Object.values(bridge)).not.toContain(fake.ipcRenderer);
  });

  it('call invokes packdesk:call with the operation and input', async () => {
    const invoke = vi.spyOn(fake.ipcRenderer, 'invoke').mockResolvedValue({ ok: true, value: 5 });
    expect(await bridge.call('orders.count', { status: ['held'] })).toEqual({ ok: true, value: 5 });
    expect(invoke).toHaveBeenCalledWith('packdesk:call', 'orders.count', { status: ['held'] });
  });

  it('call returns a Result instead of throwing when invoke rejects', async () => {
    vi.spyOn(fake.ipcRenderer, 'invoke').mockRejectedValue(new Error('An object could not be cloned.'));
    expect(await bridge.call('orders.count', { f: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/could not be cloned/) },
    });
  });

  it('onEvent hands the listener only the event payload and unsubscribes', () => {
    const seen: unknown[][] = [];
    const off = bridge.onEvent((...args: unknown[]) => seen.push(args));
    fake.ipcRenderer.emit('packdesk:event', { name: 'jobs.changed', payload: { ids: [4] } });
    expect(seen).toEqual([[{ name: 'jobs.changed', payload: { ids: [4] } }]]);
    // The renderer's function is wrapped, never registered with ipcRenderer itself.
    const registered = [...fake.ipcRenderer.listeners.get('packdesk:event')!];
    expect(registered).toHaveLength(1);
    off();
    fake.ipcRenderer.emit('packdesk:event', { name: 'jobs.changed', payload: { ids: [5] } });
    expect(seen).toHaveLength(1);
    expect(fake.ipcRenderer.listeners.get('packdesk:event')!.size).toBe(0);
  });

  it('reads locales from argv, else from navigator.languages, dropping malformed tags', () => {
    expect(readLocales(['--packdesk-locales=en-GB,zh-Hans-CN'], ['fr'])).toEqual(['en-GB', 'zh-Hans-CN']);
    expect(readLocales([], ['zh-CN', 'en'])).toEqual(['zh-CN', 'en']);
    expect(readLocales(['--packdesk-locales=<script>,'], ['de-DE', '"; drop'])).toEqual(['de-DE']);
    expect(readLocales([], undefined)).toEqual([]);
  });
});
