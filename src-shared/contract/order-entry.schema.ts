import { z } from 'zod';
import { currency, id, minor } from './common.schema';
import { ORDER_TYPES } from '../domain/ids';

/** Channel kinds whose orders are typed in by hand: phone and counter sales, wholesale, group buying. */
export const OFFLINE_CHANNEL_KINDS = ['manual', 'wholesale', 'group_buy'] as const;
/** The channel a hand-typed order goes to when the form names none; created on first use. */
export const MANUAL_CHANNEL_CODE = 'manual';

/** Payment methods the entry form offers; `cod` is cash on delivery (review and merge treat it apart). */
export const ENTRY_PAYMENT_METHODS = [
  'cash',
  'wechat_pay',
  'alipay',
  'bank_transfer',
  'monthly_credit',
  'cod',
] as const;

/**
 * The reason standardisation gives when it fills a missing address from the customer's usual one;
 * the order drawer marks such addresses.
 */
export const USUAL_ADDRESS_REASON = "filled from the customer's usual address";

/** Longest texts the form takes; its fields stop typing there instead of failing on save. */
export const ENTRY_LIMITS = {
  name: 100,
  phone: 40,
  addressText: 300,
  intlState: 80,
  intlCity: 80,
  intlLine: 200,
  postcode: 20,
  buyerMessage: 500,
} as const;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => text(max).min(1, 'is required');

/** Free Chinese text ("广东省深圳市南山区粤海街道科技园路1号"): standardisation splits it. */
const cnAddress = z
  .object({
    kind: z.literal('cn'),
    /** Empty: a repeat customer's usual address is used (and marked), else the order is refused. */
    text: text(ENTRY_LIMITS.addressText),
  })
  .strict();

/** Abroad the structured fields are kept as the buyer gave them; the postcode is checked per country. */
const intlAddress = z
  .object({
    kind: z.literal('intl'),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be a 2-letter country code such as US'),
    state: text(ENTRY_LIMITS.intlState),
    city: required(ENTRY_LIMITS.intlCity),
    line1: required(ENTRY_LIMITS.intlLine),
    line2: text(ENTRY_LIMITS.intlLine),
    postcode: text(ENTRY_LIMITS.postcode),
  })
  .strict();

export const orderEntryLine = z
  .object({
    sku: required(64),
    quantity: z.number().int('must be a whole number').min(1, 'must be at least 1').max(100_000),
    unitPriceMinor: minor.min(0, 'cannot be negative').max(1_000_000_000),
  })
  .strict();

export const orderEntryInput = z
  .object({
    /** Made by the form once per order being typed: sending it twice never makes two orders. */
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
    channel: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, 'may use letters, digits, "-" and "_" only')
      .default(MANUAL_CHANNEL_CODE),
    /** Null: classified from the channel like any imported order. */
    type: z.enum(ORDER_TYPES).nullable().default(null),
    recipient: z.object({ name: required(ENTRY_LIMITS.name), phone: required(ENTRY_LIMITS.phone) }).strict(),
    address: z.discriminatedUnion('kind', [cnAddress, intlAddress]),
    lines: z.array(orderEntryLine).min(1, 'add at least one item').max(200),
    shippingMinor: minor.min(0, 'cannot be negative').max(100_000_000).default(0),
    /** Defaults to the channel's currency. */
    currency: currency.optional(),
    paymentMethod: z.enum(ENTRY_PAYMENT_METHODS).nullable().default(null),
    buyerMessage: text(ENTRY_LIMITS.buyerMessage).default(''),
    /** 身份证号 for cross-border customs, when the buyer gives it. */
    idNumber: text(40).default(''),
  })
  .strict();
export type OrderEntryInput = z.infer<typeof orderEntryInput>;

export const orderEntryResult = z.object({
  id,
  externalId: z.string(),
  /** False when this request id had already made the order (a double-click, a retry). */
  created: z.boolean(),
});
