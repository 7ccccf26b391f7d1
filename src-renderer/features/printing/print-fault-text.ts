import type { TFunction } from 'i18next';

/**
 * Why a print job did not print, as the printer drivers word it in English (raw-tcp.driver,
 * raw-status, system-printer.port, print-queue's "gave up" note). Said in the UI language here;
 * the printer's name and address and the system's own error code are kept. A wording from a
 * print component or the desktop app that is not listed is shown as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const PRINTER = String.raw`printer "(?<printer>[^"]*)" at (?<address>\S+)`;
const rule = (pattern: string, say: Rule[1]): Rule => [new RegExp(`^${pattern}$`), say];

/** raw-status: what the printer reported, most actionable first ("is out of labels and is paused"). */
const CONDITIONS: Record<string, string> = {
  'has its print head open': 'headOpen',
  'is out of labels': 'labelsOut',
  'has a label jam': 'jam',
  'is out of ribbon': 'ribbonOut',
  'is paused': 'paused',
  'reports an error': 'error',
};
const conditionsText = (t: TFunction, words: string): string | null => {
  const parts = words.split(/, | and (?=has |is |reports )/);
  const said = parts.map((p) => CONDITIONS[p]);
  return said.every(Boolean)
    ? said.map((k) => t(`printing.faultDetail.condition.${k}`)).join(t('printing.faultDetail.listJoin'))
    : null;
};

const RULES: Rule[] = [
  rule(`${PRINTER} is out of paper; load a new roll and the job will print`, (t, m) =>
    t('printing.faultDetail.paperOut', m),
  ),
  rule(`${PRINTER} has its cover open; close it and the job will print`, (t, m) =>
    t('printing.faultDetail.coverOpen', m),
  ),
  rule(
    `${PRINTER} is not answering \\(no connection within (?<seconds>[\\d.]+) s\\); check it is switched on and on the network`,
    (t, m) => t('printing.faultDetail.noConnection', m),
  ),
  rule(`${PRINTER} is off or unreachable \\((?<why>.*)\\); switch it on or check its address`, (t, m) =>
    t('printing.faultDetail.unreachable', m),
  ),
  rule(`${PRINTER} could not be reached: (?<why>.*)`, (t, m) => t('printing.faultDetail.notReached', m)),
  rule(
    `${PRINTER} stopped taking data \\(no progress for (?<seconds>[\\d.]+) s\\); it may be out of paper or paused`,
    (t, m) => t('printing.faultDetail.stalled', m),
  ),
  rule(
    `${PRINTER} closed the connection in the middle of the job \\((?<why>.*)\\); check the printer, then reprint from history if needed`,
    (t, m) => t('printing.faultDetail.closedMidJob', m),
  ),
  rule(
    `${PRINTER} closed the connection before taking the whole job; check the printer, then reprint from history if needed`,
    (t, m) => t('printing.faultDetail.closedEarly', m),
  ),
  rule(`${PRINTER} did not answer its status query \\(~HS\\) within (?<seconds>[\\d.]+) s; .*`, (t, m) =>
    t('printing.faultDetail.silent', m),
  ),
  [
    new RegExp(`^${PRINTER} (?<words>.+); .+ and the job will print$`),
    (t, m) => {
      const said = conditionsText(t, m.words!);
      return said === null ? '' : t('printing.faultDetail.status', { ...m, conditions: said });
    },
  ],
  rule(
    'System printers are only reachable from the Packdesk desktop app(?:; use a network \\(TCP 9100\\) printer here, or print from the desktop app)?',
    (t) => t('printing.faultDetail.systemOnly'),
  ),
];

function read(t: TFunction, text: string): string | null {
  for (const [re, say] of RULES) {
    const m = re.exec(text);
    const said = m && say(t, m.groups ?? {});
    if (said) return said;
  }
  return null;
}

/** One job's fault as the core recorded it (lastError), in the UI language. */
export function printFaultText(t: TFunction, message: string): string {
  const gaveUp = /^([\s\S]*) \(gave up after (\d+) attempts; retry it from the print queue\)$/.exec(message);
  const fault = gaveUp ? gaveUp[1]! : message;
  const said = read(t, fault) ?? fault;
  return gaveUp ? t('printing.faultDetail.gaveUp', { fault: said, attempts: Number(gaveUp[2]) }) : said;
}
