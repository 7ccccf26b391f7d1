// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpOutput } from '../../src-shared/contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

type AlertRow = OpOutput<'inventory.alerts'>['rows'][number];
const backorder: AlertRow = {
  id: 7,
  kind: 'backorder',
  warehouse: 'SH',
  sku: 'TEA-125G',
  available: 0,
  threshold: 0,
  suggestions: [
    { action: 'transfer', fromWarehouse: 'GZ', quantity: 4, text: 'transfer 4 from warehouse GZ' },
    { action: 'contact_buyer', orderId: 31, text: 'contact the buyer of order 31' },
    { action: 'cancel', orderId: 31, text: 'or cancel order 31' },
  ],
  createdAt: '2025-03-01T08:00:00.000Z',
  resolvedAt: null,
};

const withAlerts = (rows: AlertRow[]) =>
  fakeBridge({
    handlers: {
      'inventory.alerts': () => ({ ok: true, value: { rows, total: rows.length } }),
      'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
    },
  });

const stockLow = {
  name: 'stock.low' as const,
  payload: {
    alertId: 7,
    kind: 'backorder' as const,
    warehouse: 'SH',
    sku: 'TEA-125G',
    available: 0,
    threshold: 0,
    suggestions: backorder.suggestions.map((s) => s.text),
  },
};

describe('alert notices', () => {
  it('shows a new stock alert with its suggestions and a link to Inventory → Alerts, without taking focus', async () => {
    const bridge = withAlerts([backorder]);
    renderApp({ bridge, hash: '#/packing' });
    const field = document.createElement('input');
    document.body.appendChild(field);
    field.focus();

    bridge.emit(stockLow);
    // The generic alert the core sends with it is the same news: one notice, not two.
    bridge.emit({
      name: 'alert',
      payload: { level: 'warning', message: 'TEA-125G in SH: orders are waiting for stock' },
    });
    const region = screen.getByRole('region', { name: 'Notifications' });
    const notice = await within(region).findByRole('status');
    expect(within(notice).getByText('TEA-125G in SH: orders are waiting for stock')).toBeTruthy();
    expect(within(notice).getByText('Transfer 4 from warehouse GZ')).toBeTruthy();
    expect(within(notice).getByText('Contact the buyer of order #31 about the delay')).toBeTruthy();
    expect(within(notice).getByText('Or cancel order #31')).toBeTruthy();
    expect(within(region).getAllByRole('status')).toHaveLength(1);
    expect(document.activeElement).toBe(field);

    // Another warning (a short pick) gets its own notice; info is not shown.
    bridge.emit({ name: 'alert', payload: { level: 'info', message: 'synced' } });
    bridge.emit({
      name: 'alert',
      payload: { level: 'warning', message: 'SOAP in SH: short pick in wave 3, 2 written off' },
    });
    await within(region).findByText('SOAP in SH: short pick in wave 3, 2 written off');
    expect(within(region).queryByText('synced')).toBeNull();

    // Dismiss is a button in the Tab order; the link opens the Alerts tab of Inventory.
    fireEvent.click(
      within(region).getByRole('button', {
        name: 'Dismiss: SOAP in SH: short pick in wave 3, 2 written off',
      }),
    );
    expect(within(region).getAllByRole('status')).toHaveLength(1);
    const link = within(region).getByRole('link', { name: 'Open Inventory → Alerts' });
    expect(link.getAttribute('href')).toBe('#/inventory/alerts');
    window.location.hash = '#/inventory/alerts';
    fireEvent.click(link);
    expect(await screen.findByRole('tab', { name: 'Alerts', selected: true })).toBeTruthy();
    await waitFor(() => expect(within(region).queryAllByRole('status')).toHaveLength(0));
    field.remove();
  });

  it('says it in Chinese', async () => {
    const bridge = withAlerts([backorder]);
    renderApp({ bridge, hash: '#/orders', language: 'zh-CN' });
    bridge.emit(stockLow);
    const region = screen.getByRole('region', { name: '通知' });
    expect(await within(region).findByText('SH 的 TEA-125G：有订单在等库存')).toBeTruthy();
    expect(within(region).getByText('从 GZ 仓调拨 4 件')).toBeTruthy();
    expect(within(region).getByRole('link', { name: '打开 库存 → 预警' })).toBeTruthy();
  });
});
