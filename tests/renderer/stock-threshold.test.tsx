// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const row = (threshold: number) => ({
  warehouse: 'HZ-01',
  sku: 'TEA',
  title: '龙井茶',
  bin: 'A-01',
  binSequence: 1,
  onHand: 6,
  reserved: 1,
  available: 5,
  threshold,
});

describe('safety stock per warehouse on the levels screen', () => {
  it('Enter saves this warehouse’s threshold, empty goes back to the SKU’s, a word is refused (zh-CN)', async () => {
    let threshold = 0;
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': () => ({ ok: true, value: { rows: [row(threshold)], total: 1 } }),
        'inventory.threshold': (input) => {
          threshold = input.minAvailable ?? 2;
          return { ok: true, value: { threshold } };
        },
      },
    });
    renderApp({ bridge, hash: '#/inventory', language: 'zh-CN' });
    const name = 'TEA 在 HZ-01 的安全库存';
    fireEvent.click(await screen.findByRole('button', { name }));
    let input = screen.getByRole('textbox', { name });
    fireEvent.change(input, { target: { value: '十' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('安全库存必须是 0 或以上的整数');
    expect(bridge.callsOf('inventory.threshold')).toEqual([]);
    fireEvent.change(input, { target: { value: '8' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('button', { name }).textContent).toBe('8'));
    fireEvent.click(screen.getByRole('button', { name }));
    input = screen.getByRole('textbox', { name });
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('button', { name }).textContent).toBe('2'));
    expect(bridge.callsOf('inventory.threshold')).toEqual([
      { warehouse: 'HZ-01', sku: 'TEA', minAvailable: 8 },
      { warehouse: 'HZ-01', sku: 'TEA', minAvailable: null },
    ]);
  });
});
