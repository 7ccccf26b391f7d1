import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { PrintQueue } from './print-queue';
import type { SystemPrinterPort } from '../../adapters/printers/system-printer.port';
import {
  cancelJobs,
  enqueuePrint,
  enqueueTest,
  enqueueWaybill,
  jobsPage,
  moveJobs,
  reprint,
  retryJob,
  savePrinter,
  toPrinter,
} from './printing.service';
import { findPrinter, listPrinters } from './printing.repo';
import { AppFailure } from '../../../src-shared/result';

export const printingHandlers = (ctx: CoreContext, queue: PrintQueue, system: SystemPrinterPort) =>
  ({
    'printing.printers.list': () => ({ rows: listPrinters(ctx.db).map(toPrinter) }),
    'printing.printers.save': (input) => savePrinter(ctx, input),
    'printing.printers.test': ({ id }, call) => {
      const job = enqueueTest(ctx, id, call.actor);
      queue.kick();
      return job;
    },
    'printing.printers.status': ({ id }) => {
      const p = findPrinter(ctx.db, id);
      if (!p) throw new AppFailure('not_found', `Printer ${id} does not exist`);
      return queue.checkStatus(p);
    },
    'printing.system.list': async () => ({
      available: system.available,
      printers: (await system.list()).map((p) => ({
        name: p.name,
        displayName: p.displayName,
        isDefault: p.isDefault,
      })),
    }),
    'printing.print': (input, call) => {
      const r = enqueuePrint(ctx, input, call.actor);
      if (r.created) queue.kick();
      return r;
    },
    'printing.reprint': (input, call) => {
      const job = reprint(ctx, input, call.actor);
      queue.kick();
      return job;
    },
    'printing.waybill': (input, call) => {
      const r = enqueueWaybill(ctx, input, call.actor);
      if (r.created) queue.kick();
      return r;
    },
    'printing.jobs.list': (input) => ({ rows: jobsPage(ctx, input) }),
    'printing.jobs.cancel': (input, call) => cancelJobs(ctx, input, call.actor),
    'printing.jobs.move': (input) => {
      const r = moveJobs(ctx, input);
      queue.kick();
      return r;
    },
    'printing.jobs.retry': ({ jobId }) => {
      const job = retryJob(ctx, jobId);
      queue.kick();
      return job;
    },
  }) satisfies Partial<Handlers>;
