import type { TFunction } from 'i18next';
import type { PrintJob } from '../../../src-shared/contract/printing.contract';

/**
 * A print job's name in the screen's language. The core stores an English title
 * ("label · order 15", "pick_list · 5 orders", "Test page · Zebra", "… (reprint 2)"); the
 * queue rebuilds it from the job's document and order, and falls back to the stored title for
 * anything it does not recognise.
 */
export function jobTitle(t: TFunction, job: Pick<PrintJob, 'document' | 'orderId' | 'title'>): string {
  const reprint = /\(reprint (\d+)\)$/.exec(job.title)?.[1];
  const base = baseTitle(t, job);
  if (!base) return job.title;
  return reprint ? t('printing.job.reprint', { title: base, n: Number(reprint) }) : base;
}

function baseTitle(t: TFunction, job: Pick<PrintJob, 'document' | 'orderId' | 'title'>): string | null {
  const test = /^Test page · (.*?)(?: \(reprint \d+\))?$/.exec(job.title);
  if (test) return t('printing.job.test', { printer: test[1] });
  const document = t(`printing.document.${job.document}`, { defaultValue: '' });
  if (!document) return null;
  if (job.orderId !== null) return t('printing.job.order', { document, id: job.orderId });
  const orders = /· (\d+) orders\b/.exec(job.title);
  if (orders) return t('printing.job.orders', { document, count: Number(orders[1]) });
  const numbers = /^e-waybill (.+?)(?: \(reprint \d+\))?$/.exec(job.title);
  if (numbers) return t('printing.job.waybill', { document, numbers: numbers[1] });
  return null;
}
