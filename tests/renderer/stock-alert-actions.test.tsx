// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StockSuggestion } from '../../src-shared/contract/inventory.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';
import { aWarehouseRow } from './warehouse-samples';

afterEach(cleanup);

const alert = (id: number, kind: 'low_stock' | 'backorder', suggestions: StockSuggestion[]) => ({
  id,
  kind,
  warehouse: 'HZ-01',
  sku: 'TEA',
  available: 1,
  threshold: 5,
  suggestions,
  createdAt: '2025-03-01T08:00:00.000Z',
  resolvedAt: null,
});

describe('stock alerts: the suggestions are things to do', () => {
  it('"transfer from GZ" opens the transfer form filled in; "contact the buyer" opens the order (zh-CN)', async () => {
    const bridge = fakeBridge({
      handlers: {
        'warehouses.list': () => ({
          ok: true,
          value: { rows: [aWarehouseRow(1, 'HZ-01', '杭州仓'), aWarehouseRow(2, 'GZ', '广州仓')] },
        }),
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'inventory.alerts': () => ({
          ok: true,
          value: {
            rows: [
              alert(1, 'low_stock', [
                {
                  action: 'transfer',
                  fromWarehouse: 'GZ',
                  quantity: 4,
                  text: 'transfer 4 from warehouse GZ',
                },
              ]),
              alert(2, 'backorder', [
                {
                  action: 'contact_buyer',
                  orderId: 9,
                  text: 'contact the buyer of order #9 about the delay',
                },
                { action: 'cancel', orderId: 9, text: 'or cancel order #9' },
              ]),
            ],
            total: 2,
          },
        }),
        'inventory.transfer': () => ({ ok: true, value: { levels: [], allocatedOrders: [] } }),
      },
    });
    renderApp({ bridge, hash: '#/inventory/alerts', language: 'zh-CN' });
    const contact = await screen.findByRole('link', { name: '联系订单 #9 的买家说明延迟' });
    expect(contact.getAttribute('href')).toBe('#/orders?id=9');
    fireEvent.click(screen.getByRole('button', { name: '从 GZ 仓调拨 4 件' }));
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: '入库 / 调整 / 调拨' }).getAttribute('aria-selected')).toBe(
        'true',
      ),
    );
    expect((screen.getByLabelText('调拨') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('SKU') as HTMLInputElement).value).toBe('TEA');
    fireEvent.click(screen.getByRole('button', { name: '确认调拨' }));
    await waitFor(() =>
      expect(bridge.callsOf('inventory.transfer')).toEqual([
        { from: 'GZ', to: 'HZ-01', sku: 'TEA', quantity: 4, reason: '低库存预警补货' },
      ]),
    );
  });
});
