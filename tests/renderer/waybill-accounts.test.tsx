// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WaybillAccount } from '../../src-shared/contract/waybill.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const stored: WaybillAccount = {
  id: 3,
  carrier: 'ZTO',
  platform: 'cainiao',
  cpCode: 'ZTO',
  templateUrl: 'http://cloudprint.cainiao.com/template/standard/101',
  sender: {
    name: '上海仓',
    mobile: '13900000000',
    phone: '',
    province: '上海市',
    city: '上海市',
    district: '浦东新区',
    town: '',
    detail: '川沙路 100 号',
  },
  storeCode: '',
  gatewayUrl: '',
  active: true,
  hasCredentials: true,
  credentialsBackend: 'keychain',
  credentialsUpdatedAt: '2026-11-25T10:00:00.000Z',
};

/** A settings core that validates like the contract does for the fields this test touches. */
function shop(start: WaybillAccount[] = [], keychain = true) {
  let rows = start;
  const bridge = fakeBridge({
    handlers: {
      'carriers.list': () => ({
        ok: true,
        value: {
          rows: [
            { code: 'ZTO', name: '中通快递', active: true },
            { code: 'YTO', name: '圆通速递', active: true },
          ] as never,
        },
      }),
      'waybill.accounts.list': () => ({
        ok: true,
        value: {
          rows,
          secretStore: keychain
            ? { available: true, backend: 'keychain', reason: null }
            : { available: false, backend: 'basic_text', reason: 'no keyring is running' },
        },
      }),
      'waybill.accounts.save': (input) => {
        if (!input.sender.mobile && !input.sender.phone)
          return {
            ok: false,
            error: {
              code: 'invalid_input',
              message: 'Invalid input',
              issues: [{ path: 'sender.mobile', message: 'give a mobile or a phone number' }],
            },
          };
        const saved: WaybillAccount = {
          ...stored,
          ...input,
          id: input.id ?? 9,
          platform: input.platform ?? 'cainiao',
          storeCode: input.storeCode ?? '',
          gatewayUrl: input.gatewayUrl ?? '',
          active: input.active ?? true,
          sender: { mobile: '', phone: '', town: '', ...input.sender },
          hasCredentials: rows.find((r) => r.id === input.id)?.hasCredentials ?? false,
          credentialsBackend: null,
          credentialsUpdatedAt: null,
        };
        rows = [...rows.filter((r) => r.id !== saved.id), saved];
        return { ok: true, value: saved };
      },
      'waybill.accounts.setCredentials': ({ id }) => {
        rows = rows.map((r) =>
          r.id === id ? { ...r, hasCredentials: true, credentialsBackend: 'keychain' } : r,
        );
        return { ok: true, value: { id, backend: 'keychain', storedAt: '2026-11-25T12:00:00.000Z' } };
      },
      'waybill.accounts.test': (input) => ({
        ok: true,
        value:
          input.credentials?.appSecret === 'wrong'
            ? { ok: false, message: 'Cainiao cainiao.waybill.ii.search: Invalid signature [25]' }
            : { ok: true, message: 'Connected: ZTO via 上海浦东网点; 980 numbers left' },
      }),
    },
  });
  return bridge;
}

const section = async (name = 'E-waybill accounts (电子面单)') =>
  (await screen.findByRole('heading', { name })).closest('section')!;

describe('settings: e-waybill accounts', () => {
  it('adds an account: typed credentials tested, then saved encrypted apart from the settings; the list never shows them', async () => {
    const bridge = shop();
    renderApp({ bridge, hash: '#/settings' });
    const s = await section();
    expect(within(s).getByText(/No e-waybill accounts/)).toBeTruthy();
    fireEvent.click(within(s).getByRole('button', { name: '+ Add account' }));
    const form = await within(s).findByRole('form', { name: 'Add account' });
    const field = (label: string) => within(form).getByLabelText<HTMLInputElement>(label);
    fireEvent.change(within(form).getByLabelText('Carrier'), { target: { value: 'YTO' } });
    fireEvent.change(field('Carrier code (cp_code)'), { target: { value: 'yto' } });
    expect(field('Carrier code (cp_code)').value).toBe('YTO');
    fireEvent.change(field('Template URL'), {
      target: { value: 'http://cloudprint.cainiao.com/template/standard/201' },
    });
    for (const [label, v] of [
      ['Name', '上海仓'],
      ['Mobile', '13900000000'],
      ['Province', '上海市'],
      ['City', '上海市'],
      ['District', '浦东新区'],
      ['Address', '川沙路 100 号'],
    ])
      fireEvent.change(field(label!), { target: { value: v } });
    for (const k of ['App key', 'App secret', 'Session key']) expect(field(k).type).toBe('password');
    fireEvent.change(field('App key'), { target: { value: '12345678' } });
    fireEvent.change(field('App secret'), { target: { value: 'wrong' } });
    fireEvent.change(field('Session key'), { target: { value: 'sess-1' } });

    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(await within(form).findByText(/Failed\. .*Invalid signature/)).toBeTruthy();
    fireEvent.change(field('App secret'), { target: { value: 'right-secret' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    expect(
      await within(form).findByText(/Works\. Connected: ZTO via 上海浦东网点; 980 numbers left/),
    ).toBeTruthy();
    expect(bridge.callsOf('waybill.accounts.test').at(-1)).toEqual({
      platform: 'cainiao',
      cpCode: 'YTO',
      gatewayUrl: '',
      credentials: { appKey: '12345678', appSecret: 'right-secret', sessionKey: 'sess-1' },
    });

    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('waybill.accounts.setCredentials')).toHaveLength(1));
    const saved = bridge.callsOf('waybill.accounts.save')[0];
    expect(saved).toMatchObject({
      carrier: 'YTO',
      platform: 'cainiao',
      cpCode: 'YTO',
      sender: { name: '上海仓', mobile: '13900000000' },
    });
    expect(JSON.stringify(saved)).not.toContain('right-secret');
    expect(bridge.callsOf('waybill.accounts.setCredentials')[0]).toEqual({
      id: 9,
      credentials: { appKey: '12345678', appSecret: 'right-secret', sessionKey: 'sess-1' },
    });
    const row = (await within(s).findByText('stored (keychain)')).closest('tr')!;
    expect(within(row).getAllByText('YTO')).toHaveLength(2); // carrier and cp_code
    expect(s.textContent).not.toContain('right-secret');
  });

  it('editing keeps stored credentials when none are typed, tests the stored ones, and shows a field error next to its field', async () => {
    const bridge = shop([stored]);
    renderApp({ bridge, hash: '#/settings' });
    const s = await section();
    fireEvent.click(await within(s).findByRole('button', { name: 'Edit the ZTO account on Cainiao (菜鸟)' }));
    const form = await within(s).findByRole('form', { name: 'Edit e-waybill account' });
    const field = (label: string) => within(form).getByLabelText<HTMLInputElement>(label);
    expect(field('App key').value).toBe('');
    expect(within(form).getByText(/Stored, encrypted by keychain/)).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await within(form).findByText(/Works\./);
    expect(bridge.callsOf('waybill.accounts.test')[0]).toEqual({
      platform: 'cainiao',
      cpCode: 'ZTO',
      gatewayUrl: '',
      id: 3,
    });

    fireEvent.change(field('Mobile'), { target: { value: '' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('give a mobile or a phone number')).toBeTruthy();
    expect(field('Mobile').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(field('Phone'), { target: { value: '021-12345678' } });
    fireEvent.keyDown(field('Phone'), { key: 'Enter' });
    fireEvent.submit(form);
    await waitFor(() => expect(within(s).queryByRole('form')).toBeNull());
    expect(bridge.callsOf('waybill.accounts.save').at(-1)).toMatchObject({
      id: 3,
      sender: { phone: '021-12345678' },
    });
    expect(bridge.callsOf('waybill.accounts.setCredentials')).toHaveLength(0);
  });

  it('in Chinese, and with the credentials locked where only plain-text storage exists', async () => {
    renderApp({ bridge: shop([stored], false), hash: '#/settings', language: 'zh-CN' });
    const s = await section('电子面单账号');
    fireEvent.click(await within(s).findByRole('button', { name: '编辑 ZTO 的菜鸟账号' }));
    const form = await within(s).findByRole('form', { name: '编辑电子面单账号' });
    expect(within(form).getByText('此电脑无法保存凭据：no keyring is running')).toBeTruthy();
    expect(within(form).getByLabelText('App Secret').matches(':disabled')).toBe(true);
    expect(within(form).getByLabelText('快递编码（cp_code）')).toBeTruthy();
  });

  it('adds a Pinduoduo account beside the Cainiao one: the platform chosen first, with PDD’s own credential names; fixed once saved', async () => {
    const bridge = shop([stored]);
    renderApp({ bridge, hash: '#/settings' });
    const s = await section();
    fireEvent.click(within(s).getByRole('button', { name: '+ Add account' }));
    const form = await within(s).findByRole('form', { name: 'Add account' });
    const field = (label: string) => within(form).getByLabelText<HTMLInputElement>(label);
    // Cainiao first: its names, its store code.
    expect(field('App key')).toBeTruthy();
    expect(within(form).queryByLabelText('Store code')).toBeTruthy();
    const platform = within(form).getByLabelText<HTMLSelectElement>('Platform');
    expect([...platform.options].map((o) => o.textContent)).toEqual([
      'Cainiao (菜鸟)',
      'Pinduoduo (拼多多)',
      'Douyin (抖店)',
    ]);
    fireEvent.change(platform, { target: { value: 'pdd' } });
    expect(within(form).queryByLabelText('App key')).toBeNull();
    expect(within(form).queryByLabelText('Store code')).toBeNull();
    expect(
      within(form).getByText('None stored yet: type the client ID, client secret and access token.'),
    ).toBeTruthy();
    fireEvent.change(field('Carrier code (wp_code)'), { target: { value: 'zto' } });
    fireEvent.change(field('Template URL'), { target: { value: 'https://file-link.pinduoduo.com/zto_one' } });
    for (const [label, v] of [
      ['Name', '上海仓'],
      ['Mobile', '13900000000'],
      ['Province', '上海市'],
      ['City', '上海市'],
      ['District', '浦东新区'],
      ['Address', '川沙路 100 号'],
    ])
      fireEvent.change(field(label!), { target: { value: v } });
    for (const k of ['Client ID', 'Client secret', 'Access token']) expect(field(k).type).toBe('password');
    fireEvent.change(field('Client ID'), { target: { value: 'pdd-client-1' } });
    fireEvent.change(field('Client secret'), { target: { value: 'pdd-secret' } });
    fireEvent.change(field('Access token'), { target: { value: 'pdd-token' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await within(form).findByText(/Works\./);
    expect(bridge.callsOf('waybill.accounts.test').at(-1)).toEqual({
      platform: 'pdd',
      cpCode: 'ZTO',
      gatewayUrl: '',
      credentials: { appKey: 'pdd-client-1', appSecret: 'pdd-secret', sessionKey: 'pdd-token' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('waybill.accounts.setCredentials')).toHaveLength(1));
    expect(bridge.callsOf('waybill.accounts.save')[0]).toMatchObject({
      carrier: 'ZTO',
      platform: 'pdd',
      cpCode: 'ZTO',
      storeCode: '',
    });
    // Both ZTO accounts listed, each edited by its own button; the saved one's platform is fixed.
    fireEvent.click(
      await within(s).findByRole('button', { name: 'Edit the ZTO account on Pinduoduo (拼多多)' }),
    );
    const edit = await within(s).findByRole('form', { name: 'Edit e-waybill account' });
    const fixed = within(edit).getByLabelText<HTMLSelectElement>('Platform');
    expect(fixed.value).toBe('pdd');
    expect(fixed.disabled).toBe(true);
    expect(within(edit).getByLabelText('Access token')).toBeTruthy();
    expect(within(s).getByRole('button', { name: 'Edit the ZTO account on Cainiao (菜鸟)' })).toBeTruthy();
  });

  it('in Chinese the Pinduoduo account names its own fields', async () => {
    renderApp({ bridge: shop(), hash: '#/settings', language: 'zh-CN' });
    const s = await section('电子面单账号');
    fireEvent.click(within(s).getByRole('button', { name: '+ 添加账号' }));
    const form = await within(s).findByRole('form', { name: '添加账号' });
    fireEvent.change(within(form).getByLabelText('平台'), { target: { value: 'pdd' } });
    for (const label of ['快递编码（wp_code）', 'Client ID', 'Client Secret', 'Access Token'])
      expect(within(form).getByLabelText(label)).toBeTruthy();
  });

  it('adds a Douyin account: logistics_code kept as typed, app key, app secret and access token (en, zh-CN)', async () => {
    const bridge = shop([stored]);
    renderApp({ bridge, hash: '#/settings' });
    const s = await section();
    fireEvent.click(within(s).getByRole('button', { name: '+ Add account' }));
    const form = await within(s).findByRole('form', { name: 'Add account' });
    const field = (label: string) => within(form).getByLabelText<HTMLInputElement>(label);
    fireEvent.change(within(form).getByLabelText('Platform'), { target: { value: 'douyin' } });
    expect(within(form).queryByLabelText('Carrier code (cp_code)')).toBeNull();
    expect(within(form).queryByLabelText('Store code')).toBeNull();
    expect(within(form).queryByLabelText('Session key')).toBeNull();
    expect(
      within(form).getByText("None stored yet: type the app key, app secret and the shop's access token."),
    ).toBeTruthy();
    fireEvent.change(field('Carrier code (logistics_code)'), { target: { value: 'zhongtong' } });
    expect(field('Carrier code (logistics_code)').value).toBe('zhongtong');
    fireEvent.change(field('Template URL'), { target: { value: 'https://example.com/douyin/zto.xml' } });
    for (const [label, v] of [
      ['Name', '上海仓'],
      ['Mobile', '13900000000'],
      ['Province', '上海市'],
      ['City', '上海市'],
      ['District', '浦东新区'],
      ['Address', '川沙路 100 号'],
    ])
      fireEvent.change(field(label!), { target: { value: v } });
    for (const k of ['App key', 'App secret', 'Access token']) expect(field(k).type).toBe('password');
    fireEvent.change(field('App key'), { target: { value: 'dy-key' } });
    fireEvent.change(field('App secret'), { target: { value: 'dy-secret' } });
    fireEvent.change(field('Access token'), { target: { value: 'dy-token' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Test connection' }));
    await within(form).findByText(/Works\./);
    expect(bridge.callsOf('waybill.accounts.test').at(-1)).toEqual({
      platform: 'douyin',
      cpCode: 'zhongtong',
      gatewayUrl: '',
      credentials: { appKey: 'dy-key', appSecret: 'dy-secret', sessionKey: 'dy-token' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('waybill.accounts.setCredentials')).toHaveLength(1));
    expect(bridge.callsOf('waybill.accounts.save')[0]).toMatchObject({
      carrier: 'ZTO',
      platform: 'douyin',
      cpCode: 'zhongtong',
      storeCode: '',
    });
    cleanup();

    renderApp({ bridge: shop(), hash: '#/settings', language: 'zh-CN' });
    const zh = await section('电子面单账号');
    fireEvent.click(within(zh).getByRole('button', { name: '+ 添加账号' }));
    const zhForm = await within(zh).findByRole('form', { name: '添加账号' });
    fireEvent.change(within(zhForm).getByLabelText('平台'), { target: { value: 'douyin' } });
    for (const label of ['快递编码（logistics_code）', 'App Key', 'App Secret', 'Access Token'])
      expect(within(zhForm).getByLabelText(label)).toBeTruthy();
  });
});
