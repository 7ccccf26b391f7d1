import type { NewOrder } from './orders.repo';

/*
 * Hand corrections (orders.edit) against newer channel copies: what a reviewer fixed stays fixed,
 * and whatever the channel now says differently is kept beside it, never silently dropped.
 */

/**
 * The stored values a reviewer corrected by hand (orders.edit), read with the version check and
 * only for corrected orders (null for all others), so keeping them costs an import no extra query.
 */
export const HAND_STATE = `case when corrected_json <> '{}' then json_object('corrected', json(corrected_json),
    'reasons', json(reasons_json), 'country', country, 'province', province, 'city', city,
    'district', district, 'street', street, 'detail', detail, 'postcode', postcode,
    'addressRaw', address_raw, 'addressMasked', address_masked, 'addressAmbiguous', address_ambiguous,
    'region', region, 'buyerIdNumber', buyer_id_number) end as hand`;

/** What orders.edit records in corrected_json. */
export interface HandCorrections {
  address?: true;
  buyerIdNumber?: true;
  addTags?: string[];
  removeTags?: string[];
}

export interface HandState {
  corrected: HandCorrections;
  reasons: string[];
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
  addressRaw: string;
  addressMasked: number;
  addressAmbiguous: number;
  region: string;
  buyerIdNumber: string | null;
}

/** A value the channel sent that was not stored because a reviewer had corrected it. */
export interface KeptCorrection {
  field: string;
  before: string;
  after: string;
  reason: string;
}

export const KEPT_CORRECTION = 'kept the hand correction; the channel sent a different value';

/** Reasons about the channel's address, stale once the corrected address is kept instead. */
const isAddressReason = (r: string) => r.startsWith('address ') || r === 'no address on the order';

/**
 * The newer channel copy with the reviewer's corrections laid over it: the corrected address and
 * buyer ID stay, tags added or removed by hand stay so, the "review: …" lines stay on the why-list,
 * and each field where the channel now says something else gets a line there and a change row.
 */
export function keepHandCorrections(
  o: NewOrder,
  hand: HandState,
): { order: NewOrder; kept: KeptCorrection[] } {
  const c = hand.corrected;
  const kept: KeptCorrection[] = [];
  const next: NewOrder = { ...o, reasons: [...o.reasons] };
  if (c.address) {
    if (o.addressRaw !== hand.addressRaw)
      kept.push({ field: 'address', before: o.addressRaw, after: hand.addressRaw, reason: KEPT_CORRECTION });
    next.country = hand.country;
    next.province = hand.province;
    next.city = hand.city;
    next.district = hand.district;
    next.street = hand.street;
    next.detail = hand.detail;
    next.postcode = hand.postcode;
    next.addressRaw = hand.addressRaw;
    next.addressMasked = hand.addressMasked === 1;
    next.addressAmbiguous = hand.addressAmbiguous === 1;
    next.region = hand.region;
    next.reasons = next.reasons.filter((r) => !isAddressReason(r));
  }
  if (c.buyerIdNumber) {
    // The number itself stays out of the why-list and the change rows: it is personal data.
    if (o.buyerIdNumber && o.buyerIdNumber !== hand.buyerIdNumber)
      kept.push({
        field: 'buyerIdNumber',
        before: 'sent by channel',
        after: 'on file',
        reason: KEPT_CORRECTION,
      });
    next.buyerIdNumber = hand.buyerIdNumber;
  }
  if (c.addTags?.length || c.removeTags?.length) {
    const drop = new Set(c.removeTags ?? []);
    next.tags = [...new Set([...o.tags.filter((t) => !drop.has(t)), ...(c.addTags ?? [])])];
  }
  next.reasons.push(...hand.reasons.filter((r) => r.startsWith('review: ') && !next.reasons.includes(r)));
  for (const k of kept)
    next.reasons.push(
      k.field === 'address'
        ? `channel sent a different address "${k.before}"; kept the corrected one`
        : 'channel sent a different buyer ID number; kept the corrected one',
    );
  return { order: next, kept };
}
