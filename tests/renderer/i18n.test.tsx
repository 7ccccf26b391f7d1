// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en, zhCN } from '../../src-renderer/i18n/resources';
import { LANGUAGE_STORAGE_KEY, languageFromLocales } from '../../src-renderer/i18n/i18n';
import { ORDER_STATUSES } from '../../src-shared/domain/order-status';
import { ORDER_TYPES, CHANNEL_KINDS } from '../../src-shared/domain/ids';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

const keysOf = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' && !Array.isArray(v) ? keysOf(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

beforeEach(() => localStorage.clear());
afterEach(cleanup);

describe('translations', () => {
  it('zh-CN and en translations have exactly the same keys', () => {
    expect(keysOf(zhCN).sort()).toEqual(keysOf(en).sort());
  });

  it('name every status, order type and channel kind in both languages', () => {
    for (const dict of [en, zhCN] as Record<string, any>[]) {
      for (const s of ORDER_STATUSES) {
        expect(dict.status[s], `status.${s}`).toBeTruthy();
        expect(dict.orders.action[s], `orders.action.${s}`).toBeTruthy();
      }
      for (const t of ORDER_TYPES) expect(dict.orderType[t], `orderType.${t}`).toBeTruthy();
      for (const k of CHANNEL_KINDS) expect(dict.channelKind[k], `channelKind.${k}`).toBeTruthy();
    }
  });

  it('leaves no value empty and no English in the Chinese file where a translation is due', () => {
    const flat = (o: object): [string, unknown][] =>
      keysOf(o).map((k) => [k, k.split('.').reduce<any>((acc, p) => acc?.[p], o)]);
    for (const [k, v] of flat(zhCN)) {
      expect(v, k).toBeTruthy();
      // Brand and key names may stay Latin; sentences may not.
      if (typeof v === 'string' && /\s[a-z]{3,}\s[a-z]{3,}\s/.test(v) && !k.startsWith('token.explain')) {
        throw new Error(`${k} looks untranslated: ${v}`);
      }
    }
  });

  it('defaults to Chinese for any zh locale and to English otherwise', () => {
    expect(languageFromLocales(['zh-CN'])).toBe('zh-CN');
    expect(languageFromLocales(['zh-Hans-HK', 'en'])).toBe('zh-CN');
    expect(languageFromLocales(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromLocales([])).toBe('en');
  });
});

describe('language switch', () => {
  it('changes visible text at once, remembers it locally and saves it through the API', async () => {
    const bridge = fakeBridge();
    renderApp({ bridge, language: 'en' });
    expect(await screen.findByRole('heading', { name: 'Order queue' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Settings/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    expect(await screen.findByRole('heading', { name: '订单队列' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /设置/ })).toBeTruthy();
    expect(screen.getAllByText('待审核').length).toBeGreaterThan(0);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
    await waitFor(() =>
      expect(bridge.callsOf('settings.set')).toEqual([{ key: 'ui.language', value: 'zh-CN' }]),
    );
    expect(document.documentElement.lang).toBe('zh-CN');

    fireEvent.click(screen.getByRole('button', { name: 'EN' }));
    expect(await screen.findByRole('heading', { name: 'Order queue' })).toBeTruthy();
  });

  it('switches screens with Alt+digit and g-sequences; placeholders say what is coming', async () => {
    renderApp({ language: 'en' });
    await screen.findByRole('heading', { name: 'Order queue' });
    fireEvent.keyDown(document.body, { key: '9', code: 'Digit9', altKey: true });
    expect(await screen.findByRole('heading', { name: 'Settings' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(document.body, { key: 'a', code: 'KeyA' });
    expect(await screen.findByRole('heading', { name: 'After-sales' })).toBeTruthy();
    expect(screen.getByText('This screen arrives with returns and refunds.')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(document.body, { key: 'k', code: 'KeyK' });
    expect(await screen.findByRole('heading', { name: 'Packing' })).toBeTruthy();
    expect(screen.getByText('Ready: scan the next order')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'g', code: 'KeyG' });
    fireEvent.keyDown(document.body, { key: 'o', code: 'KeyO' });
    expect(await screen.findByRole('heading', { name: 'Order queue' })).toBeTruthy();
    fireEvent.keyDown(document.body, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
  });
});
