import type { TFunction } from 'i18next';
import { issueText } from '../../i18n/error-text';

/**
 * The shared rule schema writes its messages in English ("total needs a number"); the usual
 * ones are translated here, with the field's own label, and anything else falls back to the
 * app-wide translation or the message as written.
 */
const PATTERNS: [RegExp, string][] = [
  [/^(\w+) needs a number$/, 'number'],
  [/^(\w+) needs a whole number/, 'integer'],
  [/^(\w+) needs true or false$/, 'boolean'],
  [/^(\w+) needs one of: (.+)$/, 'oneOf'],
  [/^(\w+) needs text/, 'text'],
  [/^(\w+) contains needs some text$/, 'text'],
  [/^(\w+) (?:in|not in) needs a list of values$/, 'list'],
  [/^(\w+) is .+ and cannot use "(.+?)"/, 'operator'],
  [/^unknown field "(.*?)"/, 'unknownField'],
  [/^needs at least one condition$/, 'emptyGroup'],
];

export function ruleIssueText(t: TFunction, message: string): string {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(message);
    if (m) {
      const field = m[1] ? t(`review.field.${m[1]}`, { defaultValue: m[1] }) : '';
      return t(`review.issue.${key}`, { field, detail: m[2] ?? '', defaultValue: message });
    }
  }
  return issueText(t, message);
}
