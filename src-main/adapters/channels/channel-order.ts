/**
 * One order as a channel API describes it, before standardisation. Mirrors the file importers'
 * parsed order so both roads end in the same write path.
 */
export interface ChannelOrderLine {
  sku: string;
  title: string;
  spec: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface ChannelOrderAddress {
  raw: string;
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
}

export interface ChannelOrder {
  externalId: string;
  /** The channel's own id (Shopify gid, WooCommerce numeric id), for later pushes. */
  remoteId: string;
  channelStatus: string;
  cancelled: boolean;
  placedAt: number;
  sourceUpdatedAt: number;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  paymentMethod: string | null;
  buyerMessage: string | null;
  buyerId: string;
  buyerName: string;
  buyerEmail: string;
  recipientName: string;
  phone: string;
  address: ChannelOrderAddress;
  lines: ChannelOrderLine[];
  tags: string[];
}

export interface OrdersPage {
  orders: ChannelOrder[];
  /** Opaque continuation (Shopify cursor or WooCommerce page number); null on the last page. */
  next: string | null;
  /** The shop's clock when it answered (HTTP Date header), ms; undefined when it sent none. */
  shopTime?: number;
}

/** An answer's HTTP Date header in ms, or undefined when missing or unreadable. */
export function answerDate(headers: Headers): number | undefined {
  const at = Date.parse(headers.get('date') ?? '');
  return Number.isNaN(at) ? undefined : at;
}

/** What the sync engine needs from any channel API. */
export interface ChannelClient {
  /** Orders updated at or after `since` (ms; null = everything visible), oldest first where the API allows. */
  fetchOrdersPage(since: number | null, cursor: string | null): Promise<OrdersPage>;
  /** Checks the address and credentials; returns the shop's name as the API reports it. */
  testConnection(): Promise<{ shopName: string }>;
  /**
   * True when the next page starts after the last order read, in change order (Shopify's cursor):
   * an order changed mid-sweep moves to the end and is read there, so seeing it twice means no
   * order was skipped. Numbered pages (WooCommerce) shift instead and are read again.
   */
  readonly keysetPaging?: boolean;
}

/** One tracking number to hand to a channel, for the order as we store it (its number or name). */
export interface TrackingPush {
  orderNumber: string;
  /** The carrier as this channel names it ("SF Express" for Shopify, 顺丰速运 for Chinese shops). */
  company: string;
  trackingNumber: string;
  trackingUrl: string | null;
}

export interface PushResult {
  /** 'already': the channel held this number before (a retry after a lost answer); nothing was written. */
  outcome: 'created' | 'already';
  /** What the channel holds now, for the job's history: a fulfilment id, a note id. */
  detail: string;
}

/**
 * Pushing a shipment to the channel. Every implementation reads the channel's state before it
 * writes, so a retry after a timeout or a crash finds its own earlier write instead of doubling it.
 * Failures are ChannelErrors; kind 'client' (userErrors, 4xx) and 'auth' are final.
 */
export interface ChannelPusher {
  pushTracking(p: TrackingPush): Promise<PushResult>;
}
