import type { Result } from '../result';
import type { PushEvent } from './events.contract';

/**
 * What the renderer can reach, whichever host it runs in: the Electron preload exposes this
 * object as `window.packdesk`; in a browser the HTTP client implements the same shape.
 */
export interface PackdeskBridge {
  call(op: string, input: unknown): Promise<Result<unknown>>;
  /** Returns a function that stops listening. */
  onEvent(listener: (event: PushEvent) => void): () => void;
  /** 'electron' inside the desktop app, 'web' in a browser served by `packdesk serve`. */
  readonly host: 'electron' | 'web';
  /** The operating system's preferred languages, for the first-run default. */
  readonly locales: readonly string[];
}

/** HTTP shape of the same contract, used by `packdesk serve` and the browser client. */
export const HTTP = {
  callPath: (op: string) => `/api/call/${encodeURIComponent(op)}`,
  eventsPath: '/api/events',
  tokenHeader: 'authorization',
  tokenQuery: 'token',
} as const;
