import { createHash } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import type { OrderType } from '../../../src-shared/domain/ids';
import { findChannelByCode, insertChannel } from '../channels';
import { customerStatements, linkCustomer, usualAddress, type CustomerStatements } from '../customers';
import {
  ordersStatements,
  replaceOrderLines,
  transitionOrder,
  upsertOrder,
  type NewOrder,
  type OrdersStatements,
  type UpsertOutcome,
} from '../orders';
import {
  loadStandardizer,
  regionOf,
  replaceChanges,
  standardizeOrder,
  standardizeStatements,
  type Standardizer,
} from '../standardize';
import { AppFailure } from '../../../src-shared/result';
import type { Layout, ParsedOrder } from './intake.types';

/** Everything one import reuses across its pages: statements, caches, the standardiser. */
export interface WriteContext {
  ctx: CoreContext;
  actor: string;
  layout: Pick<Layout, 'format' | 'kind' | 'defaultCurrency'>;
  /** --channel: every order goes to this channel, whatever the file says. */
  channelOverride: string | null;
  orders: OrdersStatements;
  customers: CustomerStatements;
  changes: ReturnType<typeof standardizeStatements>;
  standardizer: Standardizer;
  channels: Map<string, { id: number; kind: string; currency: string }>;
  homeCountry: string;
}

export function writeContext(
  ctx: CoreContext,
  layout: Pick<Layout, 'format' | 'kind' | 'defaultCurrency'>,
  channelOverride: string | null,
  actor: string,
): WriteContext {
  return {
    ctx,
    actor,
    layout,
    channelOverride,
    orders: ordersStatements(ctx.sqlite),
    customers: customerStatements(ctx.sqlite),
    changes: standardizeStatements(ctx.sqlite),
    standardizer: loadStandardizer(ctx.sqlite),
    channels: new Map(),
    homeCountry: 'CN',
  };
}

const KIND_TYPE: Record<string, OrderType> = {
  shopify: 'online_shop',
  woocommerce: 'online_shop',
  manual: 'online_shop',
  amazon: 'marketplace',
  taobao: 'marketplace',
  pdd: 'marketplace',
  douyin: 'live_stream',
  alibaba1688: 'wholesale',
  wholesale: 'wholesale',
  group_buy: 'group_buy',
};

export const channelCodeOf = (w: Pick<WriteContext, 'channelOverride' | 'layout'>, p: ParsedOrder): string =>
  w.channelOverride ?? (p.channelCode || w.layout.kind);

/** The channel an order belongs to, created on first import with the layout's kind. */
function channelFor(w: WriteContext, code: string, p: ParsedOrder) {
  const cached = w.channels.get(code);
  if (cached) return cached;
  let row = findChannelByCode(w.ctx.db, code);
  if (!row) {
    const kind =
      w.layout.format === 'packdesk'
        ? p.type === 'wholesale'
          ? 'wholesale'
          : p.type === 'group_buy'
            ? 'group_buy'
            : 'manual'
        : w.layout.kind;
    row = insertChannel(
      w.ctx.db,
      { code, kind, name: code, currency: p.currency || w.layout.defaultCurrency, enabled: true },
      w.ctx.now(),
    );
  }
  const c = { id: row.id, kind: row.kind, currency: row.currency };
  w.channels.set(code, c);
  return c;
}

/** Fingerprint of what the file says about the order (not where it stood in the file). */
export const fingerprint = (p: ParsedOrder): string => {
  const { rows: _rows, ...content } = p;
  return createHash('sha1').update(JSON.stringify(content)).digest('hex');
};

function classify(
  p: ParsedOrder,
  country: string,
  home: string,
  kind: string,
): { type: OrderType; reason: string } {
  if (p.type) return { type: p.type, reason: `type ${p.type}: ${p.typeHint ?? 'from the file'}` };
  if (country && country !== home)
    return { type: 'cross_border', reason: `type cross_border: ships to ${country} from ${home}` };
  const type = KIND_TYPE[kind] ?? 'online_shop';
  return { type, reason: `type ${type}: ${kind} channel${p.typeHint ? ` (${p.typeHint})` : ''}` };
}

/**
 * Writes one parsed order inside the caller's page transaction: skipped at once when the stored
 * copy is as new, else standardised, classified, linked to its customer and upserted.
 */
export function writeOrder(
  w: WriteContext,
  p: ParsedOrder,
): { id: number | null; outcome: UpsertOutcome | 'missing' } {
  const now = w.ctx.now();
  const channel = channelFor(w, channelCodeOf(w, p), p);
  if (p.linesOnly) {
    const stored = w.orders.find.get(channel.id, p.externalId) as { id: number } | undefined;
    if (!stored) return { id: null, outcome: 'missing' };
    return { id: stored.id, outcome: replaceOrderLines(w.ctx.sqlite, w.orders, stored.id, p.lines, now) };
  }
  const hash = fingerprint(p);
  const existing = w.orders.find.get(channel.id, p.externalId) as
    { sourceUpdatedAt: number; sourceHash: string } | undefined;
  if (
    existing &&
    (existing.sourceUpdatedAt > p.sourceUpdatedAt ||
      (existing.sourceUpdatedAt === p.sourceUpdatedAt && existing.sourceHash >= hash))
  ) {
    return { id: null, outcome: 'unchanged' };
  }
  const lines = p.lines;
  const currency = p.currency || channel.currency;
  const draft: NewOrder = {
    channelId: channel.id,
    externalId: p.externalId,
    type: 'online_shop',
    placedAt: p.placedAt,
    sourceUpdatedAt: p.sourceUpdatedAt,
    currency,
    totalMinor:
      p.totalMinor ?? lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0) + p.shippingMinor,
    shippingMinor: p.shippingMinor,
    paymentMethod: p.paymentMethod,
    buyerMessage: p.buyerMessage,
    customerId: null,
    recipientName: p.recipientName,
    phone: p.phone,
    ...p.address,
    addressRaw: p.address.raw,
    addressMasked: false,
    addressAmbiguous: false,
    tags: [...(p.tags ?? []), ...(p.channelStatus ? [`channel:${p.channelStatus}`] : [])],
    reasons: p.origin ? [p.origin] : [],
    lines,
    buyerIdNumber: p.idNumber || null,
    sourceHash: hash,
  };
  delete (draft as Partial<{ raw: string }>).raw;
  const std = standardizeOrder(w.standardizer, draft, w.homeCountry);
  const o = std.order;
  const t = classify(p, o.country, w.homeCountry, channel.kind);
  o.type = t.type;
  o.reasons.unshift(t.reason);
  const link = linkCustomer(
    w.ctx.db,
    w.ctx.sqlite,
    w.customers,
    {
      channelId: channel.id,
      buyerId: p.buyerId,
      name: o.recipientName,
      phone: std.phoneValid ? o.phone : '',
      email: p.buyerEmail,
      addressKey:
        o.addressMasked || !(o.province || o.addressRaw)
          ? ''
          : `${o.country}|${o.province}${o.city}${o.district}${o.street}${o.detail}`,
      country: o.country,
      province: o.province,
      city: o.city,
    },
    now,
    w.actor,
  );
  o.customerId = link.customerId;
  o.reasons.push(...link.reasons);
  const noAddress = !o.addressMasked && !o.addressRaw.trim() && !o.province && !o.detail;
  if (noAddress && link.customerId !== null && !link.isNew) {
    const usual = usualAddress(w.customers, link.customerId);
    if (usual) {
      for (const f of ['country', 'province', 'city', 'district', 'street', 'detail', 'postcode'] as const) {
        if (o[f] !== usual[f])
          std.changes.push({
            field: f,
            before: o[f],
            after: usual[f],
            reason: "filled from the customer's usual address",
          });
        o[f] = usual[f];
      }
      o.addressRaw = usual.addressRaw;
      o.region = regionOf(o.country, o.province);
      o.reasons.push(
        `address missing: filled from customer #${link.customerId}'s usual address (used on ${usual.uses} order${usual.uses > 1 ? 's' : ''})`,
      );
    }
  }
  const r = upsertOrder(w.orders, o, now);
  replaceChanges(w.changes, r.id, std.changes);
  if (p.cancelled) {
    try {
      transitionOrder(
        w.ctx,
        r.id,
        'cancelled',
        w.actor,
        `cancelled on the channel (${p.channelStatus || 'cancelled'})`,
      );
    } catch (e) {
      // Already cancelled, or shipped: the channel's word cannot undo a shipment; the tag shows it.
      if (!(e instanceof AppFailure)) throw e;
    }
  }
  return r;
}

/**
 * The same road for orders that arrive some other way (channel APIs): standardised, classified,
 * linked to their customer and upserted exactly like a file's, into one existing channel.
 */
export function orderWriter(
  ctx: CoreContext,
  channel: { code: string; kind: string; currency: string },
  actor: string,
): (p: ParsedOrder) => { id: number | null; outcome: UpsertOutcome | 'missing' } {
  const w = writeContext(
    ctx,
    { format: 'packdesk', kind: channel.kind, defaultCurrency: channel.currency },
    channel.code,
    actor,
  );
  return (p) => writeOrder(w, p);
}
