import { aCore, value } from '../fixtures/core';
import { aRoutingWorld, approvedOrders, line, shanghai } from '../fixtures/routing';

describe('merge and split', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  test('merging orders of one buyer creates a new order, cancels and links the originals', async () => {
    const [a, b] = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE', 1)], shippingMinor: 500 },
      { ...shanghai, lines: [line('CRAB', 2)], shippingMinor: 500 },
    ]);
    const { orderId } = await value(core.call('orders.merge', { ids: [a, b] }, { actor: 'clerk' }));
    const merged = await value(core.call('orders.get', { id: orderId }));
    expect(merged).toMatchObject({ status: 'approved', shippingMinor: 1000, totalMinor: 1000 + 2000 + 1000 });
    expect(merged.lines.map((l: { sku: string }) => l.sku)).toEqual(['TEE', 'CRAB']);
    const original = await value(core.call('orders.get', { id: a }));
    expect(original.status).toBe('cancelled');
    expect(original.history.at(-1).reason).toBe(`merged into #${orderId}`);
    expect((await value(core.call('routing.explain', { id: a }))).links).toEqual([
      { kind: 'merge', direction: 'into', orderId },
    ]);
    expect((await value(core.call('routing.explain', { id: orderId }))).links).toEqual([
      { kind: 'merge', direction: 'from', orderId: a },
      { kind: 'merge', direction: 'from', orderId: b },
    ]);
  });

  test('merge refuses other addresses, COD, held and do-not-merge orders, naming each', async () => {
    const [a, other, cod, flagged, held] = await approvedOrders(core, [
      { ...shanghai },
      { ...shanghai, phone: '13900000000' },
      { ...shanghai, paymentMethod: 'cod' },
      { ...shanghai, tags: ['do-not-merge'] },
      { ...shanghai },
    ]);
    await value(core.call('orders.transition', { ids: [held], to: 'held' }));
    const r = await core.call('orders.merge', { ids: [a, other, cod, flagged, held] });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const msg = (r as { error: { message: string } }).error.message;
    for (const text of [
      `order ${other} has a different buyer`,
      `order ${cod} is cash on delivery`,
      `order ${flagged} is flagged`,
      `order ${held} is on hold`,
    ])
      expect(msg).toContain(text);
    expect((await value(core.call('orders.get', { id: a }))).status).toBe('approved');
  });

  test('split by lines creates one order per group and cancels the original', async () => {
    const [id] = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE'), line('CRAB'), line('SOFA')] },
    ]);
    const bad = await core.call('orders.split', { id, groups: [[1], [2, 4]] });
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([
          { path: 'groups.1.1', message: expect.stringContaining('no line 4') },
          { path: 'groups', message: 'line 3 is in no group' },
        ]),
      },
    });
    const { orderIds } = await value(core.call('orders.split', { id, groups: [[1, 3], [2]] }));
    const parts = await Promise.all(orderIds.map((n: number) => value(core.call('orders.get', { id: n }))));
    expect(parts.map((p) => [p.status, p.lines.map((l: { sku: string }) => l.sku)])).toEqual([
      ['approved', ['TEE', 'SOFA']],
      ['approved', ['CRAB']],
    ]);
    expect((await value(core.call('orders.get', { id }))).status).toBe('cancelled');
  });
});

describe('automatic merge before allocation', () => {
  test('merges one buyer’s approved orders when the shop turns it on, never COD or do-not-merge ones', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      const cfg = await value(core.call('routing.config.get', {}));
      expect(cfg.autoMerge).toBe(false);
      await value(core.call('routing.config.save', { ...cfg, autoMerge: true }));
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
      const [a, b, cod, flagged, other] = await approvedOrders(core, [
        { ...shanghai, lines: [line('TEE', 1)] },
        { ...shanghai, lines: [line('TEE', 2)] },
        { ...shanghai, lines: [line('TEE', 1)], paymentMethod: 'cod' },
        { ...shanghai, lines: [line('TEE', 1)], tags: ['do-not-merge'] },
        { ...shanghai, lines: [line('TEE', 1)], phone: '13900000000' },
      ]);
      const run = await value(core.call('routing.run', {}));
      expect(run.merged).toHaveLength(1);
      const merged = run.merged[0];
      expect(run.allocated.sort()).toEqual([cod, flagged, other, merged].sort());
      const o = await value(core.call('orders.get', { id: merged }));
      expect(o.lines.map((l: { quantity: number }) => l.quantity)).toEqual([1, 2]);
      expect(o.reasons[0]).toBe(`merged from #${a}, #${b}: same buyer, address and phone`);
      for (const id of [a, b])
        expect((await value(core.call('orders.get', { id }))).status).toBe('cancelled');
    } finally {
      core.dispose();
    }
  });
});
