/**
 * Field messages of a refused hand-typed order (manual-entry.service and the order-entry schema),
 * as the clerk sees them under each field, said in the UI language with the typed value kept.
 * "must be at least 1" and "cannot be negative" are stock's patterns, said the same way.
 */
export const ENTRY_ISSUE_PATTERNS: [RegExp, string][] = [
  [/^"(?<phone>.*)" is not a valid (?<country>[A-Z]{2}) phone number$/, 'entryIssue.badPhone'],
  [/^is required: this customer has no earlier address to use$/, 'entryIssue.noAddress'],
  [/^add at least one item$/, 'entryIssue.noItems'],
  [/^must be a whole number$/, 'entryIssue.whole'],
  [/^there is no channel "(?<code>.*)"$/, 'entryIssue.noChannel'],
  [
    /^"(?<code>.*)" is a (?<kind>\w+) channel, whose orders come from the platform/,
    'entryIssue.platformChannel',
  ],
];
