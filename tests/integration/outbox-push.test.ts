import { createCore } from '../../src-main/compose';
import { aCore, value } from '../fixtures/core';
import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aWooOrder, startFakeWoo, type FakeWoo } from '../fixtures/fake-woocommerce';
import { aFloor, packedOrders } from '../fixtures/fulfillment';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';
import { aSecretStore } from '../fixtures/fake-secret-store';

type Shop = Awaited<ReturnType<typeof aSyncedChannel>>;
type Job = {
  id: number;
  status: string;
  attempts: number;
  lastError: string | null;
  nextRunAt: string | null;
  carrierName: string;
  route: string;
};

const SF = 'SF1234567890123';

/** A packed order of this channel with the given external id, shipped with SF through shipping.confirm. */
async function shipOne(shop: Shop, externalId: string, tracking = SF): Promise<number> {
  await aFloor(shop.core);
  const [id] = await packedOrders(shop.core, [[['MUG', 1]]], [{ channelId: shop.channelId, externalId }]);
  await value(
    shop.core.call('shipping.confirm', { orderIds: [id], carrier: 'SF', trackingNumber: tracking }),
  );
  return id!;
}

const jobs = async (shop: Shop): Promise<Job[]> =>
  (await value<{ rows: Job[] }>(shop.core.call('outbox.list', {}))).rows;
const only = async (shop: Shop): Promise<Job> => {
  const all = await jobs(shop);
  expect(all).toHaveLength(1);
  return all[0]!;
};
const pushAudits = (shop: Shop) =>
  shop.core.ctx.sqlite
    .prepare(`select data_json as data from audit_log where action = 'tracking-pushed'`)
    .all()
    .map((r) => JSON.parse((r as { data: string }).data) as { outcome: string });

describe('outbox: tracking pushed to Shopify', () => {
  let fake: FakeShopify;
  let shop: Shop;
  const clock = aClock();
  const open = async (over: Parameters<typeof aSyncedChannel>[0]['outbox'] = {}, timeoutMs = 2_000) => {
    fake = await startFakeShopify({ now: clock.now });
    fake.orders = [aShopifyOrder(1, '2025-03-01T09:00:00Z')];
    shop = await aSyncedChannel({
      kind: 'shopify',
      url: fake.url,
      credentials: { kind: 'shopify', accessToken: fake.token },
      clock,
      timeoutMs,
      outbox: over,
    });
  };
  afterEach(async () => {
    shop.core.dispose();
    await fake.close();
  });

  test('success: fulfilment orders read first, then one fulfillmentCreate with Shopify carrier name; job done', async () => {
    await open();
    await shipOne(shop, '#1001');
    expect(await only(shop)).toMatchObject({ status: 'queued', route: 'api', carrierName: 'SF Express' });
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
    expect(fake.fulfillmentCreates).toEqual([
      {
        notifyCustomer: true,
        trackingInfo: { company: 'SF Express', number: SF },
        lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: 'gid://shopify/FulfillmentOrder/50011' }],
      },
    ]);
    const bodies = fake.requests.map(
      (r) => JSON.parse(r.body) as { query: string; variables: { q?: string } },
    );
    expect(bodies[0]!.query).toContain('fulfillmentOrders(first: 10)');
    expect(bodies[0]!.variables.q).toBe('name:"#1001"');
    expect(pushAudits(shop)).toEqual([expect.objectContaining({ outcome: 'created' })]);
  });

  test('already fulfilled with this number: no second fulfilment', async () => {
    await open();
    fake.fulfilment['gid://shopify/Order/5001'] = {
      fulfillmentOrders: [{ id: 'gid://shopify/FulfillmentOrder/1', status: 'CLOSED', lineItems: [] }],
      fulfillments: [
        {
          id: 'gid://shopify/Fulfillment/77',
          trackingInfo: [{ company: 'SF Express', number: SF, url: null }],
        },
      ],
    };
    await shipOne(shop, '#1001');
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done' });
    expect(fake.fulfillmentCreates).toHaveLength(0);
    expect(pushAudits(shop)).toEqual([expect.objectContaining({ outcome: 'already' })]);
  });

  test('429 with Retry-After: the job waits exactly that long, then succeeds', async () => {
    await open();
    await shipOne(shop, '#1001');
    fake.faults.push({ kind: 'status', status: 429, retryAfter: '7' });
    const t0 = clock.t;
    await shop.core.outbox.drain();
    const waiting = await only(shop);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting.lastError).toMatch(/rate limited \(HTTP 429\)/);
    expect(Date.parse(waiting.nextRunAt!)).toBe(t0 + 7_000);
    // Not due yet: nothing is sent.
    const sent = fake.requests.length;
    clock.t += 6_000;
    await shop.core.outbox.drain();
    expect(fake.requests.length).toBe(sent);
    clock.t += 1_000;
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done', attempts: 2 });
    expect(fake.fulfillmentCreates).toHaveLength(1);
  });

  test('5xx: exponential backoff with jitter, then dead with the reason after max attempts', async () => {
    await open({ policy: { baseMs: 10_000, maxAttempts: 3 } });
    await shipOne(shop, '#1001');
    for (let i = 0; i < 3; i++) fake.faults.push({ kind: 'status', status: 503 });
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const before = clock.t;
      await shop.core.outbox.drain();
      const j = await only(shop);
      if (j.status === 'queued') {
        waits.push(Date.parse(j.nextRunAt!) - before);
        clock.t = Date.parse(j.nextRunAt!);
      }
    }
    // random() = 0.5: between half and all of 10 s·2^(n-1).
    expect(waits).toEqual([7_500, 15_000]);
    const dead = await only(shop);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead.lastError).toMatch(
      /^Gave up after 3 attempts: Shopify fulfillmentLookup: the shop answered HTTP 503/,
    );
    expect(fake.requests).toHaveLength(3);
    expect(fake.fulfillmentCreates).toHaveLength(0);
    // Dead stays dead until a person retries it.
    clock.t += 3_600_000;
    await shop.core.outbox.drain();
    expect(fake.requests).toHaveLength(3);
    await value(shop.core.call('outbox.retry', { ids: [dead.id] }));
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done', attempts: 1 });
  });

  test('timeout after the fulfilment was made: the retry finds it and creates no second one', async () => {
    await open({}, 300);
    await shipOne(shop, '#1001');
    fake.slowCreateMs = 1_000;
    await shop.core.outbox.drain();
    const timedOut = await only(shop);
    expect(timedOut).toMatchObject({ status: 'queued', attempts: 1 });
    expect(timedOut.lastError).toMatch(/no answer within/);
    expect(fake.fulfillmentCreates).toHaveLength(1);
    fake.slowCreateMs = 0;
    clock.t = Date.parse(timedOut.nextRunAt!);
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done', attempts: 2 });
    expect(fake.fulfillmentCreates).toHaveLength(1);
    expect(fake.fulfilment['gid://shopify/Order/5001']!.fulfillments).toHaveLength(1);
    expect(pushAudits(shop)).toEqual([expect.objectContaining({ outcome: 'already' })]);
  });

  test('userErrors: failed at once with Shopify’s message, never tried again on its own; a person can retry', async () => {
    await open();
    await shipOne(shop, '#1001');
    fake.userErrorsNext.push([
      { field: ['fulfillment'], message: 'Fulfillment order 50011 has an unfulfillable status= on_hold.' },
    ]);
    await shop.core.outbox.drain();
    const failed = await only(shop);
    expect(failed.status).toBe('failed');
    expect(failed.lastError).toBe(
      'Shopify order #1001: Shopify refused the fulfilment: fulfillment: Fulfillment order 50011 has an unfulfillable status= on_hold.',
    );
    clock.t += 86_400_000;
    await shop.core.outbox.drain();
    expect(fake.fulfillmentCreates).toHaveLength(1);
    expect(await value(shop.core.call('outbox.retry', { ids: [failed.id] }))).toMatchObject({
      rows: [{ status: 'queued', attempts: 0, lastError: null }],
    });
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done' });
    expect(fake.fulfillmentCreates).toHaveLength(2);
  });

  test('401 is final: failed with the reason, and the channel’s other pushes fail with it without more requests', async () => {
    await open();
    fake.orders.push(aShopifyOrder(2, '2025-03-01T09:00:00Z'));
    await aFloor(shop.core);
    const ids = await packedOrders(
      shop.core,
      [[['MUG', 1]], [['CAP', 1]]],
      [
        { channelId: shop.channelId, externalId: '#1001' },
        { channelId: shop.channelId, externalId: '#1002' },
      ],
    );
    for (const [i, id] of ids.entries())
      await value(
        shop.core.call('shipping.confirm', {
          orderIds: [id],
          carrier: 'SF',
          trackingNumber: `SF123456789012${i}`,
        }),
      );
    fake.token = 'shpat_rotated_token_9999';
    await shop.core.outbox.drain();
    const all = await jobs(shop);
    expect(all.map((j) => j.status)).toEqual(['failed', 'failed']);
    for (const j of all) expect(j.lastError).toMatch(/refused the credentials \(HTTP 401/);
    expect(fake.requests).toHaveLength(1);
    // Once the token is right again, retrying both pushes them.
    fake.token = 'shpat_test_token_1234';
    await value(shop.core.call('outbox.retry', { ids: all.map((j) => j.id) }));
    await shop.core.outbox.drain();
    expect((await jobs(shop)).map((j) => j.status)).toEqual(['done', 'done']);
    expect(fake.fulfillmentCreates).toHaveLength(2);
  });

  test('crash: a job left running is recovered at the next start and pushed once', async () => {
    await open();
    await shipOne(shop, '#1001');
    // The process dies after claiming the job (status running, one attempt spent).
    shop.core.ctx.sqlite.prepare(`update jobs set status = 'running', attempts = 1`).run();
    shop.core.close();
    const restarted = createCore({
      dbPath: shop.core.dbPath,
      now: clock.now,
      sync: { secrets: shop.secrets, io: { sleep: clock.sleep, now: clock.now, random: () => 0.5 } },
    });
    try {
      expect(restarted.outbox.start()).toHaveLength(1);
      await new Promise((r) => setImmediate(r));
      await restarted.outbox.drain();
      const j = restarted.ctx.sqlite.prepare('select status, attempts from jobs').get();
      expect(j).toEqual({ status: 'done', attempts: 2 });
      expect(fake.fulfillmentCreates).toHaveLength(1);
    } finally {
      restarted.close();
    }
  });

  test('offline: the worker pauses and probes without spending attempts', async () => {
    await open({ policy: { offlineBaseMs: 30_000 } });
    await shipOne(shop, '#1001');
    await fake.close();
    const t0 = clock.t;
    await shop.core.outbox.drain();
    const j = await only(shop);
    expect(j).toMatchObject({ status: 'queued', attempts: 0 });
    expect(j.lastError).toMatch(/cannot reach 127\.0\.0\.1/);
    expect(Date.parse(j.nextRunAt!)).toBe(t0 + 30_000);
    const listed = await value<{ offline: { reason: string } | null }>(shop.core.call('outbox.list', {}));
    expect(listed.offline?.reason).toMatch(/cannot reach/);
    fake = await startFakeShopify({ now: clock.now }); // so afterEach can close something
  });
});

describe('outbox: tracking pushed to WooCommerce', () => {
  let fake: FakeWoo;
  let shop: Shop;
  const clock = aClock();
  beforeEach(async () => {
    fake = await startFakeWoo();
    fake.orders = [aWooOrder(727, '2025-03-02T00:00:00')];
    shop = await aSyncedChannel({
      kind: 'woocommerce',
      url: fake.url,
      credentials: { kind: 'woocommerce', consumerKey: fake.key, consumerSecret: fake.secret },
      clock,
      timeoutMs: 300,
    });
  });
  afterEach(async () => {
    shop.core.dispose();
    await fake.close();
  });

  test('a customer note with carrier and number, then completed; a retry after a lost answer adds no second note', async () => {
    await shipOne(shop, '727');
    fake.slowNoteMs = 1_000;
    await shop.core.outbox.drain();
    const lost = await only(shop);
    expect(lost).toMatchObject({ status: 'queued', carrierName: 'SF Express' });
    expect(fake.notes[727]).toHaveLength(1);
    expect(fake.orders[0]!.status).toBe('processing');
    fake.slowNoteMs = 0;
    clock.t = Date.parse(lost.nextRunAt!);
    await shop.core.outbox.drain();
    expect(await only(shop)).toMatchObject({ status: 'done', attempts: 2 });
    expect(fake.notes[727]).toEqual([{ id: 100, note: `Shipped: SF Express ${SF}`, customer_note: true }]);
    expect(fake.updates).toEqual([{ id: 727, body: { status: 'completed' } }]);
  });

  test('a cancelled order is refused for good, not completed', async () => {
    fake.orders[0]!.status = 'cancelled';
    await shipOne(shop, '727');
    await shop.core.outbox.drain();
    const j = await only(shop);
    expect(j.status).toBe('failed');
    expect(j.lastError).toBe('WooCommerce order 727 is cancelled in the shop; it was not marked shipped');
    expect(fake.updates).toEqual([]);
  });
});

describe('outbox: channels without an API', () => {
  test('a Taobao push waits in export; the bulk-shipping file lists it with the Chinese carrier name and marks it done', async () => {
    const shop = { core: aCore({ now: aClock().now, sync: { secrets: aSecretStore() } }) };
    try {
      await aFloor(shop.core);
      const [id] = await packedOrders(shop.core, [[['MUG', 1]]], [{ externalId: '3141592653589793238' }]);
      await value(
        shop.core.call('shipping.confirm', {
          orderIds: [id],
          carrier: 'ZTO',
          trackingNumber: '73123456789012',
        }),
      );
      await shop.core.outbox.drain();
      const listed = await value<{
        rows: Job[];
        exportable: { channelName: string; waiting: number; channelId: number }[];
        counts: Record<string, number>;
      }>(shop.core.call('outbox.list', {}));
      expect(listed.rows).toMatchObject([
        { status: 'export', route: 'export', attempts: 0, carrierName: '中通快递' },
      ]);
      expect(listed.counts).toMatchObject({ export: 1, queued: 0, done: 0 });
      expect(listed.exportable).toEqual([
        { channelId: expect.any(Number), channelName: 'taobao-main', waiting: 1 },
      ]);
      const file = await value<{ content: string; fileName: string; count: number; layout: string }>(
        shop.core.call('outbox.export', { channelId: listed.exportable[0]!.channelId }),
      );
      expect(file.count).toBe(1);
      expect(file.fileName).toMatch(/^taobao-main-bulk-shipping-\d{12}\.csv$/);
      expect(file.content).toBe(
        '\uFEFF订单编号,物流公司,物流单号\r\n\t3141592653589793238,中通快递,73123456789012\r\n',
      );
      expect((await value<{ rows: Job[] }>(shop.core.call('outbox.list', {}))).rows[0]!.status).toBe('done');
      expect(
        await shop.core.call('outbox.export', { channelId: listed.exportable[0]!.channelId }),
      ).toMatchObject({
        ok: false,
        error: {
          code: 'not_found',
          message: 'Channel "taobao-main" has no shipped orders waiting for export',
        },
      });
    } finally {
      shop.core.dispose();
    }
  });

  test('a host without a keychain (packdesk serve) leaves every push alone; the Taobao one can still be exported', async () => {
    const core = aCore({ now: aClock().now });
    try {
      await aFloor(core);
      const [id] = await packedOrders(core, [[['MUG', 1]]]);
      await value(
        core.call('shipping.confirm', { orderIds: [id], carrier: 'ZTO', trackingNumber: '73123456789012' }),
      );
      await core.outbox.drain();
      const listed = await value<{ rows: Job[]; exportable: { channelId: number }[] }>(
        core.call('outbox.list', {}),
      );
      expect(listed.rows).toMatchObject([
        { status: 'queued', route: 'export', attempts: 0, lastError: null },
      ]);
      const file = await value<{ count: number }>(
        core.call('outbox.export', { channelId: listed.exportable[0]!.channelId }),
      );
      expect(file.count).toBe(1);
    } finally {
      core.dispose();
    }
  });

  test('a Shopify channel fed by files waits for export until it is connected; then its parked pushes go through the API', async () => {
    const clock = aClock();
    const fake = await startFakeShopify({ now: clock.now });
    fake.orders = [aShopifyOrder(1, '2025-03-01T09:00:00Z')];
    const core = aCore({
      now: clock.now,
      sync: { secrets: aSecretStore(), io: { sleep: clock.sleep, now: clock.now, random: () => 0.5 } },
    });
    try {
      const channel = await value<{ id: number }>(
        core.call('channels.save', {
          code: 'shopify-csv',
          kind: 'shopify',
          name: 'CSV Shopify',
          currency: 'USD',
        }),
      );
      await aFloor(core);
      const [id] = await packedOrders(core, [[['MUG', 1]]], [{ channelId: channel.id, externalId: '#1001' }]);
      await value(core.call('shipping.confirm', { orderIds: [id], carrier: 'SF', trackingNumber: SF }));
      await core.outbox.drain();
      const parked = await value<{ rows: Job[] }>(core.call('outbox.list', {}));
      expect(parked.rows).toMatchObject([{ status: 'export', route: 'export', carrierName: 'SF Express' }]);
      await value(core.call('sync.configure', { channelId: channel.id, url: fake.url, intervalMinutes: 15 }));
      await value(
        core.call('channels.setCredentials', {
          channelId: channel.id,
          credentials: { kind: 'shopify', accessToken: fake.token },
        }),
      );
      expect(core.outbox.recover()).toEqual([parked.rows[0]!.id]);
      await core.outbox.drain();
      expect((await value<{ rows: Job[] }>(core.call('outbox.list', {}))).rows).toMatchObject([
        { status: 'done', route: 'api' },
      ]);
      expect(fake.fulfillmentCreates).toHaveLength(1);
    } finally {
      core.dispose();
      await fake.close();
    }
  });

  test('an API channel has nothing to export', async () => {
    const fake = await startFakeShopify({ now: aClock().now });
    const shop = await aSyncedChannel({
      kind: 'shopify',
      url: fake.url,
      credentials: { kind: 'shopify', accessToken: fake.token },
    });
    try {
      expect(await shop.core.call('outbox.export', { channelId: shop.channelId })).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: expect.stringMatching(/pushes tracking numbers through its API/),
        },
      });
    } finally {
      shop.core.dispose();
      await fake.close();
    }
  });
});
