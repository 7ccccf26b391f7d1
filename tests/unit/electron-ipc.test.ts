import { createCallHandler, createValidatedIpc, refuseSender } from '../../src-main/app/ipc';
import { IPC } from '../../src-main/app/ipc-channels';
import { anIpcEvent, fakeElectron } from '../fixtures/electron-fake';

function setup() {
  const { ipcMain } = fakeElectron();
  const core = {
    call: vi.fn(async (op: string, input: unknown, actor: string) => ({
      ok: true as const,
      value: { op, input, actor },
    })),
  };
  const logs: string[] = [];
  const ipc = createValidatedIpc(ipcMain as never, (m) => logs.push(m));
  ipc.handle(IPC.call, createCallHandler(core, 'desktop:test'));
  const invoke = (event: unknown, ...args: unknown[]) =>
    ipcMain.handlers.get(IPC.call)!(event, ...args) as Promise<any>;
  return { ipcMain, core, logs, invoke, ipc };
}

describe('validated IPC', () => {
  it('refuses to register or serve an unknown channel', () => {
    const { ipc, ipcMain } = setup();
    expect(() => ipc.handle('packdesk:shell', async () => ({ ok: true, value: 1 }))).toThrow(
      /not in the allowed list/,
    );
    expect(ipcMain.handlers.has('packdesk:shell')).toBe(false);
    expect(refuseSender(anIpcEvent() as never, 'packdesk:shell')).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it.each([
    ['https://evil.example/index.html'],
    ['file:///etc/passwd'],
    ['app://evil/index.html'],
    ['http://127.0.0.1:4780/'],
    ['about:blank'],
  ])('refuses a sender on %s before any handler runs', async (url) => {
    const { invoke, core, logs } = setup();
    const r = await invoke(anIpcEvent(url), 'orders.get', { id: 1 });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.call).not.toHaveBeenCalled();
    expect(logs.join('\n')).toMatch(/Refused IPC/);
  });

  it('refuses a sub-frame even when it is on our origin', async () => {
    const { invoke, core } = setup();
    const r = await invoke(anIpcEvent('app://packdesk/frame.html', { subFrame: true }), 'orders.get', {
      id: 1,
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/embedded frame/) },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a sender whose frame is gone', async () => {
    const { invoke, core } = setup();
    expect(await invoke({ senderFrame: null }, 'orders.get', { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers an unknown operation with unknown_operation', async () => {
    const { invoke, core } = setup();
    expect(await invoke(anIpcEvent(), 'orders.dropAll', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(await invoke(anIpcEvent(), { toString: 1 }, {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(await invoke(anIpcEvent(), '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('answers invalid input with invalid_input naming the field, without reaching the core', async () => {
    const { invoke, core } = setup();
    const r = await invoke(anIpcEvent(), 'orders.get', { id: 'seven' });
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toMatch(/orders\.get/);
    expect(r.error.message).toMatch(/\bid\b/);
    expect(r.error.issues).toEqual([expect.objectContaining({ path: 'id' })]);
    expect(await invoke(anIpcEvent(), 'orders.get', { id: 1, extra: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await invoke(anIpcEvent(), 'orders.get', { id: 1 }, 'third argument')).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('relays a valid call to the core with the desktop actor and returns its Result', async () => {
    const { invoke, core } = setup();
    const r = await invoke(anIpcEvent(), 'orders.get', { id: 7 });
    expect(core.call).toHaveBeenCalledWith('orders.get', { id: 7 }, 'desktop:test');
    expect(r).toEqual({ ok: true, value: { op: 'orders.get', input: { id: 7 }, actor: 'desktop:test' } });
  });

  it('turns a handler that throws into an internal Result instead of a rejected invoke', async () => {
    const { ipcMain } = fakeElectron();
    createValidatedIpc(ipcMain as never).handle(IPC.call, async () => {
      throw new Error('boom');
    });
    const r = await (ipcMain.handlers.get(IPC.call)!(anIpcEvent(), 'x') as Promise<unknown>);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/boom/) },
    });
  });
});
