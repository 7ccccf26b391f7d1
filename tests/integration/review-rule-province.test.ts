import { ruleInput } from '../../src-shared/contract/review-rule.schema';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

const rule = (condition: unknown) => ({
  name: 'Province check',
  condition,
  actions: [{ type: 'hold', reason: 'check' }],
});

describe('a province in a review rule means the province, however it is written', () => {
  test('short and pinyin names of a mainland province become the official name intake stores', () => {
    const parsed = ruleInput.parse(
      rule({
        all: [
          { field: 'province', op: 'eq', value: '广东' },
          { not: { field: 'province', op: 'in', value: ['广西', 'Zhejiang', '上海市', 'CA', '香港'] } },
          { field: 'province', op: 'contains', value: '广' },
          { field: 'city', op: 'eq', value: '广州' },
        ],
      }),
    );
    expect(parsed.condition).toEqual({
      all: [
        { field: 'province', op: 'eq', value: '广东省' },
        {
          not: {
            field: 'province',
            op: 'in',
            value: ['广西壮族自治区', '浙江省', '上海市', 'CA', '香港'],
          },
        },
        { field: 'province', op: 'contains', value: '广' },
        { field: 'city', op: 'eq', value: '广州' },
      ],
    });
  });

  test('"province = 广东" simulates and saves as matching the orders to 广东省', async () => {
    const core = aCore({ now: () => Date.UTC(2026, 10, 1, 8) });
    try {
      aChannel(core);
      seedOrders(core, [anOrder(), anOrder(), anOrder({ province: '广西壮族自治区', city: '南宁市' })]);
      const sim = await value(
        core.call('review.simulate', {
          rule: rule({ field: 'province', op: 'eq', value: '广东' }),
          limit: 10,
        }),
      );
      expect(sim.matched).toBe(2);
      const gx = await value(
        core.call('review.simulate', {
          rule: rule({ field: 'province', op: 'in', value: ['Guangxi'] }),
          limit: 10,
        }),
      );
      expect(gx.matched).toBe(1);
      const saved = await value(
        core.call('review.rules.save', rule({ field: 'province', op: 'eq', value: '广东' })),
      );
      expect(saved.condition).toEqual({ field: 'province', op: 'eq', value: '广东省' });
    } finally {
      core.dispose();
    }
  });
});
