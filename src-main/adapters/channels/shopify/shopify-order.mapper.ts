import { z } from 'zod';
import { parseMajor } from '../../../../src-shared/domain/money';
import type { AppFailure } from '../../../../src-shared/result';
import { ChannelError } from '../channel-http';
import type { ChannelOrder, ChannelOrderLine } from '../channel-order';

const str = z
  .string()
  .nullish()
  .transform((v) => v ?? '');
const money = z.object({ shopMoney: z.object({ amount: z.string(), currencyCode: z.string() }) });

export const shopifyLineItem = z.object({
  id: z.string(),
  sku: str,
  title: z.string(),
  variantTitle: str,
  quantity: z.number().int().nonnegative(),
  originalUnitPriceSet: money,
});

const connection = <T extends z.ZodType>(node: T) =>
  z.object({
    pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
    nodes: z.array(node),
  });

export const shopifyOrder = z.object({
  id: z.string(),
  name: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  cancelledAt: z.string().nullish(),
  displayFinancialStatus: str,
  displayFulfillmentStatus: str,
  currencyCode: z.string().regex(/^[A-Z]{3}$/),
  totalPriceSet: money,
  totalShippingPriceSet: money.nullish(),
  shippingAddress: z
    .object({
      firstName: str,
      lastName: str,
      company: str,
      address1: str,
      address2: str,
      city: str,
      province: str,
      provinceCode: str,
      zip: str,
      countryCodeV2: str,
      phone: str,
    })
    .nullish(),
  customer: z.object({ id: z.string(), firstName: str, lastName: str, email: str, phone: str }).nullish(),
  tags: z.array(z.string()).default([]),
  note: str,
  lineItems: connection(shopifyLineItem),
});
export type ShopifyOrder = z.infer<typeof shopifyOrder>;
export type ShopifyLineItem = z.infer<typeof shopifyLineItem>;

export const shopifyOrdersData = z.object({ orders: connection(z.unknown()) });
export const shopifyLineItemsData = z.object({
  order: z.object({ lineItems: connection(shopifyLineItem) }).nullable(),
});

/** Parses one node; a bad one rejects the whole page, naming the order and the field. */
export function parseShopifyOrder(node: unknown, index: number): ShopifyOrder {
  const r = shopifyOrder.safeParse(node);
  if (r.success) return r.data;
  const where = (node as { name?: unknown })?.name ?? `#${index}`;
  const issue = r.error.issues[0];
  throw new ChannelError(
    'bad_answer',
    `Shopify order ${String(where)}: ${issue?.path.join('.') || '(order)'} ${issue?.message ?? 'is malformed'}`,
  );
}

const amount = (
  m: { shopMoney: { amount: string; currencyCode: string } },
  field: string,
  order: string,
): number => {
  try {
    return parseMajor(m.shopMoney.amount, m.shopMoney.currencyCode);
  } catch (e) {
    throw new ChannelError('bad_answer', `Shopify order ${order}: ${field} ${(e as AppFailure).message}`);
  }
};

export const mapShopifyLine = (l: ShopifyLineItem, order: string): ChannelOrderLine => ({
  sku: l.sku.trim(),
  title: l.title,
  spec: l.variantTitle === 'Default Title' ? '' : l.variantTitle,
  quantity: l.quantity,
  unitPriceMinor: amount(l.originalUnitPriceSet, 'lineItems.originalUnitPriceSet', order),
});

const join = (...parts: string[]) =>
  parts
    .map((p) => p.trim())
    .filter(Boolean)
    .join(' ');

export function mapShopifyOrder(o: ShopifyOrder, extraLines: ShopifyLineItem[] = []): ChannelOrder {
  const a = o.shippingAddress;
  const c = o.customer;
  const recipient = a ? join(a.firstName, a.lastName) : '';
  const detail = a
    ? [a.address1, a.address2]
        .map((s) => s.trim())
        .filter(Boolean)
        .join(', ')
    : '';
  const status = [o.displayFinancialStatus, o.displayFulfillmentStatus].filter(Boolean).join('/');
  return {
    externalId: o.name,
    remoteId: o.id,
    channelStatus: o.cancelledAt ? 'CANCELLED' : status,
    cancelled: !!o.cancelledAt,
    placedAt: Date.parse(o.createdAt),
    sourceUpdatedAt: Date.parse(o.updatedAt),
    currency: o.totalPriceSet.shopMoney.currencyCode,
    totalMinor: amount(o.totalPriceSet, 'totalPriceSet', o.name),
    shippingMinor: o.totalShippingPriceSet
      ? amount(o.totalShippingPriceSet, 'totalShippingPriceSet', o.name)
      : 0,
    paymentMethod: null,
    buyerMessage: o.note || null,
    buyerId: c?.id ?? '',
    buyerName: c ? join(c.firstName, c.lastName) : '',
    buyerEmail: c?.email ?? '',
    recipientName: recipient || (c ? join(c.firstName, c.lastName) : ''),
    phone: a?.phone || c?.phone || '',
    address: {
      raw: a
        ? [detail, a.company, a.city, a.province, a.zip, a.countryCodeV2].filter(Boolean).join(', ')
        : '',
      country: a?.countryCodeV2 ?? '',
      province: a ? a.province || a.provinceCode : '',
      city: a?.city ?? '',
      district: '',
      street: '',
      detail,
      postcode: a?.zip ?? '',
    },
    // A line with nothing left to ship (quantity 0) has nothing to pick and is left out.
    lines: [...o.lineItems.nodes, ...extraLines]
      .filter((l) => l.quantity > 0)
      .map((l) => mapShopifyLine(l, o.name)),
    tags: o.tags,
  };
}
