// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderWaybill, Waybill } from '../../src-shared/contract/waybill.contract';
import { anOrderSummary, fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

vi.mock('../../src-renderer/ui/feedback-sound', () => ({ playCue: vi.fn(), prepareCues: vi.fn() }));

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const wb = (over: Partial<Waybill>): Waybill => ({
  id: 1,
  orderId: 1,
  carrier: 'ZTO',
  platform: 'cainiao',
  cpCode: 'ZTO',
  waybillCode: null,
  parentWaybillCode: null,
  state: 'pending',
  accountMissing: false,
  printWhenReady: false,
  attempts: 1,
  nextRunAt: null,
  lastError: null,
  createdAt: '2026-11-25T10:00:00.000Z',
  fetchedAt: null,
  cancelledAt: null,
  ...over,
});

const rowOf = (text: string) => screen.getByText(text).closest('[role="row"]') as HTMLElement;

describe('e-waybill on the floor', () => {
  it('order drawer: a refused number shows the platform’s reason; Fetch now gets one; Reprint asks why (keyboard)', async () => {
    let view: OrderWaybill = {
      orderId: 1,
      platformLabel: true,
      carrier: 'ZTO',
      current: wb({ state: 'failed', lastError: 'Cainiao: 收件地址不可达 [15/isv.address-not-reachable]' }),
      history: [],
      printJob: null,
    };
    const bridge = fakeBridge({
      handlers: {
        'waybill.order': () => ({ ok: true, value: view }),
        'waybill.fetch': () => {
          view = {
            ...view,
            current: wb({ state: 'active', waybillCode: '73100000000001', lastError: null }),
          };
          return { ok: true, value: { rows: [view] } };
        },
        'waybill.reprint': () => ({ ok: true, value: { id: 5 } as never }),
      },
    });
    renderApp({ bridge });
    await screen.findByText('EXT-00001', {}, { timeout: 5_000 });
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const box = await screen.findByRole(
      'group',
      { name: 'Platform e-waybill (电子面单)' },
      { timeout: 5_000 },
    );
    expect(within(box).getByText('Refused by the platform')).toBeTruthy();
    expect(within(box).getByText(/收件地址不可达/)).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: 'Fetch now' }));
    expect(await within(box).findByText('73100000000001', {}, { timeout: 5_000 })).toBeTruthy();
    expect(within(box).getByText('Ready (ZTO)')).toBeTruthy();
    expect(bridge.callsOf('waybill.fetch')).toEqual([{ orderIds: [1] }]);

    fireEvent.click(within(box).getByRole('button', { name: 'Reprint' }));
    const reason = within(box).getByLabelText('Why reprint?');
    expect(document.activeElement).toBe(reason);
    fireEvent.change(reason, { target: { value: 'label torn' } });
    fireEvent.submit(reason.closest('form')!);
    expect(await within(box).findByText('Reprint queued.', {}, { timeout: 5_000 })).toBeTruthy();
    expect(bridge.callsOf('waybill.reprint')).toEqual([{ orderId: 1, reason: 'label torn' }]);
  });

  it('order drawer in Chinese: a number still coming that prints by itself', async () => {
    const bridge = fakeBridge({
      handlers: {
        'waybill.order': () => ({
          ok: true,
          value: {
            orderId: 1,
            platformLabel: true,
            carrier: 'ZTO',
            current: wb({ printWhenReady: true, lastError: 'cannot reach eco.taobao.com' }),
            history: [],
            printJob: null,
          },
        }),
      },
    });
    renderApp({ bridge, language: 'zh-CN' });
    await screen.findByText('EXT-00001', {}, { timeout: 5_000 });
    fireEvent.click(rowOf('EXT-00001'));
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
    const box = await screen.findByRole('group', { name: '平台电子面单' }, { timeout: 5_000 });
    expect(within(box).getByText('正在向平台取号 · 单号到达后自动打印')).toBeTruthy();
    expect(within(box).getByRole('button', { name: '立即取号' })).toBeTruthy();
  });

  it('order drawer: a PDD order whose carrier has no Pinduoduo account says so and offers no Fetch now (en, zh-CN)', async () => {
    const view: OrderWaybill = {
      orderId: 1,
      platformLabel: true,
      carrier: 'ZTO',
      current: wb({
        state: 'failed',
        platform: 'pdd',
        accountMissing: true,
        attempts: 0,
        lastError: 'needs a Pinduoduo e-waybill account for ZTO: Pinduoduo orders carry encrypted recipients',
      }),
      history: [],
      printJob: null,
    };
    for (const [language, group, text, fetch] of [
      [
        'en',
        'Platform e-waybill (电子面单)',
        'Needs a Pinduoduo (拼多多) e-waybill account for ZTO',
        'Fetch now',
      ],
      ['zh-CN', '平台电子面单', '需要 ZTO 的拼多多电子面单账号', '立即取号'],
    ] as const) {
      renderApp({
        bridge: fakeBridge({ handlers: { 'waybill.order': () => ({ ok: true, value: view }) } }),
        language,
      });
      await screen.findByText('EXT-00001', {}, { timeout: 5_000 });
      fireEvent.click(rowOf('EXT-00001'));
      fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
      const box = await screen.findByRole('group', { name: group }, { timeout: 5_000 });
      expect(within(box).getByText(text)).toBeTruthy();
      expect(within(box).getByText(/needs a Pinduoduo e-waybill account for ZTO/)).toBeTruthy();
      expect(within(box).queryByRole('button', { name: fetch })).toBeNull();
      cleanup();
    }
  });

  it('order drawer: a Douyin order whose carrier has no Douyin account names that account, like PDD (en, zh-CN)', async () => {
    const view: OrderWaybill = {
      orderId: 1,
      platformLabel: true,
      carrier: 'ZTO',
      current: wb({
        state: 'failed',
        platform: 'douyin',
        accountMissing: true,
        attempts: 0,
        lastError: 'needs a Douyin e-waybill account for ZTO: Douyin orders carry encrypted recipients',
      }),
      history: [],
      printJob: null,
    };
    for (const [language, group, text, fetch] of [
      ['en', 'Platform e-waybill (电子面单)', 'Needs a Douyin (抖店) e-waybill account for ZTO', 'Fetch now'],
      ['zh-CN', '平台电子面单', '需要 ZTO 的抖店电子面单账号', '立即取号'],
    ] as const) {
      renderApp({
        bridge: fakeBridge({ handlers: { 'waybill.order': () => ({ ok: true, value: view }) } }),
        language,
      });
      await screen.findByText('EXT-00001', {}, { timeout: 5_000 });
      fireEvent.click(rowOf('EXT-00001'));
      fireEvent.keyDown(screen.getByRole('grid'), { key: 'Enter' });
      const box = await screen.findByRole('group', { name: group }, { timeout: 5_000 });
      expect(within(box).getByText(text)).toBeTruthy();
      expect(within(box).queryByText(/抖店打印|print it from 抖店/)).toBeNull();
      expect(within(box).queryByRole('button', { name: fetch })).toBeNull();
      cleanup();
    }
  });

  it('packing bench: the open order’s e-waybill line, then Pack complete names the e-waybill print job', async () => {
    const bridge = fakeBridge({
      handlers: {
        'packing.open': () => ({
          ok: true,
          value: {
            sessionId: 5,
            orderId: 42,
            externalId: 'TB-42',
            status: 'open',
            lines: [],
            expectedWeightGrams: 0,
          },
        }),
        'waybill.order': () => ({
          ok: true,
          value: {
            orderId: 42,
            platformLabel: true,
            carrier: 'ZTO',
            current: wb({ orderId: 42, state: 'active', waybillCode: '73100000000042' }),
            history: [],
            printJob: null,
          },
        }),
        'packing.complete': () => ({
          ok: true,
          value: {
            orderId: 42,
            status: 'packed',
            printJobs: [{ document: 'waybill', jobId: 7 }],
            warnings: [],
          },
        }),
        'printing.jobs.list': () => ({
          ok: true,
          value: { rows: [{ id: 7, printerName: '菜鸟组件', status: 'queued', lastError: null } as never] },
        }),
      },
    });
    renderApp({ bridge, hash: '#/packing' });
    const input = await screen.findByLabelText('Scan box');
    fireEvent.change(input, { target: { value: 'TB-42' } });
    fireEvent.submit(input.closest('form')!);
    const line = await screen.findByRole(
      'group',
      { name: 'Platform e-waybill (电子面单)' },
      { timeout: 5_000 },
    );
    expect(within(line).getByText('ZTO e-waybill ready: it prints at Pack complete')).toBeTruthy();
    expect(within(line).getByText('73100000000042')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Pack complete' }));
    await waitFor(() => expect(screen.getByText('Platform e-waybill → 菜鸟组件 (Queued)')).toBeTruthy());
  });

  it('ship desk: scanning a platform e-waybill ships its order in one scan, with its carrier and that number', async () => {
    const packed = [
      { ...anOrderSummary(1), id: 101, externalId: 'TB-101', status: 'packed' as const, carrier: 'ZTO' },
    ];
    const bridge = fakeBridge({
      handlers: {
        'carriers.list': () => ({ ok: true, value: { rows: [] } }),
        'orders.list': () => ({ ok: true, value: { rows: packed } }),
        'waybill.byCode': ({ code }) => ({
          ok: true,
          value: code === '73100000000001' ? { orderId: 101, carrier: 'ZTO', status: 'packed' } : null,
        }),
        'shipping.confirm': () => ({ ok: true, value: { shipped: [101], unchanged: [], jobsQueued: 1 } }),
      },
    });
    renderApp({ bridge, hash: '#/packing/ship' });
    const input = await screen.findByLabelText(
      'Scan a packed order, then its tracking number (or the carrier label)',
    );
    fireEvent.change(input, { target: { value: '73100000000001' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(bridge.callsOf('shipping.confirm')).toEqual([
        { scan: '73100000000001', carrier: 'ZTO', trackingNumber: '73100000000001' },
      ]),
    );
    // An order's own number still asks for its tracking number next.
    fireEvent.change(input, { target: { value: 'TB-101' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(screen.getByTestId('ship-feedback').textContent).toMatch(/ZTO/));
    expect(bridge.callsOf('shipping.confirm')).toHaveLength(1);
  });
});
