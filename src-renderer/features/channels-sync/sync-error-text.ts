import type { TFunction } from 'i18next';

/**
 * Why a channel did not sync or its connection test failed, as the core words it in English
 * (channel-http's requestJson, the Shopify and WooCommerce clients, the sync credentials). Said in
 * the UI language with what to do, keeping the shop's own words (its HTTP status and message); a
 * wording not listed here, such as an order the shop sent malformed, is shown as written.
 */
type Say = (t: TFunction, m: Record<string, string>) => string;

/** Whole messages: the channel is not connected yet. */
const CHANNEL_RULES: [RegExp, Say][] = [
  [
    /^Channel "(?<name>.*)" has no credentials yet; enter them in its connection settings$/,
    (t, m) => t('sync.error.noCredentials', m),
  ],
  [
    /^Channel "(?<name>.*)" has no shop address yet; enter it in the channel's connection settings$/,
    (t, m) => t('sync.error.noAddress', m),
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

/** The call as the clients name it: "Shopify orders", "WooCommerce orders page 3", "WooCommerce connection test". */
function whereText(t: TFunction, where: string): string | null {
  const m =
    /^(?<channel>Shopify|WooCommerce) (?:(?<orders>orders|lineItems(?: of \S+)?)(?: page (?<page>\d+))?|(?<test>shop|connection test))$/.exec(
      where,
    )?.groups;
  if (!m) return null;
  if (m.test) return t('sync.error.where.test', { channel: m.channel });
  return m.page
    ? t('sync.error.where.ordersPage', { channel: m.channel, page: m.page })
    : t('sync.error.where.orders', { channel: m.channel });
}

export function syncErrorText(t: TFunction, message: string): string {
  for (const [re, say] of CHANNEL_RULES) {
    const m = re.exec(message);
    if (m) return say(t, m.groups ?? {});
  }
  const colon = message.indexOf(': ');
  if (colon < 0) return message;
  const where = whereText(t, message.slice(0, colon));
  const rest = message.slice(colon + 2);
  if (!where) return message;
  for (const [re, say] of RULES) {
    const m = re.exec(rest);
    if (m) return say(t, { ...m.groups, where });
  }
  return message;
}
