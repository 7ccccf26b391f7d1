import { compileRules, evaluate, type RuleDef } from '../../src-main/modules/review';
import { segmentOf } from '../../src-main/modules/review/review-facts';
import type { OrderFacts } from '../../src-shared/contract/review-fields';
import { distanceClassOf, provinceShortName, regionOf } from '../../src-shared/domain/china-regions';

const facts = (over: Partial<OrderFacts> = {}): OrderFacts => ({
  total: 10_000,
  currency: 'CNY',
  channel: 'tmall',
  type: 'marketplace',
  country: 'CN',
  province: '广东省',
  city: '深圳市',
  region: 'south',
  distance: 'local',
  sku: ['A'],
  category: [],
  quantity: 1,
  weight: undefined,
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
  placedHour: 9,
  placedWeekday: 1,
  ...over,
});

let nextId = 1;
const rule = (over: Partial<RuleDef> & Pick<RuleDef, 'actions'>): RuleDef => {
  const id = nextId++;
  return {
    id,
    name: `r${id}`,
    enabled: true,
    position: id,
    priority: 0,
    condition: { field: 'total', op: 'exists' },
    ...over,
  };
};

describe('evaluate: which result decides', () => {
  test('the first blocking result in run order decides; every match is a reason', () => {
    const rules = compileRules([
      rule({ actions: [{ type: 'approve' }] }),
      rule({ actions: [{ type: 'require_document', document: 'id_number' }] }),
      rule({ actions: [{ type: 'hold', reason: 'big' }] }),
      rule({ actions: [{ type: 'block', reason: 'blacklist' }] }),
    ]);
    const v = evaluate(rules, facts());
    expect(v.outcome).toBe('held');
    expect(v.decisive).toMatch(/document required: id_number$/);
    expect(v.reasons).toHaveLength(4);
    expect(v.approvedBy).toMatch(/approve$/);
  });

  test('a higher priority runs a rule first, so its block wins; equal priorities keep their order', () => {
    const first = rule({ name: 'first', actions: [{ type: 'hold', reason: 'a' }] });
    const blacklist = rule({ name: 'blacklist', priority: 5, actions: [{ type: 'block', reason: 'b' }] });
    const v = evaluate(compileRules([first, blacklist]), facts());
    expect(v).toMatchObject({ outcome: 'blocked', decisive: 'blacklist: blocked: b' });
    expect(v.reasons).toEqual(['blacklist: blocked: b', 'first: hold: a']);
    expect(evaluate(compileRules([first, { ...blacklist, priority: 0 }]), facts())).toMatchObject({
      outcome: 'held',
      decisive: 'first: hold: a',
    });
  });

  test('a document already on file does not hold; disabled rules and non-matching rules say nothing', () => {
    const rules = compileRules([
      rule({ actions: [{ type: 'require_document', document: 'id_number' }] }),
      rule({ enabled: false, actions: [{ type: 'hold', reason: 'off' }] }),
      rule({
        condition: { field: 'cod', op: 'eq', value: true },
        actions: [{ type: 'hold', reason: 'cod' }],
      }),
      rule({
        actions: [
          { type: 'approve' },
          { type: 'add_tag', tag: 'auto' },
          { type: 'set_priority', priority: 3 },
        ],
      }),
    ]);
    const v = evaluate(rules, facts({ hasIdNumber: true }));
    expect(v).toMatchObject({ outcome: 'approved', addTags: ['auto'], priority: 3, decisive: null });
    expect(v.reasons).toEqual([
      expect.stringMatching(/id_number on file$/),
      expect.stringMatching(/approve; tag auto; priority 3$/),
    ]);
    expect(evaluate(compileRules([]), facts()).outcome).toBe('unchanged');
  });
});

describe('regions, distance and segments', () => {
  test('province names in any usual spelling', () => {
    expect(provinceShortName('广西壮族自治区')).toBe('广西');
    expect(provinceShortName('新疆维吾尔自治区')).toBe('新疆');
    expect(provinceShortName('Guangdong Province')).toBe('广东');
    expect(provinceShortName('Atlantis')).toBe('');
    expect(regionOf('CN', '浙江省')).toBe('east');
    expect(regionOf('CN', '黑龙江省')).toBe('northeast');
    expect(regionOf('US', 'CA')).toBe('overseas');
    expect(regionOf('CN', '')).toBe('unknown');
  });
  test('local is the home province, remote provinces stay remote, the rest is domestic', () => {
    expect(distanceClassOf('CN', '广东省', '广东')).toBe('local');
    expect(distanceClassOf('CN', '西藏自治区', '广东')).toBe('remote');
    expect(distanceClassOf('CN', '内蒙古自治区', '内蒙古')).toBe('local');
    expect(distanceClassOf('CN', '浙江省', '')).toBe('domestic');
    expect(distanceClassOf('JP', '東京都', '广东')).toBe('overseas');
  });
  test('segments: new, repeat, VIP by count or spend', () => {
    expect(segmentOf(1, 10_000)).toBe('new');
    expect(segmentOf(2, 10_000)).toBe('repeat');
    expect(segmentOf(5, 10_000)).toBe('vip');
    expect(segmentOf(1, 500_000)).toBe('vip');
  });
});
