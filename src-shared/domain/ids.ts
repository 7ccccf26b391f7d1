/** Channel codes Packdesk knows how to import or pull from. */
export const CHANNEL_KINDS = [
  'shopify',
  'woocommerce',
  'amazon',
  'taobao',
  'pdd',
  'douyin',
  'alibaba1688',
  'wholesale',
  'group_buy',
  'manual',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const ORDER_TYPES = [
  'online_shop',
  'marketplace',
  'live_stream',
  'wholesale',
  'group_buy',
  'cross_border',
] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** Who did something: a signed-in user, the CLI, or an automatic process such as review rules. */
export type Actor = string;
