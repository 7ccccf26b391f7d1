import type { NewOrder, NewOrderLine } from '../orders';
import type { ChangeRow } from '../standardize';
import type { OrderType } from '../../../src-shared/domain/ids';
import type { ParsedOrder } from './intake.types';
import type { PreparedOrder } from './order-prepare';

/**
 * A prepared order as it crosses from the import worker: one flat array of the values the
 * writer uses, in a fixed order. Structured clone writes every property name of every object
 * and the main thread pays to read them back: on 100,000 orders, cloning the objects cost the
 * main thread more than a second, about as much as the parsing it moved off that thread; flat
 * arrays of just these values cost a fraction of it.
 */
export type Wire = unknown[];

const LINES_ONLY = 0;
const ORDER = 1;

// Plain loops: flatMap's temporary arrays cost the worker a noticeable share of its time.
function flatLines(lines: readonly NewOrderLine[]): unknown[] {
  const flat: unknown[] = [];
  for (const l of lines)
    flat.push(l.sku, l.title, l.spec, l.quantity, l.unitPriceMinor, l.presaleShipDate ?? null);
  return flat;
}

function flatChanges(changes: readonly ChangeRow[]): string[] {
  const flat: string[] = [];
  for (const c of changes) flat.push(c.field, c.before, c.after, c.reason);
  return flat;
}

export function encodePrepared({ p, hash, std }: PreparedOrder): Wire {
  // An item report's order: only its lines matter and such files are small; sent whole.
  if (p.linesOnly || !std) return [LINES_ONLY, hash, p];
  const o = std.order;
  return [
    ORDER,
    hash,
    p.externalId,
    p.rows[0] ?? 0,
    p.channelCode,
    p.type,
    p.typeHint,
    p.channelStatus,
    p.cancelled,
    p.sourceUpdatedAt,
    p.currency,
    p.buyerId,
    p.buyerEmail,
    o.placedAt,
    o.totalMinor,
    o.shippingMinor,
    o.paymentMethod,
    o.buyerMessage,
    o.recipientName,
    o.phone,
    o.country,
    o.province,
    o.city,
    o.district,
    o.street,
    o.detail,
    o.postcode,
    o.addressRaw,
    o.addressMasked,
    o.addressAmbiguous,
    o.tags,
    o.reasons,
    o.region ?? '',
    o.buyerIdNumber ?? null,
    std.phoneKey,
    flatLines(o.lines),
    flatChanges(std.changes),
    std.unmatched,
    std.phoneValid,
  ];
}

function linesOf(flat: unknown[]): NewOrderLine[] {
  const lines: NewOrderLine[] = [];
  for (let i = 0; i < flat.length; i += 6)
    lines.push({
      sku: flat[i] as string,
      title: flat[i + 1] as string,
      spec: flat[i + 2] as string,
      quantity: flat[i + 3] as number,
      unitPriceMinor: flat[i + 4] as number,
      presaleShipDate: flat[i + 5] as string | null,
    });
  return lines;
}

function changesOf(flat: string[]): ChangeRow[] {
  const changes: ChangeRow[] = [];
  for (let i = 0; i < flat.length; i += 4)
    changes.push({
      field: flat[i] as string,
      before: flat[i + 1] as string,
      after: flat[i + 2] as string,
      reason: flat[i + 3] as string,
    });
  return changes;
}

/**
 * The writer's view of the order back from `encodePrepared`. The parsed order keeps only what
 * the writer reads of it (its standardised copy carries the rest); the channel's id and default
 * currency and the order type are filled in by the writer, as for an in-thread order.
 */
export function decodePrepared(w: Wire): PreparedOrder {
  const hash = w[1] as string;
  if (w[0] === LINES_ONLY) return { p: w[2] as ParsedOrder, hash };
  const s = (i: number) => w[i] as string;
  const externalId = s(2);
  const sourceUpdatedAt = w[9] as number;
  const currency = s(10);
  const lines = linesOf(w[35] as unknown[]);
  const p = {
    externalId,
    rows: [w[3] as number],
    channelCode: s(4),
    type: w[5] as OrderType | null,
    typeHint: w[6] as string | null,
    channelStatus: s(7),
    cancelled: w[8] as boolean,
    sourceUpdatedAt,
    currency,
    buyerId: s(11),
    buyerEmail: s(12),
  } as ParsedOrder;
  const order: NewOrder = {
    channelId: 0,
    externalId,
    type: 'online_shop',
    placedAt: w[13] as number,
    sourceUpdatedAt,
    currency,
    totalMinor: w[14] as number,
    shippingMinor: w[15] as number,
    paymentMethod: w[16] as string | null,
    buyerMessage: w[17] as string | null,
    customerId: null,
    recipientName: s(18),
    phone: s(19),
    country: s(20),
    province: s(21),
    city: s(22),
    district: s(23),
    street: s(24),
    detail: s(25),
    postcode: s(26),
    addressRaw: s(27),
    addressMasked: w[28] as boolean,
    addressAmbiguous: w[29] as boolean,
    tags: w[30] as string[],
    reasons: w[31] as string[],
    lines,
    region: s(32),
    buyerIdNumber: w[33] as string | null,
    sourceHash: hash,
  };
  return {
    p,
    hash,
    std: {
      order,
      changes: changesOf(w[36] as string[]),
      unmatched: w[37] as number,
      phoneValid: w[38] as boolean,
      phoneKey: s(34),
    },
  };
}
