import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text';
import { toneOf, type Feedback } from './packing.store';
import { printFaultText } from '../printing/print-fault-text';
import { packRefusalText } from './pack-problems-text';
import { packWarningText } from './pack-warning';

/**
 * The full-width band a packer sees from a step away: green for a good scan or a packed parcel,
 * red for anything that needs a hand (wrong, extra, missing, refused), grey while waiting.
 */
export function PackFeedback({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const tone = toneOf(feedback);
  const { headline, detail } = describe(t, feedback);
  return (
    <div
      className={`pack-band pack-band-${tone}`}
      role="status"
      aria-live="assertive"
      data-testid="pack-feedback"
      data-tone={tone}
      data-kind={feedback.kind === 'scan' ? feedback.verdict : feedback.kind}
    >
      <div className="pack-band-headline">{headline}</div>
      {detail.map((line, i) => (
        <div key={i} className="pack-band-detail">
          {line}
        </div>
      ))}
    </div>
  );
}

type T = ReturnType<typeof useTranslation>['t'];

function describe(t: T, f: Feedback): { headline: string; detail: string[] } {
  switch (f.kind) {
    case 'ready':
      return { headline: t('packing.band.ready'), detail: [t('packing.band.readyHint')] };
    case 'opened':
      return {
        headline: t('packing.band.opened', { order: f.externalId }),
        detail: [t('packing.band.openedHint')],
      };
    case 'scan': {
      const item = f.sku ? `${f.sku}${f.title ? ` ${f.title}` : ''}` : f.code;
      if (f.verdict === 'ok')
        return {
          headline: t('packing.band.ok', { item }),
          detail: [t('packing.band.count', { scanned: f.scanned, expected: f.expected })],
        };
      if (f.verdict === 'extra_item')
        return {
          headline: t('packing.band.extra'),
          detail: [t('packing.band.extraDetail', { item, expected: f.expected })],
        };
      return {
        headline: t('packing.band.wrong'),
        detail: [t(f.sku ? 'packing.band.wrongDetail' : 'packing.band.unknownDetail', { item })],
      };
    }
    case 'blocked':
      return {
        headline: t('packing.band.blocked'),
        detail: [
          ...f.missing.map((m) =>
            t('packing.band.missing', { quantity: m.quantity, item: `${m.sku} ${m.title}` }),
          ),
          ...f.refused.map((r) =>
            t(r.verdict === 'extra_item' ? 'packing.band.takeOutExtra' : 'packing.band.takeOutWrong', {
              item: r.sku ?? r.code,
            }),
          ),
          ...(f.weight
            ? [
                t('packing.band.weightOff', {
                  grams: f.weight.grams,
                  expected: f.weight.expected,
                  tolerance: f.weight.tolerance,
                }),
              ]
            : []),
          ...(f.message ? [packRefusalText(t, f.message)] : []),
          // Scanning more only helps what is missing; a wrong or extra item needs a supervisor.
          // A refusal from the core (f.message) may be any of these, so it keeps the general hint.
          t(
            f.refused.length && !f.missing.length
              ? 'packing.band.overrideHintTakeOut'
              : f.weight && !f.missing.length && !f.message
                ? 'packing.band.overrideHintWeigh'
                : 'packing.band.overrideHint',
          ),
        ],
      };
    case 'box':
      return {
        headline: t('packing.band.box', { box: f.box.code, name: f.box.name }),
        detail: [t('packing.boxDetail', { ...f.box })],
      };
    case 'packed':
      return {
        headline: t('packing.band.packed', { order: f.externalId }),
        detail: [
          ...f.prints.map(
            (p) =>
              t('packing.band.printed', {
                document: t(`printing.document.${p.document}`, { defaultValue: p.document }),
                printer: p.printer ?? '?',
                status: p.status ? t(`printing.status.${p.status}`, { defaultValue: p.status }) : '',
              }) + (p.error ? ` — ${printFaultText(t, p.error)}` : ''),
          ),
          ...f.warnings.map((w) => t('packing.band.notPrinted', { warning: packWarningText(t, w) })),
          t('packing.band.next'),
        ],
      };
    case 'error': {
      const { title, detail } = errorText(t, f.error);
      return { headline: t(`packing.band.error.${f.error.code}`, { defaultValue: title }), detail: [detail] };
    }
  }
}
