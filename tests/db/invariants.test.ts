import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { insertWarehouse, moveStock, stockLevel } from '../../src-main/modules/inventory';
import { upsertSku } from '../../src-main/modules/catalog';
import { ordersStatements, upsertOrder } from '../../src-main/modules/orders';

describe('invariants of DESIGN.md', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore()));
  afterEach(() => core.dispose());

  test('1. an order is unique by (channel, external id); only a newer copy updates it', async () => {
    const channelId = aChannel(core);
    const st = ordersStatements(core.ctx.sqlite);
    const first = anOrder({ channelId, externalId: 'TB-1', sourceUpdatedAt: 1000 });
    expect(upsertOrder(st, first, 1).outcome).toBe('inserted');
    expect(upsertOrder(st, first, 2).outcome).toBe('unchanged');
    expect(upsertOrder(st, { ...first, recipientName: '旧名字', sourceUpdatedAt: 999 }, 3).outcome).toBe(
      'unchanged',
    );
    const newer = {
      ...first,
      recipientName: '李娜',
      sourceUpdatedAt: 2000,
      lines: [{ sku: 'CUP', title: '杯子', spec: '', quantity: 1, unitPriceMinor: 100 }],
    };
    expect(upsertOrder(st, newer, 4).outcome).toBe('updated');
    expect((await value(core.call('orders.count', {}))).total).toBe(1);
    const o = await value(core.call('orders.get', { id: 1 }));
    expect(o.customer.name).toBe('李娜');
    expect(o.lines).toEqual([
      { sku: 'CUP', title: '杯子', spec: '', quantity: 1, unitPriceMinor: 100, presaleShipDate: null },
    ]);
    expect(() =>
      core.ctx.sqlite
        .prepare(
          `insert into orders (channel_id, external_id, placed_at, source_updated_at, currency, total_minor, created_at, updated_at) values (?, 'TB-1', 0, 0, 'CNY', 0, 0, 0)`,
        )
        .run(channelId),
    ).toThrow(/UNIQUE/);
  });

  test('2. stock moves only through the append-only ledger and available never goes below zero', () => {
    const wh = insertWarehouse(core.ctx.db, { code: 'SH', name: '上海仓' }, 1).id;
    const sku = upsertSku(
      core.ctx.sqlite,
      {
        sku: 'TS-RED-L',
        title: 'T恤',
        spec: '红 L',
        barcode: null,
        category: null,
        weightGrams: 200,
        priceMinor: 5900,
        currency: 'CNY',
      },
      1,
    );
    moveStock(core.ctx, { warehouseId: wh, skuId: sku, kind: 'receipt', onHandDelta: 5, actor: 't' });
    moveStock(core.ctx, {
      warehouseId: wh,
      skuId: sku,
      kind: 'reservation',
      reservedDelta: 5,
      reference: 'order:1',
      actor: 't',
    });
    expect(stockLevel(core.ctx.sqlite, wh, sku)).toEqual({ onHand: 5, reserved: 5 });
    expect(() =>
      moveStock(core.ctx, {
        warehouseId: wh,
        skuId: sku,
        kind: 'reservation',
        reservedDelta: 1,
        reference: 'order:2',
        actor: 't',
      }),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      moveStock(core.ctx, { warehouseId: wh, skuId: sku, kind: 'adjustment', onHandDelta: -1, actor: 't' }),
    ).toThrow(/CHECK constraint/);
    expect(stockLevel(core.ctx.sqlite, wh, sku)).toEqual({ onHand: 5, reserved: 5 });
    expect((core.ctx.sqlite.prepare('select count(*) as n from stock_ledger').get() as { n: number }).n).toBe(
      2,
    );
    expect(() => core.ctx.sqlite.prepare('update stock_ledger set on_hand_delta = 100').run()).toThrow(
      /append-only/,
    );
    expect(() => core.ctx.sqlite.prepare('delete from stock_ledger').run()).toThrow(/append-only/);
  });

  test('3. status changes go through the state machine, are audited, and illegal ones change nothing', async () => {
    const channelId = aChannel(core);
    const [id] = seedOrders(core, [anOrder({ channelId })]);
    const events: string[] = [];
    core.subscribe((e) => events.push(e.name));
    await value(
      core.call(
        'orders.transition',
        { ids: [id], to: 'approved', reason: 'looks fine' },
        { actor: 'clerk-1' },
      ),
    );
    const bad = await core.call('orders.transition', { ids: [id], to: 'delivered' }, { actor: 'clerk-1' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'illegal_transition' } });
    // Shipping records a tracking number; it is not a bare status change a person can make.
    const skip = await core.call('orders.transition', { ids: [id], to: 'shipped' }, { actor: 'clerk-1' });
    expect(skip).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'to' })] },
    });
    const o = await value(core.call('orders.get', { id }));
    expect(o.status).toBe('approved');
    expect(o.history).toEqual([
      expect.objectContaining({
        actor: 'clerk-1',
        action: 'status',
        from: 'pending_review',
        to: 'approved',
        reason: 'looks fine',
      }),
    ]);
    expect(o.allowedNext).toEqual(['exception', 'held', 'cancelled']);
    expect(events).toEqual(['orders.changed']);
  });

  test('3b. a bulk transition is all-or-nothing', async () => {
    const channelId = aChannel(core);
    const ids = seedOrders(core, [anOrder({ channelId }), anOrder({ channelId }), anOrder({ channelId })]);
    await value(core.call('orders.transition', { ids: [ids[2]], to: 'held' }));
    const r = await core.call('orders.transition', { ids, to: 'held' });
    expect(r.ok).toBe(false);
    const statuses = await Promise.all(
      ids.map(async (id) => (await value(core.call('orders.get', { id }))).status),
    );
    expect(statuses).toEqual(['pending_review', 'pending_review', 'held']);
  });

  test('cancelling releases every reservation the order holds', async () => {
    const channelId = aChannel(core);
    const [id] = seedOrders(core, [anOrder({ channelId })]);
    const wh = insertWarehouse(core.ctx.db, { code: 'GZ', name: '广州仓' }, 1).id;
    const sku = upsertSku(
      core.ctx.sqlite,
      {
        sku: 'A',
        title: 'A',
        spec: '',
        barcode: null,
        category: null,
        weightGrams: 1,
        priceMinor: 1,
        currency: 'CNY',
      },
      1,
    );
    moveStock(core.ctx, { warehouseId: wh, skuId: sku, kind: 'receipt', onHandDelta: 3, actor: 't' });
    moveStock(core.ctx, {
      warehouseId: wh,
      skuId: sku,
      kind: 'reservation',
      reservedDelta: 2,
      reference: `order:${id}`,
      actor: 't',
    });
    await value(core.call('orders.transition', { ids: [id], to: 'cancelled', reason: 'buyer asked' }));
    expect(stockLevel(core.ctx.sqlite, wh, sku)).toEqual({ onHand: 3, reserved: 0 });
  });

  test('4. money columns refuse negative totals and zero quantities', () => {
    const channelId = aChannel(core);
    expect(() => seedOrders(core, [anOrder({ channelId, totalMinor: -1 })])).toThrow(/CHECK constraint/);
    expect(() =>
      seedOrders(core, [
        anOrder({ channelId, lines: [{ sku: 'X', title: 'X', spec: '', quantity: 0, unitPriceMinor: 1 }] }),
      ]),
    ).toThrow(/CHECK constraint/);
  });
});
