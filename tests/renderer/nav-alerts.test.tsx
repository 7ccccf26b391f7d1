// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const alertsTotal = (get: () => number) =>
  fakeBridge({ handlers: { 'inventory.alerts': () => ({ ok: true, value: { rows: [], total: get() } }) } });

describe('navigation: open stock alerts', () => {
  it('shows the open alert count on Inventory from any screen, and follows stock events', async () => {
    let total = 2;
    const bridge = alertsTotal(() => total);
    renderApp({ bridge, hash: '#/orders' });
    const nav = screen.getByRole('navigation');
    const inventory = await within(nav).findByRole('link', { name: /Inventory.*2 open stock alerts/ });
    expect(inventory.querySelector('.nav-badge')?.textContent).toContain('2');
    expect(bridge.callsOf('inventory.alerts')[0]).toEqual({ open: true, limit: 1 });

    total = 1;
    bridge.emit({
      name: 'stock.low',
      payload: {
        alertId: 9,
        kind: 'low_stock',
        warehouse: 'SH',
        sku: 'TEA-125G',
        available: 3,
        threshold: 10,
        suggestions: [],
      },
    });
    await within(nav).findByRole('link', { name: /1 open stock alert$/ });

    total = 0;
    bridge.emit({ name: 'orders.changed', payload: { ids: [1], reason: 'stock received' } });
    await waitFor(() => expect(nav.querySelector('.nav-badge')).toBeNull());
  });

  it('says it in Chinese', async () => {
    renderApp({ bridge: alertsTotal(() => 3), hash: '#/orders', language: 'zh-CN' });
    expect(await screen.findByText('3 条库存预警未处理')).toBeTruthy();
  });
});
