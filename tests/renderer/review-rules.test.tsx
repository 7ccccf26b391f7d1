// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewQueueRow, ReviewRule } from '../../src-shared/contract/review.contract';
import { fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const ok = <T,>(value: T) => ({ ok: true as const, value });

const RULES: ReviewRule[] = [
  {
    id: 1,
    name: 'Local orders auto-approve',
    enabled: true,
    position: 1,
    priority: 0,
    condition: { field: 'distance', op: 'eq', value: 'local' },
    actions: [{ type: 'approve' }],
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 2,
    name: 'Orders over ¥5,000',
    enabled: true,
    position: 2,
    priority: 0,
    condition: { all: [{ field: 'total', op: 'gt', value: 500_000 }] },
    actions: [{ type: 'hold', reason: 'big' }],
    updatedAt: '2026-01-01T00:00:00.000Z',
  },
];

const held = (id: number): ReviewQueueRow => ({
  id,
  channel: 'tmall',
  externalId: `EXT-${id}`,
  placedAt: '2026-01-01T08:00:00.000Z',
  currency: 'CNY',
  totalMinor: 600_000,
  recipientName: `Buyer ${id}`,
  province: '广东省',
  city: '深圳市',
  type: 'online_shop',
  reasons: ['review: Orders over ¥5,000: hold: big'],
  tags: [],
  heldAt: null,
});

function bridgeWith(handlers: Handlers = {}) {
  return fakeBridge({
    handlers: {
      'review.queue': () => ok({ total: 3, rows: [held(11), held(12), held(13)] }),
      'review.rules.list': () => ok({ rows: RULES }),
      'review.settings.get': () => ok({ homeProvince: '', effectiveHomeProvince: '广东' }),
      ...handlers,
    },
  });
}

async function openNewRule() {
  fireEvent.click(await screen.findByRole('tab', { name: 'Rules' }));
  await screen.findByText('Orders over ¥5,000');
  fireEvent.click(screen.getByRole('button', { name: '+ New rule' }));
  const form = screen.getByRole('form', { name: 'New rule' });
  fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Big COD orders' } });
  return form;
}

describe('review rules editor', () => {
  it('refuses a rule the core could not evaluate, marking the row, without calling the server', async () => {
    const bridge = bridgeWith();
    renderApp({ bridge, hash: '#/review' });
    const form = await openNewRule();
    const row = within(form).getByRole('group', { name: 'condition.all.0' });
    fireEvent.change(within(row).getByLabelText('Value'), { target: { value: 'lots' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() =>
      expect(within(row).getByLabelText('Value').getAttribute('aria-invalid')).toBe('true'),
    );
    expect(within(row).getByRole('alert').textContent).toBe('Order total (¥) needs a number');
    expect(bridge.callsOf('review.rules.save')).toHaveLength(0);
  });

  it('says it in Chinese on a Chinese desk', async () => {
    renderApp({ bridge: bridgeWith(), hash: '#/review', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '审单规则' }));
    fireEvent.click(await screen.findByRole('button', { name: '+ 新建规则' }));
    const form = screen.getByRole('form', { name: '新建规则' });
    const row = within(form).getByRole('group', { name: 'condition.all.0' });
    fireEvent.change(within(row).getByLabelText('值'), { target: { value: '很多' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(within(row).getByRole('alert').textContent).toBe('订单金额（元）需要填数字'));
  });

  it('names order types in Chinese in the value list, not by their codes', async () => {
    renderApp({ bridge: bridgeWith(), hash: '#/review', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '审单规则' }));
    fireEvent.click(await screen.findByRole('button', { name: '+ 新建规则' }));
    const row = within(screen.getByRole('form', { name: '新建规则' })).getByRole('group', {
      name: 'condition.all.0',
    });
    fireEvent.change(within(row).getByLabelText('字段'), { target: { value: 'type' } });
    const labels = within(within(row).getByLabelText('值'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(labels).toContain('直播');
    expect(labels.join(' ')).not.toMatch(/online_shop|live_stream|cross_border/);
  });

  it('shows the server’s issues next to the condition row and the field they name', async () => {
    const bridge = bridgeWith({
      'review.rules.save': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'Invalid input',
          issues: [
            { path: 'condition.all.1.value', message: 'paymentMethod needs text (up to 200 characters)' },
            { path: 'name', message: 'is required' },
          ],
        },
      }),
    });
    renderApp({ bridge, hash: '#/review' });
    const form = await openNewRule();
    fireEvent.change(
      within(within(form).getByRole('group', { name: 'condition.all.0' })).getByLabelText('Value'),
      { target: { value: '5000' } },
    );
    fireEvent.click(within(form).getByRole('button', { name: '+ Condition' }));
    const second = within(form).getByRole('group', { name: 'condition.all.1' });
    fireEvent.change(within(second).getByLabelText('Field'), { target: { value: 'paymentMethod' } });
    fireEvent.change(within(second).getByLabelText('Value'), { target: { value: 'COD' } });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'check COD' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(bridge.callsOf('review.rules.save')).toHaveLength(1));
    // Money is typed in yuan and sent in fen.
    expect(bridge.callsOf('review.rules.save')[0]).toMatchObject({
      name: 'Big COD orders',
      condition: {
        all: [
          { field: 'total', op: 'eq', value: 500_000 },
          { field: 'paymentMethod', op: 'eq', value: 'COD' },
        ],
      },
    });
    await waitFor(() =>
      expect(within(second).getByRole('alert').textContent).toBe('Payment method needs some text'),
    );
    expect(within(second).getByLabelText('Value').getAttribute('aria-invalid')).toBe('true');
    expect(
      within(within(form).getByRole('group', { name: 'condition.all.0' })).queryByRole('alert'),
    ).toBeNull();
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByText('Correct the 2 marked fields; the rule was not saved.')).toBeTruthy();
  });

  it('simulates a draft and shows the counts without saving', async () => {
    const bridge = bridgeWith({
      'review.simulate': () =>
        ok({
          considered: 40,
          matched: 3,
          changed: 2,
          before: { approved: 30, held: 5, blocked: 0, unchanged: 5 },
          after: { approved: 28, held: 7, blocked: 0, unchanged: 5 },
          sample: [],
        }),
    });
    renderApp({ bridge, hash: '#/review' });
    const form = await openNewRule();
    fireEvent.change(
      within(within(form).getByRole('group', { name: 'condition.all.0' })).getByLabelText('Value'),
      { target: { value: '5000' } },
    );
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'check' } });
    // The shop chooses how many of the latest orders to try the rule on.
    fireEvent.change(within(form).getByLabelText('Latest orders to try'), { target: { value: '250' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Simulate on recent orders' }));
    const sim = await screen.findByRole('region', { name: 'Simulation' });
    expect(sim.textContent).toContain(
      'Of the last 40 orders, this rule matches 3 and changes the outcome of 2',
    );
    expect(bridge.callsOf('review.simulate')[0].rule.actions).toEqual([{ type: 'hold', reason: 'check' }]);
    expect(bridge.callsOf('review.simulate')[0].limit).toBe(250);
    expect(bridge.callsOf('review.rules.save')).toHaveLength(0);
  });
});

describe('review queue keyboard', () => {
  it('shows the rules’ reasons in Chinese and the channels by name on a Chinese desk', async () => {
    renderApp({ bridge: bridgeWith(), hash: '#/review', language: 'zh-CN' });
    expect(await screen.findAllByText('Orders over ¥5,000：挂起：big')).toHaveLength(3);
    expect(screen.queryByText(/hold:/)).toBeNull();
    // The shop's name for the channel, as in the order queue; not its code.
    expect(screen.getAllByText('Tmall Flagship')).toHaveLength(3);
    expect(screen.queryByText('tmall')).toBeNull();
  });

  it('j moves, x selects, a approves the selection with its review start time', async () => {
    const bridge = bridgeWith({ 'review.decide': ({ ids }) => ok({ changed: ids, skipped: [] }) });
    renderApp({ bridge, hash: '#/review' });
    await screen.findByText('EXT-12');
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'x' });
    fireEvent.keyDown(window, { key: 'j' });
    fireEvent.keyDown(window, { key: 'x' });
    fireEvent.keyDown(window, { key: 'a' });
    await waitFor(() => expect(bridge.callsOf('review.decide')).toHaveLength(1));
    const call = bridge.callsOf('review.decide')[0];
    expect(call).toMatchObject({ ids: [12, 13], decision: 'approve' });
    expect(typeof call.openedAt).toBe('string');
  });

  it('switches to orders no rule decided', async () => {
    const bridge = bridgeWith();
    renderApp({ bridge, hash: '#/review' });
    await screen.findByText('EXT-11');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'pending_review' } });
    await waitFor(() =>
      expect(bridge.callsOf('review.queue').at(-1)).toMatchObject({ status: 'pending_review' }),
    );
    expect(bridge.callsOf('review.queue')[0]).toMatchObject({ status: 'held' });
  });

  it('r asks for a reason before rejecting', async () => {
    const bridge = bridgeWith({ 'review.decide': ({ ids }) => ok({ changed: ids, skipped: [] }) });
    renderApp({ bridge, hash: '#/review', language: 'zh-CN' });
    await screen.findByText('EXT-11');
    fireEvent.keyDown(window, { key: 'r' });
    const prompt = await screen.findByRole('form', { name: '驳回原因（订单将被取消）' });
    fireEvent.change(within(prompt).getByRole('textbox'), { target: { value: '买家要求取消' } });
    fireEvent.click(within(prompt).getByRole('button', { name: '确定' }));
    await waitFor(() =>
      expect(bridge.callsOf('review.decide')[0]).toMatchObject({
        ids: [11],
        decision: 'reject',
        reason: '买家要求取消',
      }),
    );
  });
});
