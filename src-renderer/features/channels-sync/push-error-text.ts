import type { TFunction } from 'i18next';
import { channelErrorText, sayFirst, whereText, type Again, type Say } from './sync-error-text';

/**
 * Why a tracking push did not go through, as the outbox stores it (outbox-worker's lastError): the
 * worker's own wordings around what the push code threw (shopify-fulfillment, woocommerce-push) or
 * channel-http said. Said in the UI language with what to do; the HTTP part is sync-error-text's.
 * A wording not listed here (a malformed answer, a GraphQL error Shopify words itself) is shown as
 * written.
 */

/** "<where>" of a push step as the push code names it, said in the UI language. */
const at = (t: TFunction, m: Record<string, string>) => whereText(t, m.where ?? '') ?? m.where ?? '';

/** What the push code says about the order itself, after "Shopify order #1001: " or "WooCommerce order 1234: ". */
const ORDER_RULES: [RegExp, Say][] = [
  [
    /^(?<where>Shopify order .+?): no such order in the shop$/,
    (t, m) => t('sync.error.push.orderMissing', { where: at(t, m) }),
  ],
  [
    // Not "No route was found": that is the site without its REST API, said as a wrong address.
    /^(?<where>WooCommerce order .+?): HTTP 404(?<detail>(?!: No route).*)$/,
    (t, m) => t('sync.error.push.orderMissingHttp', { where: at(t, m), detail: m.detail }),
  ],
  [
    /^(?<where>Shopify order .+?): nothing left to fulfil \(its fulfilment orders are (?<statuses>.*)\) and no fulfilment carries (?<tracking>.+)$/,
    (t, m) =>
      t('sync.error.push.nothingLeft', {
        where: at(t, m),
        statuses: m.statuses === 'missing' ? t('sync.error.push.noFulfilmentOrders') : m.statuses,
        tracking: m.tracking,
      }),
  ],
  [
    /^(?<where>Shopify order .+?): Shopify refused the fulfilment: (?<why>.*)$/s,
    (t, m) => t('sync.error.push.shopifyRefused', { where: at(t, m), why: m.why }),
  ],
  [
    /^(?<where>WooCommerce order .+?): not a WooCommerce order id \(digits expected\)$/,
    (t, m) => t('sync.error.push.notWooId', { where: at(t, m) }),
  ],
  [
    /^(?<where>WooCommerce order .+?): id (?<id>\d+) carries number (?<number>.+); this store renumbers orders, so the push cannot find the order by its number$/,
    (t, m) => t('sync.error.push.renumbered', { ...m, where: at(t, m) }),
  ],
  [
    /^WooCommerce order (?<order>.+?) is (?<status>cancelled|refunded|failed|trash) in the shop; it was not marked shipped$/,
    (t, m) =>
      t('sync.error.push.closed', { order: m.order, status: t(`sync.error.push.wooStatus.${m.status}`) }),
  ],
  [/^The order this push belongs to no longer exists$/, (t) => t('sync.error.push.orphan')],
];

function explain(t: TFunction, message: string, again: Again): string {
  const gaveUp = /^Gave up after (?<attempts>\d+) attempts: (?<inner>.*)$/s.exec(message)?.groups;
  // Retries are used up: what the inner message says about trying again is now the Retry button.
  if (gaveUp)
    return t('sync.error.push.gaveUp', {
      attempts: gaveUp.attempts,
      message: explain(t, gaveUp.inner ?? '', 'byHand'),
    });
  // woocommerce-push adds this to a refused write: the key reads orders but may not change them.
  const readOnly = /^(?<inner>.*)\. Marking orders shipped needs a key with Read\/Write permission$/s.exec(
    message,
  )?.groups;
  if (readOnly) return t('sync.error.push.needsWrite', { message: explain(t, readOnly.inner ?? '', again) });
  return sayFirst(t, ORDER_RULES, message) ?? channelErrorText(t, message, again);
}

/** A push job's lastError in the UI language; a queued job is tried again by the outbox itself. */
export function pushErrorText(t: TFunction, message: string): string {
  return explain(t, message, 'push');
}
