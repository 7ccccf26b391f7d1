import { z } from 'zod';
import { ChannelError } from '../channel-http';
import type { PushResult, TrackingPush } from '../channel-order';

/**
 * Reference "Fulfilment push" step 1, found by the order's name (what we store as its number):
 * the fulfilment orders with what is left to ship, and the fulfilments already made with their
 * tracking. One order only, so the cost stays that of the reference's `order(id:)` read (10 × 50
 * nested items, about 520 points, under the 1,000 cap); the name is checked exactly below.
 */
export const PUSH_LOOKUP_QUERY = `query PushLookup($q: String!) {
  orders(first: 1, query: $q) {
    nodes {
      id name
      fulfillmentOrders(first: 10) { nodes { id status lineItems(first: 50) { nodes { id remainingQuantity sku lineItem { id } } } } }
      fulfillments(first: 10) { id trackingInfo { company number url } }
    }
  }
}`;

export const FULFILLMENT_CREATE = `mutation Push($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) {
    fulfillment { id status }
    userErrors { field message }
  }
}`;

const lookupData = z.object({
  orders: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        fulfillmentOrders: z.object({
          nodes: z.array(
            z.object({
              id: z.string(),
              status: z.string(),
              lineItems: z.object({ nodes: z.array(z.object({ remainingQuantity: z.number() })) }),
            }),
          ),
        }),
        fulfillments: z.array(
          z.object({
            id: z.string(),
            trackingInfo: z.array(z.object({ number: z.string().nullable().optional() })),
          }),
        ),
      }),
    ),
  }),
});

const createData = z.object({
  fulfillmentCreate: z
    .object({
      fulfillment: z.object({ id: z.string(), status: z.string() }).nullable(),
      userErrors: z.array(
        z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }),
      ),
    })
    .nullable(),
});

type Gql = (name: string, query: string, variables: Record<string, unknown>) => Promise<unknown>;

const sameNumber = (a: string | null | undefined, b: string) =>
  (a ?? '').replace(/\s+/g, '').toUpperCase() === b.replace(/\s+/g, '').toUpperCase();

/**
 * Read first, then write once: if a fulfilment already carries the number (our earlier try whose
 * answer was lost), that is the result; otherwise one fulfillmentCreate covers every OPEN or
 * IN_PROGRESS fulfilment order with units left (omitting the line items fulfils each whole order).
 * fulfillmentCreate has no idempotency key (reference), so the read is what prevents doubles.
 */
export async function pushShopifyTracking(gql: Gql, p: TrackingPush): Promise<PushResult> {
  const what = `Shopify order ${p.orderNumber}`;
  const read = lookupData.safeParse(
    await gql('fulfillmentLookup', PUSH_LOOKUP_QUERY, { q: `name:${JSON.stringify(p.orderNumber)}` }),
  );
  if (!read.success)
    throw new ChannelError(
      'bad_answer',
      `${what}: malformed fulfilment orders answer (${read.error.issues[0]?.path.join('.')})`,
    );
  const order = read.data.orders.nodes.find((o) => o.name === p.orderNumber);
  if (!order) throw new ChannelError('client', `${what}: no such order in the shop`);
  const existing = order.fulfillments.find((f) =>
    f.trackingInfo.some((t) => sameNumber(t.number, p.trackingNumber)),
  );
  if (existing) return { outcome: 'already', detail: existing.id };
  const open = order.fulfillmentOrders.nodes.filter(
    (fo) =>
      (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') &&
      fo.lineItems.nodes.some((l) => l.remainingQuantity > 0),
  );
  if (!open.length)
    throw new ChannelError(
      'client',
      `${what}: nothing left to fulfil (its fulfilment orders are ${[...new Set(order.fulfillmentOrders.nodes.map((f) => f.status))].join(', ') || 'missing'}) and no fulfilment carries ${p.trackingNumber}`,
    );
  const created = createData.safeParse(
    await gql('fulfillmentCreate', FULFILLMENT_CREATE, {
      fulfillment: {
        notifyCustomer: true,
        trackingInfo: {
          company: p.company,
          number: p.trackingNumber,
          ...(p.trackingUrl ? { url: p.trackingUrl } : {}),
        },
        lineItemsByFulfillmentOrder: open.map((fo) => ({ fulfillmentOrderId: fo.id })),
      },
    }),
  );
  if (!created.success || !created.data.fulfillmentCreate)
    throw new ChannelError('bad_answer', `${what}: malformed fulfillmentCreate answer`);
  const { fulfillment, userErrors } = created.data.fulfillmentCreate;
  // userErrors are final (reference): the same input would be refused again.
  if (userErrors.length)
    throw new ChannelError(
      'client',
      `${what}: Shopify refused the fulfilment: ${userErrors.map((e) => (e.field?.length ? `${e.field.join('.')}: ${e.message}` : e.message)).join('; ')}`,
    );
  if (!fulfillment) throw new ChannelError('bad_answer', `${what}: fulfillmentCreate returned no fulfilment`);
  return { outcome: 'created', detail: fulfillment.id };
}
