export { printingHandlers } from './printing.handlers';
export { PrintQueue, backoffMs, type PrintQueueDeps } from './print-queue';
export { savePrinter, enqueuePrint, enqueueWaybill, reprint, toJob } from './printing.service';
export { findJobByKey, findPrinter, listPrinters } from './printing.repo';
export { componentWaybill } from './waybill.driver';
