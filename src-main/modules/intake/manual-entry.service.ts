import { createHash } from 'node:crypto';
import type { CoreContext } from '../../core-context';
import {
  MANUAL_CHANNEL_CODE,
  OFFLINE_CHANNEL_KINDS,
  type OrderEntryInput,
} from '../../../src-shared/contract/order-entry.schema';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { findSkuByCode } from '../catalog';
import { findChannelByCode, insertChannel } from '../channels';
import { getOrder, ordersStatements } from '../orders';
import { normalizePhone } from '../standardize';
import type { ParsedAddress, ParsedOrder } from './intake.types';
import { findManualRequest, insertManualRequest, nextManualSeq } from './manual-entry.repo';
import { orderWriter } from './order-write';

type Issue = { path: string; message: string };

const pad = (n: number, w: number) => String(n).padStart(w, '0');
/** The shop's working day on this machine's clock, as in the order number M-YYYYMMDD-NNNN. */
const dayOf = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}${pad(d.getMonth() + 1, 2)}${pad(d.getDate(), 2)}`;
};

const refuse = (issues: Issue[]): never => {
  throw new AppFailure(
    'invalid_input',
    `The order was not created: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    issues,
  );
};

/** The offline channel the order goes to; the default "manual" channel appears on first use. */
function channelOf(ctx: CoreContext, code: string, issues: Issue[]) {
  const row = findChannelByCode(ctx.db, code);
  if (!row) {
    if (code === MANUAL_CHANNEL_CODE)
      return insertChannel(
        ctx.db,
        { code, kind: 'manual', name: '电话/门店 Phone & counter', currency: 'CNY', enabled: true },
        ctx.now(),
      );
    issues.push({ path: 'channel', message: `there is no channel "${code}"` });
    return null;
  }
  if (!(OFFLINE_CHANNEL_KINDS as readonly string[]).includes(row.kind)) {
    issues.push({
      path: 'channel',
      message: `"${code}" is a ${row.kind} channel, whose orders come from the platform; orders typed in by hand go to a manual, wholesale or group-buying channel`,
    });
    return null;
  }
  return row;
}

function addressOf(a: OrderEntryInput['address']): ParsedAddress {
  if (a.kind === 'cn')
    return {
      raw: a.text,
      country: 'CN',
      province: '',
      city: '',
      district: '',
      street: '',
      detail: '',
      postcode: '',
    };
  const detail = [a.line1, a.line2].filter(Boolean).join(', ');
  return {
    raw: [detail, a.city, a.state, a.postcode, a.country].filter(Boolean).join(', '),
    country: a.country,
    province: a.state,
    city: a.city,
    district: '',
    street: '',
    detail,
    postcode: a.postcode,
  };
}

/**
 * A phone or counter order, written through the importers' own road (orderWriter: standardised,
 * classified, linked to its customer, usual address filled) so nothing downstream can tell it
 * from an imported one. Runs inside the write transaction: any refusal leaves nothing behind.
 */
export function createManualOrder(
  ctx: CoreContext,
  input: OrderEntryInput,
  actor: string,
): { id: number; externalId: string; created: boolean } {
  const { requestId, ...content } = input;
  const inputHash = createHash('sha1').update(JSON.stringify(content)).digest('hex');
  const seen = findManualRequest(ctx.sqlite, requestId);
  if (seen) {
    if (seen.inputHash !== inputHash)
      throw new AppFailure(
        'conflict',
        `Request ${requestId} already created order ${seen.externalId} with other content; start a new order instead`,
        [{ path: 'requestId', message: `already used for order ${seen.externalId}` }],
      );
    return { id: seen.orderId, externalId: seen.externalId, created: false };
  }

  const issues: Issue[] = [];
  const channel = channelOf(ctx, input.channel, issues);
  const country = input.address.kind === 'cn' ? 'CN' : input.address.country;
  const phone = normalizePhone(input.recipient.phone, country);
  if (!phone.valid)
    issues.push({
      path: 'recipient.phone',
      message: `"${input.recipient.phone}" is not a valid ${country} phone number`,
    });
  const lines = input.lines.map((l, i) => {
    const sku = findSkuByCode(ctx.sqlite, l.sku);
    if (!sku) issues.push({ path: `lines.${i}.sku`, message: `unknown SKU "${l.sku}"` });
    return {
      sku: l.sku,
      title: sku?.title ?? l.sku,
      spec: sku?.spec ?? '',
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
    };
  });
  if (issues.length || !channel) return refuse(issues);

  const now = ctx.now();
  const day = dayOf(now);
  const taken = ordersStatements(ctx.sqlite).find;
  let seq = nextManualSeq(ctx.sqlite, day);
  // A sheet imported into this channel may already use the number; take the next free one.
  while (taken.get(channel.id, `M-${day}-${pad(seq, 4)}`)) seq++;
  const externalId = `M-${day}-${pad(seq, 4)}`;

  const parsed: ParsedOrder = {
    externalId,
    rows: [],
    channelCode: channel.code,
    type: input.type,
    typeHint: input.type ? 'chosen when the order was entered by hand' : null,
    channelStatus: '',
    cancelled: false,
    placedAt: now,
    sourceUpdatedAt: now,
    currency: input.currency ?? channel.currency,
    totalMinor: null,
    shippingMinor: input.shippingMinor,
    paymentMethod: input.paymentMethod,
    buyerMessage: input.buyerMessage || null,
    buyerId: '',
    buyerName: input.recipient.name,
    buyerEmail: '',
    recipientName: input.recipient.name,
    phone: input.recipient.phone,
    idNumber: input.idNumber,
    address: addressOf(input.address),
    lines,
    origin: `entered by hand by ${actor}`,
  };
  const written = orderWriter(ctx, channel, actor)(parsed);
  if (written.id === null) throw new AppFailure('internal', `Order ${externalId} was not written`);
  const order = getOrder(ctx, written.id);
  const a = order.address;
  if (!a.raw.trim() && !a.province && !a.detail)
    refuse([
      {
        path: 'address.text',
        message: 'is required: this customer has no earlier address to use',
      },
    ]);
  insertManualRequest(ctx.sqlite, { requestId, orderId: written.id, day, seq, inputHash }, now);
  recordAudit(ctx.db, {
    at: now,
    actor,
    entity: 'order',
    entityId: written.id,
    action: 'create',
    to: order.status,
    reason: `entered by hand (${channel.code})`,
  });
  ctx.emit('orders.changed', { ids: [written.id], reason: 'order entered by hand', waiting: 'review' });
  return { id: written.id, externalId, created: true };
}
