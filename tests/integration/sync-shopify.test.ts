import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';
import { clientFor } from '../../src-main/modules/sync/sync-clients';

const TOKEN = 'shpat_test_token_1234';
const at = (min: number) => new Date(Date.parse('2025-03-10T10:00:00Z') + min * 60_000).toISOString();

describe('Shopify sync against a local GraphQL Admin API', () => {
  let shop: FakeShopify;
  let h: Awaited<ReturnType<typeof aSyncedChannel>>;
  let clock: ReturnType<typeof aClock>;

  beforeEach(async () => {
    clock = aClock();
    shop = await startFakeShopify({ now: clock.now });
    for (let i = 1; i <= 45; i++) shop.orders.push(aShopifyOrder(i, at(i)));
  });
  afterEach(async () => {
    h?.core.dispose();
    await shop.close();
  });
  const connect = async (extra: Partial<Parameters<typeof aSyncedChannel>[0]> = {}) =>
    (h = await aSyncedChannel({
      kind: 'shopify',
      url: shop.url,
      credentials: { kind: 'shopify', accessToken: TOKEN },
      clock,
      ...extra,
    }));

  it('pulls every page, maps money to minor units and lines, then pulls incrementally with an overlap', async () => {
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    expect(shop.ordersCalls).toHaveLength(3);
    expect(shop.ordersCalls[0]!.q).toBe(
      `updated_at:>='${new Date(clock.now() - 30 * 86_400_000).toISOString()}'`,
    );
    expect(shop.ordersCalls[1]!.after).not.toBeNull();
    expect(JSON.parse(shop.requests[0]!.body).query).toMatch(/sortKey: UPDATED_AT/);
    const rows = h.orders();
    expect(rows).toHaveLength(45);
    expect(rows[0]).toMatchObject({ externalId: '#1001', totalMinor: 2935, updatedAt: Date.parse(at(1)) });
    const o = h.core.ctx.sqlite
      .prepare(
        "select id, country, city, currency, recipient_name as name, type from orders where external_id = '#1001'",
      )
      .get() as any;
    expect(o).toMatchObject({
      country: 'US',
      city: 'San Francisco',
      currency: 'USD',
      name: 'John Doe',
      type: 'cross_border',
    });
    expect(
      h.core.ctx.sqlite
        .prepare('select sku, spec, quantity, unit_price_minor as p from order_lines where order_id = ?')
        .all(o.id),
    ).toEqual([{ sku: 'TEE-RED-XL', spec: 'Red / XL', quantity: 2, p: 968 }]);
    expect(h.state()).toMatchObject({
      cursor_at: Date.parse(at(45)),
      sweep_kind: null,
      state: 'ok',
      imported: 45,
    });
    // API orders take the file importers' road: linked to a customer, region set, origin kept as a reason.
    const detail = (await h.core.call('orders.get', { id: o.id })) as any;
    expect(detail.value.customer.id).toEqual(expect.any(Number));
    expect(detail.value.reasons).toContainEqual(
      expect.stringMatching(/^pulled from the shopify API \(gid:\/\/shopify\/Order\//),
    );
    expect(h.core.ctx.sqlite.prepare('select region from orders where id = ?').get(o.id)).toEqual({
      region: 'US',
    });

    // An edit and a new order; the next run starts 10 minutes before the checkpoint.
    shop.orders[4] = aShopifyOrder(5, at(50), {
      totalPriceSet: { shopMoney: { amount: '31.00', currencyCode: 'USD' } },
    });
    shop.orders.push(aShopifyOrder(46, at(51)));
    clock.t += 15 * 60_000;
    expect((await h.syncNow()).ok).toBe(true);
    expect(shop.ordersCalls[3]!.q).toBe(`updated_at:>='${at(35)}'`);
    expect(h.state()).toMatchObject({
      imported: 1,
      updated: 1,
      unchanged: 11,
      cursor_at: Date.parse(at(51)),
    });
    expect(h.orders().find((r) => r.externalId === '#1005')!.totalMinor).toBe(3100);
    expect(h.orders()).toHaveLength(46);
    const s = await h.status();
    expect(s).toMatchObject({
      state: 'ok',
      lastCounts: { imported: 1, updated: 1, unchanged: 11 },
      lastError: null,
      hasCredentials: true,
    });
    expect(Date.parse(s.nextRunAt)).toBe(clock.now() + 15 * 60_000);
  });

  it('commits the checkpoint with each page: a run that dies between pages resumes there, without loss or doubles', async () => {
    let calls = 0;
    let die = true;
    // The scheduler logs unexpected (non-channel) errors; this one is the test's own.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await connect({
      sync: {
        makeClient: (ch, creds, io) => {
          const real = clientFor(ch, creds, io);
          return {
            ...real,
            fetchOrdersPage: async (since, cursor) => {
              if (die && ++calls === 2) throw new Error('killed between pages');
              return real.fetchOrdersPage(since, cursor);
            },
          };
        },
      },
    });
    await h.syncNow();
    expect(h.orders()).toHaveLength(20);
    const saved = h.state();
    expect(saved).toMatchObject({
      state: 'error',
      last_error: 'killed between pages',
      sweep_kind: 'full',
      cursor_at: null,
    });
    expect(saved.sweep_cursor).toEqual(expect.any(String));
    die = false;
    await h.syncNow();
    expect(shop.ordersCalls[1]!.after).toBe(saved.sweep_cursor);
    expect(h.orders()).toHaveLength(45);
    expect(new Set(h.orders().map((r) => r.externalId)).size).toBe(45);
    expect(h.state()).toMatchObject({
      state: 'ok',
      imported: 25,
      sweep_cursor: null,
      cursor_at: Date.parse(at(45)),
    });
    quiet.mockRestore();
  });

  it('waits as long as a 429 Retry-After says, then carries on', async () => {
    await connect();
    shop.faults.push({ kind: 'status', status: 429, retryAfter: '7' });
    expect((await h.syncNow()).ok).toBe(true);
    expect(clock.sleeps).toContain(7_000);
    expect(h.orders()).toHaveLength(45);
  });

  it('waits for the cost bucket after THROTTLED and paces the next query on throttleStatus', async () => {
    shop.requestedCost = 922;
    shop.bucket.available = 100;
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    // (922 − 100) / 50 points per second after the THROTTLED answer…
    expect(clock.sleeps[0]).toBe(16_440);
    // …then the client waits before each page instead of being throttled again.
    const throttledAnswers = shop.requests.length - shop.ordersCalls.length;
    expect(throttledAnswers).toBe(1);
    expect(clock.sleeps.length).toBeGreaterThanOrEqual(3);
    expect(h.orders()).toHaveLength(45);
  });

  it('retries 5xx answers with jittered exponential backoff', async () => {
    await connect();
    shop.faults.push({ kind: 'status', status: 502 }, { kind: 'status', status: 503 });
    expect((await h.syncNow()).ok).toBe(true);
    // random() = 0.5: half of 1 s, then half of 2 s.
    expect(clock.sleeps).toEqual([500, 1_000]);
    expect(h.orders()).toHaveLength(45);
  });

  it('gives up on a request that does not answer in time and retries it', async () => {
    await connect({ timeoutMs: 300 });
    shop.faults.push({ kind: 'hang', ms: 1_500 });
    expect((await h.syncNow()).ok).toBe(true);
    expect(clock.sleeps).toEqual([500]);
    expect(h.orders()).toHaveLength(45);
  });

  it('rejects a truncated page: nothing from it is written and the checkpoint stays', async () => {
    await connect();
    shop.faults.push({ kind: 'truncate' });
    await h.syncNow();
    expect(h.orders()).toHaveLength(0);
    expect(h.state()).toMatchObject({ state: 'error', cursor_at: null });
    expect((await h.status()).lastError).toMatch(/Shopify orders: the answer is not complete JSON/);
  });

  it('rejects a page with a malformed order, naming it, and keeps the pages before it', async () => {
    shop.orders[25] = aShopifyOrder(26, at(26), {
      totalPriceSet: { shopMoney: { amount: 'twelve', currencyCode: 'USD' } },
    });
    await connect();
    await h.syncNow();
    expect(h.orders()).toHaveLength(20);
    expect((await h.status()).lastError).toMatch(
      /Shopify order #1026: totalPriceSet "twelve" is not an amount/,
    );
  });

  it('refuses an HTML login page answered with 200', async () => {
    await connect();
    shop.faults.push({ kind: 'html' });
    await h.syncNow();
    expect(h.orders()).toHaveLength(0);
    expect((await h.status()).lastError).toMatch(/expected JSON but got text\/html/);
  });

  it('reads an order changed while paging (it moves to the end) at its newest version', async () => {
    shop.beforeOrders = (call) => {
      if (call === 2)
        shop.orders[0] = aShopifyOrder(1, at(100), {
          totalPriceSet: { shopMoney: { amount: '99.00', currencyCode: 'USD' } },
        });
    };
    clock.t = Date.parse(at(200));
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(45);
    expect(h.orders()[0]).toMatchObject({
      externalId: '#1001',
      totalMinor: 9900,
      updatedAt: Date.parse(at(100)),
    });
    expect(h.state()).toMatchObject({ cursor_at: Date.parse(at(100)) });
    // Shopify's cursor continues after the last order read, so the moved order is read at the end of
    // the same sweep: nothing was missed and the window is not read again (each page costs points).
    expect(shop.ordersCalls).toHaveLength(3);
  });

  it('fetches the rest of the line items when an order has more than one page of them', async () => {
    const many = Array.from({ length: 23 }, (_, i) => ({
      ...aShopifyOrder(1, at(1)).lineItems[0]!,
      id: `gid://shopify/LineItem/x${i}`,
      sku: `SKU-${i}`,
    }));
    shop.orders[0] = aShopifyOrder(1, at(1), { lineItems: many });
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    const id = (h.core.ctx.sqlite.prepare("select id from orders where external_id = '#1001'").get() as any)
      .id;
    expect(
      h.core.ctx.sqlite.prepare('select count(*) as n from order_lines where order_id = ?').get(id),
    ).toEqual({ n: 23 });
  });

  it('runs a full reconciliation of the last 30 days once a day, ignoring the checkpoint', async () => {
    await connect();
    await h.syncNow();
    const firstFull = h.state().last_full_at as number;
    clock.t += 60 * 60_000;
    await h.syncNow();
    expect(shop.ordersCalls.at(-1)!.q).toBe(`updated_at:>='${at(35)}'`);
    expect(h.state().last_full_at).toBe(firstFull);
    // An order the checkpoint would never see again (changed before it, e.g. restored from a backup).
    shop.orders[0] = aShopifyOrder(1, at(2), {
      totalPriceSet: { shopMoney: { amount: '1.00', currencyCode: 'USD' } },
    });
    clock.t += 24 * 60 * 60_000;
    await h.syncNow();
    expect(shop.ordersCalls.at(-3)!.q).toBe(
      `updated_at:>='${new Date(clock.now() - 30 * 86_400_000).toISOString()}'`,
    );
    expect(h.state()).toMatchObject({ last_full_at: clock.now(), updated: 1, unchanged: 44 });
    expect(h.orders()[0]).toMatchObject({ externalId: '#1001', totalMinor: 100 });
  });

  it('starts a resumed sweep over when the shop no longer accepts its saved cursor', async () => {
    await connect();
    shop.faults.push(null, { kind: 'truncate' });
    await h.syncNow();
    expect(h.state().sweep_cursor).toEqual(expect.any(String));
    expect(h.orders()).toHaveLength(20);
    shop.cursorEpoch += 1;
    expect((await h.syncNow()).ok).toBe(true);
    expect(shop.ordersCalls.slice(2).map((c) => c.after === null)).toEqual([false, true, false, false]);
    expect(h.orders()).toHaveLength(45);
    expect(h.state()).toMatchObject({ state: 'ok', sweep_cursor: null, imported: 25, unchanged: 20 });
  });
});
