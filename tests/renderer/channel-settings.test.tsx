// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FolderStatus } from '../../src-shared/contract/intake.contract';
import type { SyncChannel } from '../../src-shared/contract/sync.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const shopify: SyncChannel = {
  channelId: 3,
  code: 'shopify-us',
  name: 'US Shopify',
  kind: 'shopify',
  enabled: true,
  url: '',
  intervalMinutes: 15,
  syncEnabled: false,
  hasCredentials: false,
  credentialsBackend: null,
  credentialsUpdatedAt: null,
  state: 'not_configured',
  running: false,
  lastRunAt: null,
  lastSuccessAt: null,
  nextRunAt: null,
  cursorAt: null,
  lastFullAt: null,
  lastCounts: { imported: 0, updated: 0, unchanged: 0 },
  lastError: null,
};

const folder = (over: Partial<FolderStatus> = {}): FolderStatus => ({
  channelId: 1,
  channel: 'tmall',
  name: 'Tmall Flagship',
  dir: '/srv/exports/tmall',
  format: 'taobao',
  enabled: true,
  watching: true,
  lastScanAt: '2025-03-10T09:00:00.000Z',
  lastFile: 'ExportOrderList-0310.csv',
  lastStatus: 'imported',
  lastMessage: '42 new, 0 updated, 0 unchanged',
  filesImported: 5,
  filesFailed: 0,
  ...over,
});

describe('channel connection form: test before saving', () => {
  it('tests the typed address and token without storing them, and shows the answer', async () => {
    const bridge = fakeBridge({
      handlers: {
        'sync.status': () => ({
          ok: true,
          value: {
            channels: [shopify],
            secretStore: { available: true, backend: 'gnome_libsecret', reason: null },
            offline: null,
          },
        }),
        'channels.testConnection': (i) =>
          i.credentials
            ? {
                ok: true,
                value: { ok: true, shopName: 'Fake Outfitters', message: 'Connected to Fake Outfitters' },
              }
            : { ok: true, value: { ok: false, shopName: null, message: 'no credentials yet' } },
      },
    });
    renderApp({ bridge, hash: '#/sync', language: 'en' });
    const card = (await screen.findByRole('heading', { name: /US Shopify/ })).closest('article')!;
    const test = within(card).getByRole('button', { name: 'Test these settings' }) as HTMLButtonElement;
    expect(test.disabled).toBe(true); // nothing typed, nothing stored
    fireEvent.change(within(card).getByLabelText('Shop domain'), {
      target: { value: 'fake-outfitters.myshopify.com' },
    });
    fireEvent.change(within(card).getByLabelText('Admin API access token'), {
      target: { value: 'shpat_typed_123456' },
    });
    fireEvent.click(test);
    expect(await within(card).findByText('Connected to Fake Outfitters')).toBeTruthy();
    expect(bridge.callsOf('channels.testConnection')).toEqual([
      {
        channelId: 3,
        url: 'fake-outfitters.myshopify.com',
        credentials: { kind: 'shopify', accessToken: 'shpat_typed_123456' },
      },
    ]);
    expect(bridge.callsOf('channels.setCredentials')).toEqual([]);
    expect(bridge.callsOf('sync.configure')).toEqual([]);
  });
});

describe('watched folders on the channel sync screen', () => {
  it('shows each folder’s last file and result, the refusal reason, and scans on demand', async () => {
    const bridge = fakeBridge({
      handlers: {
        'sync.status': () => ({
          ok: true,
          value: {
            channels: [],
            secretStore: { available: true, backend: 'x', reason: null },
            offline: null,
          },
        }),
        'folders.status': () => ({
          ok: true,
          value: {
            folders: [
              folder(),
              folder({
                channelId: 2,
                channel: 'pdd',
                name: 'PDD Store',
                dir: '/srv/exports/pdd',
                format: 'pdd',
                lastFile: 'broken.csv',
                lastStatus: 'failed',
                lastMessage: 'broken.csv: missing required column 订单号',
                filesImported: 0,
                filesFailed: 1,
              }),
            ],
          },
        }),
        'folders.scanNow': () => ({ ok: true, value: { files: [] } }),
      },
    });
    renderApp({ bridge, hash: '#/sync', language: 'zh-CN' });
    const section = await screen.findByRole('region', { name: '监控文件夹' });
    const tmall = await within(section).findByRole('row', { name: 'Tmall Flagship' });
    expect(within(tmall).getByText('ExportOrderList-0310.csv')).toBeTruthy();
    expect(within(tmall).getByText('已导入')).toBeTruthy();
    expect(within(tmall).getByText('已导入 5 · 失败 0')).toBeTruthy();
    expect(within(tmall).getByText(/格式：淘宝\/天猫 订单报表 · 监控中/)).toBeTruthy();
    const pdd = within(section).getByRole('row', { name: 'PDD Store' });
    expect(within(pdd).getByRole('alert').textContent).toBe('broken.csv: missing required column 订单号');
    fireEvent.click(within(pdd).getByRole('button', { name: '立即扫描' }));
    await waitFor(() => expect(bridge.callsOf('folders.scanNow')).toEqual([{ channelId: 2 }]));
    // A scan by the core's own timer refreshes the section.
    const before = bridge.callsOf('folders.status').length;
    bridge.emit({ name: 'folders.changed', payload: { channelId: 1 } });
    await waitFor(() => expect(bridge.callsOf('folders.status').length).toBeGreaterThan(before));
  });
});

describe('settings: watched folder of a channel', () => {
  it('sends the folder and layout with the channel, and shows the core’s refusal under the field', async () => {
    const bridge = fakeBridge({
      handlers: {
        'channels.save': (i) =>
          i.watchFolder?.dir === '/nowhere'
            ? {
                ok: false,
                error: {
                  code: 'invalid_input',
                  message:
                    'watchFolder.dir: folder "/nowhere" does not exist on the computer running Packdesk',
                  issues: [
                    {
                      path: 'watchFolder.dir',
                      message: 'folder "/nowhere" does not exist on the computer running Packdesk',
                    },
                  ],
                },
              }
            : {
                ok: true,
                value: {
                  id: 9,
                  orderCount: 0,
                  currency: 'CNY',
                  enabled: true,
                  ...i,
                  watchFolder: i.watchFolder ?? null,
                } as never,
              },
      },
    });
    renderApp({ bridge, hash: '#/settings', language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: '+ New channel' }));
    const form = screen.getByRole('form', { name: 'New channel' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'pdd-main' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'PDD main' } });
    fireEvent.change(within(form).getByLabelText('Folder'), { target: { value: '/nowhere' } });
    fireEvent.change(within(form).getByLabelText('Layout of the files'), { target: { value: 'pdd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText(/does not exist on the computer running Packdesk/)).toBeTruthy();
    expect(bridge.callsOf('channels.save')[0]).toMatchObject({
      code: 'pdd-main',
      watchFolder: { dir: '/nowhere', format: 'pdd', enabled: true },
    });
    fireEvent.change(within(form).getByLabelText('Folder'), { target: { value: '/srv/exports/pdd' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New channel' })).toBeNull());
    expect(bridge.callsOf('channels.save')[1].watchFolder).toEqual({
      dir: '/srv/exports/pdd',
      format: 'pdd',
      enabled: true,
    });
  });

  it('sends nothing about folders for a channel that has none', async () => {
    const bridge = fakeBridge({});
    renderApp({ bridge, hash: '#/settings', language: 'en' });
    fireEvent.click(await screen.findByRole('button', { name: '+ New channel' }));
    const form = screen.getByRole('form', { name: 'New channel' });
    fireEvent.change(within(form).getByLabelText('Code'), { target: { value: 'shop-x' } });
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Shop X' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('channels.save')).toHaveLength(1));
    expect(bridge.callsOf('channels.save')[0]).not.toHaveProperty('watchFolder');
  });
});
