import type { ChannelOrder } from '../../adapters/channels/channel-order';
import type { ParsedOrder } from '../intake';

/**
 * A channel API order in the shape the file importers produce, so both roads share one write
 * path (standardisation, classification, customer links, newer-wins upsert).
 */
export function toParsedOrder(o: ChannelOrder, channelKind: string): ParsedOrder {
  return {
    externalId: o.externalId,
    rows: [],
    channelCode: '',
    type: null,
    typeHint: null,
    channelStatus: o.channelStatus,
    cancelled: o.cancelled,
    placedAt: o.placedAt,
    sourceUpdatedAt: o.sourceUpdatedAt,
    currency: o.currency,
    totalMinor: o.totalMinor,
    shippingMinor: o.shippingMinor,
    paymentMethod: o.paymentMethod,
    buyerMessage: o.buyerMessage,
    buyerId: o.buyerId,
    buyerName: o.buyerName,
    buyerEmail: o.buyerEmail,
    recipientName: o.recipientName,
    phone: o.phone,
    idNumber: '',
    address: { ...o.address, country: o.address.country.toUpperCase() },
    lines: o.lines,
    tags: o.tags,
    origin: `pulled from the ${channelKind} API (${o.remoteId})`,
  };
}
