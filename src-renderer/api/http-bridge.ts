import { HTTP, type PackdeskBridge } from '../../src-shared/contract/bridge';
import type { PushEvent } from '../../src-shared/contract/events.contract';
import type { Result } from '../../src-shared/result';
import type { TokenStore } from './token';

/** What the header shows: 'unauthorized' means the LAN token is missing or wrong. */
export type ConnectionState = 'connecting' | 'online' | 'offline' | 'unauthorized';

/** A bridge that can also report its connection and take a new token (only the HTTP one can). */
export interface Transport extends PackdeskBridge {
  onStatus?(listener: (state: ConnectionState) => void): () => void;
  setToken?(token: string): void;
  close?(): void;
}

export interface HttpBridgeOptions {
  origin: string;
  tokens: TokenStore;
  fetch?: typeof fetch;
  WebSocket?: typeof WebSocket;
  locales?: readonly string[];
  /** Reconnect delays grow from `minDelayMs` to `maxDelayMs`; tests shorten them. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

const unavailable = (message: string): Result<never> => ({
  ok: false,
  error: { code: 'unavailable', message },
});

export function createHttpBridge(opts: HttpBridgeOptions): Transport {
  const doFetch = opts.fetch ?? globalThis.fetch.bind(globalThis);
  const WS = opts.WebSocket ?? globalThis.WebSocket;
  const minDelay = opts.minDelayMs ?? 500;
  const maxDelay = opts.maxDelayMs ?? 15_000;
  const listeners = new Set<(e: PushEvent) => void>();
  const statusListeners = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  let socket: WebSocket | null = null;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  const setState = (next: ConnectionState): void => {
    if (next === state) return;
    state = next;
    for (const l of statusListeners) l(state);
  };

  const eventsUrl = (): string => {
    const url = new URL(HTTP.eventsPath, opts.origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const token = opts.tokens.get();
    if (token) url.searchParams.set(HTTP.tokenQuery, token);
    return url.href;
  };

  const scheduleReconnect = (): void => {
    if (closed || timer) return;
    // Exponential backoff with jitter so a room of handhelds does not reconnect in lockstep.
    const delay = Math.min(maxDelay, minDelay * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      connect();
    }, delay);
  };

  const connect = (): void => {
    if (closed || !WS) return;
    let ws: WebSocket;
    try {
      ws = new WS(eventsUrl());
    } catch {
      setState('offline');
      scheduleReconnect();
      return;
    }
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      if (state !== 'unauthorized') setState('online');
    };
    ws.onmessage = (msg) => {
      let event: PushEvent;
      try {
        event = JSON.parse(String(msg.data)) as PushEvent;
      } catch {
        return; // A frame we cannot read is dropped; the next orders.changed refreshes anyway.
      }
      if (event && typeof event.name === 'string') for (const l of listeners) l(event);
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      if (state !== 'unauthorized') setState('offline');
      scheduleReconnect();
    };
  };

  const call = async (op: string, input: unknown): Promise<Result<unknown>> => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const token = opts.tokens.get();
    if (token) headers[HTTP.tokenHeader] = `Bearer ${token}`;
    let res: Response;
    try {
      res = await doFetch(new URL(HTTP.callPath(op), opts.origin).href, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
      });
    } catch (e) {
      setState('offline');
      scheduleReconnect();
      return unavailable(`Cannot reach the Packdesk server: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (res.status === 401) {
      setState('unauthorized');
      return {
        ok: false,
        error: { code: 'unauthorized', message: 'The LAN access token is missing or wrong' },
      };
    }
    if (state === 'unauthorized') setState(socket?.readyState === 1 ? 'online' : 'connecting');
    try {
      const body = (await res.json()) as Result<unknown>;
      if (body && typeof body === 'object' && 'ok' in body) return body;
    } catch {
      // Fall through: a proxy or crashed server answered with something that is not a Result.
    }
    return {
      ok: false,
      error: { code: 'internal', message: `Unexpected answer from the server (HTTP ${res.status})` },
    };
  };

  connect();

  return {
    host: 'web',
    locales: opts.locales ?? [],
    call,
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(state);
      return () => statusListeners.delete(listener);
    },
    setToken(token) {
      opts.tokens.set(token);
      setState('connecting');
      // The socket was opened with the old token; start over with the new one.
      const old = socket;
      socket = null;
      old?.close();
      clearTimeout(timer);
      timer = undefined;
      attempt = 0;
      connect();
    },
    close() {
      closed = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
