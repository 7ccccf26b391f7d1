import { PrinterError } from '../adapters/printers/printer-error';
import type { SystemPrinterInfo, SystemPrinterPort } from '../adapters/printers/system-printer.port';
import type { PrinterReply, PrinterRequest } from './printer-messages';
import { createRequestRelay } from './request-relay';

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
  const relay = createRequestRelay<PrinterReply>(
    (reply) => new PrinterError(reply.fault, reply.message, reply.retry, reply.maybePrinted),
  );

  const ask = (req: Ask, timeoutMs: number, onTimeout: () => Error): Promise<unknown> =>
    relay.ask((id) => post({ printer: { ...req, id } as PrinterRequest }), {
      timeoutMs,
      onTimeout,
      onUnsent: (e) =>
        new PrinterError('unavailable', `The desktop app could not be asked to print: ${e.message}`, true),
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
    receive: relay.receive,
  };
}
