import type { TFunction } from 'i18next';
import { PRINTABLE_DOCUMENTS, type PrintJob } from '../../src-shared/contract/printing.contract';
import { jobTitle } from '../features/printing/job-title';
import { printFaultText } from '../features/printing/print-fault-text';

/**
 * Warnings the core pushes as one English sentence (the `alert` event) are said in the UI
 * language where their wording is known: a print job given up ("<job title>: <fault>",
 * print-queue) and a short pick's write-off (short-pick.service). Any other alert is shown as
 * written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const DOCUMENTS = PRINTABLE_DOCUMENTS.join('|');

const RULES: Rule[] = [
  [
    new RegExp(
      `^(?<title>(?:(?<document>${DOCUMENTS}) · (?:order (?<order>\\d+)|\\d+ orders)|Test page · [^:]*|e-waybill [^:]*)(?: \\(reprint \\d+\\))?): (?<fault>[\\s\\S]+)$`,
    ),
    (t, m) =>
      t('toasts.printFailed', {
        job: jobTitle(t, {
          title: m.title!,
          document: (m.document ??
            (m.title!.startsWith('e-waybill') ? 'waybill' : 'test')) as PrintJob['document'],
          orderId: m.order ? Number(m.order) : null,
        }),
        fault: printFaultText(t, m.fault!),
      }),
  ],
  [
    /^(?<sku>\S+) in (?<warehouse>\S+): short pick in wave (?<wave>\d+), (?<count>-?\d+) written off pending a count of (?:bin (?<bin>\S+)|the shelf)$/,
    (t, m) => t(m.bin ? 'toasts.shortPickBin' : 'toasts.shortPickShelf', { ...m, count: Number(m.count) }),
  ],
];

export function alertText(t: TFunction, message: string): string {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (m) return say(t, m.groups ?? {});
  }
  return message;
}
