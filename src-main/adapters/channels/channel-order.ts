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
}

/** What the sync engine needs from any channel API. */
export interface ChannelClient {
  /** Orders updated at or after `since` (ms; null = everything visible), oldest first where the API allows. */
  fetchOrdersPage(since: number | null, cursor: string | null): Promise<OrdersPage>;
  /** Checks the address and credentials; returns the shop's name as the API reports it. */
  testConnection(): Promise<{ shopName: string }>;
}
