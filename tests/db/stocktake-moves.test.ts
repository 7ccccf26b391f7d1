import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE, statusOf } from '../fixtures/fulfillment';

/**
 * A count is of the shelf when it was counted: stock that moves while the clerk walks the aisles
 * (a transfer out, a delivery received) is kept on top of the count, on a real database.
 */
type TestCore = ReturnType<typeof aCore>;

const onHand = async (core: TestCore, sku: string) =>
  (
    (await value(core.call('inventory.levels', { warehouse: 'SH' }))).rows as {
      sku: string;
      onHand: number;
    }[]
  ).find((r) => r.sku === sku)?.onHand;

const ledgerCount = async (core: TestCore, sku: string) =>
  (await value(core.call('inventory.ledger', { sku, warehouse: 'SH' }))).total as number;

describe('stocktake with stock moving during the count', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await value(core.call('warehouses.save', { code: 'SH', name: '上海仓', province: '上海' }));
    await value(core.call('warehouses.save', { code: 'GZ', name: '广州仓', province: '广东省' }));
    for (const sku of ['TEA', 'CUP']) await value(core.call('skus.save', { sku, title: sku }));
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [
          { sku: 'TEA', quantity: 50 },
          { sku: 'CUP', quantity: 20 },
        ],
      }),
    );
  });
  afterEach(() => core.dispose());

  /** While TEA is being counted: 3 go out to Guangzhou and a delivery of 10 comes in. */
  const moveDuringCount = async () => {
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'TEA', quantity: 3 }));
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEA', quantity: 10 }] }));
  };

  test('what moved after the mark is kept: 48 counted of 50, then −3 and +10, leaves 55', async () => {
    const { ledgerMark } = await value(core.call('inventory.countMark', { warehouse: 'SH' }));
    await moveDuringCount();
    expect(await onHand(core, 'TEA')).toBe(57);
    const counts = [{ sku: 'TEA', counted: 48, asOf: { ledgerMark, offShelf: 0 } }];
    const before = await ledgerCount(core, 'TEA');
    const checked = await value(core.call('inventory.stocktakeCheck', { warehouse: 'SH', counts }));
    expect(checked.rows).toEqual([
      {
        sku: 'TEA',
        onHandBefore: 50,
        offShelf: 0,
        counted: 48,
        movedSince: 7,
        onHandAfter: 55,
        delta: -2,
        reserved: 0,
      },
    ]);
    // The check writes nothing.
    expect(await ledgerCount(core, 'TEA')).toBe(before);
    expect(await onHand(core, 'TEA')).toBe(57);
    const posted = await value(core.call('inventory.stocktake', { warehouse: 'SH', counts }));
    expect(posted.differences).toEqual(checked.rows);
    expect(await onHand(core, 'TEA')).toBe(55);
    const ledger = (await value(core.call('inventory.ledger', { sku: 'TEA', warehouse: 'SH' }))).rows as {
      kind: string;
      onHandDelta: number;
    }[];
    expect(ledger[0]).toMatchObject({ kind: 'adjustment', onHandDelta: -2 });
  });

  test('without a mark the count is of the shelf as it is now', async () => {
    await moveDuringCount();
    const posted = await value(
      core.call('inventory.stocktake', { warehouse: 'SH', counts: [{ sku: 'TEA', counted: 48 }] }),
    );
    expect(posted.differences[0]).toMatchObject({
      onHandBefore: 57,
      movedSince: 0,
      onHandAfter: 48,
      delta: -9,
    });
    expect(await onHand(core, 'TEA')).toBe(48);
  });

  test('each SKU keeps what moved after its own mark; one counted after the moves keeps none', async () => {
    const first = await value(core.call('inventory.countMark', { warehouse: 'SH' }));
    await moveDuringCount();
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'CUP', quantity: 4 }));
    const second = await value(core.call('inventory.countMark', { warehouse: 'SH' }));
    expect(second.ledgerMark).toBeGreaterThan(first.ledgerMark);
    const posted = await value(
      core.call('inventory.stocktake', {
        warehouse: 'SH',
        counts: [
          { sku: 'TEA', counted: 50, asOf: { ledgerMark: first.ledgerMark, offShelf: 0 } },
          { sku: 'CUP', counted: 15, asOf: { ledgerMark: second.ledgerMark, offShelf: 0 } },
        ],
      }),
    );
    expect(posted.unchanged).toBe(1);
    expect(posted.differences).toEqual([
      {
        sku: 'CUP',
        onHandBefore: 16,
        offShelf: 0,
        counted: 15,
        movedSince: 0,
        onHandAfter: 15,
        delta: -1,
        reserved: 0,
      },
    ]);
    expect(await onHand(core, 'TEA')).toBe(57);
    expect(await onHand(core, 'CUP')).toBe(15);
  });

  test('a mark past the ledger (from another database) is refused by its row, and nothing is written', async () => {
    const { ledgerMark } = await value(core.call('inventory.countMark', { warehouse: 'SH' }));
    const r = await core.call('inventory.stocktake', {
      warehouse: 'SH',
      counts: [
        { sku: 'CUP', counted: 1 },
        { sku: 'TEA', counted: 1, asOf: { ledgerMark: ledgerMark + 100, offShelf: 0 } },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid_input');
    expect(!r.ok && r.error.message).toMatch(/^counts\.1\.asOf: .*another database/);
    expect(await onHand(core, 'CUP')).toBe(20);
  });
});

/**
 * The floor of the fulfillment tests (20 MUG in SH, bin A-01): orders picked into totes and packed
 * are on hand but off the shelf while the clerk counts, and one ships before the count is posted.
 */
describe('stocktake while orders are picked, packed and shipped', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  /** Orders of 2, 3 and 4 mugs in one wave: 2 + 3 picked into totes, the first one packed. */
  async function floorAtWork() {
    const [a, b, c] = await allocated(core, [[['MUG', 2]], [['MUG', 3]], [['MUG', 4]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 10 }));
    await value(core.call('picking.scan', { waveId: wave.id, barcode: BARCODE.MUG, quantity: 5 }));
    const { sessionId } = await value(core.call('packing.open', { code: String(a) }));
    for (let i = 0; i < 2; i++) await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    await value(core.call('packing.complete', { sessionId }));
    expect([await statusOf(core, a!), await statusOf(core, b!), await statusOf(core, c!)]).toEqual([
      'packed',
      'picking',
      'picking',
    ]);
    return a!;
  }

  test('the mark says what is off the shelf; a parcel shipped during the count is not taken off twice', async () => {
    const packed = await floorAtWork();
    const mark = await value(core.call('inventory.countMark', { warehouse: 'SH' }));
    expect(mark.offShelf).toEqual([{ sku: 'MUG', units: 5 }]);
    // The shelf holds 15 (20 on hand, 5 in totes); the clerk finds 14. Meanwhile the packed
    // parcel ships: on hand 18.
    await value(
      core.call('shipping.confirm', { orderIds: [packed], carrier: 'ZTO', trackingNumber: '73100000000001' }),
    );
    expect(await onHand(core, 'MUG')).toBe(18);
    const posted = await value(
      core.call('inventory.stocktake', {
        warehouse: 'SH',
        counts: [{ sku: 'MUG', counted: 14, asOf: { ledgerMark: mark.ledgerMark, offShelf: 5 } }],
      }),
    );
    expect(posted.differences).toEqual([
      {
        sku: 'MUG',
        onHandBefore: 20,
        offShelf: 5,
        counted: 14,
        movedSince: -2,
        onHandAfter: 17,
        delta: -1,
        reserved: 7,
      },
    ]);
    expect(await onHand(core, 'MUG')).toBe(17);
  });

  test('a count without a mark adds what is in totes or packed now: a full shelf changes nothing', async () => {
    await floorAtWork();
    const checked = await value(
      core.call('inventory.stocktakeCheck', { warehouse: 'SH', counts: [{ sku: 'MUG', counted: 15 }] }),
    );
    expect(checked.rows[0]).toMatchObject({ onHandBefore: 20, offShelf: 5, onHandAfter: 20, delta: 0 });
  });
});
