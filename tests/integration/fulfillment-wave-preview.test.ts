import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, statusOf } from '../fixtures/fulfillment';

type TestCore = ReturnType<typeof aCore>;

describe('fulfillment: wave preview and scan data for the picking screen', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  test('the preview counts what waves.create would take, changes nothing, and matches the wave made after it', async () => {
    const ids = await allocated(core, [
      [
        ['SOCK', 1],
        ['MUG', 2],
      ],
      [['CAP', 1]],
      [
        ['MUG', 1],
        ['CAP', 2],
      ],
    ]);
    const all = await value(core.call('waves.preview', { warehouse: 'SH', maxOrders: 10 }));
    expect(all).toEqual({ orders: 3, lines: 5, units: 7, skus: 3, allocated: 3 });
    for (const id of ids) expect(await statusOf(core, id)).toBe('allocated');

    expect(
      await value(core.call('waves.preview', { warehouse: 'SH', singleItemOnly: true, maxOrders: 10 })),
    ).toEqual({ orders: 1, lines: 1, units: 1, skus: 1, allocated: 3 });
    // Line budget: order 1 (2 lines) fits, order 2 (1 line) fits, order 3 (2 more) would make 5 > 4.
    const small = await value(core.call('waves.preview', { warehouse: 'SH', maxOrders: 10, maxLines: 4 }));
    expect(small).toMatchObject({ orders: 2, lines: 3, units: 4 });
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10, maxLines: 4 }));
    expect(wave.orders).toHaveLength(small.orders);
    expect(wave.progress.required).toBe(small.units);

    // Nothing left that matches: a zero count, not an error (the screen shows 0 before creating).
    expect(
      await value(core.call('waves.preview', { warehouse: 'SH', carrier: 'SF', maxOrders: 10 })),
    ).toEqual({ orders: 0, lines: 0, units: 0, skus: 0, allocated: 0 });
    const none = await core.call('waves.preview', { warehouse: 'NOPE', maxOrders: 10 });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  test('the pick list carries every barcode of each SKU, so a scan can be answered before the core replies', async () => {
    await value(
      core.call('skus.save', {
        sku: 'MUG',
        title: '马克杯',
        weightGrams: 400,
        barcodes: [BARCODE.MUG, '4006381333931'],
      }),
    );
    await allocated(core, [[['MUG', 1]], [['CAP', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    const bySku = Object.fromEntries(
      wave.pickList.map((p: { sku: string; barcodes: string[] }) => [p.sku, p.barcodes]),
    );
    expect(bySku).toEqual({ CAP: [BARCODE.CAP], MUG: ['4006381333931', BARCODE.MUG] });
    const scan = await value(core.call('picking.scan', { waveId: wave.id, barcode: '4006381333931' }));
    expect(scan).toMatchObject({ kind: 'item', sku: 'MUG', picked: 1 });
  });
});
