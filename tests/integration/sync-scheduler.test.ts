import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';

const TOKEN = 'shpat_test_token_1234';
const at = (min: number) => new Date(Date.parse('2025-03-10T10:00:00Z') + min * 60_000).toISOString();

describe('sync scheduler', () => {
  let shop: FakeShopify;
  let h: Awaited<ReturnType<typeof aSyncedChannel>>;
  let clock: ReturnType<typeof aClock>;
  let online = true;
  let attempts = 0;

  beforeEach(async () => {
    clock = aClock();
    online = true;
    attempts = 0;
    shop = await startFakeShopify({ now: clock.now });
    for (let i = 1; i <= 5; i++) shop.orders.push(aShopifyOrder(i, at(i)));
    h = await aSyncedChannel({
      kind: 'shopify',
      url: shop.url,
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
  });
  afterEach(async () => {
    h.core.dispose();
    await shop.close();
  });

  it('runs due channels on a tick and schedules the next run after the interval', async () => {
    const events: any[] = [];
    h.core.subscribe((e) => events.push(e));
    await h.core.sync.tick();
    expect(h.orders()).toHaveLength(5);
    const progress = events.filter((e) => e.name === 'sync.progress').map((e) => e.payload.state);
    expect(progress[0]).toBe('running');
    expect(progress.at(-1)).toBe('ok');
    const calls = shop.ordersCalls.length;
    clock.t += 5 * 60_000;
    await h.core.sync.tick();
    expect(shop.ordersCalls.length).toBe(calls);
    clock.t += 10 * 60_000;
    await h.core.sync.tick();
    expect(shop.ordersCalls.length).toBe(calls + 1);
  });

  it('pauses offline in one state with a growing pause, without piling up errors, and resumes when online', async () => {
    online = false;
    await h.core.sync.tick();
    // Two tries (one quick retry), then the pause.
    expect(attempts).toBe(2);
    let s = await h.core.call('sync.status', {});
    expect((s as any).value.offline).toMatchObject({
      reason: expect.stringMatching(/cannot reach 127\.0\.0\.1.*ENOTFOUND/),
    });
    expect((await h.status()).state).toBe('offline');

    // Ticks during the pause do nothing at all.
    for (let i = 0; i < 5; i++) {
      clock.t += 5_000;
      await h.core.sync.tick();
    }
    expect(attempts).toBe(2);
    clock.t += 10_000;
    await h.core.sync.tick();
    expect(attempts).toBe(4);
    // The second pause is twice as long.
    const off = h.core.sync.offline()!;
    expect(off.retryAt - clock.now()).toBe(60_000);
    expect(off.probes).toBe(2);
    // One state row, one last error: nothing accumulates.
    expect(h.core.ctx.sqlite.prepare('select count(*) as n from sync_state').get()).toEqual({ n: 1 });
    expect(
      h.core.ctx.sqlite.prepare("select count(*) as n from audit_log where action like 'sync%'").get(),
    ).toEqual({ n: 1 });

    online = true;
    clock.t += 60_000;
    await h.core.sync.tick();
    expect(h.core.sync.offline()).toBeNull();
    s = await h.core.call('sync.status', {});
    expect((s as any).value.offline).toBeNull();
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null, lastCounts: { imported: 5 } });
    expect(h.orders()).toHaveLength(5);
  });

  it('"sync now" runs at once, even during an offline pause', async () => {
    online = false;
    await h.core.sync.tick();
    online = true;
    const r = await h.core.call('sync.now', { channelId: h.channelId, wait: true });
    expect(r).toEqual({ ok: true, value: { started: [h.channelId] } });
    expect(h.orders()).toHaveLength(5);
    expect(h.core.sync.offline()).toBeNull();
  });

  it('"sync all" runs only connected, enabled channels and leaves the others untouched', async () => {
    const other = (await h.core.call('channels.save', {
      code: 'woo-x',
      kind: 'woocommerce',
      name: 'Not yet',
      currency: 'USD',
    })) as any;
    const r = await h.core.call('sync.now', { wait: true });
    expect(r).toEqual({ ok: true, value: { started: [h.channelId] } });
    const all = ((await h.core.call('sync.status', {})) as any).value.channels;
    expect(all.find((c: any) => c.channelId === other.value.id)).toMatchObject({
      state: 'not_configured',
      lastError: null,
      lastRunAt: null,
    });
    expect(h.orders()).toHaveLength(5);
  });

  it('a revoked token waits for the owner; new credentials or a new address are synced at the next tick', async () => {
    shop.token = 'shpat_rotated_token_9999';
    await h.core.sync.tick();
    expect(await h.status()).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(
        /refused the credentials \(HTTP 401.*check them in the channel settings/,
      ),
    });
    // Not retried on every tick: a refused token is tried again only at the next interval.
    const refused = shop.requests.length;
    for (let i = 0; i < 10; i++) {
      clock.t += 15_000;
      await h.core.sync.tick();
    }
    expect(shop.requests.length).toBe(refused);
    // The owner reconnects the shop: the next tick syncs it, not the next interval.
    await h.core.call('channels.setCredentials', {
      channelId: h.channelId,
      credentials: { kind: 'shopify', accessToken: 'shpat_rotated_token_9999' },
    });
    clock.t += 15_000;
    await h.core.sync.tick();
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null, lastCounts: { imported: 5 } });
    // Same after fixing the address of a shop that could not be reached.
    const url = shop.url;
    await h.core.call('sync.configure', {
      channelId: h.channelId,
      url: 'http://127.0.0.1:9',
      intervalMinutes: 15,
    });
    clock.t += 15 * 60_000;
    await h.core.sync.tick();
    expect((await h.status()).state).toBe('offline');
    await h.core.call('sync.configure', { channelId: h.channelId, url, intervalMinutes: 15 });
    clock.t += 15_000;
    await h.core.sync.tick();
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null });
    expect(h.core.sync.offline()).toBeNull();
  });

  it('a shop in maintenance (503 with Retry-After: 1 hour) is asked again after the hour, not every interval', async () => {
    shop.faults.push({ kind: 'status', status: 503, retryAfter: '3600' });
    await h.core.sync.tick();
    const s = await h.status();
    expect(s).toMatchObject({ state: 'error', lastError: expect.stringMatching(/HTTP 503/) });
    expect(Date.parse(s.nextRunAt)).toBe(clock.now() + 3_600_000);
    clock.t += 30 * 60_000;
    await h.core.sync.tick();
    expect(shop.requests).toHaveLength(1);
  });
});
