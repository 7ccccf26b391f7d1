// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const codeTooShort = () =>
  fakeBridge({
    handlers: {
      'warehouses.save': () => ({
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'warehouses.save: code: must be at least 2 characters',
          issues: [
            { path: 'code', message: 'must be at least 2 characters' },
            { path: 'phone', message: 'must be a phone number (digits, spaces, "-", leading "+")' },
          ],
        },
      }),
    },
  });

describe('settings', () => {
  it('lists warehouses and channels', async () => {
    renderApp({ hash: '#/settings' });
    expect(await screen.findByText('Hangzhou main')).toBeTruthy();
    expect(await screen.findByText('Tmall Flagship')).toBeTruthy();
  });

  it('shows the server’s field errors next to the right fields', async () => {
    const bridge = codeTooShort();
    renderApp({ bridge, hash: '#/settings' });
    await screen.findByText('Hangzhou main');
    fireEvent.click(screen.getByRole('button', { name: '+ New warehouse' }));
    const form = screen.getByRole('form', { name: 'New warehouse' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'X' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Ningbo' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: 'call me' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(bridge.callsOf('warehouses.save')).toHaveLength(1));
    expect(bridge.callsOf('warehouses.save')[0]).toMatchObject({
      code: 'X',
      name: 'Ningbo',
      country: 'CN',
      active: true,
    });
    const code = within(form).getByLabelText('Code');
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'));
    const message = document.getElementById(code.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('Needs at least 2 characters.');
    expect(within(form).getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
    expect(within(form).getByRole('alert').textContent).toContain('Correct the marked fields');
  });

  it('shows the same field error in Chinese', async () => {
    renderApp({ bridge: codeTooShort(), hash: '#/settings', language: 'zh-CN' });
    await screen.findByText('Hangzhou main');
    fireEvent.click(screen.getByRole('button', { name: '+ 新建仓库' }));
    const form = screen.getByRole('form', { name: '新建仓库' });
    fireEvent.click(within(form).getByRole('button', { name: '保存' }));
    expect(await within(form).findByText('至少需要 2 个字符。')).toBeTruthy();
  });

  it('saves a channel and reloads the list', async () => {
    const bridge = fakeBridge();
    renderApp({ bridge, hash: '#/settings' });
    await screen.findByText('Tmall Flagship');
    fireEvent.click(screen.getByRole('button', { name: '+ New channel' }));
    const form = screen.getByRole('form', { name: 'New channel' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'douyin-live' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Douyin live' } });
    fireEvent.change(within(form).getByLabelText('Platform'), { target: { value: 'douyin' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bridge.callsOf('channels.save')).toEqual([
        { code: 'douyin-live', kind: 'douyin', name: 'Douyin live', currency: 'CNY', enabled: true },
      ]),
    );
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New channel' })).toBeNull());
    expect(bridge.callsOf('channels.list').length).toBeGreaterThan(1);
  });
});
