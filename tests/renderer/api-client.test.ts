// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../../src-renderer/api/client';
import { createHttpBridge, type ConnectionState } from '../../src-renderer/api/http-bridge';
import { adoptTokenFromUrl, localTokenStore } from '../../src-renderer/api/token';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  drop() {
    this.readyState = 3;
    this.onclose?.();
  }
  close() {
    this.drop();
  }
}

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const open: { close?(): void }[] = [];
afterEach(() => {
  for (const b of open.splice(0)) b.close?.();
  FakeSocket.all = [];
  localStorage.clear();
  vi.useRealTimers();
});

describe('LAN token', () => {
  it('moves ?token= from the address into storage and out of the URL', () => {
    history.replaceState(null, '', '/?token=s3cret&x=1#/orders');
    const tokens = localTokenStore(localStorage);
    adoptTokenFromUrl(tokens);
    expect(tokens.get()).toBe('s3cret');
    expect(location.search).toBe('?x=1');
    expect(location.hash).toBe('#/orders');
  });
});

describe('HTTP transport', () => {
  const setup = (fetchImpl: typeof fetch) => {
    const tokens = localTokenStore(localStorage);
    tokens.set('tok');
    const bridge = createHttpBridge({
      origin: 'http://127.0.0.1:4780',
      tokens,
      fetch: fetchImpl,
      WebSocket: FakeSocket as unknown as typeof WebSocket,
      minDelayMs: 10,
      maxDelayMs: 40,
    });
    open.push(bridge);
    const states: ConnectionState[] = [];
    const api = createApi(bridge);
    api.onStatus((s) => states.push(s));
    return { api, states };
  };

  it('POSTs JSON to the operation path with the bearer token and returns the Result body', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse(200, { ok: true, value: { total: 7 } }));
    const { api } = setup(fetchImpl as unknown as typeof fetch);
    const r = await api.call('orders.count', { filter: { status: ['held'] } });
    expect(r).toEqual({ ok: true, value: { total: 7 } });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:4780/api/call/orders.count');
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
    expect(JSON.parse(init.body as string)).toEqual({ filter: { status: ['held'] } });
  });

  it('reports 401 as "unauthorized" so the shell can ask for the token', async () => {
    const { api, states } = setup((async () =>
      jsonResponse(401, {
        ok: false,
        error: { code: 'unauthorized', message: 'x' },
      })) as unknown as typeof fetch);
    const r = await api.call('orders.facets', {});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('unauthorized');
    expect(states.at(-1)).toBe('unauthorized');
  });

  it('turns a network failure into an "unavailable" Result instead of throwing', async () => {
    const { api, states } = setup((async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch);
    const r = await api.call('orders.facets', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(states.at(-1)).toBe('offline');
  });

  it('streams push events over a WebSocket with the token and reconnects after a drop', async () => {
    const { api, states } = setup((async () =>
      jsonResponse(200, { ok: true, value: {} })) as unknown as typeof fetch);
    const seen: number[][] = [];
    api.on('orders.changed', (p) => seen.push(p.ids));
    const first = FakeSocket.all[0]!;
    expect(first.url).toBe('ws://127.0.0.1:4780/api/events?token=tok');
    first.open();
    expect(states.at(-1)).toBe('online');
    first.onmessage?.({
      data: JSON.stringify({ name: 'orders.changed', payload: { ids: [4], reason: 'x' } }),
    });
    first.onmessage?.({ data: 'not json' });
    expect(seen).toEqual([[4]]);

    first.drop();
    expect(states.at(-1)).toBe('offline');
    await vi.waitFor(() => expect(FakeSocket.all.length).toBe(2), { timeout: 1000 });
    FakeSocket.all[1]!.open();
    expect(states.at(-1)).toBe('online');
  });
});
