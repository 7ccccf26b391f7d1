// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineRun } from '../../src-shared/contract/pipeline.contract';
import { fakeBridge, type Handlers } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const ok = <T,>(value: T) => ({ ok: true as const, value });

const run = (over: Partial<PipelineRun> = {}): PipelineRun => ({
  at: '2026-03-20T02:00:00.000Z',
  actor: 'desk',
  review: { approved: 5, held: 2, blocked: 1, unchanged: 0 },
  routing: { allocated: 4, backordered: 1, exception: 0 },
  error: null,
  ...over,
});

function bridgeWith(handlers: Handlers = {}) {
  return fakeBridge({
    handlers: {
      'review.queue': () => ok({ total: 0, rows: [] }),
      'pipeline.status': () => ok({ auto: true, running: false, last: null }),
      'pipeline.run': () => ok(run()),
      ...handlers,
    },
  });
}

describe('review & routing button', () => {
  it('runs review and routing now and shows what the run did', async () => {
    const bridge = bridgeWith();
    renderApp({ bridge, hash: '#/review' });
    fireEvent.click(await screen.findByRole('button', { name: 'Run review & routing now' }));
    const line = await screen.findByRole('status', { name: 'Last review & routing run' });
    expect(line.textContent).toContain(
      'Last run: 5 approved, 2 held, 1 blocked; 4 allocated, 1 backordered, 0 exceptions',
    );
    expect(bridge.callsOf('pipeline.run')).toEqual([{}]);
  });

  it('shows the last automatic run on opening, and its failure', async () => {
    renderApp({
      bridge: bridgeWith({
        'pipeline.status': () =>
          ok({ auto: true, running: false, last: run({ actor: 'auto', error: 'routing: no rates' }) }),
      }),
      hash: '#/review',
    });
    const line = await screen.findByRole('status', { name: 'Last review & routing run' });
    expect(line.textContent).toContain('Last run failed: routing: no rates');
    expect(line.textContent).toContain('automatic');
  });

  it('turns automatic runs off and on through the pipeline.auto setting', async () => {
    const bridge = bridgeWith();
    renderApp({ bridge, hash: '#/review' });
    const box = await screen.findByRole('checkbox', { name: 'Run automatically when orders arrive' });
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(true));
    fireEvent.click(box);
    await waitFor(() => expect((box as HTMLInputElement).checked).toBe(false));
    fireEvent.click(box);
    await waitFor(() => expect(bridge.callsOf('settings.set')).toHaveLength(2));
    expect(bridge.callsOf('settings.set')).toEqual([
      { key: 'pipeline.auto', value: 'off' },
      { key: 'pipeline.auto', value: 'on' },
    ]);
  });

  it('speaks Chinese on a Chinese desk', async () => {
    renderApp({ bridge: bridgeWith(), hash: '#/review', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('button', { name: '立即审单并分仓' }));
    const line = await screen.findByRole('status', { name: '上次审单与分仓' });
    expect(line.textContent).toContain('通过 5，挂起 2，拦截 1；已分配 4，缺货待发 1，异常 0');
  });
});
