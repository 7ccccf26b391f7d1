// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewQueueRow } from '../../src-shared/contract/review.contract';
import { fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const ok = <T,>(value: T) => ({ ok: true as const, value });

const held = (id: number): ReviewQueueRow => ({
  id,
  channel: 'tmall',
  externalId: `EXT-${id}`,
  placedAt: '2026-01-01T08:00:00.000Z',
  currency: 'CNY',
  totalMinor: 30_000,
  recipientName: `Buyer ${id}`,
  province: '',
  city: '',
  type: 'cross_border',
  reasons: ['review: Cross-border: document required: id_number'],
  tags: [],
  heldAt: null,
});

const bridgeWith = (handlers: Handlers = {}) =>
  fakeBridge({
    handlers: {
      'review.queue': () => ok({ total: 2, rows: [held(11), held(12)] }),
      'review.rules.list': () => ok({ rows: [] }),
      'review.settings.get': () => ok({ homeProvince: '', effectiveHomeProvince: '广东' }),
      ...handlers,
    },
  });

describe('review queue: correcting orders', () => {
  it('e opens the edit form for the order under the cursor; the ID and address go to orders.edit', async () => {
    const bridge = bridgeWith({ 'orders.edit': ({ ids }) => ok({ changed: ids }) });
    renderApp({ bridge, hash: '#/review' });
    await screen.findByText('EXT-11');
    fireEvent.keyDown(window, { key: 'e' });
    const form = await screen.findByRole('form', { name: 'Correct 1 order' });
    // Typing in the form is not a queue shortcut.
    fireEvent.keyDown(within(form).getByLabelText('Add tags'), { key: 'a' });
    fireEvent.change(within(form).getByLabelText('Buyer ID number (身份证)'), {
      target: { value: '310101199001011234' },
    });
    fireEvent.change(within(form).getByLabelText('Corrected address'), {
      target: { value: '北京市朝阳区建国路 88 号' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('orders.edit')).toHaveLength(1));
    expect(bridge.callsOf('orders.edit')[0]).toEqual({
      ids: [11],
      buyerIdNumber: '310101199001011234',
      address: '北京市朝阳区建国路 88 号',
    });
    expect(bridge.callsOf('review.decide')).toHaveLength(0);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Correct 1 order' })).toBeNull());
  });

  it('tags go to every selected order; ID and address are offered for one order only', async () => {
    const bridge = bridgeWith({ 'orders.edit': ({ ids }) => ok({ changed: ids }) });
    renderApp({ bridge, hash: '#/review', language: 'zh-CN' });
    await screen.findByText('EXT-11');
    fireEvent.keyDown(window, { key: 'x' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'x' });
    fireEvent.click(screen.getByRole('button', { name: '修改（2）' }));
    const form = await screen.findByRole('form', { name: '修改 2 个订单' });
    expect(within(form).queryByLabelText('买家身份证号')).toBeNull();
    fireEvent.change(within(form).getByLabelText('添加标签'), { target: { value: '加急，VIP' } });
    fireEvent.change(within(form).getByLabelText('移除标签'), { target: { value: '待定' } });
    fireEvent.submit(form);
    await waitFor(() =>
      expect(bridge.callsOf('orders.edit')[0]).toEqual({
        ids: [11, 12],
        addTags: ['加急', 'VIP'],
        removeTags: ['待定'],
      }),
    );
  });

  it('shows the core’s refusal and keeps the form open', async () => {
    const bridge = bridgeWith({
      'orders.edit': () => ({
        ok: false as const,
        error: {
          code: 'invalid_input',
          message:
            'Order 11: the address is still ambiguous: 北京市朝阳区 / 辽宁省朝阳市; nothing was changed',
        },
      }),
    });
    renderApp({ bridge, hash: '#/review' });
    await screen.findByText('EXT-11');
    fireEvent.keyDown(window, { key: 'e' });
    const form = await screen.findByRole('form', { name: 'Correct 1 order' });
    fireEvent.change(within(form).getByLabelText('Corrected address'), { target: { value: '朝阳区建国路' } });
    fireEvent.submit(form);
    expect(await screen.findByText(/still ambiguous: 北京市朝阳区 \/ 辽宁省朝阳市/)).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Correct 1 order' })).toBeTruthy();
  });
});

describe('review queue: a long queue', () => {
  it('says only the oldest page is listed when more orders are held than shown (en, zh-CN)', async () => {
    for (const [language, text] of [
      ['en', /2,?500 orders held · the oldest 2 are listed/],
      ['zh-CN', /列出最早的 2 个/],
    ] as const) {
      renderApp({
        bridge: bridgeWith({ 'review.queue': () => ok({ total: 2500, rows: [held(11), held(12)] }) }),
        hash: '#/review',
        language,
      });
      await screen.findByText('EXT-11');
      expect(screen.getByText(text)).toBeTruthy();
      cleanup();
    }
  });
});
