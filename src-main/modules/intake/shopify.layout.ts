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
  type Columns,
} from './cell-parse';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

/** "T-Shirt - Red / XL": Shopify joins product and variant titles with " - ". */
function splitName(name: string): { title: string; spec: string } {
  const i = name.lastIndexOf(' - ');
  return i > 0 ? { title: name.slice(0, i), spec: name.slice(i + 3) } : { title: name, spec: '' };
}

/**
 * One line item row, built in one go (no spread copy per line). Keys stay in this order: the
 * order's fingerprint is its JSON, and stored fingerprints must keep matching.
 */
function lineOf(c: Columns, r: string[], currency: string) {
  const { title, spec } = splitName(c.get(r, 'Lineitem name'));
  return {
    title,
    spec,
    sku: cleanId(c.get(r, 'Lineitem sku')),
    quantity: quantity(c.get(r, 'Lineitem quantity'), 'Lineitem quantity'),
    unitPriceMinor: amount(c.get(r, 'Lineitem price'), currency, 'Lineitem price', true),
  };
}

/** Shopify Admin › Orders › Export: one row per line item, order fields only on the first row. */
export const shopifyLayout: Layout = {
  format: 'shopify',
  kind: 'shopify',
  defaultCurrency: 'USD',
  required: ['Name', 'Created at', 'Lineitem quantity', 'Lineitem name', 'Lineitem price'],
  signature: ['Name', 'Financial Status', 'Lineitem quantity', 'Lineitem name', 'Shipping Address1'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, 'Name')), 'Name', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        const currency = (f('Currency') || 'USD').toUpperCase();
        if (!/^[A-Z]{3}$/.test(currency))
          throw new RowError('Currency', `"${f('Currency')}" is not a currency code`);
        return atRow(nums[0] as number, () => {
          const placedAt = dateMs(f('Created at'), 'Created at', 0);
          const cancelledAt = optionalDate(f('Cancelled at'), 'Cancelled at', 0);
          const all = rows.map((r, i) => atRow(nums[i] as number, () => lineOf(c, r, currency)));
          // A gift card or download (Lineitem requires shipping: false) and a line Shopify already
          // fulfilled are nothing to pack. When no line is left, all stay and the order says why.
          const why = rows.map((r) =>
            /^false$/i.test(c.get(r, 'Lineitem requires shipping'))
              ? 'needs no shipping'
              : /^fulfilled$/i.test(c.get(r, 'Lineitem fulfillment status'))
                ? 'already fulfilled on Shopify'
                : '',
          );
          const kept = all.filter((_, i) => !why[i]);
          const lines = kept.length ? kept : all;
          const notes = all.map((l, i) => (why[i] ? `${l.sku || l.title}: ${why[i]}` : '')).filter(Boolean);
          const origin = !notes.length
            ? null
            : kept.length
              ? `left out: ${notes.join('; ')}`
              : `no line of this order is left to ship (${notes.join('; ')})`;
          const zip = cleanId(f('Shipping Zip'));
          const street =
            [f('Shipping Address1'), f('Shipping Address2')].filter(Boolean).join(', ') ||
            f('Shipping Street');
          return {
            externalId: cleanId(f('Name')),
            rows: nums,
            channelCode: '',
            type: null,
            typeHint: f('Source') ? `Shopify source: ${f('Source')}` : null,
            channelStatus: [f('Financial Status'), f('Fulfillment Status')].filter(Boolean).join('/'),
            cancelled: cancelledAt !== null,
            placedAt,
            sourceUpdatedAt: newestOf(
              placedAt,
              // Usually the same text as "Created at": read once.
              f('Paid at') === f('Created at') ? placedAt : optionalDate(f('Paid at'), 'Paid at', 0),
              optionalDate(f('Fulfilled at'), 'Fulfilled at', 0),
              cancelledAt,
            ),
            currency,
            totalMinor: f('Total') ? amount(f('Total'), currency, 'Total') : null,
            shippingMinor: amount(f('Shipping'), currency, 'Shipping'),
            paymentMethod: f('Payment Method') || null,
            buyerMessage: f('Notes') || null,
            buyerId: f('Email'),
            buyerName: f('Billing Name') || f('Shipping Name'),
            buyerEmail: f('Email'),
            recipientName: f('Shipping Name') || f('Billing Name'),
            phone: cleanId(f('Shipping Phone') || f('Phone') || f('Billing Phone')),
            idNumber: '',
            address: {
              raw: [
                street,
                f('Shipping City'),
                f('Shipping Province Name') || f('Shipping Province'),
                zip,
                f('Shipping Country'),
              ]
                .filter(Boolean)
                .join(', '),
              country: f('Shipping Country').toUpperCase(),
              province: f('Shipping Province Name') || f('Shipping Province'),
              city: f('Shipping City'),
              district: '',
              street: '',
              detail: street,
              postcode: zip,
            },
            lines,
            ...(origin ? { origin } : {}),
          };
        });
      },
      out,
    );
    return out;
  },
};
