import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai } from '../fixtures/routing';

type TestCore = ReturnType<typeof aCore>;
const HOUR = 3_600_000;

/**
 * A run plans oldest order first but writes order rows in id order, in batches (see
 * routing-record runRecord): these pin down that the reordering changes nothing a
 * user can see.
 */
describe('routing runs in batches', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  test('scarce stock still goes to the oldest order, even when a newer order has the lower id', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
    const now = Date.now();
    const [newer, older] = await approvedOrders(core, [
      { ...shanghai, placedAt: now - HOUR, lines: [line('TEE', 2)] },
      { ...shanghai, placedAt: now - 5 * HOUR, lines: [line('TEE', 2)] },
    ]);
    expect(newer!).toBeLessThan(older!);
    const run = await value(core.call('routing.run', {}, { actor: 'router' }));
    expect(run).toMatchObject({ allocated: [older], backordered: [newer] });
    for (const [id, status] of [
      [older!, 'allocated'],
      [newer!, 'backordered'],
    ] as const) {
      const o = await value(core.call('orders.get', { id }));
      expect(o.status).toBe(status);
      expect(o.warehouse).toBe('SH');
      expect(o.reasons.at(-1)).toMatch(/^routing: SH: /);
      expect(o.history.at(-1)).toMatchObject({
        actor: 'router',
        action: 'status',
        from: 'approved',
        to: status,
      });
      const why = await value(core.call('routing.explain', { id }));
      expect(why.latest).toMatchObject({ outcome: status, warehouse: 'SH' });
      expect(why.latest!.alternatives.map((a: { warehouse: string }) => a.warehouse).sort()).toEqual([
        'GZ',
        'SH',
      ]);
    }
  });

  test('an order review gave a higher priority gets scarce stock before an older one', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
    const now = Date.now();
    const [older, urgent] = await approvedOrders(core, [
      { ...shanghai, placedAt: now - 5 * HOUR, lines: [line('TEE', 2)] },
      { ...shanghai, placedAt: now - HOUR, lines: [line('TEE', 2)] },
    ]);
    // What a review rule's set_priority action leaves on the order.
    core.ctx.sqlite.prepare('update orders set priority = 5 where id = ?').run(urgent);
    const run = await value(core.call('routing.run', {}));
    expect(run).toMatchObject({ allocated: [urgent], backordered: [older] });
    // Stock arrives: waiting orders are served the same way, urgent first.
    core.ctx.sqlite.prepare('update orders set priority = 0 where id = ?').run(urgent);
    const [late] = await approvedOrders(core, [{ ...shanghai, placedAt: now, lines: [line('TEE', 2)] }]);
    await value(core.call('routing.run', {}));
    core.ctx.sqlite.prepare('update orders set priority = 9 where id = ?').run(late);
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
    expect((await value(core.call('orders.get', { id: late! }))).status).toBe('allocated');
    expect((await value(core.call('orders.get', { id: older! }))).status).toBe('backordered');
  });

  test('an id asked for twice in one run is read again as it is by then, and refused: nothing is kept', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 1)] }]);
    const r = await core.call('routing.run', { ids: [id!, id!] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('is allocated'),
    });
    expect(await value(core.call('orders.get', { id: id! }))).toMatchObject({
      status: 'approved',
      warehouse: null,
    });
    expect(core.ctx.sqlite.prepare('select count(*) as n from allocations').get()).toEqual({ n: 0 });
    expect(core.ctx.sqlite.prepare('select coalesce(sum(reserved), 0) as n from stock_levels').get()).toEqual(
      { n: 0 },
    );
  });

  test('stock reserved earlier in the run is in the levels a later backorder alert reads', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 1 }] }));
    await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEE', quantity: 3 }] }));
    const now = Date.now();
    const [first, second] = await approvedOrders(core, [
      { ...shanghai, placedAt: now - 2 * HOUR, lines: [line('TEE', 3)] },
      { ...shanghai, placedAt: now - HOUR, lines: [line('TEE', 2)] },
    ]);
    const run = await value(core.call('routing.run', {}));
    expect(run).toMatchObject({ allocated: [first], backordered: [second] });
    // The first order took all of GZ's TEE in this run: GZ has none left to transfer to SH.
    const alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toEqual([
      expect.objectContaining({
        kind: 'backorder',
        warehouse: 'SH',
        sku: 'TEE',
        suggestions: [
          expect.objectContaining({ action: 'contact_buyer', orderId: second }),
          expect.objectContaining({ action: 'cancel', orderId: second }),
        ],
      }),
    ]);
  });

  test('more orders than one batch: every order is routed once, with one allocation and one audit entry each', async () => {
    const n = 2_100;
    await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEE', quantity: n }] }));
    const ids = await approvedOrders(
      core,
      Array.from({ length: n }, (_, i) => ({ ...shanghai, externalId: `B-${i}`, lines: [line('TEE', 1)] })),
    );
    const run = await value(core.call('routing.run', {}));
    expect(run.allocated).toHaveLength(n);
    expect(new Set(run.allocated)).toEqual(new Set(ids));
    const count = (sql: string) => (core.ctx.sqlite.prepare(sql).get() as { n: number }).n;
    expect(count(`select count(*) as n from orders where status = 'allocated'`)).toBe(n);
    expect(count('select count(distinct order_id) as n from allocations')).toBe(n);
    expect(count('select count(*) as n from allocations')).toBe(n);
    expect(
      count(`select count(*) as n from audit_log where entity = 'order' and to_value = 'allocated'`),
    ).toBe(n);
    expect(count(`select reserved as n from stock_levels`)).toBe(n);
  }, 60_000);
});
