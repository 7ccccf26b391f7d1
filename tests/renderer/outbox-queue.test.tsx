// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutboxJob } from '../../src-shared/contract/outbox.contract';
import type { OpOutput } from '../../src-shared/contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const aJob = (over: Partial<OutboxJob>): OutboxJob => ({
  id: 1,
  status: 'queued',
  orderId: 11,
  orderNumber: '#1001',
  channelId: 3,
  channelName: 'US Shopify',
  channelKind: 'shopify',
  route: 'api',
  carrier: 'SF',
  carrierName: 'SF Express',
  trackingNumber: 'SF1234567890123',
  attempts: 0,
  nextRunAt: null,
  lastError: null,
  createdAt: '2025-03-10T09:00:00.000Z',
  updatedAt: '2025-03-10T09:00:00.000Z',
  ...over,
});

const ROWS: OutboxJob[] = [
  aJob({
    id: 1,
    status: 'dead',
    attempts: 10,
    lastError: 'Gave up after 10 attempts: Shopify fulfillmentLookup: the shop answered HTTP 503',
  }),
  aJob({
    id: 2,
    orderNumber: '#1002',
    status: 'queued',
    attempts: 2,
    nextRunAt: '2025-03-10T09:30:00.000Z',
    lastError: 'Shopify fulfillmentLookup: rate limited (HTTP 429)',
  }),
  aJob({
    id: 3,
    orderNumber: '3141592653589793238',
    channelId: 5,
    channelName: '淘宝旗舰店',
    channelKind: 'taobao',
    route: 'export',
    carrier: 'ZTO',
    carrierName: '中通快递',
    trackingNumber: '73123456789012',
    status: 'export',
  }),
];

function bridgeWithQueue(offline: OpOutput<'outbox.list'>['offline'] = null) {
  let rows = ROWS;
  const list = (status?: string[]): OpOutput<'outbox.list'> => ({
    rows: status ? rows.filter((r) => status.includes(r.status)) : rows,
    counts: {
      queued: rows.filter((r) => r.status === 'queued').length,
      running: 0,
      done: rows.filter((r) => r.status === 'done').length,
      failed: 0,
      dead: rows.filter((r) => r.status === 'dead').length,
      export: rows.filter((r) => r.status === 'export').length,
    },
    exportable: rows.some((r) => r.status === 'export')
      ? [{ channelId: 5, channelName: '淘宝旗舰店', waiting: 1 }]
      : [],
    offline,
  });
  return fakeBridge({
    handlers: {
      'sync.status': () => ({
        ok: true,
        value: {
          channels: [],
          secretStore: { available: true, backend: 'gnome_libsecret', reason: null },
          offline: null,
        },
      }),
      'outbox.list': (i) => ({ ok: true, value: list(i.status) }),
      'outbox.retry': ({ ids }) => {
        rows = rows.map((r) =>
          ids.includes(r.id) ? { ...r, status: 'queued', attempts: 0, lastError: null } : r,
        );
        return { ok: true, value: { rows: rows.filter((r) => ids.includes(r.id)) } };
      },
      'outbox.export': ({ channelId }) => {
        rows = rows.map((r) => (r.channelId === channelId ? { ...r, status: 'done' } : r));
        return {
          ok: true,
          value: {
            fileName: 'taobao-bulk-shipping-202503100930.csv',
            content: '\uFEFF订单编号,物流公司,物流单号\r\n\t3141592653589793238,中通快递,73123456789012\r\n',
            count: 1,
            jobIds: [3],
            layout: '淘宝/天猫 (订单报表 column names)',
          },
        };
      },
    },
  });
}

describe('channel sync screen: outbound tracking queue', () => {
  it('lists each push with channel, order, tracking, status, attempts, last error and next try; retries a dead one', async () => {
    const bridge = bridgeWithQueue();
    renderApp({ bridge, hash: '#/sync' });
    const section = (
      await screen.findByRole('heading', { name: 'Tracking numbers going back to the channels' })
    ).parentElement!;
    const dead = (await within(section).findByText('#1001')).closest('tr')!;
    expect(within(dead).getByText('US Shopify')).toBeTruthy();
    expect(within(dead).getByText('SF Express SF1234567890123')).toBeTruthy();
    expect(within(dead).getByText('Gave up')).toBeTruthy();
    expect(within(dead).getByText('10')).toBeTruthy();
    expect(within(dead).getByText(/Gave up after 10 attempts: .*HTTP 503/)).toBeTruthy();
    const queued = within(section).getByText('#1002').closest('tr')!;
    expect(within(queued).getByText('Queued')).toBeTruthy();
    expect(
      within(queued).getByText(
        'Shopify fulfilment lookup: the shop asked Packdesk to slow down; Packdesk tries again by itself at the time under Next try',
      ),
    ).toBeTruthy();
    expect(within(queued).getByText(/^2025-03-10 \d\d:30$/)).toBeTruthy();
    // Only failed and dead jobs can be retried by hand.
    expect(within(queued).queryByRole('button')).toBeNull();
    expect(within(section).getByRole('button', { name: 'Gave up (1)' })).toBeTruthy();

    fireEvent.click(within(dead).getByRole('button', { name: 'Retry order #1001 now' }));
    await waitFor(() => expect(bridge.callsOf('outbox.retry')).toEqual([{ ids: [1] }]));
    await waitFor(() => expect(within(section).getByRole('button', { name: 'Queued (2)' })).toBeTruthy());
  });

  it('says each push’s last error in Chinese on the Chinese page, with what to do', async () => {
    const offline = {
      since: '2025-03-10T09:00:00.000Z',
      retryAt: '2025-03-10T09:05:00.000Z',
      reason: 'Shopify fulfillmentLookup: cannot reach shop.example (ENOTFOUND)',
    };
    renderApp({ bridge: bridgeWithQueue(offline), hash: '#/sync', language: 'zh-CN' });
    expect(
      await screen.findByText(
        'Shopify 查询订单发货信息：无法连接 shop.example（ENOTFOUND），请检查网络和店铺地址',
      ),
    ).toBeTruthy();
    const dead = (await screen.findByText('#1001')).closest('tr')!;
    expect(
      within(dead).getByText(
        '已尝试 10 次仍未成功，不再自动重试：Shopify 查询订单发货信息：店铺服务器出错（HTTP 503），可按“立即重试”再试；若持续出现，请确认店铺网站是否正常',
      ),
    ).toBeTruthy();
    const queued = screen.getByText('#1002').closest('tr')!;
    expect(
      within(queued).getByText(
        'Shopify 查询订单发货信息：店铺要求降低请求频率，Packdesk 会在“下次尝试”所示时间自动重试',
      ),
    ).toBeTruthy();
    expect(screen.queryByText(/Gave up|rate limited/)).toBeNull();
  });

  it('retries every refused and given-up push at once', async () => {
    const bridge = bridgeWithQueue();
    renderApp({ bridge, hash: '#/sync' });
    fireEvent.click(await screen.findByRole('button', { name: 'Retry all refused and given-up pushes (1)' }));
    await waitFor(() => expect(bridge.callsOf('outbox.retry')).toEqual([{ ids: [1] }]));
    expect(bridge.callsOf('outbox.list')).toContainEqual({ status: ['failed', 'dead'], limit: 500 });
    await waitFor(() => expect(screen.queryByRole('button', { name: /Retry all refused/ })).toBeNull());
  });

  it('filters by status', async () => {
    const bridge = bridgeWithQueue();
    renderApp({ bridge, hash: '#/sync' });
    const filter = await screen.findByRole('group', { name: 'Filter by status' });
    fireEvent.click(within(filter).getByRole('button', { name: 'Waiting for export (1)' }));
    await waitFor(() =>
      expect(bridge.callsOf('outbox.list').at(-1)).toEqual({ status: ['export'], limit: 200 }),
    );
    await waitFor(() => expect(screen.queryByText('#1001')).toBeNull());
    expect(screen.getByText('3141592653589793238')).toBeTruthy();
  });

  it('exports the bulk-shipping file of a channel without an API, in Chinese', async () => {
    const blobs: Blob[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:outbox';
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const bridge = bridgeWithQueue();
    renderApp({ bridge, hash: '#/sync', language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: '回传物流单号' })).toBeTruthy();
    expect(await screen.findByText('淘宝旗舰店：1 个已发货订单等待导出批量发货文件')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出 淘宝旗舰店 批量发货文件' }));
    await waitFor(() => expect(bridge.callsOf('outbox.export')).toEqual([{ channelId: 5 }]));
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe(
      'taobao-bulk-shipping-202503100930.csv',
    );
    expect(await blobs[0]!.text()).toContain('中通快递,73123456789012');
    expect(
      await screen.findByText(
        /已导出 1 个订单到 taobao-bulk-shipping-202503100930.csv（淘宝\/天猫 \(订单报表 column names\)）/,
      ),
    ).toBeTruthy();
    await waitFor(() => expect(screen.queryByText(/等待导出批量发货文件/)).toBeNull());
  });
});
