// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const row = (title: string, spec: string, lines: number, suggestion: string | null) => ({
  sourceKey: `${title}|${spec}`,
  title,
  spec,
  channelSku: '',
  lines,
  orders: lines,
  suggestion,
});

describe('SKU mapping screen with a scanner and a keyboard', () => {
  it('maps on Enter (a scanner ends its code with one) and moves on to the next channel spec', async () => {
    let rows = [row('纯棉T恤', '大红 XL码', 3, null), row('纯棉T恤', '藏青 M', 2, null)];
    const bridge = fakeBridge({
      handlers: {
        'standardize.unmatched': () => ({ ok: true, value: { rows } }),
        'standardize.mappings': () => ({ ok: true, value: { rows: [] } }),
        'standardize.mapSku': (input) => {
          rows = rows.filter((r) => r.spec !== input.spec);
          return {
            ok: true,
            value: { sourceKey: `${input.title}|${input.spec}`, remapped: 3, corrected: 0, left: 0 },
          };
        },
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'SKU mapping' }));
    const first = await screen.findByLabelText('SKU for 纯棉T恤 大红 XL码');
    first.focus();
    fireEvent.change(first, { target: { value: '6901234500017' } });
    await act(async () => {
      fireEvent.keyDown(first, { key: 'Enter' });
      fireEvent.submit(first);
    });
    await waitFor(() => expect(screen.queryByLabelText('SKU for 纯棉T恤 大红 XL码')).toBeNull());
    expect(bridge.callsOf('standardize.mapSku')).toEqual([
      { title: '纯棉T恤', spec: '大红 XL码', sku: '6901234500017' },
    ]);
    // The next spec waiting is ready for the next scan.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('SKU for 纯棉T恤 藏青 M')));
  });
});

describe('remembered SKU mappings', () => {
  it('lists them, corrects one with Enter (saying what moved and what stays) and forgets one', async () => {
    let rows = [
      {
        sourceKey: '纯棉T恤|酒红',
        title: '纯棉T恤',
        spec: '酒红',
        sku: 'TEE-RED',
        updatedAt: '2026-03-20T02:00:00.000Z',
      },
      {
        sourceKey: '卫衣|XL',
        title: '卫衣',
        spec: 'XL码',
        sku: 'HD-XL',
        updatedAt: '2026-03-19T02:00:00.000Z',
      },
    ];
    const bridge = fakeBridge({
      handlers: {
        'standardize.unmatched': () => ({ ok: true, value: { rows: [] } }),
        'standardize.mappings': () => ({ ok: true, value: { rows } }),
        'standardize.mapSku': (input) => {
          rows = rows.map((r) => (r.title === input.title ? { ...r, sku: input.sku } : r));
          return { ok: true, value: { sourceKey: '纯棉T恤|酒红', remapped: 0, corrected: 4, left: 1 } };
        },
        'standardize.forgetMapping': (input) => {
          rows = rows.filter((r) => r.sourceKey !== input.sourceKey);
          return { ok: true, value: { forgotten: true } };
        },
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: 'SKU 映射' }));
    const table = await screen.findByRole('table', { name: '已记住的映射' });
    const box = within(table).getByLabelText('纯棉T恤 酒红 的 SKU');
    expect((box as HTMLInputElement).value).toBe('TEE-RED');
    fireEvent.change(box, { target: { value: 'TEE-WINE' } });
    await act(async () => {
      fireEvent.submit(box);
    });
    expect(bridge.callsOf('standardize.mapSku')).toEqual([
      { title: '纯棉T恤', spec: '酒红', sku: 'TEE-WINE' },
    ]);
    const section = table.closest('section')!;
    expect((await within(section).findByRole('status')).textContent).toBe(
      '纯棉T恤 酒红 → TEE-WINE：未分配库存的订单中 4 行已改；已分配库存的订单中 1 行保留 TEE-RED',
    );
    fireEvent.click(within(table).getByRole('button', { name: '忘记 卫衣 XL码' }));
    await waitFor(() => expect(within(table).queryByText('卫衣')).toBeNull());
    expect(bridge.callsOf('standardize.forgetMapping')).toEqual([{ sourceKey: '卫衣|XL' }]);
    expect(within(section).getByRole('status').textContent).toBe(
      '已忘记 卫衣 XL码：之后导入的这一规格会在此等待映射；已有订单的 SKU 不变',
    );
  });
});

describe('spec dictionary with the keyboard', () => {
  it('after Enter saves a synonym, the keyboard is back in the first field for the next one', async () => {
    const bridge = fakeBridge({
      handlers: {
        'standardize.synonyms': () => ({ ok: true, value: { rows: [] } }),
        'standardize.saveSynonym': (input) => ({ ok: true, value: input }),
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '规格词典' }));
    const term = await screen.findByLabelText('渠道写法');
    fireEvent.change(term, { target: { value: '酒红' } });
    const canonical = screen.getByLabelText('统一为');
    canonical.focus();
    fireEvent.change(canonical, { target: { value: '红/Red' } });
    await act(async () => {
      fireEvent.submit(canonical);
    });
    await waitFor(() => expect(bridge.callsOf('standardize.saveSynonym')).toHaveLength(1));
    await waitFor(() => expect(document.activeElement).toBe(term));
    expect((term as HTMLInputElement).value).toBe('');
  });
});
