import type { TFunction } from 'i18next';

/**
 * "Pack complete" packs the parcel even when its paperwork could not be queued, and says why in
 * English (packing.service, waybill.service). Those warnings are read back into the screen's
 * language, keeping the core's detail where it names things (a printer, a carrier, a number).
 * A warning no pattern knows is shown as the core wrote it.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

/** Why a document was not queued (printing.service / waybill.service refusals). */
const REASONS: Rule[] = [
  [
    /^No default (?<role>\w+) printer is set; choose one in Settings → Printers$/,
    (t, m) =>
      t('packing.warning.noDefaultPrinter', { role: t(`printing.role.${m.role}`, { defaultValue: m.role }) }),
  ],
  [
    /^No (?<platform>.+) print component is set up; add one in Settings → Printers, then reprint e-waybill (?<code>\S+)$/,
    (t, m) => t('packing.warning.noComponent', m),
  ],
];

/** Why the e-waybill has no number yet (waybillAtPack). */
const WAITING: Rule[] = [
  [/^still being fetched$/, (t) => t('packing.warning.fetching')],
  [/^still waiting \((?<detail>.*)\)$/, (t, m) => t('packing.warning.stillWaiting', m)],
  [
    /^it could not be fetched \((?<detail>.*)\); fix that and press "Fetch now" in the order$/,
    (t, m) => t('packing.warning.fetchFailed', m),
  ],
  [
    /^it needs an? (?<platform>.+?) e-waybill account for (?<carrier>\S+): .*$/,
    (t, m) => t('packing.warning.needsAccount', m),
  ],
];

const WARNINGS: Rule[] = [
  [
    /^(?<document>label|packing slip|e-waybill) not queued: (?<reason>.+)$/,
    (t, m) =>
      t('packing.warning.notQueued', {
        document: t(`printing.document.${DOCUMENT[m.document!]}`),
        reason: read(t, REASONS, m.reason!),
      }),
  ],
  [
    /^e-waybill for (?<carrier>\S+) has no number yet: (?<why>.+)\. It prints by itself as soon as the number arrives; no Packdesk label was printed$/,
    (t, m) => t('packing.warning.noNumberYet', { carrier: m.carrier, why: read(t, WAITING, m.why!) }),
  ],
];

const DOCUMENT: Record<string, string> = {
  label: 'label',
  'packing slip': 'packing_slip',
  'e-waybill': 'waybill',
};

function read(t: TFunction, rules: Rule[], text: string): string {
  for (const [re, say] of rules) {
    // A wording with nothing to keep ("still being fetched") has no groups but still matches.
    const m = re.exec(text);
    if (m) return say(t, m.groups ?? {});
  }
  return text;
}

export const packWarningText = (t: TFunction, warning: string): string => read(t, WARNINGS, warning);
