import type { CoreContext } from '../../core-context';
import type { OrderType } from '../../../src-shared/domain/ids';
import { findChannelByCode, insertChannel } from '../channels';
import {
  customerStatements,
  FILLED_FROM_USUAL,
  KeyCache,
  linkCustomer,
  usualAddress,
  type CustomerFacts,
  type CustomerStatements,
} from '../customers';
import {
  insertOrders,
  ordersStatements,
  replaceOrderLines,
  storedIsCurrent,
  transitionOrder,
  upsertOrder,
  type StoredOrderVersion,
  type OrdersStatements,
  type UpsertOutcome,
} from '../orders';
import {
  loadStandardizer,
  NO_ADDRESS_REASON,
  regionOf,
  replaceChanges,
  standardizeStatements,
  type Standardized,
  type Standardizer,
} from '../standardize';
import { AppFailure } from '../../../src-shared/result';
import { foldTraditional } from '../standardize';
import type { Layout, ParsedOrder } from './intake.types';
import { fingerprint, prepareParsed, type PreparedOrder } from './order-prepare';

/** Where the shop ships from: orders to elsewhere are cross-border. */
export const HOME_COUNTRY = 'CN';

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
  /** While `writePage` runs: the page's stored order versions, kept in step with its writes. */
  stored: Map<string, StoredOrderVersion | null> | null;
}

export function writeContext(
  ctx: CoreContext,
  layout: Pick<Layout, 'format' | 'kind' | 'defaultCurrency'>,
  channelOverride: string | null,
  actor: string,
  standardizer: Standardizer = loadStandardizer(ctx.sqlite),
): WriteContext {
  return {
    ctx,
    actor,
    layout,
    channelOverride,
    orders: ordersStatements(ctx.sqlite),
    customers: customerStatements(ctx.sqlite),
    changes: standardizeStatements(ctx.sqlite),
    standardizer,
    channels: new Map(),
    homeCountry: HOME_COUNTRY,
    stored: null,
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

export type WriteResult = { id: number | null; outcome: UpsertOutcome | 'missing' };
type Channel = { id: number; kind: string; currency: string };
/** The stored copy of an order, looked up once per page (null: not stored). */
type FindStored = (channelId: number, externalId: string) => StoredOrderVersion | null;

/** An order after the steps that write nothing (fingerprint, standardise, classify): ready to link and upsert. */
interface Prepared {
  p: ParsedOrder;
  channel: Channel;
  hash: string;
  std: Standardized;
  facts: CustomerFacts;
}

type Step = { done: WriteResult } | { linesOnly: ParsedOrder; channel: Channel } | { ready: Prepared };

const UNCHANGED: WriteResult = { id: null, outcome: 'unchanged' };

/**
 * Skips at once what the stored copy already covers; otherwise completes the prepared order with
 * what depends on its channel (id, default currency, type) and gathers its customer facts.
 */
function readyOrder(w: WriteContext, pre: PreparedOrder, channel: Channel, find: FindStored): Step {
  const { p, hash, std } = pre;
  if (p.linesOnly || !std) return { linesOnly: p, channel };
  const existing = find(channel.id, p.externalId);
  if (existing && storedIsCurrent(existing, p.sourceUpdatedAt, hash)) return { done: UNCHANGED };
  const o = std.order;
  o.channelId = channel.id;
  o.currency = p.currency || channel.currency;
  const t = classify(p, o.country, w.homeCountry, channel.kind);
  o.type = t.type;
  o.reasons.unshift(t.reason);
  const facts: CustomerFacts = {
    channelId: channel.id,
    buyerId: p.buyerId,
    name: o.recipientName,
    phone: std.phoneKey,
    email: p.buyerEmail,
    addressKey:
      o.addressMasked || !(o.province || o.addressRaw)
        ? ''
        : `${o.country}|${o.province}${o.city}${o.district}${o.street}${o.detail}`,
    country: o.country,
    province: o.province,
    city: o.city,
  };
  return { ready: { p, channel, hash, std, facts } };
}

/**
 * Links the customer and fills a missing address from the customer's usual one. `beforeRead`
 * runs before the stored orders are read for that address (the batch writes what it holds).
 */
function linkOrder(
  w: WriteContext,
  { p, channel, std, facts }: Prepared,
  now: number,
  keys: KeyCache | undefined,
  beforeRead: () => void,
): void {
  const o = std.order;
  const link = linkCustomer(w.ctx.db, w.ctx.sqlite, w.customers, facts, now, w.actor, keys);
  o.customerId = link.customerId;
  o.reasons.push(...link.reasons);
  const noAddress = !o.addressMasked && !o.addressRaw.trim() && !o.province && !o.detail;
  if (!noAddress || link.customerId === null || link.isNew) return;
  beforeRead();
  const usual = usualAddress(w.customers, link.customerId);
  if (!usual) return;
  for (const f of ['country', 'province', 'city', 'district', 'street', 'detail', 'postcode'] as const) {
    if (o[f] !== usual[f])
      std.changes.push({
        field: f,
        before: o[f],
        after: usual[f],
        reason: FILLED_FROM_USUAL,
      });
    o[f] = usual[f];
  }
  o.addressRaw = usual.addressRaw;
  o.region = regionOf(o.country, o.province);
  // Classified on arrival by where it ships: a usual address abroad makes it cross-border.
  const t = classify(p, o.country, w.homeCountry, channel.kind);
  if (t.type !== o.type) {
    o.type = t.type;
    o.reasons = o.reasons.map((r) => (r.startsWith('type ') ? t.reason : r));
  }
  // The order has an address now: "no address" would contradict the line below.
  o.reasons = o.reasons.filter((r) => r !== NO_ADDRESS_REASON);
  o.reasons.push(
    `address missing: filled from customer #${link.customerId}'s usual address (used on ${usual.uses} order${usual.uses > 1 ? 's' : ''})`,
  );
}

/** Once the order row is written: the standardisation record and what the channel's status means here. */
function finishOrder(
  w: WriteContext,
  { p, std }: Prepared,
  r: Pick<ReturnType<typeof upsertOrder>, 'id' | 'outcome' | 'kept'>,
): void {
  // What the channel sent where a reviewer's correction was kept: on the order, not lost.
  replaceChanges(
    w.changes,
    r.id,
    r.kept.length ? [...std.changes, ...r.kept] : std.changes,
    r.outcome === 'inserted',
  );
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
  } else if (r.outcome !== 'unchanged' && shippedOnChannel(p.channelStatus)) {
    try {
      transitionOrder(
        w.ctx,
        r.id,
        'held',
        w.actor,
        `already shipped on the channel (${p.channelStatus}): not packed here; cancel it, or approve it to pack it anyway`,
      );
    } catch (e) {
      // Held already, or in picking/packing/shipped here: the tag shows the channel's word.
      if (!(e instanceof AppFailure)) throw e;
    }
  }
}

/** Links, fills, upserts and finishes one order at once (API orders, `writeOrder`). */
function commitOrder(w: WriteContext, ready: Prepared, now: number, find: FindStored): WriteResult {
  const { p, channel, hash } = ready;
  const existing = find(channel.id, p.externalId);
  if (existing && storedIsCurrent(existing, p.sourceUpdatedAt, hash)) return UNCHANGED;
  linkOrder(w, ready, now, undefined, () => undefined);
  const r = upsertOrder(w.orders, ready.std.order, now, existing);
  finishOrder(w, ready, r);
  return r;
}

/**
 * Writes a batch's orders in batch order, holding new ones back to insert them together
 * (`insertOrders`, a few dozen rows per statement) with ids taken in turn from `nextId`.
 * Whatever reads stored orders (an update, an item report's lines, a customer's usual address)
 * first writes what is held, so it sees the batch as if each order had been written at once.
 */
class BatchWriter {
  private held: { ready: Prepared; id: number }[] = [];
  private firstId = 0;

  constructor(
    private readonly w: WriteContext,
    private readonly now: number,
    private readonly find: FindStored,
    private readonly keys: KeyCache,
  ) {}

  write(ready: Prepared): WriteResult {
    const { w, now, find } = this;
    const { p, channel, hash } = ready;
    // Looked up again: an earlier order of the same batch may have been this one (a repeated id).
    const existing = find(channel.id, p.externalId);
    if (existing && storedIsCurrent(existing, p.sourceUpdatedAt, hash)) return UNCHANGED;
    linkOrder(w, ready, now, this.keys, this.flush);
    if (existing) {
      this.flush();
      const r = upsertOrder(w.orders, ready.std.order, now, existing);
      this.stored(ready, r.id, existing.hand ?? null);
      finishOrder(w, ready, r);
      return r;
    }
    if (!this.held.length) this.firstId = w.orders.nextId.get() as number;
    const id = this.firstId + this.held.length;
    this.held.push({ ready, id });
    this.stored(ready, id, null);
    return { id, outcome: 'inserted' };
  }

  readonly flush = (): void => {
    if (!this.held.length) return;
    const held = this.held;
    this.held = [];
    for (const { ready } of held) {
      const o = ready.std.order;
      // A customer merged away since the order was linked: the profile it went into.
      if (o.customerId !== null) o.customerId = this.keys.current(o.customerId);
    }
    insertOrders(
      this.w.orders,
      held.map((h) => h.ready.std.order),
      this.firstId,
      this.now,
    );
    for (const { ready, id } of held) finishOrder(this.w, ready, { id, outcome: 'inserted', kept: [] });
  };

  private stored({ p, channel, hash }: Prepared, id: number, hand: string | null): void {
    this.w.stored?.set(versionKey(channel.id, p.externalId), {
      id,
      sourceUpdatedAt: p.sourceUpdatedAt,
      sourceHash: hash,
      hand,
    });
  }
}

/**
 * The channel says the parcel already left (shipped from its own backend or another tool): such
 * an order must not reach the pick list. Taobao/1688 卖家已发货 / 等待买家确认收货 / 交易成功, PDD
 * 已发货 / 已签收, 抖店 已发货 / 已完成, Amazon Shipped, WooCommerce completed, Shopify fulfilled.
 * Partly shipped orders (部分发货, partial) are not: their open lines still go out from here.
 * Traditional wording (賣家已發貨, from a Big5 export) counts the same.
 */
export const shippedOnChannel = (status: string): boolean =>
  /已发货|已签收|交易成功|已完成|等待买家确认收货/.test(foldTraditional(status)) ||
  /^(wc-)?(shipped|completed)$/i.test(status.trim()) ||
  /(^|\/)fulfilled$/i.test(status.trim());

function writeLines(
  w: WriteContext,
  p: ParsedOrder,
  channel: Channel,
  now: number,
  find: FindStored,
): WriteResult {
  const stored = find(channel.id, p.externalId);
  if (!stored) return { id: null, outcome: 'missing' };
  return { id: stored.id, outcome: replaceOrderLines(w.ctx.sqlite, w.orders, stored.id, p.lines, now) };
}

const versionKey = (channelId: number, externalId: string) => `${channelId}\u0000${externalId}`;

/**
 * Writes one parsed order inside the caller's transaction: skipped at once when the stored copy
 * is as new, else standardised, classified, linked to its customer and upserted.
 */
export function writeOrder(w: WriteContext, p: ParsedOrder): WriteResult {
  const now = w.ctx.now();
  const channel = channelFor(w, channelCodeOf(w, p), p);
  const find: FindStored = (channelId, externalId) =>
    (w.orders.find.get(channelId, externalId) as StoredOrderVersion | undefined) ?? null;
  // An unchanged copy (overlapping API pages) is skipped before the cost of standardising it.
  const existing = p.linesOnly ? null : find(channel.id, p.externalId);
  if (existing && storedIsCurrent(existing, p.sourceUpdatedAt, fingerprint(p))) return UNCHANGED;
  const step = readyOrder(w, prepareParsed(w.standardizer, p, w.homeCountry), channel, find);
  if ('done' in step) return step.done;
  if ('linesOnly' in step) return writeLines(w, p, channel, now, find);
  return commitOrder(w, step.ready, now, find);
}

/** Orders `writePage` prepares, looks up and writes together (as many as an import takes at a time). */
const BATCH = 500;

/**
 * Writes one import page inside the caller's transaction, with the same result per order as
 * `writeOrder` one by one, but the stored copies of each batch of orders are looked up in one
 * query per channel, and customer keys once per transaction (`KeyCache`). Customer keys are
 * looked up one by one as orders link: a batched `in (json_each(…))` lookup cost 0.3 s more
 * per 100,000 orders than the single-key statement, nearly all of them misses.
 */
export function writePage(w: WriteContext, page: readonly ParsedOrder[]): WriteResult[] {
  const out: WriteResult[] = [];
  const keys = new KeyCache();
  for (let i = 0; i < page.length; i += BATCH) {
    const batch = page.slice(i, i + BATCH).map((p) => prepareParsed(w.standardizer, p, w.homeCountry));
    out.push(...writeBatch(w, batch, keys));
  }
  return out;
}

/**
 * `writePage` for orders already prepared (by the import worker, or a `take` in-thread): only the
 * database work is left, and the orders given are one batch, already alive. (The importer gives
 * 500 at a time: batches of 100 cost the main thread about 0.25 s more per 100,000 orders; 1,000
 * gained nothing more.)
 */
export const writePrepared = (
  w: WriteContext,
  orders: readonly PreparedOrder[],
  keys: KeyCache = new KeyCache(),
): WriteResult[] => writeBatch(w, orders, keys);

/**
 * `keys`: the customer keys known in the caller's transaction, kept in step by every link; it
 * must not outlive that transaction (a rollback would leave it naming profiles that are gone).
 */
function writeBatch(w: WriteContext, batch: readonly PreparedOrder[], keys: KeyCache): WriteResult[] {
  const now = w.ctx.now();
  const channels = batch.map(({ p }) => channelFor(w, channelCodeOf(w, p), p));
  const stored = new Map<string, StoredOrderVersion | null>();
  const byChannel = new Map<number, string[]>();
  batch.forEach(({ p }, i) => {
    const id = (channels[i] as Channel).id;
    stored.set(versionKey(id, p.externalId), null);
    const list = byChannel.get(id);
    if (list) list.push(p.externalId);
    else byChannel.set(id, [p.externalId]);
  });
  for (const [channelId, ids] of byChannel)
    for (const row of w.orders.findMany.all(channelId, JSON.stringify(ids)) as (StoredOrderVersion & {
      externalId: string;
    })[])
      stored.set(versionKey(channelId, row.externalId), {
        id: row.id,
        sourceUpdatedAt: row.sourceUpdatedAt,
        sourceHash: row.sourceHash,
        hand: row.hand ?? null,
      });
  const find: FindStored = (channelId, externalId) => stored.get(versionKey(channelId, externalId)) ?? null;
  w.stored = stored;
  try {
    const steps = batch.map((pre, i) => readyOrder(w, pre, channels[i] as Channel, find));
    const writer = new BatchWriter(w, now, find, keys);
    const results = steps.map((s) => {
      if ('done' in s) return s.done;
      if ('ready' in s) return writer.write(s.ready);
      writer.flush();
      return writeLines(w, s.linesOnly, s.channel, now, find);
    });
    writer.flush();
    return results;
  } finally {
    w.stored = null;
  }
}

/**
 * The same road for orders that arrive some other way (channel APIs): standardised, classified,
 * linked to their customer and upserted exactly like a file's, into one existing channel.
 */
export function orderWriter(
  ctx: CoreContext,
  channel: { code: string; kind: string; currency: string },
  actor: string,
): (p: ParsedOrder) => WriteResult {
  const w = writeContext(
    ctx,
    { format: 'packdesk', kind: channel.kind, defaultCurrency: channel.currency },
    channel.code,
    actor,
  );
  return (p) => writeOrder(w, p);
}
