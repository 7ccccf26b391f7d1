import { aCore } from '../fixtures/core';
import { aFloor, allocated, BARCODE } from '../fixtures/fulfillment';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { errorText, issueText } from '../../src-renderer/i18n/error-text';
import {
  ledgerReasonText,
  ledgerReferenceText,
} from '../../src-renderer/features/inventory/ledger-reason-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

type TestCore = ReturnType<typeof aCore>;

async function refusal(core: TestCore, op: string, input: unknown) {
  const r = await core.call(op as never, input as never);
  if (r.ok) throw new Error(`${op} was not refused`);
  return r.error;
}

const zhIssues = (e: { issues?: { message: string }[] }) =>
  (e.issues ?? []).map((i) => issueText(zh, i.message));

/** Stock's refusals taken from a real core, as the receiving desk, transfer form and stocktake show them. */
describe('stock refusals in the UI language', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore();
    await aFloor(core);
  });
  afterEach(() => core.dispose());

  it('taking more than is available, counting below what orders hold, a switched-off warehouse', async () => {
    await allocated(core, [[['MUG', 3]]]);
    const take = await refusal(core, 'inventory.adjust', {
      warehouse: 'SH',
      sku: 'MUG',
      delta: -18,
      reason: 'x',
    });
    expect(errorText(zh, take).detail).toBe(
      '无法从 SH 取出 18 × MUG：可用仅 17 件（在库 20，已被订单占用 3）',
    );
    expect(zhIssues(take)).toEqual(['可用仅 17 件']);
    expect(errorText(en, take).detail).toBe(
      'Cannot take 18 × MUG out of SH: only 17 available (on hand 20, reserved for orders 3)',
    );
    const move = await refusal(core, 'inventory.transfer', {
      from: 'SH',
      to: 'GZ',
      sku: 'MUG',
      quantity: 18,
    });
    expect(errorText(zh, move).detail).toMatch(/^无法从 SH 取出 18 × MUG/);

    const count = await refusal(core, 'inventory.stocktake', {
      warehouse: 'SH',
      counts: [{ sku: BARCODE.MUG, counted: 2 }],
    });
    expect(errorText(zh, count).detail).toBe(
      'SH 盘得 2 × MUG，但已有 3 件被订单占用；请先释放或重新分仓这些订单，或重新清点',
    );
    expect(zhIssues(count)).toEqual(['少于已被订单占用的 3 件']);
    // Counted against a mark, with a delivery since: the number set against the orders is the
    // count with the delivery added, and the sentence still reads in Chinese.
    const mark = await core.call('inventory.countMark', { warehouse: 'SH' });
    if (!mark.ok) throw new Error('no count mark');
    const { ledgerMark } = mark.value as { ledgerMark: number };
    await core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'MUG', quantity: 1 }] });
    const marked = await refusal(core, 'inventory.stocktake', {
      warehouse: 'SH',
      counts: [{ sku: 'MUG', counted: 1, asOf: { ledgerMark, offShelf: 0 } }],
    });
    expect(marked.message).toMatch(
      /2 × MUG counted in SH \(1 on the shelves, \+1 moved since it was counted\)/,
    );
    expect(errorText(zh, marked).detail).toBe(
      'SH 盘得 2 × MUG，但已有 3 件被订单占用；请先释放或重新分仓这些订单，或重新清点',
    );

    const gz = (await core.call('warehouses.list', {})) as { ok: true; value: { rows: { code: string }[] } };
    const w = gz.value.rows.find((r) => r.code === 'GZ')!;
    await core.call('warehouses.save', { ...w, active: false } as never);
    const off = await refusal(core, 'inventory.receive', {
      warehouse: 'GZ',
      lines: [{ sku: 'MUG', quantity: 1 }],
    });
    expect(errorText(zh, off).detail).toBe(
      '仓库 GZ 已停用，不能入库或调入；请在 设置 › 仓库 中启用，或选择其他仓库',
    );
  });

  it('a typo in a SKU or bin, a barcode another SKU owns, a number too big', async () => {
    const sku = await refusal(core, 'inventory.receive', {
      warehouse: 'SH',
      lines: [{ sku: 'MUGG', quantity: 1 }],
    });
    expect(errorText(zh, sku).detail).toBe('没有 SKU 或条码“MUGG”');
    expect(zhIssues(sku)).toEqual(['没有 SKU 或条码“MUGG”']);
    const bin = await refusal(core, 'inventory.receive', {
      warehouse: 'SH',
      lines: [{ sku: 'MUG', quantity: 1, bin: 'A-O1' }],
    });
    expect(errorText(zh, bin).detail).toBe('仓库 SH 没有库位“A-O1”；请核对编码，或在“库位”页添加');
    const barcode = await refusal(core, 'skus.save', { sku: 'CUP', title: '杯', barcodes: [BARCODE.MUG] });
    expect(errorText(zh, barcode).detail).toBe('SKU CUP 未保存：');
    expect(zhIssues(barcode)).toEqual([`条码“${BARCODE.MUG}”已属于 SKU MUG`]);
    const asBarcode = await refusal(core, 'skus.save', { sku: 'CUP', title: '杯', barcodes: ['SOCK'] });
    expect(zhIssues(asBarcode)).toEqual(['“SOCK”是 SKU SOCK 的编码；扫描它会找到那个 SKU']);
    const huge = await refusal(core, 'inventory.adjust', {
      warehouse: 'SH',
      sku: 'MUG',
      delta: 5e9,
      reason: 'x',
    });
    expect(zhIssues(huge)).toEqual(['数字太大']);
    const many = await refusal(core, 'inventory.receive', {
      warehouse: 'SH',
      lines: [
        { sku: 'MUG', quantity: 6_901_234_500_011 },
        { sku: 'CAP', quantity: 1.5 },
      ],
    });
    expect(zhIssues(many)).toEqual(['不能超过 1000000', '必须是整数']);
    const noReason = await refusal(core, 'inventory.adjust', {
      warehouse: 'SH',
      sku: 'MUG',
      delta: -1,
      reason: '  ',
    });
    expect(zhIssues(noReason)).toEqual(['请填写原因（库存流水会记录）']);
    const same = await refusal(core, 'inventory.transfer', { from: 'SH', to: 'SH', sku: 'MUG', quantity: 1 });
    expect(errorText(zh, same).detail).toBe('调入仓库必须与调出仓库不同');
  });

  it('the ledger says the default reasons and the core’s references in the UI language', () => {
    expect(['receipt', 'transfer', 'stocktake'].map((r) => ledgerReasonText(zh, r))).toEqual([
      '入库',
      '调拨',
      '盘点',
    ]);
    expect(ledgerReasonText(zh, 'PO-7')).toBe('PO-7');
    expect(ledgerReferenceText(zh, 'transfer:SH>GZ:1764000000000')).toBe('调拨 SH → GZ');
    expect(ledgerReferenceText(zh, 'stocktake:SH:1764000000000')).toBe('盘点 SH');
    expect(ledgerReferenceText(zh, 'order:42')).toBe('订单 42');
    expect(ledgerReferenceText(zh, 'PO-2026-11')).toBe('PO-2026-11');
  });
});
