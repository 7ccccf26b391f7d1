// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  blankCountSheet,
  countScanned,
  parseCountSheet,
} from '../../src-renderer/features/inventory/count-sheet';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const hit = (sku: string, barcode: string) => ({
  sku,
  title: `Title ${sku}`,
  spec: '',
  barcode,
  priceMinor: 0,
  currency: 'CNY',
  match: 'exact' as const,
});

describe('count sheet text', () => {
  it('reads the downloaded sheet back by its header: blank counts are left alone, quoted titles keep their commas', () => {
    const sheet = blankCountSheet([
      { bin: 'A-01', sku: 'BAG', title: '帆布包, 黑色' },
      { bin: null, sku: 'TEA', title: '龙井茶' },
    ]);
    expect(sheet).toBe('bin,sku,title,counted\r\nA-01,BAG,"帆布包, 黑色",\r\n,TEA,龙井茶,\r\n');
    const filled = sheet.replace('"帆布包, 黑色",', '"帆布包, 黑色",7');
    expect(parseCountSheet(filled)).toEqual({ counts: [{ sku: 'BAG', counted: 7 }], errors: [], blank: 1 });
  });

  it('takes what a Chinese keyboard types: full-width commas and digits, a 盘点 header, spaces', () => {
    expect(parseCountSheet('商品编码，实盘数量\nTEA，１２\nCUP 3\nMUG；0')).toEqual({
      counts: [
        { sku: 'TEA', counted: 12 },
        { sku: 'CUP', counted: 3 },
        { sku: 'MUG', counted: 0 },
      ],
      errors: [],
      blank: 0,
    });
  });

  it('names a count that is not a whole number, negative or beyond counting', () => {
    expect(parseCountSheet('TEA,12.5\nCUP,-1\nMUG,99999999999999999999\nCAP,3').errors).toEqual([
      '1: "TEA,12.5"',
      '2: "CUP,-1"',
      '3: "MUG,99999999999999999999"',
    ]);
  });

  it('counts a scan by raising its line, in the sheet’s own columns', () => {
    const sheet = 'bin,sku,title,counted\nA-01,TEA,龙井茶,\n';
    const once = countScanned(sheet, 'TEA');
    expect(parseCountSheet(countScanned(once, 'TEA')).counts).toEqual([{ sku: 'TEA', counted: 2 }]);
    const other = countScanned(once, 'CUP');
    expect(other).toBe('bin,sku,title,counted\nA-01,TEA,龙井茶,1\n,CUP,,1\n');
    expect(countScanned('', 'CUP')).toBe('CUP,1\n');
  });
});

describe('stocktake screen', () => {
  /** The core's reckoning for a sheet, as `inventory.stocktakeCheck` gives it. */
  const checked =
    (onHandBefore: number, offShelf: number, movedSince: number, reserved: number) =>
    (input: { counts: { sku: string; counted: number }[] }) => ({
      ok: true as const,
      value: {
        rows: input.counts.map((c) => ({
          sku: c.sku,
          onHandBefore,
          offShelf,
          counted: c.counted,
          movedSince,
          onHandAfter: c.counted + offShelf + movedSince,
          delta: c.counted + offShelf - onHandBefore,
          reserved,
        })),
      },
    });
  const noLevels = () => ({ ok: true as const, value: { rows: [], total: 0 } });
  const mark =
    (ledgerMark: number, offShelf: { sku: string; units: number }[] = []) =>
    () => ({
      ok: true as const,
      value: { ledgerMark, offShelf },
    });

  it('says before posting that a count is below what orders hold, and does not let it be posted', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': noLevels,
        'inventory.countMark': mark(41),
        'inventory.stocktakeCheck': checked(10, 0, 0, 4),
      },
    });
    renderApp({ bridge, hash: '#/inventory/stocktake', language: 'zh-CN' });
    fireEvent.change(await screen.findByLabelText('盘点表'), { target: { value: 'MUG,3' } });
    fireEvent.click(screen.getByRole('button', { name: '核对差异' }));
    const preview = await screen.findByRole('region', { name: '待提交的差异' });
    expect(preview.textContent).toContain('已有 4 件被订单占用：请先释放或重新分仓这些订单，或重新清点');
    expect((screen.getByRole('button', { name: '确认提交这些差异' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.change(screen.getByLabelText('盘点表'), { target: { value: 'MUG,4' } });
    fireEvent.click(screen.getByRole('button', { name: '核对差异' }));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: '确认提交这些差异' }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    // A typed sheet is counted as of when it was started.
    expect(bridge.callsOf('inventory.stocktakeCheck').at(-1)).toEqual({
      warehouse: 'HZ-01',
      counts: [{ sku: 'MUG', counted: 4, asOf: { ledgerMark: 41, offShelf: 0 } }],
    });
  });

  it('scanning barcodes counts one per scan, each SKU as of its first scan, and posts the counts (zh-CN)', async () => {
    let ledgerMark = 70;
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': noLevels,
        'inventory.countMark': () => ({
          ok: true,
          value: { ledgerMark: ledgerMark++, offShelf: [{ sku: 'TEA', units: 1 }] },
        }),
        'inventory.stocktakeCheck': checked(5, 1, -1, 0),
        'skus.search': (input) => ({
          ok: true,
          value: { rows: input.query === '6901234567892' ? [hit('TEA', '6901234567892')] : [] },
        }),
        'inventory.stocktake': () => ({
          ok: true,
          value: {
            differences: [
              {
                sku: 'TEA',
                onHandBefore: 5,
                offShelf: 1,
                counted: 2,
                movedSince: -1,
                onHandAfter: 2,
                delta: -2,
                reserved: 0,
              },
            ],
            unchanged: 0,
            allocatedOrders: [],
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory/stocktake', language: 'zh-CN' });
    const scan = await screen.findByLabelText('扫码盘点（每扫一次计 1 件）');
    for (const code of ['6901234567892', '6901234567892']) {
      fireEvent.change(scan, { target: { value: code } });
      fireEvent.keyDown(scan, { key: 'Enter' });
      await waitFor(() => expect((scan as HTMLInputElement).value).toBe(''));
    }
    await screen.findByText('TEA：已盘 2 件');
    fireEvent.change(scan, { target: { value: 'NOPE-9' } });
    fireEvent.keyDown(scan, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('没有 SKU 或条码“NOPE-9”');
    // A half-finished count is seen before it writes anything off: on hand when counted 5, one of
    // them in a tote, 2 on the shelf, one shipped since: 2 left after posting, an adjustment of −2.
    fireEvent.click(screen.getByRole('button', { name: '核对差异' }));
    const preview = await screen.findByRole('region', { name: '待提交的差异' });
    expect(preview.textContent).toContain('TEA512-12-2');
    expect(bridge.callsOf('inventory.stocktake')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '确认提交这些差异' }));
    await screen.findByText('已提交 1 个差异，0 个无变化。');
    await waitFor(() =>
      expect(bridge.callsOf('inventory.stocktake')).toEqual([
        {
          warehouse: 'HZ-01',
          counts: [{ sku: 'TEA', counted: 2, asOf: { ledgerMark: 70, offShelf: 1 } }],
          reason: 'stocktake',
        },
      ]),
    );
  });

  it('downloads a blank count sheet of the warehouse, every page, in walking order', async () => {
    const rows = Array.from({ length: 501 }, (_, i) => ({
      warehouse: 'HZ-01',
      sku: `S${String(i).padStart(3, '0')}`,
      title: 'T',
      bin: 'A-01',
      binSequence: 1,
      onHand: 4,
      reserved: 0,
      available: 4,
      threshold: 0,
    }));
    const bridge = fakeBridge({
      handlers: {
        'inventory.countMark': mark(12),
        'inventory.levels': (input) => ({
          ok: true,
          value: {
            rows: rows.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 100)),
            total: rows.length,
          },
        }),
      },
    });
    const saved: Blob[] = [];
    const createObjectURL = vi.fn((b: Blob) => (saved.push(b), 'blob:sheet'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: () => undefined });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderApp({ bridge, hash: '#/inventory/stocktake' });
    fireEvent.click(await screen.findByRole('button', { name: 'Download blank count sheet (CSV)' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const text = await saved[0]!.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('bin,sku,title,counted');
    expect(lines).toHaveLength(502);
    expect(lines[501]).toBe('A-01,S500,T,');
    expect(bridge.callsOf('inventory.levels').filter((c) => c.warehouse === 'HZ-01')).toHaveLength(2);
    click.mockRestore();
  });
});
