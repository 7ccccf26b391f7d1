import { aCore, value } from '../fixtures/core';

describe('demo.load (the first-run button of the empty queue)', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore()));
  afterEach(() => core.dispose());

  test('fills an empty database and announces it', async () => {
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    const r = await value(core.call('demo.load', { orders: 300 }));
    expect(r).toMatchObject({ orders: 300, channels: 8 });
    expect((await value(core.call('orders.count', {}))).total).toBe(300);
    expect(events).toContain('orders.changed');
  });

  test('is refused once the shop has orders, and changes nothing', async () => {
    await value(core.call('demo.load', { orders: 50 }));
    const again = await core.call('demo.load', { orders: 50 });
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already has 50 orders/) },
    });
    expect((await value(core.call('orders.count', {}))).total).toBe(50);
  });

  test('sets up carriers, rates and region preferences, so routing allocates demo orders instead of failing them', async () => {
    await value(core.call('demo.load', { orders: 600 }));
    expect((await value(core.call('carriers.list', {}))).rows.length).toBeGreaterThanOrEqual(10);
    const approved = (await value(core.call('orders.count', { filter: { status: ['approved'] } }))).total;
    expect(approved).toBeGreaterThan(0);
    const run = await value(core.call('routing.run', {}));
    expect(run.exception).toEqual([]);
    expect(run.allocated.length).toBeGreaterThan(0);
  });

  test('leaves the shop’s own carriers alone', async () => {
    await value(core.call('carriers.save', { code: 'OWN', name: 'Our courier' }));
    await value(core.call('demo.load', { orders: 20 }));
    expect((await value(core.call('carriers.list', {}))).rows.map((c: { code: string }) => c.code)).toEqual([
      'OWN',
    ]);
  });
});
