import type { PrinterFault } from '../adapters/printers/printer-error';

/**
 * System-printer requests from the core utility process to main, which alone may list the OS
 * printers and print (both need a webContents). The PDF crosses as base64, like the keychain
 * relay's bytes, so the messages stay plain JSON-like objects.
 */
export type PrinterRequest =
  | { id: number; op: 'list' }
  | {
      id: number;
      op: 'print';
      /** The OS name of the printer; empty = the system's default printer. */
      deviceName: string;
      pdf: string;
      widthMm?: number;
      heightMm?: number;
      copies?: number;
    };

export interface SystemPrinterEntry {
  name: string;
  displayName: string;
  isDefault: boolean;
  status: number;
}

export type PrinterReply =
  | { id: number; ok: true; value: SystemPrinterEntry[] | null }
  | { id: number; ok: false; fault: PrinterFault; message: string; retry: boolean; maybePrinted: boolean };

const isObject = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;

/** Only the shape: main checks every field of a print request before acting on it. */
export const isPrinterRequestMessage = (m: unknown): m is { printer: PrinterRequest } =>
  isObject(m) &&
  isObject(m.printer) &&
  typeof m.printer.id === 'number' &&
  (m.printer.op === 'list' || m.printer.op === 'print');

export const isPrinterReplyMessage = (m: unknown): m is { printerReply: PrinterReply } =>
  isObject(m) &&
  isObject(m.printerReply) &&
  typeof m.printerReply.id === 'number' &&
  typeof m.printerReply.ok === 'boolean';
