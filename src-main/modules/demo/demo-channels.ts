import type { ChannelKind, OrderType } from '../../../src-shared/domain/ids';
import type { Country } from './demo-abroad';
import {
  chance,
  digits,
  int,
  pad,
  pick,
  pickWeighted,
  weighted,
  type Rng,
  type Weighted,
} from './demo-random';

export interface DemoChannel {
  code: string;
  kind: ChannelKind;
  name: string;
  currency: string;
  /** Share of all demo orders. */
  weight: number;
  /** Share of this channel's orders that ship abroad. */
  abroad: number;
  /** Marketplaces mask buyer names/phones in exports unless the seller has decryption rights. */
  masked: number;
  type(r: Rng, abroad: boolean): OrderType;
  payment(r: Rng, abroad: boolean): string;
  /**
   * The channel's own order number. `i` (the demo's order index) is embedded so numbers never
   * collide; `ymd` is the order day in the channel's time zone. Sequential formats also carry
   * `tag` (empty for seed 1, else the seed) so a second seed's #10001 is not the first one's.
   */
  externalId(r: Rng, i: number, ymd: string, country: Country | 'CN', tag: string): string;
}

const oneOf = <T>(pairs: readonly (readonly [T, number])[]): ((r: Rng) => T) => {
  const w: Weighted<T> = weighted(pairs);
  return (r) => pickWeighted(r, w);
};

const cnPay = oneOf([
  ['alipay', 55],
  ['wechat_pay', 45],
]);
const abroadPay = oneOf([
  ['credit_card', 55],
  ['paypal', 30],
  ['shop_pay', 15],
]);

/** Amazon order ids start with a marketplace-typical group: 1xx for .com, 2xx–4xx Europe, 249/250/503 Japan. */
const AMAZON_PREFIX: Record<Country, readonly string[]> = {
  US: ['111', '112', '113', '114'],
  CA: ['701', '702'],
  GB: ['202', '203', '204', '206'],
  DE: ['302', '303', '304', '305', '306'],
  FR: ['402', '403', '404', '407'],
  JP: ['249', '250', '503'],
  AU: ['250', '503'],
};

export const DEMO_CHANNELS: readonly DemoChannel[] = [
  {
    code: 'taobao',
    kind: 'taobao',
    name: '淘宝/天猫旗舰店',
    currency: 'CNY',
    weight: 30,
    abroad: 0,
    masked: 0.05,
    type: () => 'marketplace',
    payment: () => 'alipay',
    externalId: (r, i) => `${int(r, 2, 4)}${digits(r, 11)}${pad(i, 7)}`,
  },
  {
    code: 'pdd',
    kind: 'pdd',
    name: '拼多多',
    currency: 'CNY',
    weight: 21,
    abroad: 0,
    masked: 0.12,
    type: () => 'marketplace',
    payment: cnPay,
    externalId: (r, i, ymd) => `${ymd.slice(2)}-${digits(r, 8)}${pad(i, 7)}`,
  },
  {
    code: 'douyin',
    kind: 'douyin',
    name: '抖店',
    currency: 'CNY',
    weight: 17,
    abroad: 0,
    masked: 0.08,
    // Most Douyin orders come from live streams; the rest from the shop window (橱窗).
    type: (r) => (chance(r, 0.8) ? 'live_stream' : 'marketplace'),
    payment: oneOf([
      ['douyin_pay', 50],
      ['wechat_pay', 30],
      ['alipay', 20],
    ]),
    externalId: (r, i) => `69${digits(r, 10)}${pad(i, 7)}`,
  },
  {
    code: 'wholesale',
    kind: 'wholesale',
    name: '线下批发',
    currency: 'CNY',
    weight: 4,
    abroad: 0,
    masked: 0,
    type: () => 'wholesale',
    payment: oneOf([
      ['bank_transfer', 70],
      ['monthly_credit', 30],
    ]),
    externalId: (_r, i, ymd, _c, tag) => `PF${ymd}${tag}${pad(i, 7)}`,
  },
  {
    code: 'groupbuy',
    kind: 'group_buy',
    name: '社区团购',
    currency: 'CNY',
    weight: 6,
    abroad: 0,
    masked: 0,
    type: () => 'group_buy',
    payment: () => 'wechat_pay',
    externalId: (_r, i, ymd, _c, tag) => `TG${ymd}${tag}${pad(i, 7)}`,
  },
  {
    code: 'shopify',
    kind: 'shopify',
    name: 'Shopify 独立站',
    currency: 'USD',
    weight: 10,
    abroad: 1,
    masked: 0,
    type: () => 'cross_border',
    payment: abroadPay,
    externalId: (_r, i, _ymd, _c, tag) => `#${tag && `${tag}-`}${10001 + i}`,
  },
  {
    code: 'amazon',
    kind: 'amazon',
    name: 'Amazon',
    currency: 'USD',
    weight: 8,
    abroad: 1,
    masked: 0,
    type: () => 'cross_border',
    payment: () => 'amazon_pay',
    externalId: (r, i, _ymd, country) =>
      `${pick(r, AMAZON_PREFIX[country as Country] ?? ['111'])}-${digits(r, 7)}-${pad(i, 7)}`,
  },
  {
    code: 'woocommerce',
    kind: 'woocommerce',
    name: 'WooCommerce 官网',
    currency: 'EUR',
    weight: 4,
    abroad: 0.6,
    masked: 0,
    // The brand's own site sells at home in CNY and abroad in the buyer's currency.
    type: (_r, abroad) => (abroad ? 'cross_border' : 'online_shop'),
    payment: (r, abroad) => (abroad ? (chance(r, 0.6) ? 'paypal' : 'credit_card') : cnPay(r)),
    externalId: (_r, i, _ymd, _c, tag) => `${tag && `${tag}-`}${20000 + i}`,
  },
];

export const CHANNEL_PICK = weighted(DEMO_CHANNELS.map((c) => [c, c.weight] as const));

/** Where cross-border buyers live, by channel: Amazon and Shopify lean American, Woo European. */
export const ABROAD_COUNTRY: Record<string, Weighted<Country>> = {
  shopify: weighted<Country>([
    ['US', 50],
    ['CA', 8],
    ['GB', 14],
    ['DE', 8],
    ['FR', 5],
    ['AU', 9],
    ['JP', 6],
  ]),
  amazon: weighted<Country>([
    ['US', 45],
    ['GB', 15],
    ['DE', 15],
    ['JP', 12],
    ['FR', 6],
    ['CA', 7],
  ]),
  woocommerce: weighted<Country>([
    ['DE', 35],
    ['FR', 25],
    ['GB', 25],
    ['US', 15],
  ]),
};

/** Offshore (non-mainland) customers are drawn from their own pool, keyed by country. */
export const ABROAD_COUNTRIES: readonly Country[] = ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU'];
