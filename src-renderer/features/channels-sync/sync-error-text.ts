import type { TFunction } from 'i18next';
import { keychainReasonText } from './keychain-reason-text';

/**
 * Why a channel did not sync, its connection test failed or a tracking push did not go through, as
 * the core words it in English (channel-http's requestJson, the Shopify and WooCommerce clients, the
 * sync credentials). Said in the UI language with what to do, keeping the shop's own words (its HTTP
 * status and message); a wording not listed here, such as an order the shop sent malformed, is shown
 * as written. push-error-text.ts adds the outbox's own wordings on top of these.
 */
export type Say = (t: TFunction, m: Record<string, string>) => string;

/**
 * What a person can expect after a passing failure (timeout, 5xx, 429): a sync runs again on its
 * schedule, a queued push at its next try, a push that gave up only when Retry is pressed.
 */
export type Again = 'sync' | 'push' | 'byHand';

/** Whole messages: the channel is not connected yet, or its stored credentials cannot be read (sealed-json's unseal). */
const CHANNEL_RULES: [RegExp, Say][] = [
  [
    /^Channel "(?<name>.*)" has no credentials yet; enter them in its connection settings$/,
    (t, m) => t('sync.error.noCredentials', m),
  ],
  [
    /^Channel "(?<name>.*)" has no shop address yet; enter it in the channel's connection settings$/,
    (t, m) => t('sync.error.noAddress', m),
  ],
  [
    /^The channel's credentials cannot be read on this host: (?<reason>.*)$/s,
    (t, m) => t('sync.error.credentialsHost', { reason: keychainReasonText(t, m.reason ?? '') }),
  ],
  [
    /^The channel's credentials were encrypted with (?<stored>\S+) but this computer uses (?<current>\S+); enter them again in the channel settings$/,
    (t, m) => t('sync.error.credentialsOther', m),
  ],
  [
    /^The channel's credentials cannot be decrypted \((?<why>.*)\); enter them again in the channel settings$/,
    (t, m) => t('sync.error.credentialsDecrypt', m),
  ],
  [
    /^The channel's credentials are unreadable; enter them again in the channel settings$/,
    (t) => t('sync.error.credentialsUnreadable'),
  ],
];

/** What failed after "<call>: " (channel-http and the clients), most specific first. */
const RULES: [RegExp, Say][] = [
  [/^no answer within (?<seconds>[\d.]+) s$/, (t, m) => t('sync.error.timeout', m)],
  [/^cannot reach (?<host>\S+) \((?<code>.*)\)$/, (t, m) => t('sync.error.unreachable', m)],
  [/^rate limited \(HTTP 429\)$/, (t, m) => t('sync.error.rateLimited', m)],
  [/^throttled \(query cost above the points available\)$/, (t, m) => t('sync.error.rateLimited', m)],
  [/^the shop answered HTTP (?<status>\d+)$/, (t, m) => t('sync.error.server', m)],
  [
    /^the shop refused the credentials \(HTTP 401(?<detail>.*)\); check them in the channel settings$/,
    (t, m) => t('sync.error.refused', m),
  ],
  [
    /^access denied \(HTTP 403(?<detail>.*)\): the key lacks read permission, or the site's firewall blocks this computer; check the key's permissions and the firewall$/,
    (t, m) => t('sync.error.forbidden', m),
  ],
  [/^HTTP 404(?<detail>.*)$/, (t, m) => t('sync.error.notFound', m)],
  [
    /^expected JSON but got (?<type>.+) \(a login or firewall page\?\)$/,
    (t, m) => t('sync.error.notJson', m),
  ],
  [
    /^the answer broke off midway \((?<why>.*)\); nothing from it was saved$/,
    (t, m) => t('sync.error.brokeOff', m),
  ],
  [
    /^the answer is not complete JSON \((?<why>.*)\); nothing from it was saved$/,
    (t, m) => t('sync.error.incomplete', m),
  ],
  [
    /^(?<message>.*); the access token lacks the (?<scope>.+) scope or is wrong$/,
    (t, m) => t('sync.error.scope', m),
  ],
];

/**
 * The call as the clients name it: "Shopify orders", "WooCommerce orders page 3", "WooCommerce
 * connection test"; for a push, "Shopify fulfillmentLookup" / "Shopify fulfillmentCreate" (the
 * GraphQL calls), "Shopify order #1001" (shopify-fulfillment) and "WooCommerce order 1234" with
 * " notes", " note" or " completion" for its steps (woocommerce-push).
 */
export function whereText(t: TFunction, where: string): string | null {
  const m =
    /^(?<channel>Shopify|WooCommerce) (?:(?<orders>orders|lineItems(?: of \S+)?)(?: page (?<page>\d+))?|(?<test>shop|connection test)|(?<lookup>fulfillmentLookup)|(?<fulfil>fulfillmentCreate)|order (?<order>.+?)(?: (?<step>notes|note|completion))?)$/.exec(
      where,
    )?.groups;
  if (!m) return null;
  const channel = m.channel;
  if (m.test) return t('sync.error.where.test', { channel });
  if (m.lookup) return t('sync.error.where.lookup', { channel });
  if (m.fulfil) return t('sync.error.where.fulfil', { channel });
  if (m.order) {
    const step = { notes: 'orderNotes', note: 'orderNote', completion: 'orderCompletion' }[m.step ?? ''];
    return t(`sync.error.where.${step ?? 'order'}`, { channel, order: m.order });
  }
  return m.page
    ? t('sync.error.where.ordersPage', { channel, page: m.page })
    : t('sync.error.where.orders', { channel });
}

/** Tries whole-message rules (their groups passed to `say`); null when none matches. */
export function sayFirst(
  t: TFunction,
  rules: [RegExp, Say][],
  text: string,
  extra: Record<string, string> = {},
): string | null {
  for (const [re, say] of rules) {
    const m = re.exec(text);
    if (m) return say(t, { ...m.groups, ...extra });
  }
  return null;
}

/** "<call>: <what failed>" said in the UI language; `again` words what happens after a passing failure. */
export function channelErrorText(t: TFunction, message: string, again: Again): string {
  const whole = sayFirst(t, CHANNEL_RULES, message);
  if (whole !== null) return whole;
  const colon = message.indexOf(': ');
  if (colon < 0) return message;
  const where = whereText(t, message.slice(0, colon));
  if (!where) return message;
  return (
    sayFirst(t, RULES, message.slice(colon + 2), { where, again: t(`sync.error.again.${again}`) }) ?? message
  );
}

export function syncErrorText(t: TFunction, message: string): string {
  return channelErrorText(t, message, 'sync');
}
