import { hash as digest } from 'node:crypto';
import type { NewOrder } from '../orders';
import { standardizeOrder, type Standardized, type Standardizer } from '../standardize';
import type { ParsedOrder } from './intake.types';

/**
 * An order after every step that needs no database: fingerprinted and standardised. Made by
 * the import worker (or in-thread where no worker can start) while the main thread writes the
 * previous page; the writer then adds what depends on stored rows (channel, customer, the
 * stored copy). Plain data only: it crosses threads by structured clone.
 */
export interface PreparedOrder {
  p: ParsedOrder;
  hash: string;
  /** Absent for an item report's lines-only order: nothing of it is standardised. */
  std?: Standardized;
}

/** Fingerprint of what the file says about the order (not where it stood in the file). */
export const fingerprint = (p: ParsedOrder): string => {
  const { rows: _rows, ...content } = p;
  // One-shot hash: no Hash object per order. Same bytes and algorithm as ever, so fingerprints
  // stored by earlier versions still compare equal.
  return digest('sha1', JSON.stringify(content));
};

/**
 * Fingerprints and standardises one parsed order. The channel is not known here (it may not
 * exist yet): channel id, its default currency and the order type are set by the writer.
 */
export function prepareParsed(s: Standardizer, p: ParsedOrder, homeCountry: string): PreparedOrder {
  const hash = fingerprint(p);
  if (p.linesOnly) return { p, hash };
  const lines = p.lines;
  const a = p.address;
  const draft: NewOrder = {
    channelId: 0,
    externalId: p.externalId,
    type: 'online_shop',
    placedAt: p.placedAt,
    sourceUpdatedAt: p.sourceUpdatedAt,
    currency: p.currency,
    totalMinor:
      p.totalMinor ?? lines.reduce((s, l) => s + l.quantity * l.unitPriceMinor, 0) + p.shippingMinor,
    shippingMinor: p.shippingMinor,
    paymentMethod: p.paymentMethod,
    buyerMessage: p.buyerMessage,
    customerId: null,
    recipientName: p.recipientName,
    phone: p.phone,
    country: a.country,
    province: a.province,
    city: a.city,
    district: a.district,
    street: a.street,
    detail: a.detail,
    postcode: a.postcode,
    addressRaw: a.raw,
    addressMasked: false,
    addressAmbiguous: false,
    tags: [...(p.tags ?? []), ...(p.channelStatus ? [`channel:${p.channelStatus}`] : [])],
    reasons: p.origin ? [p.origin] : [],
    lines,
    buyerIdNumber: p.idNumber || null,
    sourceHash: hash,
  };
  return { p, hash, std: standardizeOrder(s, draft, homeCountry) };
}
