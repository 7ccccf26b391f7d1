import type { CoreContext } from '../../core-context';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { AppFailure } from '../../../src-shared/result';
import { findChannelByCode } from '../channels';
import {
  getOrder,
  ordersStatements,
  transitionOrder,
  upsertOrder,
  type NewOrder,
  type NewOrderLine,
} from '../orders';
import { insertLink } from './routing.repo';
import { copyLinePresale } from './presale';

/** Orders not yet allocated: nothing is reserved, so they can be recombined freely. */
const RECOMBINABLE: readonly OrderStatus[] = ['pending_review', 'held', 'approved', 'backordered'];
export const NO_MERGE_TAG = 'do-not-merge';

const addressKey = (o: OrderDetail): string =>
  [
    o.customer.name,
    o.customer.phone,
    o.address.country,
    o.address.province,
    o.address.city,
    o.address.district,
    o.address.street,
    o.address.detail,
  ]
    .map((s) => s.trim())
    .join('|');

function newOrderFrom(
  ctx: CoreContext,
  base: OrderDetail,
  externalId: string,
  lines: NewOrderLine[],
  shippingMinor: number,
  reasons: string[],
): NewOrder {
  const channel = findChannelByCode(ctx.db, base.channel);
  if (!channel)
    throw new AppFailure('not_found', `Channel ${base.channel} of order ${base.id} no longer exists`);
  const now = ctx.now();
  return {
    channelId: channel.id,
    externalId,
    type: base.type,
    placedAt: Date.parse(base.placedAt),
    sourceUpdatedAt: now,
    currency: base.currency,
    totalMinor: lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0) + shippingMinor,
    shippingMinor,
    paymentMethod: base.paymentMethod,
    buyerMessage: base.buyerMessage,
    customerId: base.customer.id,
    recipientName: base.customer.name,
    phone: base.customer.phone,
    country: base.address.country,
    province: base.address.province,
    city: base.address.city,
    district: base.address.district,
    street: base.address.street,
    detail: base.address.detail,
    postcode: base.address.postcode,
    addressRaw: base.address.raw,
    addressMasked: base.address.masked,
    addressAmbiguous: base.address.ambiguous,
    tags: base.tags,
    reasons,
    lines,
  };
}

/** A new order starts in pending_review; it is brought to where its originals were, through the state machine. */
function bringTo(ctx: CoreContext, id: number, target: OrderStatus, actor: string, reason: string): void {
  if (target === 'approved' || target === 'held') transitionOrder(ctx, id, target, actor, reason);
}

export function mergeOrders(ctx: CoreContext, ids: number[], actor: string, why?: string): number {
  const unique = [...new Set(ids)];
  if (unique.length < 2)
    throw new AppFailure('invalid_input', 'ids: pick at least two different orders', [
      { path: 'ids', message: 'needs two different orders' },
    ]);
  const orders = unique.map((id) => getOrder(ctx, id));
  const issues: { path: string; message: string }[] = [];
  const first = orders[0]!;
  orders.forEach((o, i) => {
    const path = `ids.${i}`;
    if (o.status === 'held') issues.push({ path, message: `order ${o.id} is on hold` });
    else if (!RECOMBINABLE.includes(o.status) || o.status === 'backordered')
      issues.push({
        path,
        message: `order ${o.id} is ${o.status}; only orders awaiting review or approved can be merged`,
      });
    if ((o.paymentMethod ?? '').toLowerCase() === 'cod')
      issues.push({ path, message: `order ${o.id} is cash on delivery` });
    if (o.tags.includes(NO_MERGE_TAG))
      issues.push({ path, message: `order ${o.id} is flagged "${NO_MERGE_TAG}"` });
    if (addressKey(o) !== addressKey(first))
      issues.push({
        path,
        message: `order ${o.id} has a different buyer, phone or address than order ${first.id}`,
      });
    if (o.channel !== first.channel || o.currency !== first.currency)
      issues.push({
        path,
        message: `order ${o.id} is from another channel or currency than order ${first.id}`,
      });
  });
  if (issues.length)
    throw new AppFailure(
      'conflict',
      `The orders were not merged: ${issues.map((i) => i.message).join('; ')}`,
      issues,
    );
  const lines = orders.flatMap((o) => o.lines);
  const reason = `merged from ${orders.map((o) => `#${o.id}`).join(', ')}${why ? `: ${why}` : ''}`;
  const base = { ...first, tags: [...new Set(orders.flatMap((o) => o.tags))] };
  const merged = newOrderFrom(
    ctx,
    base,
    `M-${orders.map((o) => o.externalId).join('+')}`.slice(0, 200),
    lines,
    orders.reduce((s, o) => s + o.shippingMinor, 0),
    [reason],
  );
  const { id } = upsertOrder(ordersStatements(ctx.sqlite), merged, ctx.now());
  copyLinePresale(
    ctx.sqlite,
    orders.flatMap((o) => o.lines.map((_, j) => ({ orderId: o.id, lineNo: j + 1 }))),
    id,
  );
  bringTo(
    ctx,
    id,
    orders.every((o) => o.status === 'approved') ? 'approved' : 'pending_review',
    actor,
    reason,
  );
  for (const o of orders) {
    insertLink(ctx.sqlite, 'merge', o.id, id, ctx.now());
    transitionOrder(ctx, o.id, 'cancelled', actor, `merged into #${id}`);
  }
  ctx.emit('orders.changed', { ids: [id, ...unique], reason: 'merge' });
  return id;
}

/** A group entry: a whole line by its number, or part of a line's units. */
export type SplitPart = number | { line: number; quantity: number };

export function splitOrder(
  ctx: CoreContext,
  id: number,
  groups: SplitPart[][],
  actor: string,
  why?: string,
): number[] {
  const o = getOrder(ctx, id);
  if (!RECOMBINABLE.includes(o.status))
    throw new AppFailure(
      'conflict',
      `Order ${id} is ${o.status}; only orders not yet allocated can be split`,
    );
  const issues: { path: string; message: string }[] = [];
  const parts = groups.map((g) => g.map((p) => (typeof p === 'number' ? { line: p, quantity: null } : p)));
  const wholeLines = parts
    .flat()
    .filter((p) => p.quantity === null)
    .map((p) => p.line);
  const units = new Map<number, number>();
  const duplicated = new Set<number>();
  parts.forEach((g, i) =>
    g.forEach((p, j) => {
      const line = o.lines[p.line - 1];
      if (!line) {
        issues.push({
          path: `groups.${i}.${j}`,
          message: `order ${id} has no line ${p.line} (it has ${o.lines.length})`,
        });
        return;
      }
      if (p.quantity === null && wholeLines.indexOf(p.line) !== wholeLines.lastIndexOf(p.line)) {
        issues.push({ path: `groups.${i}.${j}`, message: `line ${p.line} is in more than one group` });
        duplicated.add(p.line);
      }
      units.set(p.line, (units.get(p.line) ?? 0) + (p.quantity ?? line.quantity));
    }),
  );
  o.lines.forEach((l, i) => {
    const n = i + 1;
    const given = units.get(n) ?? 0;
    if (given === 0) issues.push({ path: 'groups', message: `line ${n} is in no group` });
    else if (given !== l.quantity && !duplicated.has(n))
      issues.push({
        path: 'groups',
        message: `line ${n} has ${l.quantity} units but the groups hold ${given}`,
      });
  });
  if (issues.length)
    throw new AppFailure(
      'invalid_input',
      `Order ${id} was not split: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  const reason = why ? `split from #${id}: ${why}` : `split from #${id}`;
  const target: OrderStatus =
    o.status === 'held' ? 'held' : o.status === 'pending_review' ? 'pending_review' : 'approved';
  const st = ordersStatements(ctx.sqlite);
  const ids = parts.map((g, i) => {
    const lines = g.map((p) => {
      const line = o.lines[p.line - 1]!;
      return { ...line, quantity: p.quantity ?? line.quantity };
    });
    const child = newOrderFrom(ctx, o, `${o.externalId}-S${i + 1}`, lines, i === 0 ? o.shippingMinor : 0, [
      reason,
    ]);
    const created = upsertOrder(st, child, ctx.now());
    if (created.outcome !== 'inserted')
      throw new AppFailure(
        'conflict',
        `Order ${o.externalId}-S${i + 1} already exists; was order ${id} split before?`,
      );
    copyLinePresale(
      ctx.sqlite,
      g.map((p) => ({ orderId: id, lineNo: p.line })),
      created.id,
    );
    bringTo(ctx, created.id, target, actor, reason);
    insertLink(ctx.sqlite, 'split', id, created.id, ctx.now());
    return created.id;
  });
  transitionOrder(ctx, id, 'cancelled', actor, `split into ${ids.map((n) => `#${n}`).join(', ')}`);
  ctx.emit('orders.changed', { ids: [id, ...ids], reason: 'split' });
  return ids;
}
