import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PrinterError } from '../../src-main/adapters/printers/printer-error';
import { createCoreHost } from '../../src-main/app/core-host';
import type { PrinterReply, PrinterRequest } from '../../src-main/app/printer-messages';
import { createRelayedSystemPrinters } from '../../src-main/app/system-printers.relay';
import { FakeUtilityProcess } from '../fixtures/electron-fake';
import { aPrinterHost as aHost, zebraGk420 as zebra } from '../fixtures/print-window-fake';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const b64 = PDF.toString('base64');

const printReq = (over: Partial<Extract<PrinterRequest, { op: 'print' }>> = {}): PrinterRequest => ({
  id: 7,
  op: 'print',
  deviceName: zebra.name,
  pdf: b64,
  widthMm: 100,
  heightMm: 150,
  ...over,
});

describe('system printers, main side (hidden window, silent print)', () => {
  it('lists the OS printers with their names as the OS knows them', async () => {
    const { host, windows } = aHost();
    expect(await host.answer({ id: 1, op: 'list' })).toEqual({
      id: 1,
      ok: true,
      value: [{ name: 'ZDesigner_GK420d', displayName: 'ZDesigner GK420d', isDefault: false, status: 3 }],
    });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('prints the PDF silently on the named device at the label size in microns, then cleans up', async () => {
    const { host, windows } = aHost();
    expect(await host.answer(printReq({ copies: 2 }))).toEqual({ id: 7, ok: true, value: null });
    const w = windows[0]!;
    expect(w.webContents.printed).toEqual([
      {
        silent: true,
        deviceName: 'ZDesigner_GK420d',
        printBackground: true,
        copies: 2,
        margins: { marginType: 'none' },
        pageSize: { width: 100_000, height: 150_000 },
      },
    ]);
    expect(w.loaded).toHaveLength(1);
    expect(w.loaded[0]).toMatch(/^file:\/\/.*packdesk-print-.*\/job\.pdf$/);
    expect(w.loadedBytes[0]!.equals(PDF)).toBe(true);
    // The temp copy is gone and the window closed once the spooler took the job.
    expect(existsSync(fileURLToPath(w.loaded[0]!))).toBe(false);
    expect(w.destroyed).toBe(true);
  });

  it('an empty device name prints on the default printer (no deviceName passed)', async () => {
    const { host, windows } = aHost();
    expect(await host.answer(printReq({ deviceName: '' }))).toMatchObject({ ok: true });
    expect(windows[0]!.webContents.printed[0]).not.toHaveProperty('deviceName');
  });

  it.each([
    ['a non-PDF', { pdf: Buffer.from('<html>').toString('base64') }, /not a PDF/],
    ['bad base64', { pdf: 'not base64!' }, /base64 PDF/],
    ['an empty document', { pdf: '' }, /base64 PDF/],
    ['a control character in the name', { deviceName: 'Zebra\nrm' }, /printer name/],
    ['a name that is not text', { deviceName: 42 as unknown as string }, /printer name/],
    ['a width without a height', { heightMm: undefined }, /both the page width and height/],
    ['a page too small to print', { widthMm: 0.2, heightMm: 0.2 }, /between 20 and 1200 mm/],
    ['a page size that is not a number', { widthMm: Number.NaN }, /between 20 and 1200 mm/],
    ['zero copies', { copies: 0 }, /copies/],
    ['a thousand copies', { copies: 1000 }, /copies/],
  ])('refuses %s without opening a window', async (_what, over, message) => {
    const { host, windows } = aHost();
    const r = await host.answer(printReq(over));
    expect(r).toMatchObject({ id: 7, ok: false, fault: 'rejected', retry: false, message });
    expect(windows).toHaveLength(0);
  });

  it('refuses a PDF over the size limit', async () => {
    const { host } = aHost({ maxPdfBytes: 16 });
    expect(await host.answer(printReq())).toMatchObject({ ok: false, message: /larger than/ });
  });

  it('says clearly when the device is gone, prints nothing and allows a later retry', async () => {
    const { host, windows } = aHost({}, (w) => {
      w.webContents.printers = [{ name: 'Brother_QL_820NWB', displayName: 'Brother QL-820NWB' }];
    });
    const r = await host.answer(printReq());
    expect(r).toEqual({
      id: 7,
      ok: false,
      fault: 'offline',
      retry: true,
      maybePrinted: false,
      message: expect.stringMatching(
        /^system printer "ZDesigner_GK420d" is not installed on this computer .*Settings → Printers/,
      ),
    });
    expect(windows[0]!.webContents.printed).toEqual([]);
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('times out when the spooler never answers: may have printed, so no automatic resend', async () => {
    const { host, windows } = aHost({ printTimeoutMs: 50 }, (w) => {
      w.spooler = () => undefined;
    });
    const r = await host.answer(printReq());
    expect(r).toMatchObject({
      ok: false,
      fault: 'not_answering',
      retry: false,
      maybePrinted: true,
      message: expect.stringMatching(/did not confirm the job within 0 s/),
    });
    expect(windows[0]!.destroyed).toBe(true);
  });

  it.each([
    ['Invalid deviceName provided', { fault: 'offline', retry: true, maybePrinted: false }],
    ['Invalid printer settings', { fault: 'rejected', retry: false, maybePrinted: false }],
    ['Print job canceled', { fault: 'rejected', retry: false, maybePrinted: false }],
    ['Print job failed', { fault: 'rejected', retry: false, maybePrinted: true }],
  ])('maps the spooler failure "%s"', async (reason, expected) => {
    const { host } = aHost({}, (w) => {
      w.spooler = (_o, cb) => cb(false, reason);
    });
    expect(await host.answer(printReq())).toMatchObject({ ok: false, ...expected });
  });

  it('waits for the PDF viewer frame before printing (printing on did-finish-load alone prints blank)', async () => {
    let printedAt = 0;
    let frameAt = 0;
    const { host } = aHost({ viewerWaitMs: 5_000 }, (w) => {
      const load = w.loadURL.bind(w);
      w.loadURL = async (url) => {
        await load(url);
        setTimeout(() => {
          w.webContents.emit('did-frame-finish-load', {}, true); // the outer page: not enough
          setTimeout(() => {
            frameAt = Date.now();
            w.webContents.emit('did-frame-finish-load', {}, false);
          }, 40);
        }, 10);
      };
      w.spooler = (_o, cb) => {
        printedAt = Date.now();
        cb(true, '');
      };
    });
    const started = Date.now();
    expect(await host.answer(printReq())).toMatchObject({ ok: true });
    expect(frameAt).toBeGreaterThan(0);
    expect(printedAt).toBeGreaterThanOrEqual(frameAt);
    expect(printedAt - started).toBeLessThan(2_000);
  });

  it('a failing printer list becomes an answer, not a crash of main', async () => {
    const { host } = aHost({}, (w) => {
      w.webContents.getPrintersAsync = () => Promise.reject(new Error('cups down'));
    });
    expect(await host.answer({ id: 3, op: 'list' })).toMatchObject({
      id: 3,
      ok: false,
      message: /cups down/,
    });
  });
});

describe('system printers, core side (relay over the parent port)', () => {
  it('asks main by id and resolves with its answer', async () => {
    const posted: { printer: PrinterRequest }[] = [];
    const port = createRelayedSystemPrinters((m) => posted.push(m));
    expect(port.available).toBe(true);
    const list = port.list();
    const job = port.printPdf('ZDesigner_GK420d', PDF, { widthMm: 76, heightMm: 130, copies: 1 });
    expect(posted).toEqual([
      { printer: { id: 1, op: 'list' } },
      {
        printer: {
          id: 2,
          op: 'print',
          deviceName: 'ZDesigner_GK420d',
          pdf: b64,
          widthMm: 76,
          heightMm: 130,
          copies: 1,
        },
      },
    ]);
    port.receive({ id: 99, ok: true, value: [] }); // unknown id: ignored
    port.receive({ id: 2, ok: true, value: null });
    port.receive({ id: 1, ok: true, value: [{ name: 'A', displayName: 'A', isDefault: true, status: 0 }] });
    await expect(job).resolves.toBeUndefined();
    expect(await list).toEqual([{ name: 'A', displayName: 'A', isDefault: true, status: 0 }]);
  });

  it('turns main’s refusal into a PrinterError the queue understands', async () => {
    const port = createRelayedSystemPrinters(() => undefined);
    const job = port.printPdf('Gone', PDF, {});
    port.receive({
      id: 1,
      ok: false,
      fault: 'offline',
      message: 'system printer "Gone" is not installed',
      retry: true,
      maybePrinted: false,
    });
    const e = await job.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PrinterError);
    expect(e).toMatchObject({ fault: 'offline', retry: true, maybePrinted: false });
  });

  it('gives up when main does not answer: list may be retried, a print may have happened', async () => {
    const port = createRelayedSystemPrinters(() => undefined, { listTimeoutMs: 20, printTimeoutMs: 20 });
    await expect(port.list()).rejects.toMatchObject({ fault: 'not_answering', retry: true });
    await expect(port.printPdf('Z', PDF, {})).rejects.toMatchObject({
      fault: 'not_answering',
      retry: false,
      maybePrinted: true,
      message: expect.stringMatching(/did not confirm the print on "Z"/),
    });
  });

  it('fails at once when the parent port is gone', async () => {
    const port = createRelayedSystemPrinters(() => {
      throw new Error('port closed');
    });
    await expect(port.printPdf('Z', PDF, {})).rejects.toMatchObject({
      fault: 'unavailable',
      message: /port closed/,
    });
  });
});

describe('core host relays printer requests to main and answers only the asking process', () => {
  const setup = (onPrinterRequest?: (r: PrinterRequest) => Promise<PrinterReply>) => {
    const children: FakeUtilityProcess[] = [];
    createCoreHost({
      spawn: () => {
        const c = new FakeUtilityProcess('core-process.cjs', {});
        children.push(c);
        return c;
      },
      onEvent: () => undefined,
      log: () => undefined,
      restartDelaysMs: [0],
      ...(onPrinterRequest && { onPrinterRequest }),
    });
    return children;
  };

  it('passes the request to main’s printer host and posts its reply back', async () => {
    const seen: PrinterRequest[] = [];
    const children = setup(async (r) => {
      seen.push(r);
      return { id: r.id, ok: true, value: [] };
    });
    children[0]!.emit('message', { printer: { id: 4, op: 'list' } });
    await vi.waitFor(() =>
      expect(children[0]!.posted).toEqual([{ printerReply: { id: 4, ok: true, value: [] } }]),
    );
    expect(seen).toEqual([{ id: 4, op: 'list' }]);
  });

  it('refuses when the host has no printers, and ignores malformed requests', async () => {
    const children = setup();
    children[0]!.emit('message', { printer: { id: 'x', op: 'list' } });
    children[0]!.emit('message', { printer: { id: 5, op: 'format-disk' } });
    children[0]!.emit('message', { printer: { id: 6, op: 'print', deviceName: 'Z', pdf: b64 } });
    await vi.waitFor(() => expect(children[0]!.posted).toHaveLength(1));
    expect(children[0]!.posted[0]).toEqual({
      printerReply: {
        id: 6,
        ok: false,
        fault: 'unavailable',
        message: 'This host has no system printers',
        retry: false,
        maybePrinted: false,
      },
    });
  });

  it('does not send a late answer to a core that restarted meanwhile', async () => {
    let finish: (r: PrinterReply) => void = () => undefined;
    const children = setup(() => new Promise((resolve) => (finish = resolve)));
    children[0]!.emit('message', { printer: { id: 1, op: 'list' } });
    children[0]!.emit('exit', 1);
    await vi.waitFor(() => expect(children).toHaveLength(2));
    finish({ id: 1, ok: true, value: [] });
    await new Promise((r) => setTimeout(r, 10));
    expect(children[0]!.posted).toEqual([]);
    expect(children[1]!.posted).toEqual([]);
  });
});
