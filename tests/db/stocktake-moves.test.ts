import { aCore, value } from '../fixtures/core';

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
    const { ledgerMark } = await value(core.call('inventory.countMark', {}));
    await moveDuringCount();
    expect(await onHand(core, 'TEA')).toBe(57);
    const counts = [{ sku: 'TEA', counted: 48, asOf: ledgerMark }];
    const before = await ledgerCount(core, 'TEA');
    const checked = await value(core.call('inventory.stocktakeCheck', { warehouse: 'SH', counts }));
    expect(checked.rows).toEqual([
      { sku: 'TEA', onHandBefore: 50, counted: 48, movedSince: 7, onHandAfter: 55, delta: -2, reserved: 0 },
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
    const first = (await value(core.call('inventory.countMark', {}))).ledgerMark;
    await moveDuringCount();
    await value(core.call('inventory.transfer', { from: 'SH', to: 'GZ', sku: 'CUP', quantity: 4 }));
    const second = (await value(core.call('inventory.countMark', {}))).ledgerMark;
    expect(second).toBeGreaterThan(first);
    const posted = await value(
      core.call('inventory.stocktake', {
        warehouse: 'SH',
        counts: [
          { sku: 'TEA', counted: 50, asOf: first },
          { sku: 'CUP', counted: 15, asOf: second },
        ],
      }),
    );
    expect(posted.unchanged).toBe(1);
    expect(posted.differences).toEqual([
      { sku: 'CUP', onHandBefore: 16, counted: 15, movedSince: 0, onHandAfter: 15, delta: -1, reserved: 0 },
    ]);
    expect(await onHand(core, 'TEA')).toBe(57);
    expect(await onHand(core, 'CUP')).toBe(15);
  });

  test('a mark past the ledger (from another database) is refused by its row, and nothing is written', async () => {
    const { ledgerMark } = await value(core.call('inventory.countMark', {}));
    const r = await core.call('inventory.stocktake', {
      warehouse: 'SH',
      counts: [
        { sku: 'CUP', counted: 1 },
        { sku: 'TEA', counted: 1, asOf: ledgerMark + 100 },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('invalid_input');
    expect(!r.ok && r.error.message).toMatch(/^counts\.1\.asOf: .*another database/);
    expect(await onHand(core, 'CUP')).toBe(20);
  });
});
