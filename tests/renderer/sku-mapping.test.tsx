// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
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
