import { PrinterError } from './printer-error';

/**
 * The OS printers (Windows/macOS spoolers) are reachable only from Electron's main process:
 * `webContents.getPrintersAsync()` to list them and a hidden window loading the PDF, then
 * `webContents.print({ silent: true, deviceName })`. The core calls this port; the desktop host
 * provides the real implementation, every other host gets `unavailableSystemPrinters`.
 */
export interface SystemPrinterInfo {
  name: string;
  displayName: string;
  isDefault: boolean;
  status: number;
}

export interface SystemPrinterPort {
  readonly available: boolean;
  list(): Promise<SystemPrinterInfo[]>;
  /** Prints a PDF silently; resolves when the spooler accepted it. */
  printPdf(
    deviceName: string,
    pdf: Buffer,
    opts: { widthMm?: number; heightMm?: number; copies?: number },
  ): Promise<void>;
}

export const unavailableSystemPrinters: SystemPrinterPort = {
  available: false,
  list: async () => [],
  printPdf: async () => {
    throw new PrinterError(
      'unavailable',
      'System printers are only reachable from the Packdesk desktop app; use a network (TCP 9100) printer here, or print from the desktop app',
      false,
    );
  },
};
