import { createServer } from 'node:net';
import { value } from '../fixtures/core';
import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';

const TOKEN = 'shpat_test_token_1234';
const at = (min: number) => new Date(Date.parse('2025-03-10T10:00:00Z') + min * 60_000).toISOString();

/** An address on this machine where nothing listens: a shop address typed wrong, or a shop that is down. */
async function aDeadAddress(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return `http://127.0.0.1:${port}`;
}

describe('sync scheduler with one shop that cannot be reached', () => {
  let shop: FakeShopify;
  let h: Awaited<ReturnType<typeof aSyncedChannel>>;
  let clock: ReturnType<typeof aClock>;
  let good: number;
  let online = true;
  let attempts = 0;

  beforeEach(async () => {
    clock = aClock();
    online = true;
    attempts = 0;
    shop = await startFakeShopify({ now: clock.now });
    for (let i = 1; i <= 5; i++) shop.orders.push(aShopifyOrder(i, at(i)));
    // The unreachable shop is the first channel, so it is the one a naive probe would always pick.
    h = await aSyncedChannel({
      kind: 'shopify',
      url: await aDeadAddress(),
      credentials: { kind: 'shopify', accessToken: TOKEN },
      clock,
      sync: {
        io: {
          sleep: clock.sleep,
          now: clock.now,
          random: () => 0.5,
          timeoutMs: 2_000,
          // The network cable: unplugged, fetch fails the way Node's does when DNS is unreachable.
          fetch: (async (...args: Parameters<typeof fetch>) => {
            attempts += 1;
            if (!online)
              throw Object.assign(new TypeError('fetch failed'), {
                cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }),
              });
            return fetch(...args);
          }) as typeof fetch,
        },
      },
    });
    good = (
      await value<{ id: number }>(
        h.core.call('channels.save', { code: 'shop-2', kind: 'shopify', name: 'Good', currency: 'USD' }),
      )
    ).id;
    await value(h.core.call('sync.configure', { channelId: good, url: shop.url, intervalMinutes: 15 }));
    await value(
      h.core.call('channels.setCredentials', {
        channelId: good,
        credentials: { kind: 'shopify', accessToken: TOKEN },
      }),
    );
  });
  afterEach(async () => {
    h.core.dispose();
    await shop.close();
  });

  const status = async () => value<{ channels: any[]; offline: unknown }>(h.core.call('sync.status', {}));
  const goodOrders = () =>
    h.core.ctx.sqlite.prepare('select count(*) from orders where channel_id = ?').pluck().get(good);

  it('keeps syncing the other shops on their schedule and does not say the computer is offline', async () => {
    // Ticks every 15 s for an hour.
    for (let i = 0; i < 4 * 60; i++) {
      await h.core.sync.tick();
      clock.t += 15_000;
    }
    expect(goodOrders()).toBe(5);
    // The good shop is read on its 15-minute interval, not each time the dead one is retried.
    expect(shop.ordersCalls.length).toBeGreaterThanOrEqual(4);
    expect(shop.ordersCalls.length).toBeLessThanOrEqual(5);
    const s = await status();
    expect(s.offline).toBeNull();
    const dead = s.channels.find((c) => c.channelId === h.channelId);
    expect(dead).toMatchObject({
      state: 'offline',
      lastError: expect.stringMatching(/cannot reach 127\.0\.0\.1/),
    });
    expect(s.channels.find((c) => c.channelId === good)).toMatchObject({ state: 'ok', lastError: null });
    // "Sync now" on the dead shop fails for that shop alone: the other one is not paused.
    await h.syncNow();
    expect((await status()).offline).toBeNull();
    expect((await status()).channels.find((c) => c.channelId === h.channelId)).toMatchObject({
      state: 'offline',
    });
  });

  it('when the computer goes offline it still probes one shop per pause, then resumes every shop', async () => {
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await h.core.sync.tick();
        clock.t += 15_000;
      }
    };
    await ticks(4 * 20);
    expect(goodOrders()).toBe(5);
    online = false;
    // Past the good shop's next run: it fails, and the computer is offline from then on.
    await ticks(4 * 15);
    expect((await status()).offline).toMatchObject({ reason: expect.stringMatching(/ENOTFOUND/) });
    const before = attempts;
    const pause = h.core.sync.offline()!.retryAt - clock.now();
    clock.t += pause;
    await h.core.sync.tick();
    // One probe (two tries) for both shops, not one per shop.
    expect(attempts - before).toBe(2);
    // An hour offline: every shop's next run is the next probe or later, never a time already past.
    for (let i = 0; i < 4 * 60; i++) {
      clock.t += 15_000;
      await h.core.sync.tick();
    }
    const off = await status();
    for (const c of off.channels)
      expect(Date.parse(c.nextRunAt)).toBeGreaterThanOrEqual(Date.parse((off.offline as any).retryAt));
    online = true;
    const calls = shop.ordersCalls.length;
    clock.t = h.core.sync.offline()!.retryAt;
    await h.core.sync.tick();
    expect(h.core.sync.offline()).toBeNull();
    expect(shop.ordersCalls.length).toBe(calls + 1);
    expect((await status()).channels.find((c) => c.channelId === good)).toMatchObject({ state: 'ok' });
  });
});
