import type { TFunction } from 'i18next';
import { ORDER_STATUSES } from '../../src-shared/domain/order-status';
import { MAPPING_DETAIL_RULES } from './mapping-error-text';
import { STOCK_DETAIL_RULES } from './stock-error-text';

/**
 * The detail under an error's translated headline is the core's English sentence. The ones a
 * clerk meets most (the order state machine's refusal, an order or wave that changed or is
 * gone, a scan at the packing bench that finds nothing) are said in the UI language here,
 * keeping numbers and codes; any other detail is shown as written.
 */
type Rule = [RegExp, (t: TFunction, m: Record<string, string>) => string];

const status = (t: TFunction, s: string) =>
  (ORDER_STATUSES as readonly string[]).includes(s) ? t(`status.${s}`) : s;
const statuses = (t: TFunction, list: string) =>
  list
    .split(', ')
    .map((s) => status(t, s))
    .join(t('errorDetail.listJoin'));
const ids = (t: TFunction, list: string) => list.split(', ').join(t('errorDetail.listJoin'));

const RULES: Rule[] = [
  // order-status assertTransition
  [
    /^An order cannot go from "(?<from>\w+)" to "(?<to>\w+)"; from "\w+" it can go to: (?<allowed>.+)$/,
    (t, m) =>
      t('errorDetail.transition', {
        from: status(t, m.from!),
        to: status(t, m.to!),
        allowed: statuses(t, m.allowed!),
      }),
  ],
  [
    /^An order cannot go from "(?<from>\w+)" to "(?<to>\w+)"; "\w+" is final$/,
    (t, m) => t('errorDetail.transitionFinal', { from: status(t, m.from!), to: status(t, m.to!) }),
  ],
  // orders.service, run-transitions: someone else changed the order first.
  [
    /^Order (?<id>\d+) is no longer (?<from>\w+); nothing was changed$/,
    (t, m) => t('errorDetail.noLonger', { id: m.id, from: status(t, m.from!) }),
  ],
  [/^Order (?<id>\d+) does not exist$/, (t, m) => t('errorDetail.noOrder', m)],
  [/^Nothing was shipped: order (?<id>\d+) does not exist$/, (t, m) => t('errorDetail.noOrderShipped', m)],
  [
    /^Orders (?<ids>\d+(?:, \d+)*) do not exist; nothing was changed$/,
    (t, m) => t('errorDetail.noOrders', { ids: ids(t, m.ids!) }),
  ],
  // picking, packing
  [/^Wave (?<id>\d+) does not exist$/, (t, m) => t('errorDetail.noWave', m)],
  [/^Packing session (?<id>\d+) does not exist$/, (t, m) => t('errorDetail.noSession', m)],
  [/^Packing session (?<id>\d+) is already complete$/, (t, m) => t('errorDetail.sessionDone', m)],
  [/^Tote (?<code>\S+) holds no order$/, (t, m) => t('errorDetail.emptyTote', m)],
  [/^No order, channel order number or tote "(?<code>.*)"$/, (t, m) => t('errorDetail.nothingScanned', m)],
  [
    /^"(?<code>.*)" matches orders (?<ids>\d+(?:, \d+)*); scan the tote instead$/,
    (t, m) => t('errorDetail.scanTote', { code: m.code, ids: ids(t, m.ids!) }),
  ],
  [/^Order (?<id>\d+) is not in a pick wave; make a wave first$/, (t, m) => t('errorDetail.notInWave', m)],
  [
    /^Order (?<id>\d+) is (?<status>\w+); this step needs an? (?<needs>\w+) order$/,
    (t, m) =>
      t('errorDetail.wrongStep', { id: m.id, status: status(t, m.status!), needs: status(t, m.needs!) }),
  ],
  [/^warehouse: there is no warehouse "(?<code>.*)"$/, (t, m) => t('errorDetail.noWarehouse', m)],
  ...STOCK_DETAIL_RULES,
  ...MAPPING_DETAIL_RULES,
];

export function errorDetailText(t: TFunction, message: string): string {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (m) return say(t, m.groups ?? {});
  }
  return message;
}
