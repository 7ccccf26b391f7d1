import {
  amount,
  atRow,
  cleanId,
  collect,
  columns,
  dateMs,
  groupBy,
  newestOf,
  optionalDate,
  quantity,
  RowError,
} from './cell-parse';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

/**
 * Amazon "New Orders" / "Unshipped Orders" flat files (TSV): one row per order item. item-price
 * is the line total; the Unshipped report has no prices at all, so its orders total 0 and the
 * channel's currency is used.
 */
export const amazonLayout: Layout = {
  format: 'amazon',
  kind: 'amazon',
  defaultCurrency: 'USD',
  required: ['order-id', 'purchase-date', 'sku', 'quantity-purchased', 'ship-country'],
  signature: ['order-id', 'order-item-id', 'purchase-date', 'quantity-purchased', 'recipient-name'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, 'order-id')), 'order-id', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        return atRow(nums[0] as number, () => {
          const currency = f('currency').toUpperCase();
          if (currency && !/^[A-Z]{3}$/.test(currency))
            throw new RowError('currency', `"${f('currency')}" is not a currency code`);
          const cur = currency || 'USD';
          let shipping = 0;
          const notes: string[] = [];
          const lines = rows.flatMap((r, i) =>
            atRow(nums[i] as number, () => {
              const qty = quantity(c.get(r, 'quantity-purchased'), 'quantity-purchased');
              const total = amount(c.get(r, 'item-price'), cur, 'item-price');
              shipping += amount(c.get(r, 'shipping-price'), cur, 'shipping-price');
              const line = {
                sku: cleanId(c.get(r, 'sku')),
                title: c.get(r, 'product-name'),
                spec: '',
                quantity: qty,
                unitPriceMinor: Math.round(total / qty),
              };
              // The Unshipped report: part of a line may have shipped already; only the rest is
              // packed (packing all of quantity-purchased would send it twice).
              const left = c.get(r, 'quantity-to-ship');
              if (left === '' || Number(left) === qty) return [line];
              if (!/^\d+$/.test(left) || Number(left) > qty)
                throw new RowError('quantity-to-ship', `quantity-to-ship "${left}" is not 0…${qty}`);
              notes.push(`${line.sku}: ${qty - Number(left)} of ${qty} already shipped on Amazon`);
              return Number(left) === 0 ? [] : [{ ...line, quantity: Number(left) }];
            }),
          );
          if (!lines.length)
            throw new RowError('quantity-to-ship', 'every item of this order has already shipped');
          const placedAt = dateMs(f('purchase-date'), 'purchase-date', 0);
          const street = [f('ship-address-1'), f('ship-address-2'), f('ship-address-3')]
            .filter(Boolean)
            .join(', ');
          const itemsTotal = rows.reduce((s, r) => s + amount(c.get(r, 'item-price'), cur, 'item-price'), 0);
          return {
            externalId: cleanId(f('order-id')),
            rows: nums,
            channelCode: '',
            type: null,
            typeHint: f('sales-channel') ? `Amazon sales channel ${f('sales-channel')}` : null,
            channelStatus: f('order-status'),
            cancelled: /cancel/i.test(f('order-status')),
            placedAt,
            sourceUpdatedAt: newestOf(
              placedAt,
              optionalDate(f('payments-date'), 'payments-date', 0),
              optionalDate(f('last-updated-date'), 'last-updated-date', 0),
            ),
            currency,
            totalMinor: itemsTotal + shipping,
            shippingMinor: shipping,
            paymentMethod: null,
            buyerMessage: f('delivery-Instructions') || null,
            buyerId: f('buyer-email'),
            buyerName: f('buyer-name'),
            buyerEmail: f('buyer-email'),
            recipientName: f('recipient-name') || f('buyer-name'),
            phone: cleanId(f('ship-phone-number') || f('buyer-phone-number')),
            idNumber: '',
            address: {
              raw: [street, f('ship-city'), f('ship-state'), f('ship-postal-code'), f('ship-country')]
                .filter(Boolean)
                .join(', '),
              country: f('ship-country').toUpperCase(),
              province: f('ship-state'),
              city: f('ship-city'),
              district: '',
              street: '',
              detail: street,
              postcode: cleanId(f('ship-postal-code')),
            },
            lines,
            ...(notes.length ? { origin: notes.join('; ') } : {}),
          };
        });
      },
      out,
    );
    return out;
  },
};
