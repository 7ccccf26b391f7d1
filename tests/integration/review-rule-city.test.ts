import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

const rule = (condition: unknown) => ({
  name: 'City check',
  condition,
  actions: [{ type: 'hold', reason: 'check' }],
});

describe('a city in a review rule means the city, written the way people say it', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => {
    core = aCore({ now: () => Date.UTC(2026, 10, 1, 8) });
    aChannel(core);
  });
  afterEach(() => core.dispose());

  test('"city = 深圳" simulates and saves as matching the orders to 深圳市', async () => {
    seedOrders(core, [
      anOrder({ province: '广东省', city: '深圳市', district: '南山区' }),
      anOrder({ province: '广东省', city: '深圳市', district: '福田区' }),
      anOrder({ province: '广东省', city: '广州市', district: '天河区' }),
      anOrder({ province: '北京市', city: '北京市', district: '朝阳区' }),
    ]);
    const sim = await value(
      core.call('review.simulate', { rule: rule({ field: 'city', op: 'eq', value: '深圳' }), limit: 10 }),
    );
    expect(sim.matched).toBe(2);
    const list = await value(
      core.call('review.simulate', {
        rule: rule({ not: { field: 'city', op: 'in', value: ['深圳', '北京'] } }),
        limit: 10,
      }),
    );
    expect(list.matched).toBe(1);

    const saved = await value(
      core.call(
        'review.rules.save',
        rule({
          all: [
            { field: 'city', op: 'in', value: ['深圳', '恩施州', '吉林市', 'Los Angeles', 'Shenzhen'] },
            { field: 'city', op: 'ne', value: '北京' },
            { field: 'city', op: 'contains', value: '深' },
          ],
        }),
      ),
    );
    expect(saved.condition).toEqual({
      all: [
        {
          field: 'city',
          op: 'in',
          value: ['深圳市', '恩施土家族苗族自治州', '吉林市', 'Los Angeles', 'Shenzhen'],
        },
        { field: 'city', op: 'ne', value: '北京市' },
        { field: 'city', op: 'contains', value: '深' },
      ],
    });
    const stored = await value(core.call('review.rules.list', {}));
    expect(JSON.stringify(stored)).toContain('深圳市');
  });
});
