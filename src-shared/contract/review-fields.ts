import { ORDER_TYPES } from '../domain/ids';
import { DISTANCE_CLASSES, REGIONS } from '../domain/china-regions';

/**
 * The one catalogue of order fields a review rule may test. The core compiles conditions from
 * it and the rules editor builds its field/operator/value rows from it, so the two can never
 * disagree about what a field is.
 */
export const FIELD_KINDS = ['number', 'string', 'enum', 'boolean', 'list'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'not_in',
  'contains',
  'exists',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** What the editor shows for each operator. */
export const OPERATOR_SYMBOLS: Record<Operator, string> = {
  eq: '=',
  ne: '≠',
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  in: 'in',
  not_in: 'not in',
  contains: 'contains',
  exists: 'exists',
};

export const OPERATORS_BY_KIND: Record<FieldKind, readonly Operator[]> = {
  number: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'not_in', 'exists'],
  string: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists'],
  enum: ['eq', 'ne', 'in', 'not_in', 'exists'],
  boolean: ['eq', 'ne'],
  // A list field (an order's SKUs, categories, tags) matches when ANY element does; ≠ and
  // "not in" match when NO element does, so "sku ≠ X" reads as "the order has no X".
  list: ['eq', 'ne', 'in', 'not_in', 'contains', 'exists'],
};

export const CUSTOMER_SEGMENTS = ['new', 'repeat', 'vip'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

export interface FieldDef {
  kind: FieldKind;
  /** For enum fields: every value the core can produce. */
  options?: readonly string[];
  /** Whole numbers only (money in minor units, grams, counts, hours). */
  integer?: boolean;
  /** Shown next to the value box: the unit the number is in. */
  unit?: 'minor' | 'g' | 'h' | 'weekday';
}

export const REVIEW_FIELDS = {
  total: { kind: 'number', integer: true, unit: 'minor' },
  currency: { kind: 'string' },
  channel: { kind: 'string' },
  type: { kind: 'enum', options: ORDER_TYPES },
  country: { kind: 'string' },
  province: { kind: 'string' },
  city: { kind: 'string' },
  region: { kind: 'enum', options: REGIONS },
  distance: { kind: 'enum', options: DISTANCE_CLASSES },
  sku: { kind: 'list' },
  category: { kind: 'list' },
  quantity: { kind: 'number', integer: true },
  weight: { kind: 'number', integer: true, unit: 'g' },
  customerOrders: { kind: 'number', integer: true },
  customerSegment: { kind: 'enum', options: CUSTOMER_SEGMENTS },
  buyerMessage: { kind: 'boolean' },
  addressAmbiguous: { kind: 'boolean' },
  addressMasked: { kind: 'boolean' },
  crossBorder: { kind: 'boolean' },
  hasIdNumber: { kind: 'boolean' },
  paymentMethod: { kind: 'string' },
  cod: { kind: 'boolean' },
  tags: { kind: 'list' },
  placedHour: { kind: 'number', integer: true, unit: 'h' },
  placedWeekday: { kind: 'number', integer: true, unit: 'weekday' },
} as const satisfies Record<string, FieldDef>;

export type ReviewField = keyof typeof REVIEW_FIELDS;
export const REVIEW_FIELD_NAMES = Object.keys(REVIEW_FIELDS) as ReviewField[];
export const isReviewField = (f: unknown): f is ReviewField =>
  typeof f === 'string' && Object.prototype.hasOwnProperty.call(REVIEW_FIELDS, f);
export const fieldDef = (f: ReviewField): FieldDef => REVIEW_FIELDS[f];

/**
 * The facts one order offers to the rules, computed once per order per run. `undefined` means
 * unknown (e.g. weight when a SKU has no weight on file): every comparison with it is false and
 * `exists` is false.
 */
export type OrderFacts = {
  [K in ReviewField]: (typeof REVIEW_FIELDS)[K]['kind'] extends 'number'
    ? number | undefined
    : (typeof REVIEW_FIELDS)[K]['kind'] extends 'boolean'
      ? boolean
      : (typeof REVIEW_FIELDS)[K]['kind'] extends 'list'
        ? readonly string[]
        : string | undefined;
};
