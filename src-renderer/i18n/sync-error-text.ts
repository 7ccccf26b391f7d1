/**
 * The channel connection form's field messages (sync.contract's schemas, channel-http's
 * checkedBaseUrl), said in the UI language with the address as typed.
 */
export const SYNC_ISSUE_PATTERNS: [RegExp, string][] = [
  [
    /^(?<host>\S+) must be reached over https:\/\/ so the credentials are not sent in clear$/,
    'sync.issue.https',
  ],
  [/^"(?<input>.*)" is not a web address$/, 'sync.issue.notAddress'],
  [/^must be the Admin API access token \(shpat_…\)$/, 'sync.issue.token'],
  [/^must be the consumer key \(ck_…\)$/, 'sync.issue.consumerKey'],
  [/^must be the consumer secret \(cs_…\)$/, 'sync.issue.consumerSecret'],
  [/^must be at least (\d+) minutes$/, 'sync.issue.minMinutes'],
  [/^must be (?<kind>shopify|woocommerce)$/, 'sync.issue.kind'],
];
