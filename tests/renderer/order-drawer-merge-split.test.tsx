// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerProfile } from '../../src-shared/contract/customers.contract';
import { USUAL_ADDRESS_REASON } from '../../src-shared/contract/order-entry.schema';
import { anOrderDetail, anOrderSummary, fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const PROFILE: CustomerProfile = {
  id: 1,
  name: '张伟',
  phone: '13800000000',
  email: null,
  orderCount: 4,
  firstOrderAt: '2025-11-01T02:00:00.000Z',
  lastOrderAt: '2026-03-01T02:00:00.000Z',
  spend: [{ currency: 'CNY', totalMinor: 40_000, averageMinor: 10_000, orders: 4 }],
  segment: 'loyal',
  keys: [{ kind: 'phone', key: '13800000000' }],
  rfm: { recencyDays: 10, frequency: 4, monetaryMinor: 40_000, reasons: ['4 orders'] },
  usualAddress: {
    country: 'CN',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '粤海街道',
    detail: '科技园南路88号',
    postcode: '',
    uses: 3,
  },
  topSkus: [],
  topCategories: [],
  orders: [],
};

const rowOf = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;
const drawer = () => screen.getByRole('complementary', { name: 'Order details' });

function bridgeWith(handlers: Handlers) {
  return fakeBridge({
    handlers: {
      'customers.get': () => ({ ok: true, value: PROFILE }),
      'standardize.changes': () => ({
        ok: true,
        value: {
          rows: [
            { field: 'district', before: '', after: '南山区', reason: 'district from city + street' },
            { field: 'province', before: '', after: '广东省', reason: USUAL_ADDRESS_REASON },
            { field: 'lines.1.sku', before: 'teapot-b', after: 'SKU-1', reason: 'remembered SKU mapping' },
          ],
        },
      }),
      ...handlers,
    },
  });
}

describe('order drawer', () => {
  it('says routing’s reasons in the screen’s language (zh-CN), codes and amounts kept', async () => {
    const bridge = bridgeWith({
      'orders.get': () => ({
        ok: true,
        value: {
          ...anOrderDetail(anOrderSummary(0)),
          reasons: [
            'routing: SH: in stock, ¥14.50 via STO (2 d); chose SH via STO: cheapest in-stock option',
          ],
        },
      }),
    });
    renderApp({ bridge, language: 'zh-CN' });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const d = await screen.findByRole('complementary', { name: '订单详情' });
    expect(
      await within(d).findByText(
        '分仓：SH：有货，¥14.50，STO（2 天）；选择 SH，STO 发货：有货仓库中总费用最低',
      ),
    ).toBeTruthy();
  });

  it('shows the linked customer profile, the standardisation changes and the usual-address marker', async () => {
    const bridge = bridgeWith({});
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const d = await screen.findByRole('complementary', { name: 'Order details' });
    const profile = await within(d).findByLabelText('Linked customer');
    expect(within(profile).getByText('Loyal')).toBeTruthy();
    expect(within(profile).getByText('4')).toBeTruthy();
    expect(within(profile).getByText('¥400.00')).toBeTruthy();
    expect(within(profile).getByText('¥100.00')).toBeTruthy();
    expect(
      within(profile).getByText('广东省 深圳市 南山区 粤海街道 科技园南路88号 (used on 3 orders)'),
    ).toBeTruthy();
    expect(bridge.callsOf('customers.get').at(-1)).toEqual({ id: 1 });

    expect(within(d).getByText("From the customer's usual address")).toBeTruthy();
    const changes = within(d).getByRole('heading', { name: 'Cleaned on arrival (before → after)' })
      .parentElement as HTMLElement;
    const district = within(changes).getByText('District').closest('tr') as HTMLElement;
    expect(within(district).getByText('南山区')).toBeTruthy();
    expect(within(district).getByText('(empty)')).toBeTruthy();
    expect(within(district).getByText('district from city + street')).toBeTruthy();
    const sku = within(changes).getByText('Line 1 SKU').closest('tr') as HTMLElement;
    expect(within(sku).getByText('teapot-b')).toBeTruthy();
    expect(bridge.callsOf('standardize.changes').at(-1)).toEqual({ orderId: 1 });
  });

  it('says when an order has no customer and nothing was cleaned', async () => {
    const bridge = bridgeWith({ 'standardize.changes': () => ({ ok: true, value: { rows: [] } }) });
    const base = bridge.call.bind(bridge);
    bridge.call = async (op, input) => {
      const r: any = await base(op, input);
      if (op === 'orders.get' && r.ok) r.value.customer.id = null;
      return r;
    };
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    await within(await screen.findByRole('complementary')).findByText('Nothing needed cleaning.');
    expect(within(drawer()).getByText(/Not linked to a customer/)).toBeTruthy();
    expect(within(drawer()).queryByText("From the customer's usual address")).toBeNull();
    expect(bridge.callsOf('customers.get')).toEqual([]);
  });
});

describe('order documents', () => {
  it('downloads the label and the sales receipt; customs form and invoice only for a parcel going abroad, refusals shown', async () => {
    const blobs: Blob[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:doc';
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const file = (name: string) => ({
      ok: true as const,
      value: { filename: name, mime: 'application/pdf', base64: btoa(`%PDF ${name}`), bytes: 9 },
    });
    let abroad = false;
    const bridge = bridgeWith({
      'documents.label': ({ orderId }) => file(`label-${orderId}.pdf`),
      'documents.render': ({ kind, orderIds }) =>
        kind === 'commercial_invoice'
          ? {
              ok: false as const,
              error: { code: 'invalid_input' as const, message: 'orderIds: order 1 ships within US; …' },
            }
          : file(`${kind}-${orderIds?.[0]}.pdf`),
    });
    const base = bridge.call.bind(bridge);
    bridge.call = async (op, input) => {
      const r: any = await base(op, input);
      if (op === 'orders.get' && r.ok && abroad) r.value.address.country = 'US';
      return r;
    };
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const docs = async () =>
      (
        await within(await screen.findByRole('complementary')).findByRole('heading', {
          name: 'Documents (PDF)',
        })
      ).parentElement as HTMLElement;
    let section = await docs();
    expect(within(section).queryByRole('button', { name: 'Customs form CN22/CN23' })).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: 'Shipping label' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    fireEvent.click(within(section).getByRole('button', { name: 'Sales receipt' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect(bridge.callsOf('documents.label')).toEqual([{ orderId: 1 }]);
    expect(bridge.callsOf('documents.render')).toEqual([
      { kind: 'sales_receipt', orderIds: [1], language: 'en' },
    ]);
    expect(click.mock.contexts.map((a) => (a as HTMLAnchorElement).download)).toEqual([
      'label-1.pdf',
      'sales_receipt-1.pdf',
    ]);
    expect(await blobs[1]!.text()).toBe('%PDF sales_receipt-1.pdf');

    cleanup();
    abroad = true;
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    section = await docs();
    fireEvent.click(await within(section).findByRole('button', { name: 'Customs form CN22/CN23' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(3));
    fireEvent.click(within(section).getByRole('button', { name: 'Commercial invoice' }));
    expect(await within(section).findByRole('alert')).toHaveProperty(
      'textContent',
      'orderIds: order 1 ships within US; …',
    );
    expect(click).toHaveBeenCalledTimes(3);
    click.mockRestore();
  });
});

describe('merge and split from the queue', () => {
  it('merges a multi-selection, saying why the core refused first', async () => {
    const answers: any[] = [
      {
        ok: false,
        error: {
          code: 'conflict',
          message: 'The orders were not merged: order 2 is on hold; …',
          issues: [
            { path: 'ids.1', message: 'order 2 is on hold' },
            { path: 'ids.1', message: 'order 2 has a different buyer, phone or address than order 1' },
            { path: 'ids.2', message: 'order 13 is cash on delivery' },
          ],
        },
      },
      { ok: true, value: { orderId: 5 } },
    ];
    const bridge = bridgeWith({ 'orders.merge': () => answers.shift() });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    const bar = () => screen.getByRole('region', { name: 'Actions for the selected orders' });
    fireEvent.click(rowOf('EXT-00001'));
    expect(within(bar()).queryByRole('button', { name: 'Merge' })).toBeNull();
    fireEvent.click(rowOf('EXT-00002'), { ctrlKey: true });
    fireEvent.click(rowOf('EXT-00013'), { ctrlKey: true });
    fireEvent.click(within(bar()).getByRole('button', { name: 'Merge' }));
    expect(bridge.callsOf('orders.merge')).toEqual([]);
    fireEvent.click(within(bar()).getByRole('button', { name: 'Click again to merge 3 orders' }));
    const alert = await within(bar()).findByRole('alert');
    expect(alert.textContent).toContain('Not merged:');
    expect(within(alert).getByText('EXT-00002 is on hold.')).toBeTruthy();
    expect(
      within(alert).getByText('EXT-00002 has a different recipient, phone or address than EXT-00001.'),
    ).toBeTruthy();
    expect(
      within(alert).getByText('EXT-00013 is cash on delivery; COD orders are never merged.'),
    ).toBeTruthy();
    expect(bridge.callsOf('orders.merge')[0]).toEqual({ ids: [1, 2, 13] });

    fireEvent.click(within(bar()).getByRole('button', { name: 'Merge' }));
    fireEvent.click(within(bar()).getByRole('button', { name: /Click again/ }));
    await waitFor(() => expect(bridge.callsOf('orders.get').at(-1)).toEqual({ id: 5 }));
    expect(await within(drawer()).findByRole('heading', { name: 'EXT-00005' })).toBeTruthy();
  });

  it('splits part of a line to a new order from the drawer', async () => {
    const bridge = bridgeWith({ 'orders.split': () => ({ ok: true, value: { orderIds: [7, 8] } }) });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const d = await screen.findByRole('complementary', { name: 'Order details' });
    fireEvent.click(await within(d).findByRole('button', { name: 'Split…' }));
    const panel = within(d).getByRole('group', { name: 'Split this order' });
    const run = within(panel).getByRole('button', { name: 'Split' }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    const move = within(panel).getByLabelText('Units of line 1 (SKU-1) to move');
    fireEvent.change(move, { target: { value: '2' } });
    expect(run.disabled).toBe(true); // nothing would stay
    fireEvent.change(move, { target: { value: '1' } });
    expect(run.disabled).toBe(false);
    fireEvent.click(run);
    await waitFor(() =>
      expect(bridge.callsOf('orders.split')).toEqual([
        { id: 1, groups: [[{ line: 1, quantity: 1 }], [{ line: 1, quantity: 1 }]] },
      ]),
    );
    await waitFor(() => expect(bridge.callsOf('orders.get').at(-1)).toEqual({ id: 7 }));
  });

  it('offers no split for an order that is already allocated', async () => {
    const bridge = bridgeWith({});
    renderApp({ bridge });
    await screen.findByText('EXT-00005');
    // Order 5 is "allocated" in the fake (statuses cycle).
    fireEvent.click(rowOf('EXT-00005'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const d = await screen.findByRole('complementary', { name: 'Order details' });
    await within(d).findByText('Teapot 5');
    expect(within(d).queryByRole('button', { name: 'Split…' })).toBeNull();
  });
});
