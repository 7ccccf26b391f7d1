import { aCore, value } from '../fixtures/core';

type TestCore = ReturnType<typeof aCore>;

async function setup(core: TestCore) {
  await value(core.call('warehouses.save', { code: 'SH', name: '上海仓', province: '上海' }));
  await value(core.call('warehouses.save', { code: 'GZ', name: '广州仓', province: '广东省' }));
  await value(
    core.call('skus.save', {
      sku: 'TEA',
      title: '龙井茶',
      barcodes: ['6901234567892', 'TEA-OLD-01'],
      weightGrams: 250,
      safetyStock: 5,
    }),
  );
  await value(
    core.call('skus.save', { sku: 'CUP', title: '茶杯', weightGrams: 300, attributes: ['fragile'] }),
  );
}

describe('stock operations', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await setup(core);
  });
  afterEach(() => core.dispose());

  test('receive, adjust, transfer and the ledger history add up', async () => {
    await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: [
          { code: 'A-01', sequence: 1 },
          { code: 'B-07', sequence: 2 },
        ],
      }),
    );
    await value(
      core.call(
        'inventory.receive',
        {
          warehouse: 'SH',
          lines: [
            { sku: 'TEA', quantity: 20, bin: 'B-07' },
            { sku: 'CUP', quantity: 4, bin: 'A-01' },
          ],
          reason: 'PO-1',
        },
        { actor: 'clerk' },
      ),
    );
    await value(
      core.call('inventory.adjust', { warehouse: 'SH', sku: 'TEA', delta: -2, reason: 'broken tin' }),
    );
    const moved = await value(
      core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'TEA', quantity: 8 }),
    );
    expect(moved.levels).toEqual([
      { warehouse: 'SH', sku: 'TEA', onHand: 10, reserved: 0, available: 10 },
      { warehouse: 'GZ', sku: 'TEA', onHand: 8, reserved: 0, available: 8 },
    ]);
    const sh = await value(core.call('inventory.levels', { warehouse: 'SH' }));
    expect(sh.rows.map((r: { sku: string; bin: string }) => [r.sku, r.bin])).toEqual([
      ['CUP', 'A-01'],
      ['TEA', 'B-07'],
    ]);
    const inBin = await value(core.call('inventory.levels', { bin: 'B-07' }));
    expect(inBin.rows).toHaveLength(1);
    const ledger = await value(core.call('inventory.ledger', { sku: 'TEA' }));
    expect(
      ledger.rows.map(
        (r: { kind: string; warehouse: string; onHandDelta: number }) =>
          `${r.kind} ${r.warehouse} ${r.onHandDelta}`,
      ),
    ).toEqual(['transfer GZ 8', 'transfer SH -8', 'adjustment SH -2', 'receipt SH 20']);
    expect(ledger.rows[2]).toMatchObject({ reason: 'broken tin' });
    expect(ledger.rows[3]).toMatchObject({ actor: 'clerk', reason: 'PO-1' });
  });

  test('barcodes are unique across SKUs and bundles reserve nothing of their own', async () => {
    const r = await core.call('skus.save', { sku: 'MUG', title: '马克杯', barcodes: ['TEA-OLD-01'] });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'barcodes.0' }] },
    });
    const set = await value(
      core.call('skus.save', {
        sku: 'GIFT',
        title: '礼盒',
        components: [
          { sku: 'TEA', quantity: 2 },
          { sku: 'CUP', quantity: 1 },
        ],
      }),
    );
    expect(set.components).toEqual([
      { sku: 'CUP', quantity: 1 },
      { sku: 'TEA', quantity: 2 },
    ]);
    const bad = await core.call('inventory.receive', {
      warehouse: 'SH',
      lines: [
        { sku: 'TEA', quantity: 1 },
        { sku: 'GIFT', quantity: 1 },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((bad as { error: { message: string } }).error.message).toMatch(/lines\.1\.sku.*bundle/);
    const found = await value(core.call('skus.list', { search: '6901234567892' }));
    expect(found.rows.map((s: { sku: string }) => s.sku)).toEqual(['TEA']);
  });

  test('bad input names the row and changes nothing', async () => {
    const r = await core.call('inventory.receive', {
      warehouse: 'SH',
      lines: [
        { sku: 'TEA', quantity: 3 },
        { sku: 'NOPE', quantity: 1 },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'lines.1.sku' }] },
    });
    const over = await core.call('inventory.adjust', { warehouse: 'SH', sku: 'TEA', delta: -1, reason: 'x' });
    expect(over).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await value(core.call('inventory.ledger', { sku: 'TEA' }))).total).toBe(0);
    const noReason = await core.call('inventory.adjust', {
      warehouse: 'SH',
      sku: 'TEA',
      delta: 1,
      reason: ' ',
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'reason' }] },
    });
  });

  test('a stocktake posts only the differences as adjustments and refuses counts below what is reserved', async () => {
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [
          { sku: 'TEA', quantity: 10 },
          { sku: 'CUP', quantity: 4 },
        ],
      }),
    );
    const out = await value(
      core.call('inventory.stocktake', {
        warehouse: 'SH',
        counts: [
          { sku: 'TEA', counted: 9 },
          { sku: 'CUP', counted: 4 },
        ],
      }),
    );
    expect(out).toEqual({
      differences: [
        {
          sku: 'TEA',
          onHandBefore: 10,
          offShelf: 0,
          counted: 9,
          movedSince: 0,
          onHandAfter: 9,
          delta: -1,
          reserved: 0,
        },
      ],
      unchanged: 1,
      allocatedOrders: [],
    });
    core.ctx.sqlite
      .prepare(
        `insert into stock_ledger (warehouse_id, sku_id, kind, reserved_delta, reference, actor, at) values (1, 2, 'reservation', 3, 'order:1', 't', 0)`,
      )
      .run();
    const r = await core.call('inventory.stocktake', {
      warehouse: 'SH',
      counts: [
        { sku: 'TEA', counted: 0 },
        { sku: 'CUP', counted: 2 },
      ],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'counts.1.counted' }] },
    });
    const levels = await value(core.call('inventory.levels', { warehouse: 'SH' }));
    expect(levels.rows.map((l: { sku: string; onHand: number }) => [l.sku, l.onHand])).toEqual([
      ['CUP', 4],
      ['TEA', 9],
    ]);
  });

  test('falling below the safety threshold raises one alert with a transfer suggestion and an event', async () => {
    const events: { name: string; payload: unknown }[] = [];
    core.subscribe((e) => events.push(e));
    await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'TEA', quantity: 30 }] }));
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEA', quantity: 6 }] }));
    await value(core.call('inventory.adjust', { warehouse: 'SH', sku: 'TEA', delta: -4, reason: 'damaged' }));
    await value(core.call('inventory.adjust', { warehouse: 'SH', sku: 'TEA', delta: -1, reason: 'damaged' }));
    const alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toEqual([
      expect.objectContaining({
        kind: 'low_stock',
        warehouse: 'SH',
        sku: 'TEA',
        available: 1,
        threshold: 5,
        suggestions: [expect.objectContaining({ action: 'transfer', fromWarehouse: 'GZ', quantity: 4 })],
      }),
    ]);
    expect(events.filter((e) => e.name === 'stock.low')).toHaveLength(1);
    await value(core.call('inventory.threshold', { warehouse: 'SH', sku: 'TEA', minAvailable: 1 }));
    expect((await value(core.call('inventory.alerts', {}))).total).toBe(0);
    expect((await value(core.call('inventory.alerts', { open: false }))).rows[0].resolvedAt).not.toBeNull();
  });
});
