import { HTTP } from '../../src-shared/contract/bridge';

const KEY = 'packdesk.lanToken';

/** Where the LAN token lives between visits; a Storage so tests can pass an in-memory one. */
export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

export const localTokenStore = (storage: Storage | undefined = globalThis.localStorage): TokenStore => ({
  get: () => {
    try {
      return storage?.getItem(KEY) ?? null;
    } catch {
      return null;
    }
  },
  set: (token) => {
    try {
      if (token) storage?.setItem(KEY, token);
      else storage?.removeItem(KEY);
    } catch {
      // Private mode or a full quota: the token then lasts for this page only, which still works.
    }
  },
});

/**
 * `packdesk serve` prints a URL with `?token=…` for handhelds to open. The token is moved into
 * storage and removed from the address bar so it does not end up in bookmarks, history or screenshots.
 */
export function adoptTokenFromUrl(
  store: TokenStore,
  loc: Location = window.location,
  hist: History = window.history,
): void {
  const url = new URL(loc.href);
  const token = url.searchParams.get(HTTP.tokenQuery);
  if (!token) return;
  store.set(token);
  url.searchParams.delete(HTTP.tokenQuery);
  hist.replaceState(hist.state, '', url.pathname + url.search + url.hash);
}
