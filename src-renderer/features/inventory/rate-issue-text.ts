import type { TFunction } from 'i18next';
import { issueText } from '../../i18n/error-text';

/**
 * The rate-file checks (src-main/modules/routing/rates-csv.ts) write their row problems in
 * English; each known one is translated here with the cell's text kept as typed. Anything else
 * falls back to the app-wide translation or the message as written.
 */
const PATTERNS: [RegExp, string][] = [
  [/^unknown carrier "(.*)"; add it first$/, 'unknownCarrier'],
  [/^"(.*)" is neither .+, a province nor a country code/, 'zone'],
  [/^"(.*)" is not a 3-letter currency code$/, 'currency'],
  [/^"(.*)" is not a weight in kg/, 'weight'],
  [/^"(.*)" is not an amount$/, 'amount'],
  [/^"(.*)" is not a whole number of days$/, 'days'],
  [/^must be more than 0 when max_weight_kg is above first_weight_kg$/, 'stepNeeded'],
  [/^must be more than 0$/, 'positive'],
  [/^cannot be negative$/, 'negative'],
  [/^is more than max_weight_kg$/, 'firstOverMax'],
  [/^repeats the row on line (\d+) for the same carrier and zone$/, 'repeat'],
  [/^missing column$/, 'missingColumn'],
];

export function rateIssueText(t: TFunction, message: string): string {
  for (const [re, key] of PATTERNS) {
    const m = re.exec(message);
    if (m) return t(`routing.rateIssue.${key}`, { value: m[1] ?? '', defaultValue: message });
  }
  return issueText(t, message);
}
