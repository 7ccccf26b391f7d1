import { aWooOrder, startFakeWoo, type FakeWoo } from '../fixtures/fake-woocommerce';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';

const gmt = (min: number) =>
  new Date(Date.parse('2025-03-10T10:00:00Z') + min * 60_000).toISOString().slice(0, 19);

describe('WooCommerce sync against a local REST v3 API', () => {
  let woo: FakeWoo;
  let h: Awaited<ReturnType<typeof aSyncedChannel>>;
  let clock: ReturnType<typeof aClock>;

  beforeEach(async () => {
    clock = aClock();
    woo = await startFakeWoo();
    // 250 orders: three pages of 100 (the documented maximum).
    for (let i = 1; i <= 250; i++) woo.orders.push(aWooOrder(i, gmt(i % 100)));
  });
  afterEach(async () => {
    h?.core.dispose();
    await woo.close();
  });
  const connect = async () =>
    (h = await aSyncedChannel({
      kind: 'woocommerce',
      url: woo.url,
      credentials: { kind: 'woocommerce', consumerKey: woo.key, consumerSecret: woo.secret },
      clock,
    }));

  it('pages with modified_after (GMT) and X-WP-TotalPages, maps the documented fields and pulls incrementally', async () => {
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    expect(woo.listCalls.map((p) => p.get('page'))).toEqual(['1', '2', '3']);
    expect(woo.listCalls[0]!.get('per_page')).toBe('100');
    expect(woo.listCalls[0]!.get('dates_are_gmt')).toBe('true');
    expect(woo.listCalls[0]!.get('modified_after')).toBe(
      new Date(clock.now() - 30 * 86_400_000).toISOString().slice(0, 19),
    );
    expect(h.orders()).toHaveLength(250);
    const o = h.core.ctx.sqlite
      .prepare(
        "select id, total_minor as total, shipping_minor as ship, payment_method as pay, country, province from orders where external_id = '7'",
      )
      .get() as any;
    expect(o).toMatchObject({
      total: 2935,
      ship: 1000,
      pay: 'Direct bank transfer',
      country: 'US',
      province: 'CA',
    });
    // line price is a float (9.675 → 968 cents); names carry HTML entities.
    expect(
      h.core.ctx.sqlite
        .prepare('select title, unit_price_minor as p, quantity from order_lines where order_id = ?')
        .get(o.id),
    ).toEqual({ title: 'Woo Single – #1', p: 968, quantity: 2 });
    // Pages were in creation order, so the checkpoint is the newest change seen (before the sweep began).
    expect(h.state()).toMatchObject({
      cursor_at: Date.parse(`${gmt(99)}Z`),
      state: 'ok',
      imported: 250,
      last_full_at: clock.now(),
    });

    woo.orders[6] = aWooOrder(7, gmt(120), { status: 'cancelled' });
    clock.t += 20 * 60_000;
    expect((await h.syncNow()).ok).toBe(true);
    expect(woo.listCalls[3]!.get('modified_after')).toBe(gmt(89));
    expect(h.state()).toMatchObject({ imported: 0, updated: 1 });
    expect(h.orders().find((r) => r.externalId === '7')!.status).toBe('cancelled');
  });

  it('reads again when pages drift under it: an order changed mid-sweep shifts the pages', async () => {
    clock.t = Date.parse(`${gmt(300)}Z`);
    // An old order (changed before the window) is edited while page 2 is being read: it enters the
    // result set near the front, pushing one order of page 1 onto page 2.
    woo.orders.push(aWooOrder(999, '2024-12-01T00:00:00', { date_created_gmt: '2025-02-01T00:00:00' }));
    woo.beforeList = (call) => {
      if (call === 2)
        woo.orders[250] = aWooOrder(999, gmt(150), {
          date_created_gmt: '2025-02-01T00:00:00',
          total: '55.00',
        });
    };
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    // The first sweep saw an order twice, so it was read again from the same point.
    expect(woo.listCalls.length).toBe(6);
    expect(h.orders()).toHaveLength(251);
    expect(h.orders().find((r) => r.externalId === '999')!.totalMinor).toBe(5500);
  });

  it('reports wrong credentials without retrying and tests the connection', async () => {
    await connect();
    expect(await h.core.call('channels.testConnection', { channelId: h.channelId })).toEqual({
      ok: true,
      value: { ok: true, shopName: 'https://woo.example', message: 'Connected to https://woo.example' },
    });
    woo.secret = 'cs_rotated';
    const r = (await h.core.call('channels.testConnection', { channelId: h.channelId })) as any;
    expect(r.value).toMatchObject({
      ok: false,
      shopName: null,
      message: expect.stringMatching(
        /refused the credentials \(HTTP 401: Sorry, you cannot list resources.\)/,
      ),
    });
    const before = woo.requests.length;
    await h.syncNow();
    expect(woo.requests.length).toBe(before + 1);
    expect(clock.sleeps).toEqual([]);
    expect(await h.status()).toMatchObject({
      state: 'error',
      lastError: expect.stringMatching(/check them in the channel settings/),
    });
  });

  it('resumes a killed sweep at the page after the last committed one, with the same window', async () => {
    await connect();
    woo.faults.push(null, { kind: 'truncate' });
    await h.syncNow();
    expect(h.orders()).toHaveLength(100);
    expect(h.state()).toMatchObject({
      sweep_cursor: '2',
      sweep_kind: 'full',
      cursor_at: null,
      state: 'error',
    });
    await h.syncNow();
    expect(woo.listCalls.map((p) => p.get('page'))).toEqual(['1', '2', '2', '3']);
    expect(woo.listCalls[2]!.get('modified_after')).toBe(woo.listCalls[0]!.get('modified_after'));
    expect(h.orders()).toHaveLength(250);
    expect(h.state()).toMatchObject({ imported: 150, sweep_cursor: null, state: 'ok' });
  });

  it('falls back to query-parameter keys when the host strips the Authorization header', async () => {
    woo.stripAuthHeader = true;
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(250);
    expect(woo.requests[0]!.url.searchParams.has('consumer_key')).toBe(false);
    expect(woo.requests[1]!.url.searchParams.get('consumer_key')).toBe(woo.key);
  });

  it('reports a firewall 403 at once, without retrying, and writes nothing', async () => {
    await connect();
    woo.faults.push({
      kind: 'status',
      status: 403,
      body: '{"code":"forbidden","message":"Blocked by ModSecurity"}',
    });
    await h.syncNow();
    expect(woo.requests).toHaveLength(1);
    expect(h.orders()).toHaveLength(0);
    expect((await h.status()).lastError).toBe(
      "WooCommerce orders page 1: access denied (HTTP 403: Blocked by ModSecurity): the key lacks read permission, or the site's firewall blocks this computer; check the key's permissions and the firewall",
    );
  });

  it('leaves out the drafts WooCommerce lists with status=any: block-checkout drafts and empty auto-drafts', async () => {
    // A visitor who opened the block checkout and left, and an empty order the admin screen created.
    woo.orders.push(
      aWooOrder(251, gmt(5), { status: 'checkout-draft' }),
      aWooOrder(252, gmt(6), { status: 'auto-draft', line_items: [], total: '0.00' }),
    );
    await connect();
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(250);
    expect(h.orders().some((o) => o.externalId === '251' || o.externalId === '252')).toBe(false);
    // The visitor comes back and pays: the order is then pulled like any other.
    woo.orders[250] = aWooOrder(251, gmt(130), { status: 'processing' });
    clock.t += 20 * 60_000;
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders().find((o) => o.externalId === '251')).toMatchObject({ status: expect.any(String) });
    expect(h.orders()).toHaveLength(251);
  });

  it('asks for smaller pages when a slow host fails on pages of 100 (out of memory, gateway timeout)', async () => {
    woo.maxPerPage = 25;
    await connect();
    // The third page of 25 is cut off: the run stops there and the next one resumes at it.
    woo.faults.push(...Array<null>(14).fill(null), { kind: 'truncate' });
    await h.syncNow();
    expect(h.state()).toMatchObject({ state: 'error', sweep_cursor: '3/25' });
    expect(h.orders()).toHaveLength(50);
    expect((await h.syncNow()).ok).toBe(true);
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null });
    expect(h.orders()).toHaveLength(250);
    const sizes = woo.listCalls.map((p) => p.get('per_page'));
    // Six tries at 100 and six at 50 (the host might only be busy), then pages of 25 to the end.
    expect(sizes.filter((s) => s === '100')).toHaveLength(6);
    expect(sizes.filter((s) => s === '50')).toHaveLength(6);
    expect(woo.listCalls.slice(12).map((p) => `${p.get('page')}/${p.get('per_page')}`)).toEqual(
      ['1', '2', '3', '3', '4', '5', '6', '7', '8', '9', '10'].map((n) => `${n}/25`),
    );
    // The next run starts at pages of 25: it does not spend a dozen failing requests finding them again.
    woo.orders.push(aWooOrder(251, gmt(100)));
    const before = woo.listCalls.length;
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(251);
    const next = woo.listCalls.slice(before).map((p) => p.get('per_page'));
    expect(next.length).toBeGreaterThan(0);
    expect(new Set(next)).toEqual(new Set(['25']));
  });
});
