import type { TFunction } from 'i18next';
import type { AppError } from '../../../src-shared/result';

/**
 * A refused file's detail as the intake writes it (src-main/modules/intake/layout-registry.ts,
 * import-parse.ts, adapters/files/*), said in the UI language with the file, format, row and
 * column names kept (as named groups). An unknown wording, and any issue not listed here, is
 * shown as written.
 */
const DETAILS: [RegExp, string][] = [
  [/^(?<file>.+): row 1: the header does not match any known export/, 'unknownLayout'],
  [/^(?<file>.+): row 1: this is Amazon's "All Orders" report/, 'amazonAllOrders'],
  [
    /^(?<file>.+): row 1, column "(?<column>.+)": required column missing for the (?<format>\S+) layout(?: \(also missing: (?<also>.+)\))?$/,
    'requiredColumn',
  ],
  [/^(?<file>.+): the (?<format>\S+) file could not be read \((?<detail>.*)\)$/s, 'unreadable'],
  [/^(?<file>.+): the file is not text /, 'notText'],
  [/^(?<file>.+): the file is empty$/, 'empty'],
  [
    /^(?<file>.+): row (?<row>\d+): this row has (?<cells>\d+) cells but the header has (?<width>\d+) \(the file is truncated or damaged\)$/,
    'rowCells',
  ],
  [
    /^(?<file>.+): row (?<row>\d+): a quoted cell is never closed \(the file is truncated or damaged\)$/,
    'unclosedQuote',
  ],
];

const ISSUES: Record<string, string> = {
  'unknown layout': 'unknownLayout',
  'Amazon All Orders report: no ship-to address': 'amazonAllOrders',
  'required column missing': 'requiredColumn',
  unreadable: 'unreadable',
  'not a text file': 'notText',
};

function detailText(t: TFunction, message: string): string {
  for (const [re, key] of DETAILS) {
    const groups = re.exec(message)?.groups;
    if (!groups) continue;
    const text = t(`intake.fileRefusal.${key}`, groups);
    return groups.also ? `${text} ${t('intake.fileRefusal.alsoMissing', { columns: groups.also })}` : text;
  }
  return message;
}

export function fileRefusalText(t: TFunction, error: AppError): AppError {
  return {
    ...error,
    message: detailText(t, error.message),
    ...(error.issues && {
      issues: error.issues.map((i) => {
        const key = ISSUES[i.message];
        return key ? { ...i, message: t(`intake.fileRefusal.issue.${key}`) } : i;
      }),
    }),
  };
}
