// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';
import { aWarehouseRow } from './warehouse-samples';

afterEach(cleanup);

const bin = (code: string, active = true) => ({ code, sequence: 10, active, skuCount: 0, skus: [] });

describe('receiving form', () => {
  it('says which warehouse is switched off and offers the warehouse’s active bins while typing (zh-CN)', async () => {
    const bridge = fakeBridge({
      handlers: {
        'warehouses.list': () => ({
          ok: true,
          value: { rows: [aWarehouseRow(1, 'SH', '上海仓', true), aWarehouseRow(2, 'GZ', '广州仓', false)] },
        }),
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'bins.list': (input) => ({
          ok: true,
          value: {
            rows: input.warehouse === 'SH' ? [bin('A-01'), bin('A-02'), bin('Z-99', false)] : [bin('G-01')],
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory/move', language: 'zh-CN' });
    const select = (await screen.findByLabelText('仓库')) as HTMLSelectElement;
    await waitFor(() =>
      expect([...select.options].map((o) => o.textContent)).toEqual(['上海仓 (SH)', '广州仓 (GZ) · 已停用']),
    );
    const binList = () =>
      [...document.querySelectorAll('#receive-bins option')].map((o) => (o as HTMLOptionElement).value);
    await waitFor(() => expect(binList()).toEqual(['A-01', 'A-02']));
    fireEvent.change(select, { target: { value: 'GZ' } });
    await waitFor(() => expect(binList()).toEqual(['G-01']));
    expect(screen.getByLabelText('库位').getAttribute('list')).toBe('receive-bins');
  });
});
