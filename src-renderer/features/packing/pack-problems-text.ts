import type { TFunction } from 'i18next';

/**
 * What was wrong with a parcel when packing was completed, as packing.service words it in
 * English ("missing 1 × MUG (马克杯); 1 wrong or extra scan (wrong item CAP); the parcel weighs …"):
 * in a supervisor's override (the order's history) and in the core's refusal at the bench. Said in
 * the UI language with SKUs, titles and weights kept; an unknown part as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const PACK_PROBLEMS: Rule[] = [
  [/^missing (?<items>.+)$/, (t, m) => t('packing.problem.missing', m)],
  [
    /^(?<n>\d+) wrong or extra scans? \((?<scans>.*)\)$/,
    (t, m) =>
      t('packing.problem.scans', {
        count: Number(m.n),
        scans: m
          .scans!.split(', ')
          .map((s) => {
            const x = /^(wrong|extra) item (.+)$/.exec(s);
            return x ? t(`packing.problem.${x[1]}Item`, { code: x[2] }) : s;
          })
          .join(t('packing.problem.listJoin')),
      }),
  ],
  [
    /^the parcel weighs (?<weighed>\d+) g but the items in box (?<box>\S+) should weigh (?<expected>\d+) g \((?<items>\d+) g \+ (?<tare>\d+) g box, ±(?<tol>\d+) g\)$/,
    (t, m) => t('packing.problem.weightBox', m),
  ],
  [
    /^the parcel weighs (?<weighed>\d+) g but the items should weigh (?<expected>\d+) g \(±(?<tol>\d+) g\)$/,
    (t, m) => t('packing.problem.weight', m),
  ],
];
const PROBLEM_START = /; (?=missing |\d+ wrong or extra scan|the parcel weighs )/;

function read(t: TFunction, text: string): string | null {
  for (const [re, say] of PACK_PROBLEMS) {
    const m = re.exec(text);
    if (m) return say(t, m.groups ?? {});
  }
  return null;
}

/** The problems, joined by "; " as the core joins them. */
export const packProblemsText = (t: TFunction, problems: string): string =>
  problems
    .split(PROBLEM_START)
    .map((p) => read(t, p) ?? p)
    .join(t('packing.problem.joiner'));

/** The core's refusal to complete a parcel (a conflict the bench had not seen), or as written. */
export function packRefusalText(t: TFunction, message: string): string {
  const m =
    /^Order (?<id>\d+) cannot be completed: (?<problems>[\s\S]+)\. Scan what is missing, or a supervisor overrides with a reason$/.exec(
      message,
    )?.groups;
  return m ? t('packing.problem.refused', { id: m.id, problems: packProblemsText(t, m.problems!) }) : message;
}
