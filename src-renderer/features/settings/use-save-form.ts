import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError, Result } from '../../../src-shared/result';
import { issueText } from '../../i18n/error-text';

/**
 * Form state plus the server's verdict. The server validates against the contract and answers
 * with issues keyed by field path; issues for fields the form does not show stay in the banner.
 */
export function useSaveForm<T extends Record<string, unknown>>(
  initial: T,
  fields: readonly (keyof T & string)[],
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof T & string, string>>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // The message described the old value; keep it until the next save would be noisier.
    setFieldErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async <R>(save: (v: T) => Promise<Result<R>>): Promise<R | null> => {
    setBusy(true);
    const r = await save(values);
    setBusy(false);
    if (r.ok) {
      setFieldErrors({});
      setError(null);
      return r.value;
    }
    const byField: Partial<Record<keyof T & string, string>> = {};
    const other: { path: string; message: string }[] = [];
    for (const issue of r.error.issues ?? []) {
      const key = issue.path.split('.')[0] as keyof T & string;
      if (fields.includes(key) && !byField[key]) byField[key] = issueText(t, issue.message);
      else other.push(issue);
    }
    setFieldErrors(byField);
    // When every problem sits next to its field, the core's English summary would only repeat them.
    const allPlaced = (r.error.issues?.length ?? 0) > 0 && other.length === 0;
    setError({ ...r.error, message: allPlaced ? '' : r.error.message, issues: other });
    return null;
  };

  return { values, set, fieldErrors, error, setError, busy, submit };
}
