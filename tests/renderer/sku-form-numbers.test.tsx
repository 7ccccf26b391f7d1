// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

describe('SKU form: numbers a clerk mistypes', () => {
  it('names the fields that are not whole numbers instead of sending them (zh-CN), then saves once fixed', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'skus.list': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'skus.save': (input) => ({
          ok: true,
          value: {
            id: 1,
            spec: '',
            barcodes: [],
            category: null,
            weightGrams: 0,
            lengthMm: 0,
            widthMm: 0,
            heightMm: 0,
            attributes: [],
            safetyStock: 0,
            presaleShipDate: null,
            priceMinor: 0,
            currency: 'CNY',
            components: [],
            ...input,
          } as never,
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory/skus', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '+ 新建 SKU' }));
    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: 'TEA' } });
    fireEvent.change(screen.getByLabelText('名称'), { target: { value: '龙井茶' } });
    fireEvent.change(screen.getByLabelText('重量（克）'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('长×宽×高（毫米）'), { target: { value: '300×二百×30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '未保存：重量（克）、长×宽×高（毫米） 必须是 0 或以上的整数。',
    );
    expect(bridge.callsOf('skus.save')).toEqual([]);
    fireEvent.change(screen.getByLabelText('重量（克）'), { target: { value: '250' } });
    fireEvent.change(screen.getByLabelText('长×宽×高（毫米）'), { target: { value: '300x200x30' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(bridge.callsOf('skus.save')).toMatchObject([
        { sku: 'TEA', weightGrams: 250, lengthMm: 300, heightMm: 30 },
      ]),
    );
  });
});
