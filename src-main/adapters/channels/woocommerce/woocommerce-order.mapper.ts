import { z } from 'zod';
import { minorDigits, parseMajor } from '../../../../src-shared/domain/money';
import { ChannelError } from '../channel-http';
import type { ChannelOrder } from '../channel-order';

const str = z
  .string()
  .nullish()
  .transform((v) => v ?? '');
// WooCommerce dates carry no offset; with dates_are_gmt they are UTC.
const gmt = z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/, 'must be a date like 2025-03-01T10:00:00');
const address = z.object({
  first_name: str,
  last_name: str,
  company: str,
  address_1: str,
  address_2: str,
  city: str,
  state: str,
  postcode: str,
  country: str,
  phone: str,
  email: str,
});

export const wooOrder = z.object({
  id: z.number().int(),
  number: z.union([z.string(), z.number()]).transform(String),
  status: z.string(),
  currency: z.string().regex(/^[A-Z]{3}$/),
  date_created_gmt: gmt,
  date_modified_gmt: gmt,
  total: z.string(),
  shipping_total: z.string().default('0'),
  customer_id: z.number().int().default(0),
  customer_note: str,
  payment_method: str,
  payment_method_title: str,
  billing: address.partial().default({}),
  shipping: address.partial().default({}),
  meta_data: z.array(z.object({ key: z.string(), value: z.unknown() })).default([]),
  line_items: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      sku: str,
      quantity: z.number().int().nonnegative(),
      // Documented as a number, unlike every other amount.
      price: z.union([z.number(), z.string()]),
      meta_data: z
        .array(
          z.object({
            key: z.string(),
            value: z.unknown(),
            display_key: z.string().optional(),
            display_value: z.unknown().optional(),
          }),
        )
        .default([]),
    }),
  ),
});
export type WooOrder = z.infer<typeof wooOrder>;

export function parseWooOrder(node: unknown, index: number): WooOrder {
  const r = wooOrder.safeParse(node);
  if (r.success) return r.data;
  const where =
    (node as { number?: unknown; id?: unknown })?.number ?? (node as { id?: unknown })?.id ?? `#${index}`;
  const issue = r.error.issues[0];
  throw new ChannelError(
    'bad_answer',
    `WooCommerce order ${String(where)}: ${issue?.path.join('.') || '(order)'} ${issue?.message ?? 'is malformed'}`,
  );
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ndash: '–',
  mdash: '—',
  nbsp: ' ',
  hellip: '…',
};
/** Product names arrive with HTML entities (`&ndash;`). */
export const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });

/**
 * Money strings are exact decimals. The line price is a JSON number (9.675): it is read from its
 * shortest decimal text and rounded half-up to minor units on the digits, never through float maths.
 */
export function wooAmount(v: string | number, currency: string, field: string, order: string): number {
  try {
    if (typeof v === 'string') return parseMajor(v, currency);
    if (!Number.isFinite(v)) throw new Error(`${v} is not an amount`);
    const text = /e/i.test(String(v)) ? v.toFixed(12) : String(v);
    const digits = minorDigits(currency);
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
    if (!m) throw new Error(`${text} is not an amount`);
    const [, sign = '', whole = '0', frac = ''] = m;
    const kept = parseMajor(
      digits ? `${whole}.${(frac + '0'.repeat(digits)).slice(0, digits)}` : whole,
      currency,
    );
    const up = frac.length > digits && Number(frac[digits]) >= 5 ? 1 : 0;
    return (sign ? -1 : 1) * (kept + up);
  } catch (e) {
    throw new ChannelError('bad_answer', `WooCommerce order ${order}: ${field} ${(e as Error).message}`);
  }
}

const join = (...parts: (string | undefined)[]) =>
  parts
    .map((p) => (p ?? '').trim())
    .filter(Boolean)
    .join(' ');

export function mapWooOrder(o: WooOrder): ChannelOrder {
  const s = o.shipping;
  const b = o.billing;
  const hasShipping = !!(s.address_1 || s.city || s.country);
  const a = hasShipping ? s : b;
  const metaPhone = o.meta_data.find((m) => m.key === '_shipping_phone')?.value;
  const detail = [a.address_1, a.address_2]
    .map((x) => (x ?? '').trim())
    .filter(Boolean)
    .join(', ');
  return {
    externalId: o.number,
    remoteId: String(o.id),
    channelStatus: o.status,
    cancelled:
      o.status === 'cancelled' || o.status === 'refunded' || o.status === 'failed' || o.status === 'trash',
    placedAt: Date.parse(`${o.date_created_gmt}Z`),
    sourceUpdatedAt: Date.parse(`${o.date_modified_gmt}Z`),
    currency: o.currency,
    totalMinor: wooAmount(o.total, o.currency, 'total', o.number),
    shippingMinor: wooAmount(o.shipping_total, o.currency, 'shipping_total', o.number),
    paymentMethod: o.payment_method_title || o.payment_method || null,
    buyerMessage: o.customer_note || null,
    buyerId: o.customer_id ? String(o.customer_id) : '',
    buyerName: join(b.first_name, b.last_name),
    buyerEmail: b.email ?? '',
    recipientName: join(a.first_name, a.last_name),
    phone: s.phone || (typeof metaPhone === 'string' ? metaPhone : '') || b.phone || '',
    address: {
      raw: [detail, a.company, a.city, a.state, a.postcode, a.country].filter(Boolean).join(', '),
      country: a.country ?? '',
      province: a.state ?? '',
      city: a.city ?? '',
      district: '',
      street: '',
      detail,
      postcode: a.postcode ?? '',
    },
    // Fully refunded/removed lines come back with quantity 0: nothing to pick, so they are left out.
    lines: o.line_items
      .filter((l) => l.quantity > 0)
      .map((l) => ({
        sku: l.sku.trim(),
        title: decodeEntities(l.name),
        spec: l.meta_data
          .filter(
            (m) =>
              !m.key.startsWith('_') && (typeof m.display_value === 'string' || typeof m.value === 'string'),
          )
          .map((m) => `${m.display_key ?? m.key}: ${String(m.display_value ?? m.value)}`)
          .join('; '),
        quantity: l.quantity,
        unitPriceMinor: wooAmount(l.price, o.currency, `line_items.${l.id}.price`, o.number),
      })),
    tags: [],
  };
}
