import { importFile } from '../../src-main/modules/intake';
import { USUAL_ADDRESS_REASON } from '../../src-shared/contract/order-entry.schema';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8, type Row } from '../fixtures/order-files';

// 2026-03-20 10:00 Beijing time = 02:00 UTC; the order number uses this machine's day.
const NOW = Date.UTC(2026, 2, 20, 2);
const DAY = (() => {
  const d = new Date(NOW);
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
})();

const entry = (over: Record<string, unknown> = {}) => ({
  requestId: 'req-00000001',
  recipient: { name: '张伟', phone: '138 1234 5678' },
  address: { kind: 'cn', text: '深圳市粤海街道科技园南路88号' },
  lines: [
    { sku: 'TEA-01', quantity: 2, unitPriceMinor: 4_990 },
    { sku: 'CUP-01', quantity: 1, unitPriceMinor: 1_500 },
  ],
  shippingMinor: 800,
  paymentMethod: 'cod',
  buyerMessage: '下午送',
  ...over,
});

describe('orders.create: phone and counter orders typed in by hand', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(async () => {
    core = aCore({ now: () => NOW });
    for (const [sku, title, barcode] of [
      ['TEA-01', '龙井 250g', '6901234567892'],
      ['CUP-01', 'Glass cup', '6901234567908'],
    ] as const)
      await value(core.call('skus.save', { sku, title, barcodes: [barcode], priceMinor: 4_990 }));
  });
  afterEach(() => core.dispose());

  const count = async () => (await value(core.call('orders.count', {}))).total as number;
  const rows = (sql: string) => core.ctx.sqlite.prepare(sql).all();

  test('writes a standardised, classified order linked to its customer, numbered M-YYYYMMDD-NNNN', async () => {
    const events: unknown[] = [];
    core.subscribe((e) => events.push(e));
    const r = await value(core.call('orders.create', entry(), { actor: 'clerk-li' }));
    expect(r).toMatchObject({ externalId: `M-${DAY}-0001`, created: true });
    const o = await value(core.call('orders.get', { id: r.id }));
    expect(o).toMatchObject({
      channel: 'manual',
      status: 'pending_review',
      type: 'online_shop',
      currency: 'CNY',
      totalMinor: 2 * 4_990 + 1_500 + 800,
      paymentMethod: 'cod',
      buyerMessage: '下午送',
      customer: { name: '张伟', phone: '13812345678' },
      address: { country: 'CN', province: '广东省', city: '深圳市', district: '南山区', ambiguous: false },
    });
    expect(o.customer.id).not.toBeNull();
    expect(o.lines.map((l: { sku: string; title: string }) => [l.sku, l.title])).toEqual([
      ['TEA-01', '龙井 250g'],
      ['CUP-01', 'Glass cup'],
    ]);
    expect(o.reasons[0]).toMatch(/^type online_shop: manual channel/);
    expect(o.reasons).toContain('entered by hand by clerk-li');
    expect(o.reasons.some((x: string) => x.startsWith('customer profile linked by phone 13812345678'))).toBe(
      true,
    );
    expect(o.history).toEqual([
      expect.objectContaining({ actor: 'clerk-li', action: 'create', to: 'pending_review' }),
    ]);
    const changes = (await value(core.call('standardize.changes', { orderId: r.id }))).rows;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'district', before: '', after: '南山区' }),
        expect.objectContaining({ field: 'phone', before: '138 1234 5678', after: '13812345678' }),
      ]),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ name: 'orders.changed', payload: expect.objectContaining({ ids: [r.id] }) }),
    );
    // The next one of the day takes the next number.
    const r2 = await value(core.call('orders.create', entry({ requestId: 'req-00000002' })));
    expect(r2.externalId).toBe(`M-${DAY}-0002`);
  });

  test('is indistinguishable from the same order imported through the template', async () => {
    const made = await value(core.call('orders.create', entry({ requestId: 'req-compare-1' })));
    const row: Row = {
      order_id: 'SHEET-1',
      placed_at: '2026-03-20 10:00',
      channel: 'manual',
      buyer_name: '张伟',
      phone: '138 1234 5678',
      address: '深圳市粤海街道科技园南路88号',
      country: 'CN',
      sku: 'TEA-01',
      title: '龙井 250g',
      quantity: '2',
      unit_price: '49.90',
      currency: 'CNY',
      shipping_fee: '8',
      payment_method: 'cod',
    };
    await importFile(core.ctx, {
      fileName: 'sheet.csv',
      bytes: utf8(
        csv(HEADERS.packdesk, [
          row,
          { ...row, sku: 'CUP-01', title: 'Glass cup', quantity: '1', unit_price: '15' },
        ]),
      ),
      format: 'packdesk',
      actor: 'test',
    });
    const list = await value(core.call('orders.list', { filter: { search: 'SHEET-1' } }));
    const [a, b] = await Promise.all(
      [made.id, list.rows[0].id].map((id) => value(core.call('orders.get', { id }))),
    );
    const fields = (o: any) => ({
      type: o.type,
      status: o.status,
      totalMinor: o.totalMinor,
      customer: o.customer,
      address: { ...o.address, raw: undefined },
      lines: o.lines,
      reasons: o.reasons.filter((x: string) => !x.startsWith('entered by hand')),
    });
    expect(fields(a)).toEqual(fields(b));
    const changed = async (id: number) =>
      (await value(core.call('standardize.changes', { orderId: id }))).rows.map((c: any) => c.field).sort();
    expect(await changed(a.id)).toEqual(await changed(b.id));
  });

  test('a double submit with the same request id makes one order; the id with other content is refused', async () => {
    const [x, y] = await Promise.all([
      core.call('orders.create', entry()),
      core.call('orders.create', entry()),
    ]);
    expect(x.ok && y.ok).toBe(true);
    const a = (x as any).value;
    const b = (y as any).value;
    expect(b.id).toBe(a.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(await count()).toBe(1);
    const other = await core.call('orders.create', entry({ shippingMinor: 0 }));
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'conflict', issues: [{ path: 'requestId' }] },
    });
    expect(await count()).toBe(1);
  });

  test.each([
    [
      'an unknown SKU',
      { lines: [{ sku: 'NOPE-9', quantity: 1, unitPriceMinor: 100 }] },
      'lines.0.sku',
      /unknown SKU "NOPE-9"/,
    ],
    [
      'a quantity of 0',
      { lines: [{ sku: 'TEA-01', quantity: 0, unitPriceMinor: 100 }] },
      'lines.0.quantity',
      /at least 1/,
    ],
    [
      'a negative quantity',
      { lines: [{ sku: 'TEA-01', quantity: -2, unitPriceMinor: 100 }] },
      'lines.0.quantity',
      /at least 1/,
    ],
    ['no phone', { recipient: { name: '张伟', phone: '' } }, 'recipient.phone', /is required/],
    [
      'a phone that is no number',
      { recipient: { name: '张伟', phone: '12345' } },
      'recipient.phone',
      /not a valid CN phone/,
    ],
    ['no items', { lines: [] }, 'lines', /at least one item/],
    ['a platform channel', { channel: 'taobao' }, 'channel', /orders typed in by hand go to/],
    [
      'no address and no customer history',
      { address: { kind: 'cn', text: '' } },
      'address.text',
      /no earlier address/,
    ],
  ])('%s is refused on its field and nothing is written', async (_what, over, path, message) => {
    await value(
      core.call('channels.save', {
        code: 'taobao',
        kind: 'taobao',
        name: '淘宝',
        currency: 'CNY',
        enabled: true,
      }),
    );
    const before = rows('select count(*) as n from customers union all select count(*) from channels');
    const r = await core.call('orders.create', entry(over));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await count()).toBe(0);
    expect(rows('select * from manual_order_requests')).toEqual([]);
    expect(rows('select count(*) as n from customers union all select count(*) from channels')).toEqual(
      before,
    );
  });

  test('a repeat customer without an address gets the usual one, marked in the changes', async () => {
    const first = await value(core.call('orders.create', entry()));
    const again = await value(
      core.call(
        'orders.create',
        entry({
          requestId: 'req-00000009',
          recipient: { name: '张伟', phone: '13812345678' },
          address: { kind: 'cn', text: '' },
        }),
      ),
    );
    const [a, b] = await Promise.all(
      [first.id, again.id].map((id) => value(core.call('orders.get', { id }))),
    );
    expect(b.customer.id).toBe(a.customer.id);
    expect(b.address).toMatchObject({ province: '广东省', city: '深圳市', district: '南山区' });
    expect(
      b.reasons.some((x: string) => /address missing: filled from customer #\d+'s usual address/.test(x)),
    ).toBe(true);
    const changes = (await value(core.call('standardize.changes', { orderId: again.id }))).rows;
    expect(changes).toContainEqual(
      expect.objectContaining({ field: 'province', after: '广东省', reason: USUAL_ADDRESS_REASON }),
    );
    const profile = await value(core.call('customers.get', { id: a.customer.id }));
    expect(profile.orderCount).toBe(2);
  });

  test('an international order keeps its structured address and is classified cross-border', async () => {
    const r = await value(
      core.call(
        'orders.create',
        entry({
          requestId: 'req-abroad-1',
          recipient: { name: 'Jane Doe', phone: '+1 415 555 0100' },
          address: {
            kind: 'intl',
            country: 'us',
            state: 'CA',
            city: 'San Francisco',
            line1: '1 Market St',
            line2: 'Suite 5',
            postcode: '94105',
          },
          currency: 'USD',
          paymentMethod: 'bank_transfer',
        }),
      ),
    );
    const o = await value(core.call('orders.get', { id: r.id }));
    expect(o).toMatchObject({
      type: 'cross_border',
      currency: 'USD',
      customer: { phone: '+14155550100' },
      address: {
        country: 'US',
        province: 'CA',
        city: 'San Francisco',
        detail: '1 Market St, Suite 5',
        postcode: '94105',
      },
    });
  });

  test('an explicit type and an offline channel of the shop are kept', async () => {
    await value(
      core.call('channels.save', {
        code: 'groupbuy',
        kind: 'group_buy',
        name: '社区团购',
        currency: 'CNY',
        enabled: true,
      }),
    );
    const r = await value(core.call('orders.create', entry({ channel: 'groupbuy', type: 'live_stream' })));
    const o = await value(core.call('orders.get', { id: r.id }));
    expect(o).toMatchObject({ channel: 'groupbuy', type: 'live_stream' });
    expect(o.reasons[0]).toBe('type live_stream: chosen when the order was entered by hand');
  });
});

describe('lookups for the entry form', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => NOW })));
  afterEach(() => core.dispose());

  test('skus.search ranks a scanned barcode or exact code first, then code prefix, then text anywhere', async () => {
    for (const [sku, title, barcode] of [
      ['TEA-01', '龙井 250g', '6901234567892'],
      ['TEA-010', 'Tea tin', '6901234567000'],
      ['CUP-01', 'Tea cup', '6901234567908'],
      ['MUG-02', 'Mug', '4006381333931'],
    ] as const)
      await value(core.call('skus.save', { sku, title, barcodes: [barcode], priceMinor: 1_000 }));
    const find = async (query: string) =>
      (await value(core.call('skus.search', { query }))).rows.map((r: any) => `${r.sku}:${r.match}`);
    expect(await find('4006381333931')).toEqual(['MUG-02:exact']);
    expect(await find('TEA-01')).toEqual(['TEA-01:exact', 'TEA-010:prefix']);
    expect(await find('tea')).toEqual(['CUP-01:contains', 'TEA-01:contains', 'TEA-010:contains']);
    expect(await find('TE')).toEqual(['TEA-01:prefix', 'TEA-010:prefix', 'CUP-01:contains']);
    expect(await find('龙井')).toEqual(['TEA-01:contains']);
    expect(await find('6901234567')).toEqual(['CUP-01:contains', 'TEA-01:contains', 'TEA-010:contains']);
    const hit = (await value(core.call('skus.search', { query: '6901234567908' }))).rows[0];
    expect(hit).toMatchObject({
      sku: 'CUP-01',
      title: 'Tea cup',
      barcode: '6901234567908',
      priceMinor: 1_000,
    });
  });

  test('customers.lookup finds by phone as typed or by name, with the usual address', async () => {
    await value(core.call('skus.save', { sku: 'TEA-01', title: '龙井', priceMinor: 100 }));
    await value(
      core.call('orders.create', entry({ lines: [{ sku: 'TEA-01', quantity: 1, unitPriceMinor: 100 }] })),
    );
    await value(
      core.call(
        'orders.create',
        entry({
          requestId: 'req-00000002',
          recipient: { name: '张伟强', phone: '13900001111' },
          address: { kind: 'cn', text: '上海市浦东新区张江路1号' },
          lines: [{ sku: 'TEA-01', quantity: 1, unitPriceMinor: 100 }],
        }),
      ),
    );
    const find = async (query: string) => (await value(core.call('customers.lookup', { query }))).rows;
    const byPhone = await find('138-1234 5678');
    expect(byPhone).toHaveLength(1);
    expect(byPhone[0]).toMatchObject({
      name: '张伟',
      phone: '13812345678',
      orderCount: 1,
      usualAddress: { province: '广东省', city: '深圳市', district: '南山区', uses: 1 },
    });
    expect((await find('1381')).map((c: any) => c.phone)).toEqual(['13812345678']);
    // An exact name first, then a longer name that starts with it.
    expect((await find('张伟')).map((c: any) => c.name)).toEqual(['张伟', '张伟强']);
    expect(await find('nobody')).toEqual([]);
    // Only the country code typed so far: no number yet, so nobody (not every customer).
    expect(await find('+86')).toEqual([]);
    expect(await find('0086 ')).toEqual([]);
    // As a clerk's input method may give it: full-width digits, traditional characters.
    expect((await find('１３８１２３４５６７８')).map((c: any) => c.name)).toEqual(['张伟']);
    expect((await find('張偉')).map((c: any) => c.name)).toEqual(['张伟', '张伟强']);
  });
});
