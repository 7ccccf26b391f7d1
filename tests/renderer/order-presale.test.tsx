// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const rowOf = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;

function openFirstOrder(status: string, presale: string | null) {
  const bridge = fakeBridge({
    handlers: { 'orders.presale': ({ id, lines }) => ({ ok: true, value: { id, changed: lines.length } }) },
  });
  const base = bridge.call.bind(bridge);
  bridge.call = async (op, input) => {
    const r: any = await base(op, input);
    if (op === 'orders.get' && r.ok) {
      r.value.status = status;
      r.value.priority = 3;
      r.value.lines = [
        { sku: 'TEA-1', title: 'Tea', spec: '', quantity: 1, unitPriceMinor: 1000, presaleShipDate: presale },
        { sku: 'CUP-2', title: 'Cup', spec: '', quantity: 2, unitPriceMinor: 500, presaleShipDate: null },
      ];
    }
    return r;
  };
  renderApp({ bridge });
  return bridge;
}

async function drawer() {
  await screen.findByText('EXT-00001');
  fireEvent.click(rowOf('EXT-00001'));
  fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
  return screen.findByRole('complementary', { name: 'Order details' });
}

describe('pre-sale lines in the order drawer', () => {
  it('shows a dated line and marks more lines with their ship date', async () => {
    const bridge = openFirstOrder('approved', '2026-12-20');
    const d = await drawer();
    expect(await within(d).findByText('Pre-sale · ships 2026-12-20')).toBeTruthy();
    expect(within(d).getByText(/^Priority 3: routing and pick waves serve it/)).toBeTruthy();
    fireEvent.click(within(d).getByRole('button', { name: 'Pre-sale…' }));
    const panel = within(d).getByRole('group', { name: 'Pre-sale lines' });
    expect(within(panel).getByLabelText('Expected ship date')).toHaveProperty('value', '2026-12-20');
    fireEvent.click(within(panel).getByRole('checkbox', { name: /CUP-2/ }));
    fireEvent.change(within(panel).getByLabelText('Expected ship date'), { target: { value: '2027-01-05' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Mark as pre-sale' }));
    await waitFor(() =>
      expect(bridge.callsOf('orders.presale')).toEqual([{ id: 1, lines: [1, 2], shipDate: '2027-01-05' }]),
    );
  });

  it('shows the core refusal, and offers nothing once stock is reserved', async () => {
    const bridge = openFirstOrder('pending_review', null);
    const base = bridge.call.bind(bridge);
    bridge.call = async (op, input) =>
      op === 'orders.presale'
        ? {
            ok: false,
            error: {
              code: 'conflict',
              message: 'Order 1 is allocated; pre-sale dates can change only before it is allocated',
            },
          }
        : base(op, input);
    const d = await drawer();
    fireEvent.click(await within(d).findByRole('button', { name: 'Pre-sale…' }));
    const panel = within(d).getByRole('group', { name: 'Pre-sale lines' });
    fireEvent.click(within(panel).getByRole('checkbox', { name: /TEA-1/ }));
    fireEvent.change(within(panel).getByLabelText('Expected ship date'), { target: { value: '2027-01-05' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Mark as pre-sale' }));
    expect(await within(d).findByText(/pre-sale dates can change only before it is allocated/)).toBeTruthy();
    cleanup();
    openFirstOrder('allocated', '2026-12-20');
    const d2 = await drawer();
    await within(d2).findByText('Pre-sale · ships 2026-12-20');
    expect(within(d2).queryByRole('button', { name: 'Pre-sale…' })).toBeNull();
  });
});
