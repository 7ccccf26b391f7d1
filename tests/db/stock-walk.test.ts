import { aCore, value } from '../fixtures/core';

/**
 * The mistakes a shop owner and a clerk make while managing stock, walked on a real database:
 * an inactive warehouse, a scanned barcode where the SKU code goes, numbers too big to be real,
 * and a safety stock changed on the SKU itself.
 */
type TestCore = ReturnType<typeof aCore>;

async function setup(core: TestCore) {
  await value(core.call('warehouses.save', { code: 'SH', name: '上海仓', province: '上海' }));
  await value(core.call('warehouses.save', { code: 'GZ', name: '广州仓', province: '广东省' }));
  await value(
    core.call('skus.save', { sku: 'TEA', title: '龙井茶', barcodes: ['6901234567892', 'TEA-OLD-01'] }),
  );
  await value(core.call('bins.save', { warehouse: 'SH', bins: [{ code: 'A-01', sequence: 10 }] }));
}

const level = async (core: TestCore, warehouse: string, sku = 'TEA') =>
  (await value(core.call('inventory.levels', { warehouse }))).rows.find(
    (r: { sku: string }) => r.sku === sku,
  ) as { onHand: number; reserved: number; available: number } | undefined;

describe('stock walk: a clerk’s mistakes', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await setup(core);
  });
  afterEach(() => core.dispose());

  test('goods are not received or transferred into a warehouse that is switched off', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEA', quantity: 10 }] }));
    const gz = (await value(core.call('warehouses.list', {}))).rows.find(
      (w: { code: string }) => w.code === 'GZ',
    );
    await value(core.call('warehouses.save', { ...gz, id: gz.id, active: false }));
    const received = await core.call('inventory.receive', {
      warehouse: 'GZ',
      lines: [{ sku: 'TEA', quantity: 5 }],
    });
    expect(received.ok).toBe(false);
    expect(!received.ok && received.error.code).toBe('conflict');
    expect(!received.ok && received.error.message).toMatch(/GZ.*not active/);
    const moved = await core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'TEA', quantity: 3 });
    expect(moved.ok).toBe(false);
    expect(!moved.ok && moved.error.message).toMatch(/GZ.*not active/);
    expect(await level(core, 'GZ')).toBeUndefined();
    expect((await level(core, 'SH'))?.onHand).toBe(10);
    // Stock still in a warehouse being closed can be counted and moved out.
    await value(core.call('warehouses.save', { ...gz, id: gz.id, active: true }));
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'TEA', quantity: 3 }));
    await value(core.call('warehouses.save', { ...gz, id: gz.id, active: false }));
    await value(core.call('inventory.stocktake', { warehouse: 'GZ', counts: [{ sku: 'TEA', counted: 2 }] }));
    await value(core.call('inventory.transfer', { from: 'GZ', to: 'SH', sku: 'TEA', quantity: 2 }));
    expect((await level(core, 'SH'))?.onHand).toBe(9);
  });

  test('a scanned barcode works wherever a SKU code is asked for', async () => {
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [{ sku: '6901234567892', quantity: 10, bin: 'A-01' }],
      }),
    );
    await value(
      core.call('inventory.adjust', { warehouse: 'SH', sku: 'TEA-OLD-01', delta: -1, reason: 'dented' }),
    );
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: '6901234567892', quantity: 2 }));
    const take = await value(
      core.call('inventory.stocktake', { warehouse: 'SH', counts: [{ sku: '6901234567892', counted: 6 }] }),
    );
    expect(take.differences).toEqual([
      {
        sku: 'TEA',
        onHandBefore: 7,
        offShelf: 0,
        counted: 6,
        movedSince: 0,
        onHandAfter: 6,
        delta: -1,
        reserved: 0,
      },
    ]);
    await value(core.call('bins.assign', { warehouse: 'GZ', sku: '6901234567892', bin: null }));
    await value(core.call('inventory.threshold', { warehouse: 'GZ', sku: 'TEA-OLD-01', minAvailable: 1 }));
    expect((await level(core, 'SH'))?.onHand).toBe(6);
    expect((await level(core, 'GZ'))?.onHand).toBe(2);
    // The levels screen's search takes a scan as well.
    const found = await value(core.call('inventory.levels', { search: 'TEA-OLD-01' }));
    expect(found.rows.map((r: { warehouse: string; sku: string }) => `${r.warehouse} ${r.sku}`)).toEqual([
      'GZ TEA',
      'SH TEA',
    ]);
    // The same SKU scanned and typed on one count sheet is one SKU counted twice.
    const twice = await core.call('inventory.stocktake', {
      warehouse: 'SH',
      counts: [
        { sku: 'TEA', counted: 6 },
        { sku: '6901234567892', counted: 6 },
      ],
    });
    expect(!twice.ok && twice.error.message).toMatch(/TEA is counted twice/);
  });

  test('one scanned text never means two SKUs: a barcode that is another SKU’s code, a code that is another’s barcode', async () => {
    await value(core.call('skus.save', { sku: 'CUP-500', title: '茶杯' }));
    const asBarcode = await core.call('skus.save', { sku: 'TEA', title: '龙井茶', barcodes: ['CUP-500'] });
    expect(!asBarcode.ok && asBarcode.error.issues).toEqual([
      { path: 'barcodes.0', message: '"CUP-500" is the code of SKU CUP-500' },
    ]);
    const asCode = await core.call('skus.save', { sku: 'TEA-OLD-01', title: '旧包装' });
    expect(!asCode.ok && asCode.error.issues).toEqual([
      { path: 'sku', message: '"TEA-OLD-01" is a barcode of SKU TEA' },
    ]);
    // A SKU may carry its own code as a barcode.
    await value(core.call('skus.save', { sku: 'CUP-500', title: '茶杯', barcodes: ['CUP-500'] }));
  });

  test('the adjustments of one count sheet share one reference, however long posting takes', async () => {
    let clock = 1_764_000_000_000;
    const slow = aCore({ now: () => (clock += 7) });
    try {
      await setup(slow);
      await value(slow.call('skus.save', { sku: 'CUP', title: '茶杯' }));
      await value(
        slow.call('inventory.receive', {
          warehouse: 'SH',
          lines: [
            { sku: 'TEA', quantity: 5 },
            { sku: 'CUP', quantity: 5 },
          ],
        }),
      );
      await value(
        slow.call('inventory.stocktake', {
          warehouse: 'SH',
          counts: [
            { sku: 'TEA', counted: 4 },
            { sku: 'CUP', counted: 6 },
          ],
        }),
      );
      const refs = slow.ctx.sqlite
        .prepare("select distinct reference from stock_ledger where reference like 'stocktake:%'")
        .pluck()
        .all();
      expect(refs).toHaveLength(1);
    } finally {
      slow.dispose();
    }
  });

  test('quantities too big to be real are refused before they reach the ledger', async () => {
    const huge = 9_007_199_254_740_991;
    const adjust = await core.call('inventory.adjust', {
      warehouse: 'SH',
      sku: 'TEA',
      delta: huge,
      reason: 'x',
    });
    expect(adjust.ok).toBe(false);
    const count = await core.call('inventory.stocktake', {
      warehouse: 'SH',
      counts: [{ sku: 'TEA', counted: huge }],
    });
    expect(count.ok).toBe(false);
    const threshold = await core.call('inventory.threshold', {
      warehouse: 'SH',
      sku: 'TEA',
      minAvailable: huge,
    });
    expect(threshold.ok).toBe(false);
    const safety = await core.call('skus.save', { sku: 'TEA', title: '龙井茶', safetyStock: huge });
    expect(safety.ok).toBe(false);
    expect(await level(core, 'SH')).toBeUndefined();
  });

  test('raising a SKU’s safety stock raises its low-stock alert; lowering it resolves it', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEA', quantity: 4 }] }));
    await value(core.call('skus.save', { sku: 'TEA', title: '龙井茶', safetyStock: 10 }));
    let alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toMatchObject([
      { kind: 'low_stock', warehouse: 'SH', sku: 'TEA', available: 4, threshold: 10 },
    ]);
    await value(core.call('skus.save', { sku: 'TEA', title: '龙井茶', safetyStock: 2 }));
    alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toEqual([]);
  });

  test('a threshold set for a warehouse that has none of the SKU yet raises its alert, with a transfer to suggest', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEA', quantity: 40 }] }));
    // The SKU's own safety stock does not make every warehouse that does not carry it "low".
    await value(core.call('skus.save', { sku: 'TEA', title: '龙井茶', safetyStock: 3 }));
    expect((await value(core.call('inventory.alerts', {}))).rows).toEqual([]);
    await value(core.call('inventory.threshold', { warehouse: 'GZ', sku: 'TEA', minAvailable: 6 }));
    const alerts = await value(core.call('inventory.alerts', {}));
    expect(alerts.rows).toMatchObject([
      {
        kind: 'low_stock',
        warehouse: 'GZ',
        sku: 'TEA',
        available: 0,
        threshold: 6,
        suggestions: [{ action: 'transfer', fromWarehouse: 'SH', quantity: 6 }],
      },
    ]);
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'TEA', quantity: 6 }));
    expect((await value(core.call('inventory.alerts', {}))).rows).toEqual([]);
  });
});
