import type { TFunction } from 'i18next';
import type { AppError } from '../../../src-shared/result';

/**
 * A refused file's detail as the intake writes it (src-main/modules/intake/layout-registry.ts,
 * import-parse.ts), said in the UI language with the file, format and column names kept. An
 * unknown wording, and any issue not listed here, is shown as written.
 */
const DETAILS: [RegExp, string][] = [
  [/^(.+): row 1: the header does not match any known export/, 'unknownLayout'],
  [
    /^(.+): row 1, column "(.+)": required column missing for the (\S+) layout(?: \(also missing: (.+)\))?$/,
    'requiredColumn',
  ],
  [/^(.+): the (\S+) file could not be read \((.*)\)$/s, 'unreadable'],
];

const ISSUES: Record<string, string> = {
  'unknown layout': 'unknownLayout',
  'required column missing': 'requiredColumn',
  unreadable: 'unreadable',
};

function detailText(t: TFunction, message: string): string {
  for (const [re, key] of DETAILS) {
    const m = re.exec(message);
    if (!m) continue;
    const [, file = '', a = '', b = '', c = ''] = m;
    if (key === 'requiredColumn') {
      const text = t('intake.fileRefusal.requiredColumn', { file, column: a, format: b });
      return c ? `${text} ${t('intake.fileRefusal.alsoMissing', { columns: c })}` : text;
    }
    if (key === 'unreadable') return t('intake.fileRefusal.unreadable', { file, format: a, detail: b });
    return t(`intake.fileRefusal.${key}`, { file });
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
