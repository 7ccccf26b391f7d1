// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const row = {
  id: 7,
  name: '张伟',
  phone: '13812345678',
  orderCount: 3,
  firstOrderAt: '2026-01-05T02:00:00.000Z',
  lastOrderAt: '2026-03-15T02:00:00.000Z',
  spend: [{ currency: 'CNY', totalMinor: 26600, averageMinor: 8867, orders: 3 }],
  segment: 'loyal' as const,
};
const profile = {
  ...row,
  email: null,
  keys: [{ kind: 'phone', key: '13812345678' }],
  rfm: {
    recencyDays: 4,
    frequency: 3,
    monetaryMinor: 26600,
    reasons: ['last order 4 d ago', '3 orders', '≥ 3 orders and bought within 90 days'],
  },
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
  topSkus: [{ sku: 'TS-RED-L', title: 'T恤', quantity: 3 }],
  topCategories: [],
  orders: [
    {
      id: 3,
      channel: 'taobao',
      externalId: 'P3',
      status: 'pending_review',
      placedAt: '2026-03-15T02:00:00.000Z',
      currency: 'CNY',
      totalMinor: 5900,
      recipientName: '张伟',
    },
  ],
};

describe('customers screen', () => {
  it('lists customers, searches by phone and opens a profile with its RFM reasons and usual address', async () => {
    const bridge = fakeBridge({
      handlers: {
        'customers.list': () => ({
          ok: true,
          value: { rows: [row], total: 1, segments: [{ segment: 'loyal' as const, count: 1 }] },
        }),
        'customers.get': () => ({ ok: true, value: profile }),
      },
    });
    renderApp({ bridge, hash: '#/customers', language: 'zh-CN' });
    expect(await screen.findByText('忠实客户', { selector: 'td span' })).toBeTruthy();
    expect(screen.getByText('266.00 CNY')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('搜索姓名、手机号或邮箱'), { target: { value: '1381234' } });
    fireEvent.submit(screen.getByLabelText('搜索姓名、手机号或邮箱'));
    expect(bridge.callsOf('customers.list').at(-1)).toEqual({
      search: '1381234',
      sort: 'recent',
      offset: 0,
      limit: 200,
    });
    fireEvent.click(screen.getByRole('button', { name: '张伟' }));
    const p = await screen.findByRole('region', { name: '张伟 的客户档案' });
    expect(within(p).getByText('最近一单在 4 天前 · 3 单 · ≥ 3 单且 90 天内下过单')).toBeTruthy();
    expect(within(p).getByText('广东省深圳市南山区粤海街道科技园南路88号 (用过 3 次)')).toBeTruthy();
    expect(within(p).getByText('共 266.00 CNY，客单价 88.67')).toBeTruthy();
  });
});

describe('customers screen for a back office', () => {
  it('searches while typing, filters by segment chips with counts, sorts, shows more, and says statuses and counts in words', async () => {
    const other = {
      ...row,
      id: 8,
      name: '王芳',
      phone: '13900000000',
      orderCount: 1,
      segment: 'new' as const,
    };
    const bridge = fakeBridge({
      handlers: {
        'customers.list': ({ offset }) => ({
          ok: true,
          value: {
            rows: offset === 0 ? [row] : [other],
            total: 2,
            segments: [
              { segment: 'new' as const, count: 1 },
              { segment: 'loyal' as const, count: 1 },
            ],
          },
        }),
        'customers.get': () => ({
          ok: true,
          value: { ...profile, usualAddress: { ...profile.usualAddress, uses: 1 } },
        }),
      },
    });
    renderApp({ bridge, hash: '#/customers' });
    await screen.findByText('Loyal', { selector: 'span' });
    // The list holds one page of two: "show more" fetches the rest.
    fireEvent.click(screen.getByRole('button', { name: 'Show more (1 of 2)' }));
    await screen.findByRole('button', { name: '王芳' });
    expect(bridge.callsOf('customers.list').at(-1)).toMatchObject({ offset: 1 });
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();

    // Typing alone searches (no Enter), once the typing settles.
    fireEvent.change(screen.getByLabelText('Search name, phone or email'), { target: { value: '138 1234' } });
    await waitFor(() =>
      expect(bridge.callsOf('customers.list').at(-1)).toMatchObject({ search: '138 1234', offset: 0 }),
    );
    // Segment chips carry their counts; pressing one filters, pressing it again clears.
    const chips = screen.getByRole('group', { name: 'Segment' });
    const loyal = within(chips).getByRole('button', { name: 'Loyal1' });
    fireEvent.click(loyal);
    await waitFor(() => expect(bridge.callsOf('customers.list').at(-1)).toMatchObject({ segment: 'loyal' }));
    expect(loyal.getAttribute('aria-pressed')).toBe('true');
    fireEvent.change(screen.getByLabelText('Sort'), { target: { value: 'orders' } });
    await waitFor(() =>
      expect(bridge.callsOf('customers.list').at(-1)).toMatchObject({ segment: 'loyal', sort: 'orders' }),
    );
    fireEvent.click(loyal);
    await waitFor(() => expect(bridge.callsOf('customers.list').at(-1)).not.toHaveProperty('segment'));

    fireEvent.click(screen.getByRole('button', { name: '张伟' }));
    const p = await screen.findByRole('region', { name: 'Profile of 张伟' });
    expect(within(p).getByText('Pending review')).toBeTruthy();
    expect(within(p).queryByText('pending_review')).toBeNull();
    expect(within(p).getByText('广东省深圳市南山区粤海街道科技园南路88号 (used on 1 order)')).toBeTruthy();

    // The order number opens that order in the queue's drawer; the id leaves the address.
    fireEvent.click(within(p).getByRole('link', { name: 'P3' }));
    await waitFor(() => expect(bridge.callsOf('orders.get').at(-1)).toEqual({ id: 3 }));
    expect(window.location.hash).toBe('#/orders');
  });
});

describe('merging a duplicate profile', () => {
  it('finds the duplicate (never the profile itself), says what moves, merges only on confirm and shows the joined profile', async () => {
    const dup = {
      id: 9,
      name: '张伟',
      phone: '13900000009',
      orderCount: 1,
      lastOrderAt: null,
      usualAddress: null,
    };
    let merged = false;
    const bridge = fakeBridge({
      handlers: {
        'customers.list': () => ({ ok: true, value: { rows: [row], total: 1, segments: [] } }),
        'customers.get': () => ({ ok: true, value: { ...profile, orderCount: merged ? 4 : 3 } }),
        'customers.lookup': () => ({
          ok: true,
          value: { rows: [{ ...dup, id: 7, phone: '13812345678', orderCount: 3 }, dup] },
        }),
        'customers.merge': () => {
          merged = true;
          return { ok: true, value: { into: 7, ordersMoved: 1 } };
        },
      },
    });
    renderApp({ bridge, hash: '#/customers', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '张伟' }));
    const p = await screen.findByRole('region', { name: '张伟 的客户档案' });
    const find = within(p).getByRole('combobox', { name: '按手机号或姓名查找重复客户…' });
    fireEvent.change(find, { target: { value: '张伟' } });
    const options = await within(p).findAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['张伟 13900000009 1 单']);
    await act(async () => {
      fireEvent.keyDown(find, { key: 'Enter' });
      await Promise.resolve();
    });
    const confirm = await within(p).findByRole('alertdialog');
    expect(confirm.textContent).toContain('把 张伟（13900000009，1 单）合并到 张伟？');
    expect(bridge.callsOf('customers.merge')).toHaveLength(0);
    fireEvent.click(within(confirm).getByRole('button', { name: '合并' }));
    await waitFor(() => expect(bridge.callsOf('customers.merge')).toEqual([{ from: 9, into: 7 }]));
    // The profile and the list load again with the joined numbers.
    await waitFor(() => expect(within(p).queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(bridge.callsOf('customers.get')).toHaveLength(2));
    expect(within(p).getByText('4')).toBeTruthy();
  });
});

describe('merging a duplicate with the keyboard only', () => {
  it('lands on Cancel when asked (a merge cannot be undone), Esc cancels, and the keyboard goes back to the search', async () => {
    const dup = {
      id: 9,
      name: '张伟',
      phone: '13900000009',
      orderCount: 1,
      lastOrderAt: null,
      usualAddress: null,
    };
    const bridge = fakeBridge({
      handlers: {
        'customers.list': () => ({ ok: true, value: { rows: [row], total: 1, segments: [] } }),
        'customers.get': () => ({ ok: true, value: profile }),
        'customers.lookup': () => ({ ok: true, value: { rows: [dup] } }),
        'customers.merge': () => ({ ok: true, value: { into: 7, ordersMoved: 1 } }),
      },
    });
    renderApp({ bridge, hash: '#/customers', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '张伟' }));
    const p = await screen.findByRole('region', { name: '张伟 的客户档案' });
    const pick = async () => {
      const find = within(p).getByRole('combobox', { name: '按手机号或姓名查找重复客户…' });
      fireEvent.change(find, { target: { value: '139' } });
      await within(p).findByRole('option');
      await act(async () => {
        fireEvent.keyDown(find, { key: 'Enter' });
        await Promise.resolve();
      });
      return within(p).findByRole('alertdialog');
    };
    const confirm = await pick();
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: '取消' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(p).queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(
      within(p).getByRole('combobox', { name: '按手机号或姓名查找重复客户…' }),
    );
    expect(bridge.callsOf('customers.merge')).toHaveLength(0);

    const again = await pick();
    fireEvent.click(within(again).getByRole('button', { name: '合并' }));
    await waitFor(() => expect(within(p).queryByRole('alertdialog')).toBeNull());
    await waitFor(() =>
      expect(document.activeElement).toBe(
        within(p).getByRole('combobox', { name: '按手机号或姓名查找重复客户…' }),
      ),
    );
  });
});
