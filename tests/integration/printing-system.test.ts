import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { relayedPrinters, zebraGk420 } from '../fixtures/print-window-fake';
import { until } from '../fixtures/tcp-printer';

// The print queue with the desktop app's system-printer port: the core-side relay joined to
// main's printer host, whose hidden window is a fake (no Electron in tests).
describe('print queue on a system (OS) printer through the desktop relay', () => {
  const setup = (setupWindow?: Parameters<typeof relayedPrinters>[0]) => {
    const printers = relayedPrinters(setupWindow);
    const core = aCore({ printing: { systemPrinters: printers.port, backoff: { baseMs: 50, maxMs: 100 } } });
    aChannel(core);
    const orders = seedOrders(core, [anOrder(), anOrder()]);
    return { core, orders, ...printers };
  };
  const cores: { dispose(): void }[] = [];
  afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

  it('lists the OS printers, prints a label at its size and a pick list on A4', async () => {
    const { core, orders, windows } = setup();
    cores.push(core);
    expect(await value(core.call('printing.system.list', {}))).toEqual({
      available: true,
      printers: [{ name: 'ZDesigner_GK420d', displayName: 'ZDesigner GK420d', isDefault: false }],
    });
    const p = await value(
      core.call('printing.printers.save', {
        name: 'Zebra via Windows',
        kind: 'system',
        language: 'pdf',
        deviceName: zebraGk420.name,
        labelSize: '76x130',
      }),
    );
    core.printQueue.start();
    const label = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0]], printerId: p.id }),
    );
    const list = await value(
      core.call('printing.print', { document: 'pick_list', orderIds: orders, printerId: p.id }),
    );
    const ids = [label.jobs[0].id, list.jobs[0].id];
    await until(() => ids.every((id) => core.printQueue.job(id)!.status === 'done'), 10_000);
    const printed = windows.flatMap((w) => w.webContents.printed);
    expect(printed.map((o) => [o.deviceName, o.pageSize])).toEqual([
      ['ZDesigner_GK420d', { width: 76_000, height: 130_000 }],
      ['ZDesigner_GK420d', { width: 210_000, height: 297_000 }],
    ]);
    // The spooler got the very PDF the queue rendered and stored.
    const loaded = windows.flatMap((w) => w.loadedBytes);
    expect(loaded[0]!.equals(core.printQueue.job(ids[0]!)!.payload!)).toBe(true);
  });

  it('an unplugged printer keeps the job queued with a clear reason, and it prints once it is back', async () => {
    let plugged = false;
    const { core, orders, windows } = setup((w) => {
      if (!plugged) w.webContents.printers = [];
    });
    cores.push(core);
    const p = await value(
      core.call('printing.printers.save', {
        name: 'USB label printer',
        kind: 'system',
        language: 'pdf',
        deviceName: zebraGk420.name,
      }),
    );
    core.printQueue.start();
    const r = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0]], printerId: p.id }),
    );
    const job = () => core.printQueue.job(r.jobs[0].id)!;
    await until(() => job().attempts >= 1 && job().status === 'queued');
    expect(job()).toMatchObject({
      lastFault: 'offline',
      lastError: expect.stringMatching(
        /^system printer "ZDesigner_GK420d" is not installed on this computer/,
      ),
    });
    expect(await value(core.call('printing.printers.status', { id: p.id }))).toMatchObject({
      state: 'fault',
      fault: 'offline',
      message:
        'System printer "ZDesigner_GK420d" is not installed on this computer; reconnect or reinstall it, or choose another printer',
    });
    plugged = true;
    expect(await value(core.call('printing.printers.status', { id: p.id }))).toMatchObject({
      state: 'ready',
      message: 'System printer "ZDesigner_GK420d" is installed and idle',
    });
    await until(() => job().status === 'done', 10_000);
    expect(windows.flatMap((w) => w.webContents.printed)).toHaveLength(1);
  });
});
