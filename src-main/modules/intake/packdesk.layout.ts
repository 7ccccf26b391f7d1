import { ORDER_TYPES, type OrderType } from '../../../src-shared/domain/ids';
import { amount, atRow, cleanId, collect, columns, dateMs, groupBy, quantity, RowError } from './cell-parse';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

export const CHANNEL_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/;

export const PACKDESK_COLUMNS = [
  'order_id',
  'placed_at',
  'channel',
  'order_type',
  'buyer_name',
  'phone',
  'address',
  'country',
  'province',
  'city',
  'district',
  'postcode',
  'sku',
  'title',
  'spec',
  'quantity',
  'unit_price',
  'currency',
  'shipping_fee',
  'payment_method',
  'buyer_message',
  'id_number',
] as const;

/**
 * Packdesk's own template (DESIGN.md): one row per line; order fields are read from the first
 * row of each order. Dates without a zone are Beijing time, like the Chinese channels.
 */
export const packdeskLayout: Layout = {
  format: 'packdesk',
  kind: 'manual',
  defaultCurrency: 'CNY',
  required: ['order_id', 'placed_at', 'quantity', 'unit_price'],
  signature: ['order_id', 'placed_at', 'buyer_name', 'unit_price', 'shipping_fee'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    // The same order id may exist on two channels of one sheet. Order fields may stay empty on an
    // order's following rows, the channel too: an empty channel right after a row of the same id
    // belongs to that row's order (else its lines would become a second, partial order).
    let previous = { id: '', channel: '' };
    const key = (r: string[]) => {
      const id = cleanId(c.get(r, 'order_id'));
      if (!id) return '';
      const channel = c.get(r, 'channel') || (previous.id === id ? previous.channel : '');
      previous = { id, channel };
      return `${channel}\u0000${id}`;
    };
    const groups = groupBy(t, key, 'order_id', out.rejected);
    collect(
      groups.map((g) => ({ ...g, key: g.key.split('\u0000')[1] as string })),
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        return atRow(nums[0] as number, () => {
          const currency = (f('currency') || 'CNY').toUpperCase();
          if (!/^[A-Z]{3}$/.test(currency))
            throw new RowError('currency', `"${f('currency')}" is not a currency code`);
          // Channels are created from this column, so it must be a code the settings screen accepts.
          if (f('channel') && !CHANNEL_CODE.test(f('channel'))) {
            throw new RowError(
              'channel',
              `channel code "${f('channel')}" may use letters, digits, "-" and "_" only (2–32 characters)`,
            );
          }
          const typeText = f('order_type');
          if (typeText && !ORDER_TYPES.includes(typeText as OrderType)) {
            throw new RowError('order_type', `"${typeText}" is not one of ${ORDER_TYPES.join(', ')}`);
          }
          const lines = rows.map((r, i) =>
            atRow(nums[i] as number, () => {
              const sku = cleanId(c.get(r, 'sku'));
              const title = c.get(r, 'title');
              if (!sku && !title) throw new RowError('sku', 'the line has neither sku nor title');
              return {
                sku,
                title: title || sku,
                spec: c.get(r, 'spec'),
                quantity: quantity(c.get(r, 'quantity'), 'quantity'),
                unitPriceMinor: amount(c.get(r, 'unit_price'), currency, 'unit_price', true),
              };
            }),
          );
          const placedAt = dateMs(f('placed_at'), 'placed_at', 480);
          const structured = Boolean(f('province') || f('city') || f('district'));
          return {
            externalId: cleanId(f('order_id')),
            rows: nums,
            channelCode: f('channel'),
            type: (typeText as OrderType) || null,
            typeHint: typeText ? 'order_type column' : null,
            channelStatus: '',
            cancelled: false,
            placedAt,
            sourceUpdatedAt: placedAt,
            currency,
            totalMinor: null,
            shippingMinor: amount(f('shipping_fee'), currency, 'shipping_fee'),
            paymentMethod: f('payment_method') || null,
            buyerMessage: f('buyer_message') || null,
            buyerId: '',
            buyerName: f('buyer_name'),
            buyerEmail: '',
            recipientName: f('buyer_name'),
            phone: cleanId(f('phone')),
            idNumber: cleanId(f('id_number')),
            address: {
              raw: structured
                ? [f('province'), f('city'), f('district'), f('address')].filter(Boolean).join(' ')
                : f('address'),
              country: (f('country') || '').toUpperCase(),
              province: f('province'),
              city: f('city'),
              district: f('district'),
              street: '',
              detail: structured ? f('address') : '',
              postcode: cleanId(f('postcode')),
            },
            lines,
          };
        });
      },
      out,
    );
    return out;
  },
};
