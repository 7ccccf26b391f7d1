import type { PackdeskBridge } from '../../src-shared/contract/bridge';
import { createApi, type Api } from './client';
import { createHttpBridge } from './http-bridge';
import { adoptTokenFromUrl, localTokenStore } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser served by `packdesk serve`. */
    packdesk?: PackdeskBridge;
  }
}

/** Picks the transport once at start: the preload bridge when Electron gave us one, else HTTP. */
export function startApi(win: Window = window): Api {
  if (win.packdesk) return createApi(win.packdesk);
  const tokens = localTokenStore(win.localStorage);
  adoptTokenFromUrl(tokens, win.location, win.history);
  return createApi(
    createHttpBridge({
      origin: win.location.origin,
      tokens,
      locales: win.navigator.languages ?? [win.navigator.language],
    }),
  );
}
