// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BinRow } from '../../src-shared/contract/inventory.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

/** A bridge whose bins behave like the core's: saves change what the next list returns. */
function binsBridge(initial: BinRow[]) {
  let rows = initial;
  const bridge = fakeBridge({
    handlers: {
      'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'bins.list': () => ({ ok: true, value: { rows } }),
      'bins.save': ({ bins }) => {
        for (const b of bins) {
          const found = rows.find((r) => r.code === b.code);
          if (found)
            Object.assign(found, {
              sequence: b.sequence,
              code: b.newCode ?? b.code,
              active: b.active ?? found.active,
            });
          else rows.push({ code: b.code, sequence: b.sequence, active: true, skuCount: 0, skus: [] });
        }
        rows = [...rows].sort((a, b) => Number(b.active) - Number(a.active) || a.sequence - b.sequence);
        return { ok: true, value: { saved: bins.length, created: 0 } };
      },
      'bins.assign': ({ sku, bin }) =>
        sku === 'NOPE'
          ? {
              ok: false,
              error: {
                code: 'invalid_input',
                message: 'sku: there is no SKU "NOPE"',
                issues: [{ path: 'sku', message: 'unknown SKU "NOPE"' }],
              },
            }
          : { ok: true, value: { sku, bin } },
    },
  });
  return bridge;
}

const bin = (code: string, sequence: number, skus: BinRow['skus'] = []): BinRow => ({
  code,
  sequence,
  active: true,
  skuCount: skus.length,
  skus,
});

describe('bins editor', () => {
  it('creates a run of bins after the last one, previewing the range', async () => {
    const bridge = binsBridge([bin('A-01-01', 10)]);
    renderApp({ bridge, hash: '#/inventory', language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Bins' }));
    expect(await screen.findByRole('row', { name: 'A-01-01' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Bin code (or start of a run)'), { target: { value: 'A-01-01' } });
    fireEvent.change(screen.getByLabelText('…to (optional)'), { target: { value: 'A-01-20' } });
    expect(screen.getByText('A-01-01 … A-01-20: 20 bins')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add 20 bins' }));
    await waitFor(() => expect(bridge.callsOf('bins.save')).toHaveLength(1));
    const sent = bridge.callsOf('bins.save')[0];
    // A-01-01 exists already: only the other 19 are sent, after it in the walk.
    expect(sent.bins).toHaveLength(19);
    expect(sent.bins[0]).toEqual({ code: 'A-01-02', sequence: 20 });
    expect(await screen.findByRole('row', { name: 'A-01-20' })).toBeTruthy();
  });

  it('refuses a range that is not one run without calling the core', async () => {
    const bridge = binsBridge([]);
    renderApp({ bridge, hash: '#/inventory', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '库位' }));
    fireEvent.change(await screen.findByLabelText('库位编码（或区间起点）'), { target: { value: 'A-01' } });
    fireEvent.change(screen.getByLabelText('至（可选）'), { target: { value: 'B-09' } });
    expect(screen.getByText(/不是有效区间/)).toBeTruthy();
    expect((screen.getByRole('button', { name: '添加库位' }) as HTMLButtonElement).disabled).toBe(true);
    expect(bridge.callsOf('bins.save')).toHaveLength(0);
  });

  it('moves a bin with Alt+↓, renames with Enter, retires, and shows the stock of its SKUs', async () => {
    const bridge = binsBridge([
      bin('A-01', 10, [{ sku: 'TEA', title: '龙井茶', onHand: 7, reserved: 2, available: 5 }]),
      bin('B-01', 20),
    ]);
    renderApp({ bridge, hash: '#/inventory', language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Bins' }));
    const rowA = await screen.findByRole('row', { name: 'A-01' });
    expect(within(rowA).getByText('7')).toBeTruthy();
    fireEvent.click(within(rowA).getByRole('button', { name: '1' }));
    expect(await screen.findByText('on hand 7 · reserved 2 · available 5')).toBeTruthy();

    fireEvent.keyDown(rowA, { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(bridge.callsOf('bins.save')).toHaveLength(1));
    expect(bridge.callsOf('bins.save')[0].bins).toEqual([
      { code: 'B-01', sequence: 10 },
      { code: 'A-01', sequence: 20 },
    ]);

    const rowB = await screen.findByRole('row', { name: 'B-01' });
    fireEvent.click(within(rowB).getByRole('button', { name: 'Rename' }));
    const input = screen.getByLabelText('New code for B-01');
    fireEvent.change(input, { target: { value: 'B-02' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(bridge.callsOf('bins.save')).toHaveLength(2));
    expect(bridge.callsOf('bins.save')[1].bins).toEqual([{ code: 'B-01', sequence: 10, newCode: 'B-02' }]);
    expect(await screen.findByText('B-01 renamed to B-02.')).toBeTruthy();

    const renamed = await screen.findByRole('row', { name: 'B-02' });
    fireEvent.click(within(renamed).getByRole('button', { name: 'Retire' }));
    await waitFor(() => expect(bridge.callsOf('bins.save')).toHaveLength(3));
    expect(bridge.callsOf('bins.save')[2].bins).toEqual([{ code: 'B-02', sequence: 10, active: false }]);
    expect(await screen.findByText('B-02 retired.')).toBeTruthy();
  });

  it('assigns a SKU its default bin and shows the core refusal', async () => {
    const bridge = binsBridge([bin('A-01', 10)]);
    renderApp({ bridge, hash: '#/inventory', language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Bins' }));
    await screen.findByRole('row', { name: 'A-01' });
    const form = screen.getByRole('form', { name: 'Default bin of a SKU' });
    fireEvent.change(within(form).getByLabelText('SKU'), { target: { value: 'TEA' } });
    fireEvent.change(within(form).getByLabelText('Default bin'), { target: { value: 'A-01' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Set default bin' }));
    await waitFor(() =>
      expect(bridge.callsOf('bins.assign')).toEqual([{ warehouse: 'HZ-01', sku: 'TEA', bin: 'A-01' }]),
    );
    expect(await screen.findByText('TEA is now kept in A-01.')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('SKU'), { target: { value: 'NOPE' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Set default bin' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getAllByText(/no SKU or barcode "NOPE"/).length).toBeGreaterThan(0);
  });
});
