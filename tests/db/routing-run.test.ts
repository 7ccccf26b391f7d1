import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, shanghai, xinjiang } from '../fixtures/routing';

type TestCore = ReturnType<typeof aCore>;
const level = (core: TestCore, wh: string, sku: string) =>
  core.ctx.sqlite
    .prepare(
      'select on_hand as onHand, reserved from stock_levels l join warehouses w on w.id = l.warehouse_id join skus s on s.id = l.sku_id where w.code = ? and s.sku = ?',
    )
    .get(wh, sku);

describe('routing', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  test('picks the cheapest in-stock warehouse and carrier, reserves stock and explains the alternatives', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
    await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEE', quantity: 10 }] }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2)] }]);
    const run = await value(core.call('routing.run', {}, { actor: 'router' }));
    expect(run).toMatchObject({ considered: 1, allocated: [id] });
    const o = await value(core.call('orders.get', { id }));
    expect(o).toMatchObject({ status: 'allocated', warehouse: 'SH', carrier: 'ZTO' });
    expect(level(core, 'SH', 'TEE')).toEqual({ onHand: 10, reserved: 2 });
    expect(level(core, 'GZ', 'TEE')).toEqual({ onHand: 10, reserved: 0 });
    const why = await value(core.call('routing.explain', { id }));
    // 600 g ships as 1 kg: SH→上海 is ZTO's province zone (¥6.00 + ¥1.00 handling); GZ→上海 is national (¥10.00 + ¥0.50).
    expect(why.latest).toMatchObject({
      outcome: 'allocated',
      warehouse: 'SH',
      carrier: 'ZTO',
      shippingMinor: 600,
      handlingMinor: 100,
      actor: 'router',
    });
    expect(why.latest.alternatives).toEqual([
      expect.objectContaining({ warehouse: 'SH', rank: 0, inStock: true, carrier: 'ZTO', totalMinor: 700 }),
      expect.objectContaining({ warehouse: 'GZ', rank: 1, inStock: true, carrier: 'ZTO', totalMinor: 1050 }),
    ]);
    expect(why.latest.reasons).toEqual([
      'SH: in stock, ¥7.00 via ZTO (2 d)',
      'GZ: in stock, ¥10.50 via ZTO (4 d)',
      'chose SH via ZTO: cheapest in-stock option',
    ]);
    expect(o.history.at(-1)).toMatchObject({ from: 'approved', to: 'allocated', actor: 'router' });
    expect(o.reasons).toEqual([
      'routing: SH: in stock, ¥7.00 via ZTO (2 d); GZ: in stock, ¥10.50 via ZTO (4 d); chose SH via ZTO: cheapest in-stock option',
    ]);
  });

  test('product attributes, COD and destination decide the carrier', async () => {
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [
          { sku: 'CRAB', quantity: 5 },
          { sku: 'POWERBANK', quantity: 5 },
          { sku: 'SOFA', quantity: 2 },
          { sku: 'TEE', quantity: 5 },
        ],
      }),
    );
    const [crab, power, sofa, remote] = await approvedOrders(core, [
      { ...shanghai, lines: [line('CRAB')] },
      { ...shanghai, lines: [line('POWERBANK')], paymentMethod: 'cod' },
      { ...shanghai, lines: [line('SOFA')] },
      { ...xinjiang, lines: [line('TEE', 1)] },
    ]);
    await value(core.call('routing.run', {}));
    const carrierOf = async (id: number | undefined) =>
      (await value(core.call('orders.get', { id }))).carrier;
    expect(await carrierOf(crab)).toBe('SF');
    expect(await carrierOf(power)).toBe('ZTO');
    expect(await carrierOf(sofa)).toBe('DBL');
    // Remote zone: ZTO ¥18 + ¥5 surcharge but 6 days breaks the 5-day promise; SF ¥28 in 3 days.
    expect(await carrierOf(remote)).toBe('SF');
    const why = await value(core.call('routing.explain', { id: sofa }));
    // Volumetric 2000×900×800/8000 = 180 kg beats 40 kg actual: DBL ¥60 first 30 kg + 150 × ¥1.50… from SH, same province ¥30 + 150 × ¥1.
    expect(why.latest).toMatchObject({ carrier: 'DBL', shippingMinor: 3000 + 150 * 100 });
  });

  test('no possible carrier or no rate puts the order in exception with the reason, never silently', async () => {
    await value(
      core.call('skus.save', {
        sku: 'PERFUME',
        title: '香水',
        weightGrams: 200,
        attributes: ['liquid', 'coldChain'],
      }),
    );
    await value(
      core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'PERFUME', quantity: 5 }] }),
    );
    const [id, unknown, blank] = await approvedOrders(core, [
      { ...shanghai, lines: [line('PERFUME')] },
      { ...shanghai, lines: [line('GHOST')] },
      { ...shanghai, lines: [line('TEE'), line(''), line('GHOST'), line(' ')] },
    ]);
    const run = await value(core.call('routing.run', {}));
    expect(run.exception).toEqual([id, unknown, blank]);
    const o = await value(core.call('orders.get', { id }));
    expect(o.status).toBe('exception');
    expect(o.history.at(-1).reason).toMatch(
      /no carrier allowed at .*SF \(no liquids by air\).*ZTO \(no cold chain/,
    );
    expect(level(core, 'SH', 'PERFUME')).toEqual({ onHand: 5, reserved: 0 });
    const ghost = await value(core.call('routing.explain', { id: unknown }));
    expect(ghost.latest.reasons[0]).toMatch(/GHOST is not in the catalog/);
    // A line without a SKU is named by its number, not as "SKU  is not in the catalog".
    expect((await value(core.call('routing.explain', { id: blank }))).latest.reasons).toEqual([
      'SKU GHOST is not in the catalog; add it (skus.save) and route again',
      'lines 2, 4 have no SKU: map them on the SKU mapping screen, then route again',
    ]);
  });

  test('short stock backorders the order with an alert; a receipt allocates it automatically', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 1 }] }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 3)] }]);
    expect((await value(core.call('routing.run', {}))).backordered).toEqual([id]);
    expect(await value(core.call('orders.get', { id }))).toMatchObject({
      status: 'backordered',
      warehouse: 'SH',
      carrier: null,
    });
    const alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toEqual([
      expect.objectContaining({
        kind: 'backorder',
        warehouse: 'SH',
        sku: 'TEE',
        suggestions: [
          expect.objectContaining({ action: 'contact_buyer', orderId: id }),
          expect.objectContaining({ action: 'cancel', orderId: id }),
        ],
      }),
    ]);
    const received = await value(
      core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEE', quantity: 5 }] }),
    );
    expect(received.allocatedOrders).toEqual([id]);
    expect(await value(core.call('orders.get', { id }))).toMatchObject({
      status: 'allocated',
      warehouse: 'GZ',
    });
    expect(level(core, 'GZ', 'TEE')).toEqual({ onHand: 5, reserved: 3 });
    expect((await value(core.call('inventory.alerts', {}))).total).toBe(0);
  });

  test('a bundle reserves its components', async () => {
    await value(
      core.call('skus.save', {
        sku: 'KIT',
        title: '套装',
        components: [
          { sku: 'TEE', quantity: 2 },
          { sku: 'POWERBANK', quantity: 1 },
        ],
      }),
    );
    await value(
      core.call('inventory.receive', {
        warehouse: 'GZ',
        lines: [
          { sku: 'TEE', quantity: 4 },
          { sku: 'POWERBANK', quantity: 1 },
        ],
      }),
    );
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('KIT', 1)] }]);
    expect((await value(core.call('routing.run', {}))).allocated).toEqual([id]);
    expect(level(core, 'GZ', 'TEE')).toEqual({ onHand: 4, reserved: 2 });
    expect(level(core, 'GZ', 'POWERBANK')).toEqual({ onHand: 1, reserved: 1 });
  });

  test('a crash in the middle of allocation leaves neither reservation nor status change', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
    const ids = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE', 1)] },
      { ...shanghai, lines: [line('TEE', 1)] },
    ]);
    // Fails the second order's allocation record: after its reservation and status change were written.
    core.ctx.sqlite.exec(
      `create trigger boom before insert on allocations when new.order_id = ${ids[1]} begin select raise(abort, 'simulated crash'); end`,
    );
    const r = await core.call('routing.run', {});
    expect(r).toMatchObject({ ok: false });
    expect(level(core, 'SH', 'TEE')).toEqual({ onHand: 10, reserved: 0 });
    for (const id of ids) expect((await value(core.call('orders.get', { id }))).status).toBe('approved');
    expect(core.ctx.sqlite.prepare('select count(*) as n from allocations').get()).toEqual({ n: 0 });
    core.ctx.sqlite.exec('drop trigger boom');
    expect((await value(core.call('routing.run', {}))).allocated).toEqual(ids);
  });
});

describe('split shipments', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 5 }] }));
    await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'CRAB', quantity: 5 }] }));
  });
  afterEach(() => core.dispose());

  test('only when no single warehouse can fill the order and the shop allows it', async () => {
    const [waits] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE'), line('CRAB')] }]);
    expect((await value(core.call('routing.run', {}))).backordered).toEqual([waits]);
    const cfg = await value(core.call('routing.config.get', {}));
    await value(core.call('routing.config.save', { ...cfg, allowSplit: true }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE'), line('CRAB')] }]);
    const run = await value(core.call('routing.run', {}));
    expect(run.split).toEqual([id]);
    expect(run.allocated).toHaveLength(2);
    const why = await value(core.call('routing.explain', { id }));
    expect(why.latest.outcome).toBe('split');
    expect(why.latest.reasons.at(-1)).toBe(
      'no warehouse has everything; split by warehouse: lines 1 from SH; lines 2 from GZ',
    );
    const children = why.links.map((l: { orderId: number }) => l.orderId);
    const parts = await Promise.all(children.map((n: number) => value(core.call('orders.get', { id: n }))));
    expect(parts.map((p) => [p.status, p.warehouse, p.lines[0].sku])).toEqual([
      ['allocated', 'SH', 'TEE'],
      ['allocated', 'GZ', 'CRAB'],
    ]);
    expect((await value(core.call('orders.get', { id }))).status).toBe('cancelled');
  });
});

describe('re-routing', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  test('an allocated order put on hold and approved again is re-routed without reserving twice', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 2 }] }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2)] }]);
    await value(core.call('routing.run', {}));
    await value(core.call('orders.transition', { ids: [id], to: 'held', reason: 'buyer called' }));
    expect(level(core, 'SH', 'TEE')).toEqual({ onHand: 2, reserved: 2 });
    await value(core.call('orders.transition', { ids: [id], to: 'approved' }));
    expect((await value(core.call('routing.run', {}))).allocated).toEqual([id]);
    expect(level(core, 'SH', 'TEE')).toEqual({ onHand: 2, reserved: 2 });
    expect((await value(core.call('routing.explain', { id }))).history).toHaveLength(1);
  });

  test('stock found by an adjustment or a stocktake allocates backordered orders', async () => {
    const [a, b] = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE', 1)] },
      { ...shanghai, lines: [line('CRAB', 1)] },
    ]);
    expect((await value(core.call('routing.run', {}))).backordered).toEqual([a, b]);
    expect(
      (
        await value(
          core.call('inventory.adjust', {
            warehouse: 'SH',
            sku: 'TEE',
            delta: 1,
            reason: 'found behind shelf',
          }),
        )
      ).allocatedOrders,
    ).toEqual([a]);
    expect(
      (
        await value(
          core.call('inventory.stocktake', { warehouse: 'GZ', counts: [{ sku: 'CRAB', counted: 3 }] }),
        )
      ).allocatedOrders,
    ).toEqual([b]);
  });
});

describe('alerts from routing', () => {
  test('reservations that push available below safety stock raise one low-stock alert per run, with a transfer suggestion', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 6 }] }));
      await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEE', quantity: 20 }] }));
      await value(core.call('inventory.threshold', { warehouse: 'SH', sku: 'TEE', minAvailable: 4 }));
      await approvedOrders(core, [
        { ...shanghai, lines: [line('TEE', 2)] },
        { ...shanghai, lines: [line('TEE', 2)] },
      ]);
      const events: { name: string; payload: unknown }[] = [];
      core.subscribe((e) => events.push(e));
      await value(core.call('routing.run', {}));
      expect(events.filter((e) => e.name === 'stock.low')).toEqual([
        {
          name: 'stock.low',
          payload: expect.objectContaining({
            kind: 'low_stock',
            warehouse: 'SH',
            sku: 'TEE',
            available: 2,
            threshold: 4,
            suggestions: ['transfer 2 from warehouse GZ'],
          }),
        },
      ]);
    } finally {
      core.dispose();
    }
  });
});

describe('region preference', () => {
  test('an unconfigured region prefers its own warehouse when costs tie; a configured one follows the table', async () => {
    const core = aCore();
    try {
      await aRoutingWorld(core);
      // One flat rate everywhere, so only the preference can decide.
      await value(
        core.call('rates.import', {
          csv: 'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency\nZTO,province,30,30,5.00,0,0,,2,\nZTO,region,30,30,5.00,0,0,,2,\nZTO,national,30,30,5.00,0,0,,2,',
        }),
      );
      await value(
        core.call('routing.config.save', {
          regions: [{ region: 'east', warehouses: ['GZ', 'SH'] }],
          handling: [
            { warehouse: 'SH', handlingMinor: 0 },
            { warehouse: 'GZ', handlingMinor: 0 },
          ],
          allowSplit: false,
          promiseDays: 5,
        }),
      );
      for (const w of ['SH', 'GZ'])
        await value(core.call('inventory.receive', { warehouse: w, lines: [{ sku: 'TEE', quantity: 5 }] }));
      const [east, south] = await approvedOrders(core, [
        { ...shanghai, province: '浙江省', lines: [line('TEE')] },
        { ...shanghai, province: '广东省', lines: [line('TEE')] },
      ]);
      await value(core.call('routing.run', {}));
      expect((await value(core.call('orders.get', { id: east }))).warehouse).toBe('GZ');
      expect((await value(core.call('orders.get', { id: south }))).warehouse).toBe('GZ');
      const why = await value(core.call('routing.explain', { id: east }));
      expect(
        why.latest.alternatives.map((a: { warehouse: string; rank: number | null }) => [a.warehouse, a.rank]),
      ).toEqual([
        ['SH', 1],
        ['GZ', 0],
      ]);
    } finally {
      core.dispose();
    }
  });
});
