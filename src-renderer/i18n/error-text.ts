import type { TFunction } from 'i18next';
import type { AppError } from '../../src-shared/result';
import { ENTRY_ISSUE_PATTERNS } from './entry-error-text';
import { errorDetailText } from './error-detail-text';
import { MAPPING_ISSUE_PATTERNS } from './mapping-error-text';
import { STOCK_ISSUE_PATTERNS } from './stock-error-text';
import { SYNC_ISSUE_PATTERNS } from './sync-error-text';

/**
 * The core writes messages in English. Known field messages (from the contract's schemas) are
 * translated; anything else is shown as the core wrote it, because an untranslated detail is
 * more useful than a vague translated one.
 */
const ISSUE_PATTERNS: [RegExp, string][] = [
  // Anchored to whole messages, so they go before the generic "Too big" / "Invalid" below.
  ...STOCK_ISSUE_PATTERNS,
  ...MAPPING_ISSUE_PATTERNS,
  ...SYNC_ISSUE_PATTERNS,
  [/^is required$/i, 'issues.required'],
  [/^must be at least (\d+) characters?$/i, 'issues.minLength'],
  [/^may use letters, digits/i, 'issues.codeChars'],
  [/^must be a 2-letter country code/i, 'issues.country'],
  [/^must be a phone number/i, 'issues.phone'],
  [/^must be a 3-letter ISO 4217 code/i, 'issues.currency'],
  [/already (exists|in use|taken)/i, 'issues.duplicate'],
  [/^Too big/i, 'issues.tooLong'],
  [/^Too small/i, 'issues.tooShort'],
  [/^Invalid/i, 'issues.invalid'],
  ...ENTRY_ISSUE_PATTERNS,
];

export function issueText(t: TFunction, message: string): string {
  for (const [re, key] of ISSUE_PATTERNS) {
    const m = re.exec(message);
    if (m) return t(key, { n: m[1] ?? '', detail: message, ...m.groups });
  }
  return message;
}

/** Headline by error code (what happened and what to do) plus the core's detail, in the UI language where known. */
export function errorText(t: TFunction, error: AppError): { title: string; detail: string } {
  return {
    title: t(`errors.${error.code}`, { defaultValue: t('errors.internal') }),
    detail: errorDetailText(t, error.message),
  };
}
