import {
  ChannelError,
  checkedBaseUrl,
  retryAfterMs,
  withRetry,
  DEFAULT_RETRY,
  type ChannelIo,
} from '../../src-main/adapters/channels/channel-http';
import { decodeEntities } from '../../src-main/adapters/channels/woocommerce/woocommerce-order.mapper';
import { updatedSince } from '../../src-main/adapters/channels/shopify/shopify-queries';

const io = (random: number) => {
  const sleeps: number[] = [];
  const x: ChannelIo = {
    fetch,
    sleep: async (ms) => void sleeps.push(ms),
    random: () => random,
    now: () => Date.parse('2025-03-10T12:00:00Z'),
    timeoutMs: 1_000,
  };
  return { io: x, sleeps };
};

describe('channel HTTP policy', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-03-10T12:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7_000);
    expect(retryAfterMs('1.5', now)).toBe(1_500);
    expect(retryAfterMs('Mon, 10 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });

  it('backs off exponentially with full jitter, capped, and stops after the allowed tries', async () => {
    const { io: x, sleeps } = io(1);
    let n = 0;
    const fail = () => {
      n += 1;
      return Promise.reject(new ChannelError('server', 'HTTP 503', 503));
    };
    await expect(withRetry(x, fail, { ...DEFAULT_RETRY, capMs: 10_000 })).rejects.toThrow('HTTP 503');
    expect(n).toBe(6);
    // random() = 1 gives the ceiling: 1, 2, 4, 8, then the 10 s cap.
    expect(sleeps).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
  });

  it('waits exactly as asked by the server, gives up on waits beyond the limit, never retries auth or bad answers', async () => {
    const { io: x, sleeps } = io(0.5);
    let n = 0;
    const r = await withRetry(x, async () => {
      n += 1;
      if (n === 1) throw new ChannelError('rate_limited', '429', 429, 7_000);
      return 'ok';
    });
    expect(r).toBe('ok');
    expect(sleeps).toEqual([7_000]);
    await expect(
      withRetry(x, () => Promise.reject(new ChannelError('rate_limited', '429', 429, 600_000))),
    ).rejects.toThrow('429');
    for (const kind of ['auth', 'bad_answer', 'client'] as const) {
      let tries = 0;
      await expect(
        withRetry(x, () => (tries++, Promise.reject(new ChannelError(kind, kind)))),
      ).rejects.toThrow(kind);
      expect(tries).toBe(1);
    }
  });

  it('turns a refused connection into the offline kind, naming the host', async () => {
    const { io: x } = io(0.5);
    const { requestJson } = await import('../../src-main/adapters/channels/channel-http');
    // A port that was just free: nothing listens there any more.
    const { createServer } = await import('node:net');
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    const refused = await requestJson(x, `http://127.0.0.1:${port}/x`, {}, 'probe').catch((e) => e);
    expect(refused.kind).toBe('offline');
    expect(refused.message).toBe(`probe: cannot reach 127.0.0.1:${port} (ECONNREFUSED)`);
  });

  it('an answer broken off midway is a retried server fault, not "cannot reach" (the shop was reached)', async () => {
    const { io: x } = io(0.5);
    const { requestJson } = await import('../../src-main/adapters/channels/channel-http');
    const { createServer } = await import('node:http');
    const srv = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('{"data": {"orders": [');
      setTimeout(() => req.socket.destroy(), 20);
    });
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    const cut = await requestJson(x, `http://127.0.0.1:${port}/x`, {}, 'Shopify orders').catch((e) => e);
    srv.close();
    expect(cut).toBeInstanceOf(ChannelError);
    expect(cut.kind).toBe('server');
    expect(cut.message).toMatch(
      /^Shopify orders: the answer broke off midway \(.+\); nothing from it was saved$/,
    );
    expect(DEFAULT_RETRY.tries.server).toBeGreaterThan(1);
  });

  it('accepts shop names and https addresses, and plain http only on this machine', () => {
    expect(checkedBaseUrl('myshop', (n) => `${n}.myshopify.com`).toString()).toBe(
      'https://myshop.myshopify.com/',
    );
    expect(checkedBaseUrl('myshop.myshopify.com').host).toBe('myshop.myshopify.com');
    expect(checkedBaseUrl('http://127.0.0.1:8080').port).toBe('8080');
    expect(() => checkedBaseUrl('http://shop.example.com')).toThrow(/must be reached over https/);
  });

  it('quotes the updated_at filter and decodes the HTML entities WooCommerce puts in names', () => {
    expect(updatedSince(Date.parse('2025-03-01T00:00:00Z'))).toBe("updated_at:>='2025-03-01T00:00:00.000Z'");
    expect(updatedSince(null)).toBe('');
    expect(decodeEntities('Woo Single &ndash; #1 &amp; &#8220;2&#8221; &#x4E2D;')).toBe(
      'Woo Single – #1 & “2” 中',
    );
  });
});
