// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it, vi } from 'vitest';
import { createApi } from '../../src-renderer/api/client';
import type { Transport } from '../../src-renderer/api/http-bridge';
import { Root } from '../../src-renderer/app/root';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { fakeBridge } from './fake-bridge';
import { fakeLayout } from './render-app';

afterEach(cleanup);

it('asks for the LAN token when the server answers 401, and passes it to the transport', async () => {
  fakeLayout();
  const setToken = vi.fn();
  const transport: Transport = {
    ...fakeBridge(),
    host: 'web',
    onStatus: (l) => {
      l('unauthorized');
      return () => undefined;
    },
    setToken,
  };
  render(<Root api={createApi(transport)} i18n={createI18n('en')} />);
  const dialog = await screen.findByRole('dialog', { name: 'Access token needed' });
  expect(screen.getByRole('status').textContent).toContain('Access token needed');
  fireEvent.change(dialog.querySelector('input')!, { target: { value: ' abc123 ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
  expect(setToken).toHaveBeenCalledWith('abc123');
});
