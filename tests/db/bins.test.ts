import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { aCore, value } from '../fixtures/core';
import { expandBinRange } from '../../src-shared/domain/bin-range';

type TestCore = ReturnType<typeof aCore>;

const bins = async (core: TestCore) =>
  (
    await value<{
      rows: { code: string; sequence: number; active: boolean; skus: { sku: string; available: number }[] }[];
    }>(core.call('bins.list', { warehouse: 'SH' }))
  ).rows;

describe('bins: create, rename, reorder, retire, default bin of a SKU', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await value(core.call('warehouses.save', { code: 'SH', name: '上海仓', province: '上海' }));
    await value(core.call('skus.save', { sku: 'TEA', title: '龙井茶' }));
    await value(core.call('skus.save', { sku: 'CUP', title: '茶杯' }));
  });
  afterEach(() => core.dispose());

  test('a range is created in walking order and stock shows per bin through its SKUs', async () => {
    const range = expandBinRange('A-01-01', 'A-01-20');
    expect(range.ok && range.codes.length).toBe(20);
    if (!range.ok) return;
    const out = await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: range.codes.map((code, i) => ({ code, sequence: (i + 1) * 10 })),
      }),
    );
    expect(out).toEqual({ saved: 20, created: 20 });
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [{ sku: 'TEA', quantity: 7, bin: 'A-01-03' }],
      }),
    );
    await value(core.call('bins.assign', { warehouse: 'SH', sku: 'CUP', bin: 'A-01-03' }));
    const rows = await bins(core);
    expect(rows.map((b) => b.code).slice(0, 3)).toEqual(['A-01-01', 'A-01-02', 'A-01-03']);
    expect(rows[2]!.skus).toEqual([
      { sku: 'CUP', title: '茶杯', onHand: 0, reserved: 0, available: 0 },
      { sku: 'TEA', title: '龙井茶', onHand: 7, reserved: 0, available: 7 },
    ]);
  });

  test('rename keeps SKUs and place; reorder changes the walk the stock levels follow', async () => {
    await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: [
          { code: 'A-01', sequence: 10 },
          { code: 'B-01', sequence: 20 },
        ],
      }),
    );
    await value(
      core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [
          { sku: 'TEA', quantity: 1, bin: 'A-01' },
          { sku: 'CUP', quantity: 1, bin: 'B-01' },
        ],
      }),
    );
    await value(
      core.call('bins.save', { warehouse: 'SH', bins: [{ code: 'A-01', sequence: 10, newCode: 'A-09' }] }),
    );
    await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: [
          { code: 'B-01', sequence: 10 },
          { code: 'A-09', sequence: 20 },
        ],
      }),
    );
    expect((await bins(core)).map((b) => [b.code, b.skus.map((s) => s.sku)])).toEqual([
      ['B-01', ['CUP']],
      ['A-09', ['TEA']],
    ]);
    const levels = await value(core.call('inventory.levels', { warehouse: 'SH' }));
    expect(levels.rows.map((r: { sku: string; bin: string }) => `${r.bin}:${r.sku}`)).toEqual([
      'B-01:CUP',
      'A-09:TEA',
    ]);
  });

  test('renaming onto a used code, or a code twice in one save, changes nothing', async () => {
    await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: [
          { code: 'A-01', sequence: 10 },
          { code: 'B-01', sequence: 20 },
        ],
      }),
    );
    const clash = await core.call('bins.save', {
      warehouse: 'SH',
      bins: [
        { code: 'C-01', sequence: 5 },
        { code: 'A-01', sequence: 10, newCode: 'B-01' },
      ],
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const twice = await core.call('bins.save', {
      warehouse: 'SH',
      bins: [
        { code: 'C-01', sequence: 5 },
        { code: 'C-01', sequence: 6 },
      ],
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await bins(core)).map((b) => b.code)).toEqual(['A-01', 'B-01']);
  });

  test('a bin that holds SKUs cannot be retired; a retired bin takes no SKUs or receipts', async () => {
    await value(
      core.call('bins.save', {
        warehouse: 'SH',
        bins: [
          { code: 'A-01', sequence: 10 },
          { code: 'Z-99', sequence: 5 },
        ],
      }),
    );
    await value(core.call('bins.assign', { warehouse: 'SH', sku: 'TEA', bin: 'A-01' }));
    const refused = await core.call('bins.save', {
      warehouse: 'SH',
      bins: [{ code: 'A-01', sequence: 10, active: false }],
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(refused.ok || refused.error.message).toContain('TEA');

    await value(core.call('bins.assign', { warehouse: 'SH', sku: 'TEA', bin: null }));
    await value(
      core.call('bins.save', { warehouse: 'SH', bins: [{ code: 'A-01', sequence: 10, active: false }] }),
    );
    const rows = await bins(core);
    expect(rows.map((b) => [b.code, b.active])).toEqual([
      ['Z-99', true],
      ['A-01', false],
    ]);
    expect(await core.call('bins.assign', { warehouse: 'SH', sku: 'CUP', bin: 'A-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    expect(
      await core.call('inventory.receive', {
        warehouse: 'SH',
        lines: [{ sku: 'CUP', quantity: 1, bin: 'A-01' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await core.call('bins.assign', { warehouse: 'SH', sku: 'CUP', bin: 'NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});

describe('expandBinRange', () => {
  test('keeps zero padding and refuses ranges that are not one run', () => {
    expect(expandBinRange('A-01-08', 'A-01-11')).toEqual({
      ok: true,
      codes: ['A-01-08', 'A-01-09', 'A-01-10', 'A-01-11'],
    });
    expect(expandBinRange('A-01-01', 'B-01-02').ok).toBe(false);
    expect(expandBinRange('A-01-05', 'A-01-01').ok).toBe(false);
    expect(expandBinRange('A', 'B').ok).toBe(false);
    expect(expandBinRange('A-0001', 'A-2000').ok).toBe(false);
  });
});
