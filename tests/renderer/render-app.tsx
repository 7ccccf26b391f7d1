import { render } from '@testing-library/react';
import { createApi } from '../../src-renderer/api/client';
import { Root } from '../../src-renderer/app/root';
import { createI18n, type Language } from '../../src-renderer/i18n/i18n';
import { fakeBridge, type FakeBridge } from './fake-bridge';

/**
 * jsdom has no layout, so the virtual list would see a 0-pixel viewport and render nothing.
 * Give every element a desktop-sized box; the virtualiser then renders about 20 rows.
 */
export function fakeLayout(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 680 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1100 });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => 34 });
  Element.prototype.scrollTo ??= function () {};
}

export function renderApp(opts: { bridge?: FakeBridge; language?: Language; hash?: string } = {}) {
  fakeLayout();
  window.location.hash = opts.hash ?? '#/orders';
  const bridge = opts.bridge ?? fakeBridge();
  const api = createApi(bridge);
  const i18n = createI18n(opts.language ?? 'en');
  const utils = render(<Root api={api} i18n={i18n} />);
  return { ...utils, bridge, api, i18n };
}
