// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const grid = () => screen.getByRole('grid');
const rowOf = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;

describe('order queue', () => {
  it('renders rows fetched page by page from the API', async () => {
    const bridge = fakeBridge({ orders: 1_000 });
    renderApp({ bridge });
    expect(await screen.findByText('EXT-00001')).toBeTruthy();
    expect(screen.getByText('EXT-00005')).toBeTruthy();
    expect(screen.getByText('1,000 orders')).toBeTruthy();
    // Only the first window is fetched, never the whole table.
    const lists = bridge.callsOf('orders.list');
    expect(lists.length).toBeGreaterThan(0);
    for (const l of lists) expect(l.limit).toBeLessThanOrEqual(500);
    expect(lists.map((l) => l.offset)).not.toContain(800);
    expect(grid().getAttribute('aria-rowcount')).toBe('1001');
  });

  it('filters by status and by search text through orders.count and orders.list', async () => {
    const bridge = fakeBridge({ orders: 120 });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    const chips = screen.getByRole('group', { name: 'Status' });
    fireEvent.click(within(chips).getByRole('button', { name: /Held/ }));

    await waitFor(() =>
      expect(bridge.callsOf('orders.count').at(-1)).toEqual({ filter: { status: ['held'] } }),
    );
    expect(bridge.callsOf('orders.list').at(-1)).toMatchObject({ filter: { status: ['held'] }, offset: 0 });
    // Order 2 is the first "held" one in the fake (statuses cycle).
    expect(await screen.findByText('EXT-00002')).toBeTruthy();
    expect(screen.queryByText('EXT-00001')).toBeNull();
    expect(screen.getByText('10 orders')).toBeTruthy();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search orders' }), {
      target: { value: 'EXT-00014' },
    });
    await waitFor(() =>
      expect(bridge.callsOf('orders.count').at(-1)).toEqual({
        filter: { status: ['held'], search: 'EXT-00014' },
      }),
    );
    await waitFor(() => expect(screen.queryByText('EXT-00002')).toBeNull());
    expect(screen.getByText('EXT-00014')).toBeTruthy();
  });

  it('filters by customer region: mainland regions by name, countries abroad by name, with counts', async () => {
    const bridge = fakeBridge({ orders: 120 });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: /Region/ }));
    const options = screen.getByRole('group', { name: 'Region' });
    expect(within(options).getByText('East China')).toBeTruthy();
    expect(within(options).getByText('108')).toBeTruthy();
    fireEvent.click(within(options).getByText('United States'));

    await waitFor(() =>
      expect(bridge.callsOf('orders.count').at(-1)).toEqual({ filter: { region: ['US'] } }),
    );
    expect(bridge.callsOf('orders.list').at(-1)).toMatchObject({ filter: { region: ['US'] }, offset: 0 });
    expect(await screen.findByText('EXT-00010')).toBeTruthy();
    expect(screen.queryByText('EXT-00001')).toBeNull();
    expect(screen.getByText('12 orders')).toBeTruthy();
  });

  it('sorts by a column header', async () => {
    const bridge = fakeBridge();
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: /Total/ }));
    await waitFor(() =>
      expect(bridge.callsOf('orders.list').at(-1)).toMatchObject({
        sort: { field: 'totalMinor', dir: 'desc' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: /Total/ }));
    await waitFor(() =>
      expect(bridge.callsOf('orders.list').at(-1)).toMatchObject({
        sort: { field: 'totalMinor', dir: 'asc' },
      }),
    );
  });

  it('moves the cursor with the keyboard, selects with Space and opens the drawer with Enter', async () => {
    const bridge = fakeBridge();
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    const g = grid();
    g.focus();
    expect(g.getAttribute('aria-activedescendant')).toBe('order-row-0');
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    fireEvent.keyDown(g, { key: 'j' });
    fireEvent.keyDown(g, { key: 'ArrowDown' });
    fireEvent.keyDown(g, { key: 'k' });
    expect(g.getAttribute('aria-activedescendant')).toBe('order-row-2');
    expect(rowOf('EXT-00003').className).toContain('is-current');

    fireEvent.keyDown(g, { key: ' ' });
    expect(rowOf('EXT-00003').getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('region', { name: 'Actions for the selected orders' }).textContent).toContain(
      '1 selected',
    );

    fireEvent.keyDown(g, { key: 'Enter' });
    const drawer = await screen.findByRole('complementary', { name: 'Order details' });
    await within(drawer).findByText('Teapot 3');
    expect(within(drawer).getByText('SKU-3')).toBeTruthy();
    expect(within(drawer).getByText('Masked by platform')).toBeTruthy();
    // 2 × ¥49.99 = ¥99.98, computed in integer fen.
    expect(within(drawer).getByText('¥99.98')).toBeTruthy();
    expect(bridge.callsOf('orders.get').at(-1)).toEqual({ id: 3 });

    // The drawer follows the cursor, and Esc closes it.
    fireEvent.keyDown(g, { key: 'j' });
    await within(drawer).findByText('Teapot 4');
    fireEvent.keyDown(g, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('complementary', { name: 'Order details' })).toBeNull());
  });

  it('selects with click, Ctrl+click, Shift+click and Ctrl+A, and offers only allowed bulk moves', async () => {
    const bridge = fakeBridge({ orders: 40 });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.click(rowOf('EXT-00004'), { shiftKey: true });
    const bar = () => screen.getByRole('region', { name: 'Actions for the selected orders' });
    await waitFor(() => expect(bar().textContent).toContain('4 selected'));
    fireEvent.click(rowOf('EXT-00002'), { ctrlKey: true });
    expect(bar().textContent).toContain('3 selected');

    // pending_review, approved and backordered share only "held" and "cancelled".
    const buttons = within(bar())
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual(expect.arrayContaining(['Hold', 'Cancel order']));
    expect(buttons).not.toContain('Approve');

    fireEvent.click(within(bar()).getByRole('button', { name: 'Hold' }));
    await waitFor(() =>
      expect(bridge.callsOf('orders.transition')).toEqual([{ ids: [1, 3, 4], to: 'held' }]),
    );

    fireEvent.keyDown(grid(), { key: 'a', ctrlKey: true });
    await waitFor(() => expect(bar().textContent).toContain('40 selected'));
  });

  it('shows an error from a refused transition and refreshes on orders.changed', async () => {
    const bridge = fakeBridge({
      handlers: {
        'orders.transition': () => ({
          ok: false,
          error: { code: 'illegal_transition', message: 'An order cannot go from "held" to "held"' },
        }),
      },
    });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.click(screen.getByRole('button', { name: 'Approve' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This status change is not allowed');
    expect(alert.textContent).toContain('cannot go from');

    const before = bridge.callsOf('orders.count').length;
    act(() => bridge.emit({ name: 'orders.changed', payload: { ids: [1], reason: 'import' } }));
    await waitFor(() => expect(bridge.callsOf('orders.count').length).toBeGreaterThan(before));
  });
});

describe('empty queue', () => {
  it('offers an import and demo orders to a new shop, and shows the demo orders once loaded', async () => {
    const bridge = fakeBridge({
      orders: 0,
      handlers: { 'demo.load': () => ({ ok: true, value: { orders: 2000, channels: 8, warehouses: 4 } }) },
    });
    renderApp({ bridge });
    expect(await screen.findByText('No orders yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import orders' }).getAttribute('href')).toBe('#/import');
    fireEvent.click(screen.getByRole('button', { name: 'Load 2,000 demo orders' }));
    await waitFor(() => expect(bridge.callsOf('demo.load')).toEqual([{ orders: 2000 }]));
  });

  it('says no order matches when a filter is set, without offering demo data', async () => {
    const bridge = fakeBridge({ orders: 0 });
    renderApp({ bridge });
    await screen.findByText('No orders yet');
    fireEvent.click(
      within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name: /Held/ }),
    );
    expect(await screen.findByText('No orders match these filters.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Load 2,000 demo orders' })).toBeNull();
  });
});
