export { printingHandlers } from './printing.handlers';
export { PrintQueue, backoffMs, type PrintQueueDeps } from './print-queue';
export { savePrinter, enqueuePrint, reprint } from './printing.service';
