import fc from 'fast-check';
import { compileCondition } from '../../src-main/modules/review/review-compiler';
import {
  OPERATORS_BY_KIND,
  REVIEW_FIELDS,
  REVIEW_FIELD_NAMES,
  type OrderFacts,
  type ReviewField,
} from '../../src-shared/contract/review-fields';
import {
  checkCondition,
  MAX_DEPTH,
  ruleInput,
  type Condition,
  type Leaf,
} from '../../src-shared/contract/review-rule.schema';
import { describeIssues } from '../../src-shared/contract/define';

/** An order's facts with neutral values; each test sets only what it tests. */
function facts(over: Partial<OrderFacts> = {}): OrderFacts {
  return {
    total: 10_000,
    currency: 'CNY',
    channel: 'taobao-main',
    type: 'marketplace',
    country: 'CN',
    province: '广东省',
    city: '深圳市',
    region: 'south',
    distance: 'domestic',
    sku: ['TSHIRT-RED-L'],
    category: ['apparel'],
    quantity: 2,
    weight: 400,
    customerOrders: 1,
    customerSegment: 'new',
    buyerMessage: false,
    addressAmbiguous: false,
    addressMasked: false,
    crossBorder: false,
    hasIdNumber: false,
    paymentMethod: 'alipay',
    cod: false,
    tags: [],
    placedHour: 10,
    placedWeekday: 3,
    ...over,
  };
}

const test1 = (c: Condition, f: Partial<OrderFacts>) => compileCondition(c)(facts(f));

describe('condition compiler: every operator', () => {
  test('numbers: = ≠ < ≤ > ≥ in, not in, exists', () => {
    expect(test1({ field: 'total', op: 'eq', value: 10_000 }, {})).toBe(true);
    expect(test1({ field: 'total', op: 'ne', value: 10_000 }, {})).toBe(false);
    expect(test1({ field: 'total', op: 'lt', value: 10_001 }, {})).toBe(true);
    expect(test1({ field: 'total', op: 'lt', value: 10_000 }, {})).toBe(false);
    expect(test1({ field: 'total', op: 'lte', value: 10_000 }, {})).toBe(true);
    expect(test1({ field: 'total', op: 'gt', value: 500_000 }, { total: 500_001 })).toBe(true);
    expect(test1({ field: 'total', op: 'gt', value: 500_000 }, { total: 500_000 })).toBe(false);
    expect(test1({ field: 'total', op: 'gte', value: 500_000 }, { total: 500_000 })).toBe(true);
    expect(test1({ field: 'placedHour', op: 'in', value: [22, 23, 0] }, { placedHour: 23 })).toBe(true);
    expect(test1({ field: 'placedHour', op: 'not_in', value: [22, 23, 0] }, { placedHour: 23 })).toBe(false);
    expect(test1({ field: 'weight', op: 'exists' }, {})).toBe(true);
  });

  test('an unknown number fails every comparison, ≠ and "not in" included', () => {
    for (const op of ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'] as const) {
      expect(test1({ field: 'weight', op, value: 1000 }, { weight: undefined })).toBe(false);
    }
    expect(test1({ field: 'weight', op: 'not_in', value: [1] }, { weight: undefined })).toBe(false);
    expect(test1({ field: 'weight', op: 'exists' }, { weight: undefined })).toBe(false);
  });

  test('text compares without case; enums exactly; contains and exists', () => {
    expect(test1({ field: 'paymentMethod', op: 'eq', value: 'cod' }, { paymentMethod: 'COD' })).toBe(true);
    expect(test1({ field: 'paymentMethod', op: 'ne', value: 'cod' }, { paymentMethod: 'alipay' })).toBe(true);
    expect(test1({ field: 'paymentMethod', op: 'ne', value: 'cod' }, { paymentMethod: undefined })).toBe(
      false,
    );
    expect(test1({ field: 'province', op: 'contains', value: '广东' }, {})).toBe(true);
    expect(test1({ field: 'province', op: 'in', value: ['浙江省', '广东省'] }, {})).toBe(true);
    expect(test1({ field: 'province', op: 'not_in', value: ['浙江省'] }, {})).toBe(true);
    expect(test1({ field: 'city', op: 'exists' }, { city: undefined })).toBe(false);
    expect(test1({ field: 'type', op: 'eq', value: 'cross_border' }, { type: 'cross_border' })).toBe(true);
    expect(
      test1({ field: 'distance', op: 'in', value: ['remote', 'overseas'] }, { distance: 'remote' }),
    ).toBe(true);
  });

  test('booleans: = and ≠', () => {
    expect(test1({ field: 'addressMasked', op: 'eq', value: true }, { addressMasked: true })).toBe(true);
    expect(test1({ field: 'addressMasked', op: 'ne', value: true }, { addressMasked: true })).toBe(false);
  });

  test('lists match when ANY element does, ≠ / not in when NONE does', () => {
    const sku = ['A-1', 'B-2'];
    expect(test1({ field: 'sku', op: 'eq', value: 'b-2' }, { sku })).toBe(true);
    expect(test1({ field: 'sku', op: 'ne', value: 'B-2' }, { sku })).toBe(false);
    expect(test1({ field: 'sku', op: 'ne', value: 'C-3' }, { sku })).toBe(true);
    expect(test1({ field: 'sku', op: 'in', value: ['C-3', 'A-1'] }, { sku })).toBe(true);
    expect(test1({ field: 'sku', op: 'not_in', value: ['C-3', 'A-1'] }, { sku })).toBe(false);
    expect(test1({ field: 'sku', op: 'contains', value: 'B-' }, { sku })).toBe(true);
    expect(test1({ field: 'tags', op: 'exists' }, { tags: [] })).toBe(false);
    expect(test1({ field: 'tags', op: 'exists' }, { tags: ['vip'] })).toBe(true);
  });

  test('AND / OR / NOT nest', () => {
    const c: Condition = {
      all: [
        { field: 'crossBorder', op: 'eq', value: true },
        { not: { field: 'hasIdNumber', op: 'eq', value: true } },
        {
          any: [
            { field: 'total', op: 'gt', value: 100_000 },
            { field: 'customerSegment', op: 'eq', value: 'new' },
          ],
        },
      ],
    };
    expect(test1(c, { crossBorder: true })).toBe(true);
    expect(test1(c, { crossBorder: true, hasIdNumber: true })).toBe(false);
    expect(test1(c, { crossBorder: true, customerSegment: 'vip' })).toBe(false);
    expect(test1(c, { crossBorder: true, customerSegment: 'vip', total: 100_001 })).toBe(true);
    expect(test1(c, { crossBorder: false })).toBe(false);
  });
});

describe('condition validation names the path of each problem', () => {
  const issues = (condition: unknown) => {
    const r = ruleInput.safeParse({ name: 'r', condition, actions: [{ type: 'approve' }] });
    return r.success ? [] : describeIssues(r.error).map((i) => `${i.path}: ${i.message}`);
  };

  test('a string where total needs a number', () => {
    expect(
      issues({
        all: [
          { field: 'currency', op: 'eq', value: 'CNY' },
          { field: 'total', op: 'gt', value: '5000' },
        ],
      }),
    ).toEqual(['condition.all.1.value: total needs a number']);
  });
  test('money needs whole minor units', () => {
    expect(issues({ field: 'total', op: 'gt', value: 5000.5 })[0]).toMatch(
      /^condition\.value: total needs a whole number of minor units/,
    );
  });
  test('unknown field, unknown operator, operator that does not fit, bad enum value, missing list', () => {
    expect(issues({ any: [{ field: 'totl', op: 'gt', value: 1 }] })[0]).toMatch(
      /^condition\.any\.0\.field: unknown field "totl"/,
    );
    expect(issues({ field: 'total', op: 'like', value: 1 })[0]).toMatch(
      /^condition\.op: unknown operator "like"/,
    );
    expect(issues({ not: { field: 'currency', op: 'lt', value: 'CNY' } })[0]).toMatch(
      /^condition\.not\.op: currency is a string and cannot use "<"/,
    );
    expect(issues({ field: 'addressMasked', op: 'eq', value: 'yes' })).toEqual([
      'condition.value: addressMasked needs true or false',
    ]);
    expect(issues({ field: 'region', op: 'eq', value: 'Mars' })[0]).toMatch(
      /^condition\.value: region needs one of: east, south/,
    );
    expect(issues({ field: 'province', op: 'in', value: '广东' })).toEqual([
      'condition.value: province in needs a list of values',
    ]);
    expect(issues({ field: 'city', op: 'exists', value: 'x' })).toEqual([
      'condition.value: "exists" takes no value',
    ]);
  });
  test('bad structure: empty groups, stray keys, mixed group keys, too deep', () => {
    expect(issues({ all: [] })).toEqual(['condition.all: needs at least one condition']);
    expect(issues({ any: [{ foo: 1 }] })[0]).toMatch(/^condition\.any\.0\.foo: unknown key "foo"/);
    expect(issues({ all: [{ field: 'total', op: 'exists' }], any: [] })[0]).toMatch(
      /^condition: "all" stands alone/,
    );
    let deep: unknown = { field: 'total', op: 'exists' };
    for (let i = 0; i < 10; i++) deep = { not: deep };
    expect(issues(deep)[0]).toMatch(/nest at most 8 levels/);
    expect(issues('total > 5')).toEqual(['condition: needs a condition: all, any, not or a field test']);
  });
  test('several problems are all reported', () => {
    expect(
      issues({
        all: [
          { field: 'total', op: 'gt', value: 'x' },
          { field: 'cod', op: 'eq', value: 1 },
        ],
      }),
    ).toHaveLength(2);
  });
});

// ---- property test: the compiled closure agrees with a plain reference interpreter ----

const STRINGS = ['CNY', 'usd', 'cod', 'COD', '广东省', '深圳市', 'a', 'ab', ''];
const NUMBERS = [0, 1, 2, 5, 23, 500_000, 500_001];

/** The semantics of review conditions, stated as plainly as possible. */
function reference(c: Condition, f: OrderFacts): boolean {
  if ('all' in c) return c.all.every((k) => reference(k, f));
  if ('any' in c) return c.any.some((k) => reference(k, f));
  if ('not' in c) return !reference(c.not, f);
  const kind = REVIEW_FIELDS[c.field].kind;
  const x = f[c.field] as unknown;
  const norm = (v: unknown) => (kind === 'string' || kind === 'list' ? String(v).toLowerCase() : v);
  const one = (e: unknown): boolean => {
    const a = norm(e);
    const v = c.value;
    switch (c.op) {
      case 'eq':
        return a === norm(v);
      case 'ne':
        return a !== norm(v);
      case 'lt':
        return (a as number) < (v as number);
      case 'lte':
        return (a as number) <= (v as number);
      case 'gt':
        return (a as number) > (v as number);
      case 'gte':
        return (a as number) >= (v as number);
      case 'in':
        return (v as unknown[]).map(norm).includes(a);
      case 'not_in':
        return !(v as unknown[]).map(norm).includes(a);
      case 'contains':
        return String(a).includes(String(norm(v)));
      case 'exists':
        return true;
    }
  };
  if (kind === 'list') {
    const list = x as string[];
    if (c.op === 'exists') return list.length > 0;
    if (c.op === 'ne') return !list.some((e) => norm(e) === norm(c.value));
    if (c.op === 'not_in') return !list.some((e) => (c.value as string[]).map(norm).includes(norm(e)));
    return list.some(one);
  }
  if (x === undefined) return false;
  if (c.op === 'exists') return x !== '';
  return one(x);
}

const valueFor = (field: ReviewField): fc.Arbitrary<string | number | boolean> => {
  const def = REVIEW_FIELDS[field] as { kind: string; options?: readonly string[] };
  if (def.kind === 'number') return fc.constantFrom(...NUMBERS);
  if (def.kind === 'boolean') return fc.boolean();
  if (def.kind === 'enum') return fc.constantFrom(...def.options!);
  return fc.constantFrom(...STRINGS.filter((s) => s !== ''));
};

const leafArb: fc.Arbitrary<Leaf> = fc.constantFrom(...REVIEW_FIELD_NAMES).chain((field) =>
  fc.constantFrom(...OPERATORS_BY_KIND[REVIEW_FIELDS[field].kind]).chain((op) => {
    if (op === 'exists') return fc.constant({ field, op } as Leaf);
    if (op === 'in' || op === 'not_in')
      return fc
        .array(valueFor(field), { minLength: 1, maxLength: 3 })
        .map((value) => ({ field, op, value }) as unknown as Leaf);
    return valueFor(field).map((value) => ({ field, op, value }) as Leaf);
  }),
);

const conditionArb: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition }>((tie) => ({
  node: fc.oneof(
    // Deeper than the schema allows (MAX_DEPTH) would be refused, not compiled: stay below it.
    { depthSize: 'small', withCrossShrink: true, maxDepth: MAX_DEPTH - 2 },
    leafArb,
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    tie('node').map((not) => ({ not })),
  ),
})).node;

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const str = fc.constantFrom(...STRINGS);
const factsArb: fc.Arbitrary<OrderFacts> = fc.record({
  total: fc.constantFrom(...NUMBERS),
  currency: str,
  channel: str,
  type: fc.constantFrom(...REVIEW_FIELDS.type.options),
  country: str,
  province: maybe(str),
  city: maybe(str),
  region: fc.constantFrom(...REVIEW_FIELDS.region.options),
  distance: fc.constantFrom(...REVIEW_FIELDS.distance.options),
  sku: fc.array(str, { maxLength: 3 }),
  category: fc.array(str, { maxLength: 3 }),
  quantity: fc.constantFrom(...NUMBERS),
  weight: maybe(fc.constantFrom(...NUMBERS)),
  customerOrders: fc.constantFrom(...NUMBERS),
  customerSegment: fc.constantFrom(...REVIEW_FIELDS.customerSegment.options),
  buyerMessage: fc.boolean(),
  addressAmbiguous: fc.boolean(),
  addressMasked: fc.boolean(),
  crossBorder: fc.boolean(),
  hasIdNumber: fc.boolean(),
  paymentMethod: maybe(str),
  cod: fc.boolean(),
  tags: fc.array(str, { maxLength: 3 }),
  placedHour: fc.constantFrom(...NUMBERS),
  placedWeekday: fc.constantFrom(...NUMBERS),
});

describe('compiled conditions agree with the reference interpreter', () => {
  test('for random valid conditions and orders', () => {
    fc.assert(
      fc.property(conditionArb, fc.array(factsArb, { minLength: 1, maxLength: 5 }), (c, orders) => {
        expect(checkCondition(c)).toEqual([]);
        const compiled = compileCondition(c);
        for (const f of orders) expect(compiled(f)).toBe(reference(c, f));
      }),
      { numRuns: 1000 },
    );
  });
});
