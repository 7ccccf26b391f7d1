// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncChannel } from '../../src-shared/contract/sync.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const aSyncChannel = (over: Partial<SyncChannel> = {}): SyncChannel => ({
  channelId: 3,
  code: 'shopify-us',
  name: 'US Shopify',
  kind: 'shopify',
  enabled: true,
  url: 'fake-outfitters.myshopify.com',
  intervalMinutes: 15,
  syncEnabled: true,
  hasCredentials: true,
  credentialsBackend: 'gnome_libsecret',
  credentialsUpdatedAt: '2025-03-10T08:00:00.000Z',
  state: 'ok',
  running: false,
  lastRunAt: '2025-03-10T09:00:00.000Z',
  lastSuccessAt: '2025-03-10T09:00:00.000Z',
  nextRunAt: '2025-03-10T09:15:00.000Z',
  cursorAt: '2025-03-10T08:59:00.000Z',
  lastFullAt: '2025-03-10T00:00:00.000Z',
  lastCounts: { imported: 12, updated: 3, unchanged: 40 },
  lastError: null,
  ...over,
});

function bridgeWith(
  channels: SyncChannel[],
  extra: {
    offline?: boolean;
    keychain?: boolean;
    testMessage?: string;
    /** Field messages the core refuses the connection settings with. */
    refuse?: { path: string; message: string }[];
  } = {},
) {
  return fakeBridge({
    handlers: {
      'sync.status': () => ({
        ok: true,
        value: {
          channels,
          secretStore:
            extra.keychain === false
              ? { available: false, backend: 'basic_text', reason: 'No keyring: install gnome-keyring.' }
              : { available: true, backend: 'gnome_libsecret', reason: null },
          offline: extra.offline
            ? {
                since: '2025-03-10T09:20:00.000Z',
                retryAt: '2025-03-10T09:21:00.000Z',
                reason: 'cannot reach shop',
              }
            : null,
        },
      }),
      'sync.now': (i) => ({ ok: true, value: { started: i.channelId ? [i.channelId] : [3] } }),
      'sync.configure': () =>
        extra.refuse
          ? {
              ok: false,
              error: { code: 'invalid_input', message: extra.refuse[0]!.message, issues: extra.refuse },
            }
          : { ok: true, value: channels[0]! },
      'channels.setCredentials': (i) => ({
        ok: true,
        value: { channelId: i.channelId, backend: 'gnome_libsecret', storedAt: '2025-03-10T09:30:00.000Z' },
      }),
      'channels.testConnection': () => ({
        ok: true,
        value: extra.testMessage
          ? { ok: false, shopName: null, message: extra.testMessage }
          : { ok: true, shopName: 'Fake Outfitters', message: 'Connected to Fake Outfitters' },
      }),
    },
  });
}

describe('channel sync screen', () => {
  it('shows each channel’s last sync, counts and errors, and syncs one on demand', async () => {
    const bridge = bridgeWith([
      aSyncChannel(),
      aSyncChannel({
        channelId: 4,
        name: 'Woo EU',
        kind: 'woocommerce',
        state: 'error',
        lastError: 'WooCommerce orders page 1: the shop refused the credentials (HTTP 401)',
      }),
    ]);
    renderApp({ bridge, hash: '#/sync' });
    const card = (await screen.findByRole('heading', { name: /US Shopify/ })).closest('article')!;
    expect(within(card).getByText('12 new · 3 updated · 40 unchanged')).toBeTruthy();
    expect(within(card).getByText('Up to date')).toBeTruthy();
    expect(screen.getByText(/refused the credentials \(HTTP 401\)/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(bridge.callsOf('sync.now')).toEqual([{ channelId: 3 }]));
  });

  it('keeps credentials write-only: empty fields, saved only when typed; tests the connection', async () => {
    const bridge = bridgeWith([aSyncChannel()]);
    renderApp({ bridge, hash: '#/sync' });
    const card = (await screen.findByRole('heading', { name: /US Shopify/ })).closest('article')!;
    fireEvent.click(within(card).getByRole('button', { name: 'Test connection' }));
    expect(await within(card).findByText('Connected to Fake Outfitters')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Connection settings' }));
    const token = within(card).getByLabelText('Admin API access token') as HTMLInputElement;
    expect(token.value).toBe('');
    expect(token.type).toBe('password');
    fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('sync.configure')).toHaveLength(1));
    expect(bridge.callsOf('channels.setCredentials')).toEqual([]);

    fireEvent.click(within(card).getByRole('button', { name: 'Connection settings' }));
    fireEvent.change(within(card).getByLabelText('Admin API access token'), {
      target: { value: 'shpat_new_token_123' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(bridge.callsOf('channels.setCredentials')).toEqual([
        { channelId: 3, credentials: { kind: 'shopify', accessToken: 'shpat_new_token_123' } },
      ]),
    );
  });

  it('says a channel’s last error and a failed connection test in Chinese, with what to do', async () => {
    const refused =
      'Shopify orders: the shop refused the credentials (HTTP 401: [API] Invalid API key or access token (unrecognized login or wrong password)); check them in the channel settings';
    const bridge = bridgeWith([aSyncChannel({ state: 'error', lastError: refused })], {
      testMessage: 'Shopify shop: cannot reach fake-outfitters.myshopify.com (ENOTFOUND)',
    });
    renderApp({ bridge, hash: '#/sync', language: 'zh-CN' });
    const card = (await screen.findByRole('heading', { name: /US Shopify/ })).closest('article')!;
    expect(
      within(card).getByText(
        'Shopify 订单：店铺拒绝了凭据（HTTP 401: [API] Invalid API key or access token (unrecognized login or wrong password)）。请重新连接店铺：在“连接设置”中填写新的访问令牌或密钥',
      ),
    ).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: '测试连接' }));
    expect(
      await within(card).findByText(
        '连接失败：Shopify 连接测试：无法连接 fake-outfitters.myshopify.com（ENOTFOUND），请检查网络和店铺地址',
      ),
    ).toBeTruthy();
  });

  it('says the connection form’s field problems in Chinese', async () => {
    const bridge = bridgeWith([aSyncChannel({ kind: 'woocommerce', name: 'Woo EU' })], {
      refuse: [
        {
          path: 'url',
          message: 'shop.example.com must be reached over https:// so the credentials are not sent in clear',
        },
        { path: 'intervalMinutes', message: 'must be at least 5 minutes' },
      ],
    });
    renderApp({ bridge, hash: '#/sync', language: 'zh-CN' });
    const card = (await screen.findByRole('heading', { name: /Woo EU/ })).closest('article')!;
    fireEvent.click(within(card).getByRole('button', { name: '连接设置' }));
    fireEvent.click(within(card).getByRole('button', { name: '保存' }));
    expect(
      await within(card).findByText('shop.example.com 必须通过 https:// 访问，以免凭据以明文传输'),
    ).toBeTruthy();
    expect(within(card).getByText('不能少于 5 分钟')).toBeTruthy();
  });

  it('says when sync is paused offline and when credentials cannot be stored, in Chinese too', async () => {
    renderApp({
      bridge: bridgeWith([aSyncChannel({ state: 'offline', lastError: 'cannot reach shop' })], {
        offline: true,
        keychain: false,
      }),
      hash: '#/sync',
      language: 'zh-CN',
    });
    expect(await screen.findByRole('heading', { name: '渠道同步' })).toBeTruthy();
    expect(screen.getByText('离线：同步已暂停')).toBeTruthy();
    expect(screen.getByText('本机无法保存凭据（basic_text）')).toBeTruthy();
    expect(screen.getByText('No keyring: install gnome-keyring.')).toBeTruthy();
  });

  it('updates a running channel’s counts from sync.progress events', async () => {
    const bridge = bridgeWith([aSyncChannel()]);
    renderApp({ bridge, hash: '#/sync' });
    const card = (await screen.findByRole('heading', { name: /US Shopify/ })).closest('article')!;
    bridge.emit({
      name: 'sync.progress',
      payload: {
        channelId: 3,
        state: 'running',
        pages: 2,
        imported: 40,
        updated: 0,
        unchanged: 0,
        error: null,
      },
    });
    expect(await within(card).findByText('40 new · 0 updated · 0 unchanged')).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Syncing…' })).toBeTruthy();
  });
});
