import { z } from 'zod';
import {
  ChannelError,
  checkedBaseUrl,
  requestJson,
  withRetry,
  DEFAULT_RETRY,
  NO_RETRY,
  type ChannelIo,
  type RetryPolicy,
} from '../channel-http';
import { answerDate, type ChannelClient, type ChannelPusher, type OrdersPage } from '../channel-order';
import { pushShopifyTracking } from './shopify-fulfillment';
import {
  mapShopifyOrder,
  parseShopifyOrder,
  shopifyLineItemsData,
  shopifyOrdersData,
  type ShopifyLineItem,
} from './shopify-order.mapper';
import { LINE_ITEMS_QUERY, ORDERS_QUERY, SHOP_QUERY, updatedSince } from './shopify-queries';

export const SHOPIFY_API_VERSION = '2025-01';

export interface ShopifyOptions {
  /** "myshop", "myshop.myshopify.com" or a full URL (http only on this machine, for tests). */
  shop: string;
  accessToken: string;
  io: ChannelIo;
  pageSize?: number;
  retry?: RetryPolicy;
}

const throttleStatus = z.object({
  maximumAvailable: z.number(),
  currentlyAvailable: z.number(),
  restoreRate: z.number().positive(),
});
const envelope = z.object({
  data: z.unknown().optional(),
  errors: z
    .array(
      z.object({
        message: z.string(),
        extensions: z.object({ code: z.string().optional() }).passthrough().optional(),
      }),
    )
    .optional(),
  extensions: z
    .object({
      cost: z
        .object({ requestedQueryCost: z.number(), actualQueryCost: z.number().nullable(), throttleStatus })
        .optional(),
    })
    .passthrough()
    .optional(),
});

/** Before the first answer we know nothing about the bucket; the documented 20×20 query costs about 920. */
const FIRST_COST_GUESS = 0;

/**
 * The shop as owners give it: "myshop", "myshop.myshopify.com", a URL, or the address of a page of
 * Shopify's admin (admin.shopify.com/store/myshop/orders…), which names the shop but is not its API host.
 */
export function shopifyShopUrl(input: string): URL {
  const admin = /^(?:https?:\/\/)?admin\.shopify\.com\/store\/([a-z0-9][a-z0-9-]*)/i.exec(input.trim());
  return checkedBaseUrl(admin ? admin[1]! : input, (name) => `${name}.myshopify.com`);
}

/**
 * Shopify GraphQL Admin API: the orders query with an updated_at filter, cursor pagination and
 * cost-based throttling (waits until the bucket holds the next query's cost; THROTTLED retried).
 */
export function createShopifyClient(opts: ShopifyOptions): ChannelClient & ChannelPusher {
  const base = shopifyShopUrl(opts.shop);
  const endpoint = new URL(`/admin/api/${SHOPIFY_API_VERSION}/graphql.json`, base).toString();
  const { io } = opts;
  const pageSize = opts.pageSize ?? 20;
  const costs = new Map<string, number>();
  let bucket: { available: number; rate: number; at: number } | null = null;
  /** The shop's clock at the last answer (Date header). */
  let answeredAt: number | undefined;

  /** Sleeps until the bucket, refilling at restoreRate, holds `cost` points. */
  async function pace(cost: number): Promise<void> {
    if (!bucket || cost <= 0) return;
    const available = bucket.available + ((io.now() - bucket.at) / 1000) * bucket.rate;
    if (available >= cost) return;
    await io.sleep(Math.ceil(((cost - available) / bucket.rate) * 1000));
  }

  async function gql(
    name: string,
    query: string,
    variables: Record<string, unknown>,
    policy: RetryPolicy = opts.retry ?? DEFAULT_RETRY,
  ): Promise<unknown> {
    return withRetry(
      io,
      async () => {
        await pace(costs.get(name) ?? FIRST_COST_GUESS);
        const { body, headers } = await requestJson(
          io,
          endpoint,
          {
            method: 'POST',
            headers: {
              'X-Shopify-Access-Token': opts.accessToken,
              'Content-Type': 'application/json',
              Accept: 'application/json',
            },
            body: JSON.stringify({ query, variables }),
          },
          `Shopify ${name}`,
        );
        answeredAt = answerDate(headers);
        const env = envelope.safeParse(body);
        if (!env.success)
          throw new ChannelError('bad_answer', `Shopify ${name}: the answer is not a GraphQL response`);
        const cost = env.data.extensions?.cost;
        if (cost) {
          costs.set(name, cost.requestedQueryCost);
          bucket = {
            available: cost.throttleStatus.currentlyAvailable,
            rate: cost.throttleStatus.restoreRate,
            at: io.now(),
          };
        }
        const errors = env.data.errors ?? [];
        if (errors.some((e) => e.extensions?.code === 'THROTTLED')) {
          const wait = cost
            ? Math.max(
                0,
                (cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable) /
                  cost.throttleStatus.restoreRate,
              )
            : 2;
          throw new ChannelError(
            'rate_limited',
            `Shopify ${name}: throttled (query cost above the points available)`,
            200,
            Math.ceil(wait * 1000),
          );
        }
        if (errors.length) {
          const first = errors[0]!;
          const code = first.extensions?.code;
          if (code === 'ACCESS_DENIED' || code === 'UNAUTHORIZED')
            throw new ChannelError(
              'auth',
              `Shopify ${name}: ${first.message}; the access token lacks the ${name.startsWith('fulfillment') ? 'read/write merchant-managed fulfillment orders' : 'read_orders'} scope or is wrong`,
            );
          throw new ChannelError('client', `Shopify ${name}: ${first.message}${code ? ` (${code})` : ''}`);
        }
        if (env.data.data === undefined || env.data.data === null)
          throw new ChannelError('bad_answer', `Shopify ${name}: the answer has no data`);
        return env.data.data;
      },
      policy,
    );
  }

  async function moreLines(orderId: string, after: string | null): Promise<ShopifyLineItem[]> {
    const out: ShopifyLineItem[] = [];
    let cursor = after;
    while (cursor) {
      const parsed = shopifyLineItemsData.safeParse(
        await gql('lineItems', LINE_ITEMS_QUERY, { id: orderId, after: cursor }),
      );
      if (!parsed.success || !parsed.data.order)
        throw new ChannelError('bad_answer', `Shopify lineItems of ${orderId}: malformed answer`);
      const conn = parsed.data.order.lineItems;
      out.push(...conn.nodes);
      cursor = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
    }
    return out;
  }

  return {
    keysetPaging: true,
    async fetchOrdersPage(since, cursor): Promise<OrdersPage> {
      const data = shopifyOrdersData.safeParse(
        await gql('orders', ORDERS_QUERY, { q: updatedSince(since), after: cursor, first: pageSize }),
      );
      const shopTime = answeredAt;
      if (!data.success)
        throw new ChannelError(
          'bad_answer',
          `Shopify orders: ${data.error.issues[0]?.path.join('.')} ${data.error.issues[0]?.message}`,
        );
      const { pageInfo, nodes } = data.data.orders;
      const parsed = nodes.map(parseShopifyOrder);
      const orders = [];
      for (const o of parsed) {
        const extra = o.lineItems.pageInfo.hasNextPage
          ? await moreLines(o.id, o.lineItems.pageInfo.endCursor)
          : [];
        orders.push(mapShopifyOrder(o, extra));
      }
      if (pageInfo.hasNextPage && !pageInfo.endCursor)
        throw new ChannelError('bad_answer', 'Shopify orders: hasNextPage without an endCursor');
      return { orders, next: pageInfo.hasNextPage ? pageInfo.endCursor : null, shopTime };
    },
    // One try per call: the outbox retries later, after reading the order again.
    pushTracking: (p) => pushShopifyTracking((name, query, vars) => gql(name, query, vars, NO_RETRY), p),
    async testConnection() {
      const data = z
        .object({ shop: z.object({ name: z.string() }) })
        .safeParse(await gql('shop', SHOP_QUERY, {}));
      if (!data.success) throw new ChannelError('bad_answer', 'Shopify shop: malformed answer');
      return { shopName: data.data.shop.name };
    },
  };
}
