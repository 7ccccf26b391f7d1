import { PrinterError } from '../adapters/printers/printer-error';
import type { SystemPrinterInfo, SystemPrinterPort } from '../adapters/printers/system-printer.port';
import type { PrinterReply, PrinterRequest } from './printer-messages';

type Ask = PrinterRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * The core process's SystemPrinterPort: each call is a request to main (which owns the
 * webContents that can list and print) over the parent port, matched by id. Runs without
 * electron imports. The wait is longer than main's own print timeout, so main's clearer answer
 * (printer gone, spooler refused) normally arrives first.
 */
export function createRelayedSystemPrinters(
  post: (message: { printer: PrinterRequest }) => void,
  opts: { listTimeoutMs?: number; printTimeoutMs?: number } = {},
): SystemPrinterPort & { receive(reply: PrinterReply): void } {
  const pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }
  >();
  let nextId = 1;

  const ask = (req: Ask, timeoutMs: number, onTimeout: () => Error): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(onTimeout());
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer });
      try {
        post({ printer: { ...req, id } as PrinterRequest });
      } catch (e) {
        clearTimeout(timer);
        pending.delete(id);
        reject(
          new PrinterError(
            'unavailable',
            `The desktop app could not be asked to print: ${(e as Error).message}`,
            true,
          ),
        );
      }
    });

  const listTimeout = opts.listTimeoutMs ?? 15_000;
  const printTimeout = opts.printTimeoutMs ?? 120_000;

  return {
    available: true,
    async list() {
      return (await ask(
        { op: 'list' },
        listTimeout,
        () =>
          new PrinterError(
            'not_answering',
            `The desktop app did not list the system printers within ${Math.round(listTimeout / 1000)} s`,
            true,
          ),
      )) as SystemPrinterInfo[];
    },
    async printPdf(deviceName, pdf, o) {
      await ask(
        {
          op: 'print',
          deviceName,
          pdf: pdf.toString('base64'),
          ...(o.widthMm !== undefined && { widthMm: o.widthMm }),
          ...(o.heightMm !== undefined && { heightMm: o.heightMm }),
          ...(o.copies !== undefined && { copies: o.copies }),
        },
        printTimeout,
        // The request reached main; whether the spooler got the job is unknown, so no automatic resend.
        () =>
          new PrinterError(
            'not_answering',
            `The desktop app did not confirm the print on ${deviceName ? `"${deviceName}"` : 'the default printer'} within ${Math.round(printTimeout / 1000)} s; check the printer, then reprint from history if nothing came out`,
            false,
            true,
          ),
      );
    },
    receive(reply) {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new PrinterError(reply.fault, reply.message, reply.retry, reply.maybePrinted));
    },
  };
}
