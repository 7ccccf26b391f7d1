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
import type { Layout, ParsedLine, ParsedOrder, ParseResult, Table } from './intake.types';

const ITEM_KEYS = new Set([
  'name',
  'product_id',
  'variation_id',
  'sku',
  'quantity',
  'total',
  'sub_total',
  'subtotal',
  'tax',
  'meta',
  'items',
]);

/**
 * "name:X|product_id:..|sku:..|quantity:..|total:..": a "|" or ":" inside the product name stays
 * part of it, because only known keys start a new field.
 */
export function parseItemCell(cell: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | null = null;
  for (const part of cell.split('|')) {
    const i = part.indexOf(':');
    const key = i > 0 ? part.slice(0, i).trim() : '';
    if (ITEM_KEYS.has(key) && !(key in out)) {
      out[key] = part.slice(i + 1);
      last = key;
    } else if (last) out[last] += `|${part}`;
  }
  return out;
}

/** WebToffee "Order Export & Import for WooCommerce": one row per order, items in line_item_N. */
export const woocommerceLayout: Layout = {
  format: 'woocommerce',
  kind: 'woocommerce',
  defaultCurrency: 'USD',
  required: ['order_id', 'order_date', 'line_item_1'],
  signature: ['order_id', 'order_number', 'order_date', 'shipping_first_name', 'line_item_1'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const itemCols = t.headers.filter((h) => /^line_item_\d+$/.test(h));
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(
      t,
      (r) => cleanId(c.get(r, 'order_number') || c.get(r, 'order_id')),
      'order_id',
      out.rejected,
    );
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        // A re-export can repeat an order: the last row is the newest copy.
        const r = rows[rows.length - 1] as string[];
        const f = (name: string) => c.get(r, name);
        return atRow(nums[nums.length - 1] as number, () => {
          const currency = (f('order_currency') || 'USD').toUpperCase();
          if (!/^[A-Z]{3}$/.test(currency))
            throw new RowError('order_currency', `"${f('order_currency')}" is not a currency code`);
          const lines: ParsedLine[] = [];
          for (const col of itemCols) {
            const cell = f(col);
            if (!cell) continue;
            const item = parseItemCell(cell);
            const qty = quantity(item.quantity ?? '', col);
            const total = amount(item.total ?? item.sub_total ?? '', currency, col, true);
            const name = (item.name ?? '').trim();
            const dash = name.lastIndexOf(' - ');
            lines.push({
              sku: cleanId(item.sku ?? ''),
              title: dash > 0 ? name.slice(0, dash) : name,
              spec: dash > 0 ? name.slice(dash + 3) : '',
              quantity: qty,
              // Line totals rarely divide evenly; the order total stays the file's own.
              unitPriceMinor: Math.round(total / qty),
            });
          }
          if (lines.length === 0) throw new RowError('line_item_1', 'the order has no items');
          const placedAt = dateMs(f('order_date'), 'order_date', 0);
          const status = f('status');
          const street = [f('shipping_address_1'), f('shipping_address_2')].filter(Boolean).join(', ');
          const name = [f('shipping_first_name'), f('shipping_last_name')].filter(Boolean).join(' ');
          return {
            externalId: cleanId(f('order_number') || f('order_id')),
            rows: nums,
            channelCode: '',
            type: null,
            typeHint: null,
            channelStatus: status,
            cancelled: /cancel|refund|fail/i.test(status),
            placedAt,
            sourceUpdatedAt: newestOf(placedAt, optionalDate(f('paid_date'), 'paid_date', 0)),
            currency,
            totalMinor: f('order_total') ? amount(f('order_total'), currency, 'order_total') : null,
            shippingMinor: amount(f('shipping_total'), currency, 'shipping_total'),
            paymentMethod: f('payment_method_title') || f('payment_method') || null,
            buyerMessage: f('customer_note') || null,
            buyerId: f('customer_id') !== '0' ? f('customer_id') : '',
            buyerName: [f('billing_first_name'), f('billing_last_name')].filter(Boolean).join(' '),
            buyerEmail: f('customer_email') || f('billing_email'),
            recipientName:
              name || [f('billing_first_name'), f('billing_last_name')].filter(Boolean).join(' '),
            phone: cleanId(f('shipping_phone') || f('billing_phone')),
            idNumber: '',
            address: {
              raw: [
                street,
                f('shipping_city'),
                f('shipping_state'),
                f('shipping_postcode'),
                f('shipping_country'),
              ]
                .filter(Boolean)
                .join(', '),
              country: f('shipping_country').toUpperCase(),
              province: f('shipping_state'),
              city: f('shipping_city'),
              district: '',
              street: '',
              detail: street,
              postcode: cleanId(f('shipping_postcode')),
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
