import { parseZplHostStatus } from '../../src-main/adapters/printers/raw-status';
import { checkRawTcpStatus, sendRawTcp } from '../../src-main/adapters/printers/raw-tcp.driver';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, freePort, until, zplHostStatus, type FakePrinter } from '../fixtures/tcp-printer';

// ZPL ~HS and TSPL <ESC>!? status against a real TCP printer on 127.0.0.1 that answers each state.
const FAST = { connectTimeoutMs: 1_000, statusTimeoutMs: 300, closeGraceMs: 200 };
const LABEL = Buffer.from('^XA^FO40,40^A0N,40,40^FDORDER 1^FS^XZ', 'latin1');

describe('raw printer status: ZPL ~HS and TSPL <ESC>!?', () => {
  const servers: FakePrinter[] = [];
  const printer = async (opts: Parameters<typeof fakePrinter>[0]) => {
    const p = await fakePrinter(opts);
    servers.push(p);
    return p;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const at = (p: FakePrinter) => ({ name: 'Zebra', host: '127.0.0.1', port: p.port });

  it('reads the flags where the ZPL guide puts them, and refuses a cut-off answer', () => {
    expect(parseZplHostStatus(zplHostStatus())).toEqual({
      paperOut: false,
      paused: false,
      headUp: false,
      ribbonOut: false,
    });
    expect(parseZplHostStatus(zplHostStatus({ paperOut: true, ribbonOut: true }))).toEqual({
      paperOut: true,
      paused: false,
      headUp: false,
      ribbonOut: true,
    });
    expect(parseZplHostStatus(zplHostStatus({ paused: true, headUp: true }))).toMatchObject({
      paused: true,
      headUp: true,
    });
    expect(parseZplHostStatus(zplHostStatus().subarray(0, 40))).toBeNull();
  });

  it.each([
    [{ paperOut: true }, 'paper_out', 'is out of labels; load a roll and the job will print'],
    [{ headUp: true }, 'cover_open', 'has its print head open; close it and the job will print'],
    [{ ribbonOut: true }, 'ribbon_out', 'is out of ribbon; load a new ribbon and the job will print'],
    [{ paused: true }, 'paused', 'is paused; press its pause/feed button and the job will print'],
    [
      { paperOut: true, headUp: true },
      'cover_open',
      'has its print head open and is out of labels; close it and load a roll and the job will print',
    ],
  ])('ZPL %o stops the job before any label byte is sent', async (flags, fault, words) => {
    const zebra = await printer({ zplStatus: () => zplHostStatus(flags) });
    const e = await sendRawTcp(at(zebra), LABEL, { ...FAST, status: 'zpl' }).catch((x: unknown) => x);
    expect(e).toMatchObject({
      fault,
      retry: true,
      maybePrinted: false,
      message: `printer "Zebra" at 127.0.0.1:${zebra.port} ${words}`,
    });
    expect(zebra.statusQueries).toEqual(['~HS']);
    await new Promise((r) => setTimeout(r, 50));
    expect(zebra.jobs).toEqual([]);
  });

  it('ZPL: a Zebra that stays silent (as it does when faulted) is treated as a fault', async () => {
    const zebra = await printer({ zplStatus: () => null });
    await expect(sendRawTcp(at(zebra), LABEL, { ...FAST, status: 'zpl' })).rejects.toMatchObject({
      fault: 'not_answering',
      retry: true,
      maybePrinted: false,
      message: expect.stringMatching(
        /did not answer its status query \(~HS\) within 0\.3 s; a Zebra stays silent/,
      ),
    });
    expect(zebra.jobs).toEqual([]);
  });

  it('ZPL: a ready Zebra gets exactly the label bytes', async () => {
    const zebra = await printer({});
    await sendRawTcp(at(zebra), LABEL, { ...FAST, status: 'zpl' });
    await until(() => zebra.jobs.length === 1);
    expect(zebra.jobs[0]!.equals(LABEL)).toBe(true);
  });

  it.each([
    [0x01, 'cover_open', 'has its print head open; close it'],
    [0x02, 'jam', 'has a label jam; clear the jam'],
    [0x04, 'paper_out', 'is out of labels; load a roll'],
    [0x08, 'ribbon_out', 'is out of ribbon; load a new ribbon'],
    [0x10, 'paused', 'is paused; press its pause/feed button'],
    [0x80, 'offline', 'reports an error; check its display or lights'],
    [0x05, 'cover_open', 'has its print head open and is out of labels; close it and load a roll'],
  ])('TSPL status byte 0x%s', async (byte, fault, words) => {
    const tsc = await printer({ tsplStatus: () => byte });
    await expect(
      sendRawTcp({ ...at(tsc), name: 'TSC' }, Buffer.from('PRINT 1\r\n'), { ...FAST, status: 'tspl' }),
    ).rejects.toMatchObject({
      fault,
      retry: true,
      message: `printer "TSC" at 127.0.0.1:${tsc.port} ${words} and the job will print`,
    });
    expect(tsc.statusQueries).toEqual(['<ESC>!?']);
    expect(tsc.jobs).toEqual([]);
  });

  it('TSPL: "printing" (0x20) and a silent printer do not block the job', async () => {
    const busy = await printer({ tsplStatus: () => 0x20 });
    const silent = await printer({ tsplStatus: () => null });
    await sendRawTcp(at(busy), Buffer.from('PRINT 1\r\n'), { ...FAST, status: 'tspl' });
    await sendRawTcp(at(silent), Buffer.from('PRINT 1\r\n'), { ...FAST, status: 'tspl' });
    await until(() => busy.jobs.length === 1 && silent.jobs.length === 1);
    expect(busy.jobs[0]!.toString()).toBe('PRINT 1\r\n');
  });

  it('check status prints nothing and tells ready, fault, silence and unreachable apart', async () => {
    const ready = await printer({});
    const out = await printer({ tsplStatus: () => 0x04 });
    const silent = await printer({ tsplStatus: () => null });
    expect(await checkRawTcpStatus(at(ready), 'zpl', FAST)).toEqual({ answered: true, error: null });
    expect(await checkRawTcpStatus(at(out), 'tspl', FAST)).toMatchObject({
      answered: true,
      error: { fault: 'paper_out' },
    });
    expect(await checkRawTcpStatus(at(silent), 'tspl', FAST)).toEqual({ answered: false, error: null });
    const gone = await checkRawTcpStatus(
      { name: 'Off', host: '127.0.0.1', port: await freePort() },
      'zpl',
      FAST,
    );
    expect(gone).toMatchObject({ answered: false, error: { fault: 'unreachable' } });
    await new Promise((r) => setTimeout(r, 50));
    expect([ready, out, silent].flatMap((p) => p.jobs)).toEqual([]);
  });

  describe('through the queue and the printers screen', () => {
    const cores: { dispose(): void }[] = [];
    afterEach(() => cores.splice(0).forEach((c) => c.dispose()));

    it('a Zebra out of labels keeps the job queued with that reason, and it prints once a roll is in', async () => {
      let labels = false;
      const zebra = await printer({ zplStatus: () => zplHostStatus({ paperOut: !labels }) });
      const core = aCore({ printing: { rawTcp: FAST, backoff: { baseMs: 100, maxMs: 200 } } });
      cores.push(core);
      aChannel(core);
      const [orderId] = seedOrders(core, [anOrder()]);
      const p = await value(
        core.call('printing.printers.save', {
          name: 'Zebra 1',
          kind: 'raw_tcp',
          language: 'zpl',
          host: '127.0.0.1',
          port: zebra.port,
        }),
      );
      expect(await value(core.call('printing.printers.status', { id: p.id }))).toMatchObject({
        printerId: p.id,
        state: 'fault',
        fault: 'paper_out',
        message: `printer "Zebra 1" at 127.0.0.1:${zebra.port} is out of labels; load a roll and the job will print`,
      });
      core.printQueue.start();
      const { jobs } = await value(
        core.call('printing.print', { document: 'label', orderIds: [orderId], printerId: p.id }),
      );
      const job = () => core.printQueue.job(jobs[0].id)!;
      await until(() => job().attempts >= 1 && job().status === 'queued');
      expect(job()).toMatchObject({
        lastFault: 'paper_out',
        lastError: expect.stringContaining('is out of labels'),
      });
      expect(zebra.jobs).toEqual([]);
      labels = true;
      expect(await value(core.call('printing.printers.status', { id: p.id }))).toMatchObject({
        state: 'ready',
        fault: null,
        message: `printer "Zebra 1" at 127.0.0.1:${zebra.port} is ready`,
      });
      await until(() => job().status === 'done', 5_000);
      expect(zebra.jobs).toHaveLength(1);
      expect(zebra.jobs[0]!.toString('latin1')).toMatch(/^\^XA/);
      const missing = await core.call('printing.printers.status', { id: 999 });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });
});
