import { aCore, value } from '../fixtures/core';
import { aRoutingWorld, approvedOrders, line, shanghai } from '../fixtures/routing';

describe('split by quantity (the drawer moves some units of a line to a new order)', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  test('part of a line goes to the new order, the rest stays; totals follow the units', async () => {
    const [id] = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE', 3), line('CRAB', 1)], shippingMinor: 500 },
    ]);
    const { orderIds } = await value(
      core.call('orders.split', {
        id,
        groups: [[{ line: 1, quantity: 2 }, 2], [{ line: 1, quantity: 1 }]],
      }),
    );
    const parts = await Promise.all(orderIds.map((n: number) => value(core.call('orders.get', { id: n }))));
    expect(
      parts.map((p) => p.lines.map((l: { sku: string; quantity: number }) => `${l.sku}×${l.quantity}`)),
    ).toEqual([['TEE×2', 'CRAB×1'], ['TEE×1']]);
    const unit = parts[1].lines[0].unitPriceMinor;
    expect(parts[1].totalMinor).toBe(unit);
    expect(parts[0].shippingMinor).toBe(500);
    expect((await value(core.call('orders.get', { id }))).status).toBe('cancelled');
  });

  test('units that do not add up to the line are refused and nothing changes', async () => {
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 3), line('CRAB', 1)] }]);
    const tooFew = await core.call('orders.split', {
      id,
      groups: [[{ line: 1, quantity: 1 }, 2], [{ line: 1, quantity: 1 }]],
    });
    expect(tooFew).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [{ path: 'groups', message: 'line 1 has 3 units but the groups hold 2' }],
      },
    });
    const tooMany = await core.call('orders.split', { id, groups: [[1, 2], [{ line: 1, quantity: 1 }]] });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'groups', message: 'line 1 has 3 units but the groups hold 4' }] },
    });
    const zero = await core.call('orders.split', { id, groups: [[1, 2], [{ line: 1, quantity: 0 }]] });
    expect(zero).toMatchObject({ ok: false, error: { issues: [{ path: 'groups.1.0.quantity' }] } });
    const o = await value(core.call('orders.get', { id }));
    expect(o.status).toBe('approved');
    expect((await value(core.call('orders.count', {}))).total).toBe(1);
  });
});
