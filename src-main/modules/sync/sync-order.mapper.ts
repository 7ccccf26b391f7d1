import { createHash } from 'node:crypto';
import type { ChannelOrder } from '../../adapters/channels/channel-order';
import type { NewOrder } from '../orders';
import { regionOf } from '../standardize';

/** Fingerprint of the channel's copy: two copies with the same updated_at still converge. */
export const channelOrderHash = (o: ChannelOrder): string => createHash('sha1').update(JSON.stringify(o)).digest('hex');

/** A channel API order as a Packdesk order; standardisation and customer links come later. */
export function toNewOrder(o: ChannelOrder, channel: { id: number; kind: string }, homeCountry = 'CN'): NewOrder {
  const country = o.address.country.toUpperCase();
  const abroad = country !== '' && country !== homeCountry;
  return {
    channelId: channel.id,
    externalId: o.externalId,
    type: abroad ? 'cross_border' : 'online_shop',
    placedAt: o.placedAt,
    sourceUpdatedAt: o.sourceUpdatedAt,
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    paymentMethod: o.paymentMethod,
    buyerMessage: o.buyerMessage,
    customerId: null,
    recipientName: o.recipientName,
    phone: o.phone,
    country,
    province: o.address.province,
    city: o.address.city,
    district: o.address.district,
    street: o.address.street,
    detail: o.address.detail,
    postcode: o.address.postcode,
    addressRaw: o.address.raw,
    addressMasked: false,
    addressAmbiguous: false,
    tags: [...o.tags, ...(o.channelStatus ? [`channel:${o.channelStatus}`] : [])],
    reasons: [
      abroad ? `type cross_border: ships to ${country} from ${homeCountry}` : `type online_shop: ${channel.kind} channel`,
      `pulled from the ${channel.kind} API (${o.remoteId})`,
    ],
    lines: o.lines,
    region: regionOf(country, o.address.province),
    sourceHash: channelOrderHash(o),
  };
}
