import type { Printer, PrintJob } from '../../src-shared/contract/printing.contract';

/** Printers and print jobs as the core lists them, for the printing screens' tests. */
export const zebra: Printer = {
  id: 1,
  name: 'Zebra ZD421',
  kind: 'raw_tcp',
  language: 'zpl',
  host: '192.0.2.10',
  port: 9100,
  deviceName: '',
  labelSize: '100x150',
  dpi: 203,
  cjkFont: false,
  statusCheck: true,
  defaultFor: 'label',
  active: true,
};

/** A job as listed; by default a label for order 3 that printed. */
export const job = (over: Partial<PrintJob>): PrintJob => ({
  id: 7,
  printerId: 1,
  printerName: 'Zebra ZD421',
  document: 'label',
  // The order the title names, as the core stores them together.
  orderId: Number(/order (\d+)/.exec(over.title ?? '')?.[1] ?? 3),
  title: 'label · order 3',
  format: 'zpl',
  status: 'done',
  attempts: 1,
  maxAttempts: 5,
  nextRunAt: '2026-11-25T08:00:00.000Z',
  lastError: null,
  lastFault: null,
  maybePrinted: false,
  reprintOf: null,
  reprintReason: null,
  cancelledBy: null,
  cancelReason: null,
  cancelledAt: null,
  actor: 'clerk',
  createdAt: '2026-11-25T08:00:00.000Z',
  doneAt: '2026-11-25T08:00:01.000Z',
  ...over,
});
