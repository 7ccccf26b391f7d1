import type { NewOrder, NewOrderLine } from '../orders';
import { regionOf } from '../standardize';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { REMOTE_PROVINCES } from '../../../src-shared/domain/china-regions';
import { abroadRaw, type AbroadAddress } from './demo-abroad';
import { foreignPrice, type DemoSku } from './demo-catalog';
import { carrierFor, trackingNumber } from './demo-carriers';
import { ABROAD_COUNTRY, CHANNEL_PICK, DEMO_CHANNELS, type DemoChannel } from './demo-channels';
import {
  BUYER_MESSAGES_ABROAD,
  BUYER_MESSAGES_CN,
  DEMO_WAREHOUSES,
  EXCEPTION_AFTER_SHIP,
  EXCEPTION_BEFORE_SHIP,
  HELD_REASONS,
  TAGS,
} from './demo-data';
import {
  chinaYmd,
  DAY,
  exceptionAfterShipping,
  orderPlacedAt,
  shippedAtFor,
  statusFor,
  stockEffect,
} from './demo-lifecycle';
import {
  abroadCustomer,
  chinaCustomer,
  customerIndex,
  maskDetail,
  maskName,
  maskPhone,
  STREAM,
  wholesaleCustomer,
  type Person,
} from './demo-people';
import { chinaAddress, nearestWarehouse, type CnAddress } from './demo-regions';
import { chance, int, pick, pickWeighted, rngFor, weighted, type Rng, type Weighted } from './demo-random';

export interface DemoOrder {
  channel: string;
  order: Omit<NewOrder, 'channelId' | 'customerId'>;
  /** Null when the channel masked the buyer: nobody can tell who it was. */
  customer: Person | null;
  warehouse: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: number | null;
  stock: 'none' | 'reserved' | 'shipped' | 'returned';
}

export interface CatalogPicks {
  domestic: Weighted<DemoSku>;
  /** Only what may fly and clear customs: no loose tea, power banks, fresh fruit, oversize or oil. */
  abroad: Weighted<DemoSku>;
}

export function catalogPicks(catalog: DemoSku[]): CatalogPicks {
  const pairs = (list: DemoSku[]) => list.map((s) => [s, s.popularity] as const);
  return {
    domestic: weighted(pairs(catalog)),
    abroad: weighted(pairs(catalog.filter((s) => s.abroad))),
  };
}

const REMOTE = /^(新疆|西藏|青海|内蒙古|甘肃|宁夏)/;
const LINE_COUNT = weighted<number>([
  [1, 65],
  [2, 25],
  [3, 8],
  [4, 2],
]);
const QTY = weighted<number>([
  [1, 80],
  [2, 15],
  [3, 5],
]);
const WAREHOUSE_NAME = new Map(DEMO_WAREHOUSES.map((w) => [w.code, w.name]));

/** Channel pricing in integer minor units: live streams and PDD undercut the list price. */
function unitPrice(r: Rng, ch: DemoChannel, sku: DemoSku, currency: string): number {
  if (currency !== 'CNY') return foreignPrice(sku.priceMinor, currency);
  const p = sku.priceMinor;
  switch (ch.code) {
    case 'douyin':
      return Math.max(90, Math.floor((p * 85) / 10000) * 100 + 90);
    case 'pdd':
      return Math.max(90, Math.floor((p * 90) / 10000) * 100 + (chance(r, 0.5) ? 90 : 0));
    case 'wholesale':
      return Math.floor((p * 60) / 100);
    case 'groupbuy':
      return Math.floor((p * 80) / 100);
    default:
      return p;
  }
}

/**
 * Whether one parcel can carry this SKU with the others: no carrier runs chilled freight or flies
 * batteries, so fresh fruit never shares an order with a power bank or a folding chair, and
 * wholesale buyers (cartons, well over a cold-chain parcel's 30 kg) do not buy it.
 */
function shipsWith(s: DemoSku, chosen: readonly DemoSku[], ch: DemoChannel): boolean {
  if (!s.coldChain) return !(s.battery || s.bulky) || !chosen.some((x) => x.coldChain);
  return ch.code !== 'wholesale' && !chosen.some((x) => x.battery || x.bulky);
}

function buildLines(
  r: Rng,
  ch: DemoChannel,
  picks: CatalogPicks,
  abroad: boolean,
  currency: string,
): { lines: NewOrderLine[]; skus: DemoSku[] } {
  const n =
    ch.code === 'wholesale'
      ? int(r, 3, 8)
      : ch.code === 'groupbuy'
        ? int(r, 1, 3)
        : pickWeighted(r, LINE_COUNT);
  const skus: DemoSku[] = [];
  for (let tries = 0; skus.length < n && (tries < n * 4 || skus.length === 0); tries++) {
    const s = pickWeighted(r, abroad ? picks.abroad : picks.domestic);
    if (!skus.includes(s) && shipsWith(s, skus, ch)) skus.push(s);
  }
  const lines = skus.map((s) => ({
    sku: s.sku,
    title: abroad ? s.titleEn : s.title,
    spec: abroad ? s.specEn : s.spec,
    quantity:
      ch.code === 'wholesale'
        ? s.cartonQty * int(r, 1, 4)
        : ch.code === 'groupbuy'
          ? int(r, 1, 4)
          : pickWeighted(r, QTY),
    unitPriceMinor: unitPrice(r, ch, s, currency),
  }));
  return { lines, skus };
}

function shippingFee(
  r: Rng,
  ch: DemoChannel,
  a: CnAddress | AbroadAddress,
  subtotal: number,
  currency: string,
): number {
  if (ch.code === 'wholesale') return int(r, 3, 20) * 1000;
  if (currency === 'CNY') {
    if (REMOTE.test(a.province)) return int(r, 1, 2) * 1000; // 偏远地区不包邮
    return ch.code === 'woocommerce' && subtotal < 9900 ? 800 : 0;
  }
  if (ch.code === 'amazon') return chance(r, 0.7) ? 0 : foreignPrice(int(r, 2, 4) * 1000, currency);
  return subtotal >= foreignPrice(30000, currency) ? 0 : foreignPrice(int(r, 2, 6) * 1000, currency);
}

function pickCustomer(r: Rng, seed: number, i: number, ch: DemoChannel, abroad: boolean): Person {
  if (ch.code === 'wholesale') return wholesaleCustomer(seed, Math.floor(r() * (40 + i / 2000)));
  if (!abroad) return chinaCustomer(seed, customerIndex(r, i));
  const idx = DEMO_CHANNELS.indexOf(ch);
  return abroadCustomer(
    seed,
    idx,
    ch.code,
    ABROAD_COUNTRY[ch.code] ?? ABROAD_COUNTRY.shopify!,
    customerIndex(r, i, 100),
  );
}

/**
 * A hold reason that fits the order: "over ¥5,000" (the shipped review rule's limit) only on such
 * orders (and always on them), "remote area" only for 新疆/西藏/青海/内蒙古, so the demo's review
 * queue makes sense.
 * One draw whatever fits, so the rest of the order's random stream is unchanged.
 */
function heldReason(r: Rng, total: number, currency: string, province: string): string {
  const cny = currency === 'CNY';
  // Over the limit, the shipped rule would have held it for exactly that.
  if (cny && total > 500_000) return pick(r, [HELD_REASONS.big]);
  const fits = [
    ...(REMOTE_PROVINCES.some((p) => province.startsWith(p)) ? [HELD_REASONS.remote] : []),
    ...(cny && total >= 100_000 ? [HELD_REASONS.suspicious] : []),
    HELD_REASONS.waitBuyer,
  ];
  return pick(r, fits);
}

function reasonsFor(
  r: Rng,
  total: number,
  currency: string,
  status: OrderStatus,
  shippedBefore: boolean,
  warehouse: string | null,
  province: string,
  skus: readonly { sku: string }[],
): string[] {
  if (status === 'held') return [heldReason(r, total, currency, province)];
  if (status === 'exception') return [pick(r, shippedBefore ? EXCEPTION_AFTER_SHIP : EXCEPTION_BEFORE_SHIP)];
  if (status === 'backordered') return [`库存不足：${skus[0]?.sku ?? ''} 等待补货`];
  if (status === 'cancelled')
    return [pick(r, ['买家申请取消', '买家申请退款，订单关闭', '缺货，与买家协商取消'])];
  if (warehouse === 'SZX') return ['跨境订单 → SZX 深圳跨境仓'];
  if (warehouse) return [`就近分配：${province} → ${warehouse} ${WAREHOUSE_NAME.get(warehouse) ?? ''}`];
  return [];
}

/** The first draws of order `i`: enough to know when it was placed without building it. */
function orderHead(seed: number, i: number, anchor: number) {
  const r = rngFor(seed, STREAM.order, i);
  const ch = pickWeighted(r, CHANNEL_PICK);
  const abroad = chance(r, ch.abroad);
  return { r, ch, abroad, placedAt: orderPlacedAt(r, anchor) };
}

/**
 * Order indexes 0…n-1 sorted by placing time. Writing in that order is what makes a big demo
 * fast: the date-keyed indexes (and the rowids) then grow at their ends, as they do in a live
 * shop, instead of being rewritten at random all over the file.
 */
export function chronological(seed: number, n: number, anchor: number): Uint32Array {
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = orderHead(seed, i, anchor).placedAt;
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((a, b) => (at[a] as number) - (at[b] as number) || a - b);
}

/** Order number `i` of the demo for this seed: a pure function of (seed, i, anchor). */
export function demoOrder(seed: number, i: number, anchor: number, picks: CatalogPicks): DemoOrder {
  const { r, ch, abroad, placedAt } = orderHead(seed, i, anchor);
  const ageDays = (anchor - placedAt) / DAY;
  let status = statusFor(r, ageDays, abroad);
  const shippedBefore = status === 'exception' && exceptionAfterShipping(r, ageDays);
  const buyer = pickCustomer(r, seed, i, ch, abroad);
  const currency = buyer.currency;
  // One order in seven goes to another address (office, parents, a friend) under the same name.
  const addr = !abroad && chance(r, 0.15) ? chinaAddress(r) : buyer.address;
  const masked = chance(r, ch.masked);
  const ambiguous = !abroad && status === 'pending_review' && chance(r, 0.02);
  if (ambiguous) status = 'held';

  const { lines, skus } = buildLines(r, ch, picks, abroad, currency);
  const subtotal = lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0);
  const shippingMinor = shippingFee(r, ch, addr, subtotal, currency);
  const effect = stockEffect(status, shippedBefore);
  const hasWarehouse = effect !== 'none';
  const warehouse = hasWarehouse ? (abroad ? 'SZX' : nearestWarehouse(addr.province)) : null;
  const shipped = effect === 'shipped' || effect === 'returned';
  // Allocated, picking and packed orders have their carrier already (routing chose it); only
  // shipped ones have a tracking number.
  const carrier = hasWarehouse
    ? carrierFor(r, abroad ? 'abroad' : ch.code === 'wholesale' ? 'freight' : 'domestic', {
        coldChain: skus.some((s) => s.coldChain),
        bulky: skus.some((s) => s.bulky),
        battery: skus.some((s) => s.battery),
      })
    : null;
  const shippedAt = shipped ? shippedAtFor(r, placedAt, anchor) : null;
  const ymd = chinaYmd(placedAt);

  const name = masked ? maskName(buyer.contact ?? buyer.name) : (buyer.contact ?? buyer.name);
  const phone = masked ? maskPhone(buyer.phone) : buyer.phone;
  const district = ambiguous ? '' : addr.district;
  const detail = masked ? maskDetail(addr.detail) : addr.detail;
  const raw = abroad
    ? abroadRaw(addr as AbroadAddress)
    : [addr.province, addr.city, district, addr.street, detail].filter(Boolean).join(' ');
  const tags = chance(r, 0.05) ? [pick(r, TAGS)] : [];
  const payment = ch.payment(r, abroad);
  if (payment === 'monthly_credit') tags.push('月结');
  const messages = abroad ? BUYER_MESSAGES_ABROAD : BUYER_MESSAGES_CN;
  return {
    channel: ch.code,
    customer: masked ? null : buyer,
    warehouse,
    carrier,
    trackingNumber: carrier && shipped ? trackingNumber(r, carrier) : null,
    shippedAt,
    stock: effect,
    order: {
      externalId: ch.externalId(r, i, ymd, buyer.country, seed === 1 ? '' : String(seed)),
      status,
      type: ch.type(r, abroad),
      placedAt,
      // The channel last touched the order when it shipped (or soon after it was placed).
      sourceUpdatedAt: Math.min(anchor, (shippedAt ?? placedAt) + int(r, 0, 3600) * 1000),
      currency,
      totalMinor: subtotal + shippingMinor,
      shippingMinor,
      paymentMethod: payment,
      buyerMessage: ch.code !== 'groupbuy' && chance(r, abroad ? 0.08 : 0.12) ? pick(r, messages) : null,
      recipientName: name,
      phone,
      country: buyer.country,
      province: addr.province,
      city: addr.city,
      district,
      street: addr.street,
      detail,
      postcode: addr.postcode,
      addressRaw: raw,
      // What intake sets on arrival; the queue's region filter and routing read it.
      region: regionOf(buyer.country, addr.province),
      addressMasked: masked,
      addressAmbiguous: ambiguous,
      tags,
      reasons: ambiguous
        ? ['收货地址缺少区县，无法确定派送网点']
        : reasonsFor(
            r,
            subtotal + shippingMinor,
            currency,
            status,
            shippedBefore,
            warehouse,
            addr.province,
            skus,
          ),
      lines,
    },
  };
}
