import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PrinterFault } from '../adapters/printers/printer-error';
import type { PrinterReply, PrinterRequest, SystemPrinterEntry } from './printer-messages';

/**
 * Main's half of the system-printer relay: lists the OS printers and prints a PDF silently on
 * one of them, for the core process (which has no webContents).
 *
 * How a PDF is printed, and why this way (Electron 45):
 * - The PDF is opened by Chromium's own PDF viewer in a hidden, sandboxed window and printed
 *   with `webContents.print({ silent: true, deviceName, pageSize })`. For years that printed a
 *   blank page or nothing (the viewer is an out-of-process frame; electron/electron#26448,
 *   #27383, #30947) and silent PDF jobs failed (#47272) until electron/electron#47378 (Electron
 *   35+). We ship 45, so the built-in path is the reliable one and needs no extra PDF library.
 * - It is loaded from a private temp file, not a data: URL (Chromium caps URLs at 2 MB, a
 *   batch of labels is bigger) and not a custom scheme (the PDF plugin does not load from
 *   custom protocols: electron/electron#24859). The window has no preload, its own in-memory
 *   session, and cannot navigate anywhere else (security.ts).
 * - `did-finish-load` comes before the viewer frame has drawn the pages, and printing then
 *   gives blank paper; we wait for the viewer's own frame to finish loading (bounded), and the
 *   window paints while hidden (`paintWhenInitiallyHidden`).
 * - A printer missing from the OS list is 'offline' (retried with backoff: a USB printer may be
 *   plugged back in); 'unavailable' stays for hosts without system printers at all.
 * - Label sizes go as `pageSize` in microns with no margins, so a 100×150 label is not shrunk
 *   onto the driver's default A4/Letter.
 */
export interface PrinterInfoLike {
  name: string;
  displayName: string;
  description?: string;
  /** Platform-specific strings (CUPS: printer-state, device-uri …). */
  options?: object;
}

export interface PrintOptionsLike {
  silent: boolean;
  deviceName?: string;
  printBackground: boolean;
  copies: number;
  margins: { marginType: 'none' };
  pageSize?: { width: number; height: number };
}

/** The part of a BrowserWindow the printer host uses; tests pass a fake. */
export interface PrintWindowLike {
  webContents: {
    getPrintersAsync(): Promise<PrinterInfoLike[]>;
    print(options: PrintOptionsLike, callback: (success: boolean, failureReason: string) => void): void;
    on(event: 'did-frame-finish-load', listener: (event: unknown, isMainFrame: boolean) => void): unknown;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface SystemPrinterHostOptions {
  openWindow(): PrintWindowLike;
  /** From print() to the spooler's answer; after it the job may or may not have printed. */
  printTimeoutMs?: number;
  loadTimeoutMs?: number;
  /** Longest wait for the PDF viewer frame after the page loaded. */
  viewerWaitMs?: number;
  maxPdfBytes?: number;
  tmpRoot?: string;
}

const MAX_NAME = 200;
// Electron refuses pages under 353 microns; real labels start around 20 mm.
const MIN_MM = 20;
const MAX_MM = 1_200;

class Refusal extends Error {
  constructor(
    readonly fault: PrinterFault,
    message: string,
    readonly retry = false,
    readonly maybePrinted = false,
  ) {
    super(message);
  }
}

const on = (deviceName: string): string =>
  deviceName ? `system printer "${deviceName}"` : 'the default system printer';

const toEntry = (p: PrinterInfoLike): SystemPrinterEntry => ({
  name: p.name,
  displayName: p.displayName || p.name,
  // Electron's PrinterInfo lost isDefault/status; CUPS still reports printer-state (3 idle,
  // 4 printing, 5 stopped) and Windows reports nothing, so 0 means "unknown".
  isDefault: (p as { isDefault?: unknown }).isDefault === true,
  status: Number((p.options as Record<string, unknown> | undefined)?.['printer-state'] ?? 0) || 0,
});

interface PrintJob {
  deviceName: string;
  pdf: Buffer;
  size: { widthMm: number; heightMm: number } | null;
  copies: number;
}

/** Checks every field of a print request from the core; a bad one is refused, never guessed. */
export function parsePrintRequest(req: Record<string, unknown>, maxPdfBytes: number): PrintJob {
  const bad = (why: string) => new Refusal('rejected', `The print request was refused: ${why}`);
  const { deviceName, pdf, widthMm, heightMm, copies } = req;
  if (
    typeof deviceName !== 'string' ||
    deviceName.length > MAX_NAME ||
    [...deviceName].some((c) => c.charCodeAt(0) < 0x20)
  )
    throw bad('the printer name must be text of at most 200 characters without control characters');
  if (typeof pdf !== 'string' || pdf.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(pdf))
    throw bad('the document must be a base64 PDF');
  if (pdf.length > Math.ceil(maxPdfBytes / 3) * 4)
    throw bad(`the PDF is larger than ${Math.round(maxPdfBytes / 1_048_576)} MB`);
  const bytes = Buffer.from(pdf, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw bad('the document is not a PDF');
  const hasW = widthMm !== undefined;
  if (hasW !== (heightMm !== undefined)) throw bad('give both the page width and height, or neither');
  const mm = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= MIN_MM && v <= MAX_MM;
  if (hasW && !(mm(widthMm) && mm(heightMm)))
    throw bad(`the page size must be between ${MIN_MM} and ${MAX_MM} mm on each side`);
  if (
    copies !== undefined &&
    !(Number.isInteger(copies) && (copies as number) >= 1 && (copies as number) <= 99)
  )
    throw bad('copies must be a whole number from 1 to 99');
  return {
    deviceName,
    pdf: bytes,
    size: hasW ? { widthMm: widthMm as number, heightMm: heightMm as number } : null,
    copies: (copies as number | undefined) ?? 1,
  };
}

function withTimeout<T>(p: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

/** Chromium's failure reasons, in words a clerk can act on, with what a retry would do. */
function spoolerFailure(deviceName: string, reason: string): Refusal {
  if (/invalid deviceName/i.test(reason))
    return new Refusal(
      'offline',
      `${on(deviceName)} is not installed on this computer any more; reconnect it or choose another printer in Settings → Printers, and the job will print`,
      true,
    );
  if (/invalid printer settings/i.test(reason))
    return new Refusal(
      'rejected',
      `${on(deviceName)} refused the print settings (page size or copies); check the label size set for this printer matches the paper loaded`,
    );
  if (/cancel/i.test(reason))
    return new Refusal('rejected', `The job on ${on(deviceName)} was cancelled in the system print queue`);
  return new Refusal(
    'rejected',
    `${on(deviceName)} did not take the job (${reason || 'no reason given'}); check the printer in the system's printer settings, then reprint from history if nothing came out`,
    false,
    true,
  );
}

export function createSystemPrinterHost(opts: SystemPrinterHostOptions) {
  const printTimeout = opts.printTimeoutMs ?? 60_000;
  const loadTimeout = opts.loadTimeoutMs ?? 20_000;
  const viewerWait = opts.viewerWaitMs ?? 3_000;
  const maxPdfBytes = opts.maxPdfBytes ?? 64 * 1_048_576;

  const withWindow = async <T>(use: (w: PrintWindowLike) => Promise<T>): Promise<T> => {
    const win = opts.openWindow();
    try {
      return await use(win);
    } finally {
      if (!win.isDestroyed()) win.destroy();
    }
  };

  const list = (win: PrintWindowLike) =>
    withTimeout(
      win.webContents.getPrintersAsync(),
      loadTimeout,
      () => new Refusal('not_answering', 'The system did not list its printers in time', true),
    );

  const print = (job: PrintJob) =>
    withWindow(async (win) => {
      const installed = await list(win);
      if (job.deviceName && !installed.some((p) => p.name === job.deviceName))
        throw new Refusal(
          'offline',
          `${on(job.deviceName)} is not installed on this computer (it is not in the system's printer list); reconnect or reinstall it, or choose another printer in Settings → Printers, and the job will print`,
          true,
        );
      if (!job.deviceName && installed.length === 0)
        throw new Refusal('offline', 'No printer is installed on this computer', true);

      const dir = mkdtempSync(join(opts.tmpRoot ?? tmpdir(), 'packdesk-print-'));
      try {
        const file = join(dir, 'job.pdf');
        writeFileSync(file, job.pdf, { mode: 0o600 });
        let viewerLoaded: () => void = () => undefined;
        const viewer = new Promise<void>((resolve) => {
          viewerLoaded = resolve;
          setTimeout(resolve, viewerWait).unref?.();
        });
        win.webContents.on('did-frame-finish-load', (_e, isMainFrame) => {
          if (!isMainFrame) viewerLoaded();
        });
        await withTimeout(
          win.loadURL(pathToFileURL(file).href),
          loadTimeout,
          () => new Refusal('rejected', 'The PDF did not open for printing in time'),
        ).catch((e: Error) => {
          throw e instanceof Refusal
            ? e
            : new Refusal('rejected', `The PDF could not be opened for printing: ${e.message}`);
        });
        await viewer;
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () =>
              reject(
                new Refusal(
                  'not_answering',
                  `${on(job.deviceName)} did not confirm the job within ${Math.round(printTimeout / 1000)} s; check the printer, then reprint from history if nothing came out`,
                  false,
                  true,
                ),
              ),
            printTimeout,
          );
          win.webContents.print(
            {
              silent: true,
              ...(job.deviceName && { deviceName: job.deviceName }),
              printBackground: true,
              copies: job.copies,
              margins: { marginType: 'none' },
              ...(job.size && {
                pageSize: {
                  width: Math.round(job.size.widthMm * 1000),
                  height: Math.round(job.size.heightMm * 1000),
                },
              }),
            },
            (success, reason) => {
              clearTimeout(timer);
              if (success) resolve();
              else reject(spoolerFailure(job.deviceName, reason));
            },
          );
        });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

  return {
    /** Answers one request from the core; never throws, so a bad request cannot take main down. */
    async answer(req: PrinterRequest): Promise<PrinterReply> {
      try {
        if (req.op === 'list') return { id: req.id, ok: true, value: (await withWindow(list)).map(toEntry) };
        if (req.op === 'print') {
          await print(parsePrintRequest(req as unknown as Record<string, unknown>, maxPdfBytes));
          return { id: req.id, ok: true, value: null };
        }
        throw new Refusal('rejected', 'Unknown printer request');
      } catch (e) {
        const r =
          e instanceof Refusal
            ? e
            : new Refusal(
                'rejected',
                `Printing failed in the desktop app: ${(e as Error)?.message ?? String(e)}`,
              );
        return {
          id: req.id,
          ok: false,
          fault: r.fault,
          message: r.message,
          retry: r.retry,
          maybePrinted: r.maybePrinted,
        };
      }
    },
  };
}
