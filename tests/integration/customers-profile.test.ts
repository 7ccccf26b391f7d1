import { readFileSync } from 'node:fs';
import { importFile } from '../../src-main/modules/intake';
import { rfmSegment } from '../../src-main/modules/customers';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8, type Row } from '../fixtures/order-files';

const NOW = Date.UTC(2026, 2, 20);
const line = (id: string, extra: Partial<Row> = {}): Row => ({
  order_id: id,
  placed_at: '2026-03-10 10:00',
  channel: 'sheet',
  buyer_name: '张伟',
  phone: '13812345678',
  address: '广东省深圳市南山区粤海街道科技园南路88号',
  sku: 'TS-RED-L',
  title: 'T恤',
  quantity: '1',
  unit_price: '59',
  currency: 'CNY',
  shipping_fee: '0',
  ...extra,
});

describe('customer profiles', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => NOW })));
  afterEach(() => core.dispose());
  const load = (rows: Row[], name = 'c.csv') =>
    importFile(core.ctx, {
      fileName: name,
      bytes: utf8(csv(HEADERS.packdesk, rows)),
      format: 'packdesk',
      actor: 'test',
    });
  const order = async (ext: string) => {
    const l = await value(core.call('orders.list', { filter: { search: ext } }));
    return value(core.call('orders.get', { id: l.rows[0].id }));
  };

  test('orders with the same phone, or the same name + address, share one profile; a link between two profiles merges them', async () => {
    await load([
      line('A1'),
      line('A2', { phone: '13900000000', address: '上海市浦东新区张江路1号', buyer_name: '王芳' }),
    ]);
    const a1 = await order('A1');
    const a2 = await order('A2');
    expect(a1.customer.id).not.toBe(a2.customer.id);
    // Same phone as A1, same name + address as A2: the same person, so the two profiles become one.
    await load([line('A3', { buyer_name: '王芳', address: '上海市浦东新区张江路1号' })], 'c2.csv');
    const ids = new Set([
      (await order('A1')).customer.id,
      (await order('A2')).customer.id,
      (await order('A3')).customer.id,
    ]);
    expect(ids.size).toBe(1);
    const list = await value(core.call('customers.list', {}));
    expect(list.total).toBe(1);
    const merged = core.ctx.sqlite
      .prepare("select reason from audit_log where entity = 'customer' and action = 'merge'")
      .all();
    expect(merged).toEqual([
      { reason: expect.stringMatching(/^same (phone 13812345678|name \+ address) as customer #\d+$/) },
    ]);
    expect((await order('A3')).reasons).toContain(
      'customer profile linked by phone 13812345678, name + address',
    );
  });

  test('one file gives what the same rows give one file each: merges, usual addresses and repeated orders within a batch', async () => {
    const rows = [
      line('B1'),
      line('B2', { phone: '13900000000', address: '上海市浦东新区张江路1号', buyer_name: '王芳' }),
      line('B3', { phone: '13900000000', address: '', placed_at: '2026-03-11 10:00' }),
      // Same phone as B1, same name + address as B2: merges the two profiles B1 and B2/B3 hold.
      line('B4', { buyer_name: '王芳', address: '上海市浦东新区张江路1号', placed_at: '2026-03-12 10:00' }),
      line('B5', { address: '', placed_at: '2026-03-13 10:00' }),
    ];
    /** Orders by id with their customer told apart by first appearance, not by surrogate id. */
    const state = () => {
      const all = core.ctx.sqlite
        .prepare(
          `select external_id as id, customer_id as c, province, city, district, detail, reasons_json as reasons
           from orders order by external_id`,
        )
        .all() as { id: string; c: number; reasons: string }[];
      const seen = new Map<number, number>();
      return {
        orders: all.map((o) => ({ ...o, c: seen.get(o.c) ?? (seen.set(o.c, seen.size), seen.size - 1) })),
        customers: core.ctx.sqlite.prepare('select count(*) as n from customers').get(),
        keys: core.ctx.sqlite.prepare('select kind, key from customer_keys order by kind, key').all(),
      };
    };
    await load(rows);
    const oneFile = state();
    core.dispose();
    core = aCore({ now: () => NOW });
    for (const [i, r] of rows.entries()) await load([r], `row${i}.csv`);
    expect(oneFile).toEqual(state());
    expect(new Set(oneFile.orders.map((o) => o.c))).toEqual(new Set([0]));
    expect(oneFile.orders.find((o) => o.id === 'B5')).toMatchObject({ district: '浦东新区' });
    expect(oneFile.orders.find((o) => o.id === 'B3')).toMatchObject({ district: '浦东新区' });
  });

  test('a masked recipient links to nobody', async () => {
    await load([line('M1', { buyer_name: '张**', phone: '138****5678', address: '广东省深圳市南山区****' })]);
    const m = await order('M1');
    expect(m.customer.id).toBeNull();
    expect(m.address.masked).toBe(true);
  });

  test("a repeat customer's order without an address gets the usual one, marked as filled", async () => {
    await load([
      line('U1'),
      line('U2', { placed_at: '2026-03-11 10:00' }),
      line('U3', { address: '北京市朝阳区建国门外街道1号', placed_at: '2026-03-12' }),
    ]);
    await load([line('U4', { address: '', placed_at: '2026-03-18 09:00' })], 'later.csv');
    const u4 = await order('U4');
    expect(u4.address).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '粤海街道',
      detail: '科技园南路88号',
    });
    expect(u4.reasons.join('\n')).toMatch(
      /address missing: filled from customer #\d+'s usual address \(used on 2 orders\)/,
    );
    const changes = await value(core.call('standardize.changes', { orderId: u4.id }));
    expect(changes.rows).toContainEqual({
      field: 'district',
      before: '',
      after: '南山区',
      reason: "filled from the customer's usual address",
    });
    // Filled, so not "no address" any more.
    expect(u4.reasons).not.toContain('no address on the order');
    // A filled address is no further use of the usual one: the next fill still counts 2.
    await load([line('U5', { address: '', placed_at: '2026-03-19 09:00' })], 'later2.csv');
    const u5 = await order('U5');
    expect(u5.reasons.join('\n')).toMatch(/usual address \(used on 2 orders\)/);
    const profile = await value(core.call('customers.get', { id: u5.customer.id }));
    expect(profile.usualAddress).toMatchObject({ district: '南山区', uses: 2 });
  });

  test('an order filled with a usual address abroad is classified by where it now ships: cross-border', async () => {
    const abroad = {
      buyer_name: 'Anna Smith',
      phone: '+1 212 555 0100',
      address: '1 Main Street',
      country: 'US',
      province: 'NY',
      city: 'New York',
      postcode: '10001',
    };
    await load([line('X1', abroad), line('X2', { ...abroad, placed_at: '2026-03-11 10:00' })]);
    expect((await order('X1')).type).toBe('cross_border');
    await load(
      [line('X3', { ...abroad, address: '', country: '', province: '', city: '', postcode: '' })],
      'later.csv',
    );
    const x3 = await order('X3');
    expect(x3.address).toMatchObject({ country: 'US', city: 'New York' });
    expect(x3.type).toBe('cross_border');
    expect(x3.reasons).toContain('type cross_border: ships to US from CN');
    expect(x3.reasons.filter((r: string) => r.startsWith('type '))).toHaveLength(1);
  });

  test('the profile and the list give the same, stored customer name; the latest recipient shows on its order', async () => {
    await load([
      line('N1'),
      line('N2', { buyer_name: '李娜', placed_at: '2026-03-15 10:00' }), // same phone, someone else receives
    ]);
    const { rows } = await value(core.call('customers.list', { offset: 0, limit: 10 }));
    expect(rows).toHaveLength(1);
    const profile = await value(core.call('customers.get', { id: rows[0].id }));
    expect(profile.name).toBe(rows[0].name);
    expect(profile.name).toBe('张伟');
    expect(profile.orders[0]).toMatchObject({ externalId: 'N2', recipientName: '李娜' });
  });

  test('the profile: order count, first/last order, spend, average, top SKUs, usual address and RFM segment', async () => {
    await load([
      line('P1', { placed_at: '2026-01-05 10:00', quantity: '2' }),
      line('P2', { placed_at: '2026-02-05 10:00', sku: 'CUP-500', title: '保温杯', unit_price: '89' }),
      line('P3', { placed_at: '2026-03-15 10:00' }),
    ]);
    const id = (await order('P1')).customer.id;
    const p = await value(core.call('customers.get', { id }));
    expect(p).toMatchObject({
      name: '张伟',
      orderCount: 3,
      firstOrderAt: '2026-01-05T02:00:00.000Z',
      lastOrderAt: '2026-03-15T02:00:00.000Z',
      spend: [
        {
          currency: 'CNY',
          totalMinor: 11800 + 8900 + 5900,
          averageMinor: Math.round((11800 + 8900 + 5900) / 3),
          orders: 3,
        },
      ],
      segment: 'loyal',
      usualAddress: { province: '广东省', city: '深圳市', district: '南山区', uses: 3 },
    });
    expect(p.topSkus[0]).toEqual({ sku: 'TS-RED-L', title: 'T恤', quantity: 3 });
    expect(p.rfm).toMatchObject({ recencyDays: 4, frequency: 3, monetaryMinor: 26600 });
    expect(p.orders.map((o: { externalId: string }) => o.externalId)).toEqual(['P3', 'P2', 'P1']);
    const list = await value(core.call('customers.list', { search: '1381234' }));
    expect(list.rows[0]).toMatchObject({ id, orderCount: 3, segment: 'loyal' });
    expect(await core.call('customers.get', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  test('the list finds a phone as typed (spaces, dashes, +86) and a name in any case, filters by segment with counts, sorts', async () => {
    await load([
      line('L1', { placed_at: '2026-03-18 10:00' }), // 张伟: new
      line('L2', {
        buyer_name: 'Kevin Patel',
        phone: '13900000001',
        address: '上海市浦东新区张江路1号',
        placed_at: '2026-01-01 10:00',
      }),
      line('L3', {
        buyer_name: 'Kevin Patel',
        phone: '13900000001',
        address: '上海市浦东新区张江路1号',
        placed_at: '2026-01-02 10:00',
      }),
      line('L4', {
        buyer_name: 'Kevin Patel',
        phone: '13900000001',
        address: '上海市浦东新区张江路1号',
        placed_at: '2026-01-03 10:00',
      }),
      line('L5', {
        buyer_name: '阿兰',
        phone: '13700000002',
        address: '北京市朝阳区建国路1号',
        placed_at: '2026-03-01 10:00',
      }),
      line('L6', {
        buyer_name: '阿兰',
        phone: '13700000002',
        address: '北京市朝阳区建国路1号',
        placed_at: '2026-03-02 10:00',
      }),
    ]);
    const names = async (input: object) =>
      (await value(core.call('customers.list', input))).rows.map((r: { name: string }) => r.name);
    expect(await names({ search: '138 1234 5678' })).toEqual(['张伟']);
    expect(await names({ search: '+86 138-1234-5678' })).toEqual(['张伟']);
    expect(await names({ search: 'kevin' })).toEqual(['Kevin Patel']);
    const all = await value(core.call('customers.list', {}));
    expect(all.segments).toEqual([
      { segment: 'new', count: 1 },
      { segment: 'loyal', count: 1 },
      { segment: 'promising', count: 1 },
    ]);
    const loyal = await value(core.call('customers.list', { segment: 'loyal' }));
    expect(loyal).toMatchObject({ total: 1, rows: [{ name: 'Kevin Patel', orderCount: 3 }] });
    expect(loyal.segments).toEqual(all.segments); // counts stay those of the search, for the chips
    expect(await names({})).toEqual(['张伟', '阿兰', 'Kevin Patel']);
    expect(await names({ sort: 'orders' })).toEqual(['Kevin Patel', '阿兰', '张伟']);
    expect(await names({ sort: 'orders', offset: 1, limit: 1 })).toEqual(['阿兰']);
  });

  test('the list finds a phone typed with full-width digits or 0086, and a name typed in traditional characters (either way round)', async () => {
    await load([
      line('W1'),
      line('W2', { buyer_name: '陳美玲', phone: '13900000003', address: '上海市浦东新区张江路1号' }),
    ]);
    const names = async (search: string) =>
      (await value(core.call('customers.list', { search }))).rows.map((r: { name: string }) => r.name);
    expect(await names('１３８ １２３４')).toEqual(['张伟']);
    expect(await names('＋８６ １３８１２３４５６７８')).toEqual(['张伟']);
    expect(await names('0086 138 1234 5678')).toEqual(['张伟']);
    expect(await names('張偉')).toEqual(['张伟']);
    expect(await names('陈美')).toEqual(['陳美玲']);
    // Given names too, not only the characters of place names (張嬌 → 张娇, 穎 → 颖).
    await load(
      [
        line('W3', { buyer_name: '张娇', phone: '13900000004' }),
        line('W4', { buyer_name: '林穎', phone: '13900000005' }),
      ],
      'w2.csv',
    );
    expect(await names('張嬌')).toEqual(['张娇']);
    expect(await names('林颖')).toEqual(['林穎']);
  });

  test('colleagues sharing a company switchboard are kept apart; each is still linked by it with their own name', async () => {
    const office = {
      phone: '0755-86001234转801',
      address: '广东省深圳市南山区粤海街道科技园南路88号A座1201',
    };
    await load([
      line('S1', { ...office, buyer_name: '张伟', placed_at: '2026-03-01 10:00' }),
      line('S2', {
        ...office,
        buyer_name: '张丽',
        phone: '0755-86001234转802',
        placed_at: '2026-03-02 10:00',
      }),
    ]);
    const zhangWei = (await order('S1')).customer.id;
    expect((await order('S2')).customer.id).not.toBe(zhangWei);
    // 张伟 again, from home this time: the switchboard with his name finds him.
    await load(
      [line('S3', { phone: '0755-86001234', buyer_name: '张伟', address: '上海市浦东新区张江路1号' })],
      's3.csv',
    );
    expect((await order('S3')).customer.id).toBe(zhangWei);
    expect((await order('S3')).reasons).toContain(
      'customer profile linked by landline 0755-86001234 + name, name + address',
    );
    expect((await value(core.call('customers.list', {}))).total).toBe(2);
    expect(
      core.ctx.sqlite.prepare("select count(*) from audit_log where action = 'merge'").pluck().get(),
    ).toBe(0);
    const phones = (await value(core.call('customers.list', { search: '0755 8600 1234' }))).rows.map(
      (r: { phone: string }) => r.phone,
    );
    expect(phones).toEqual(['0755-86001234', '0755-86001234']);
    expect((await value(core.call('customers.lookup', { query: '075586001234' }))).rows[0].phone).toBe(
      '0755-86001234',
    );
  });

  test('a surname with a title (张先生, Mr Li) at one address names nobody in particular: two such buyers are kept apart', async () => {
    const office = { address: '广东省深圳市南山区粤海街道科技园南路88号A座1201' };
    await load([
      line('H1', { ...office, buyer_name: '张先生', phone: '13800000001' }),
      line('H2', { ...office, buyer_name: '张先生', phone: '13800000002' }),
      line('H3', { ...office, buyer_name: 'Mr. Li', phone: '13800000003' }),
      line('H4', { ...office, buyer_name: 'Mr. Li', phone: '13800000004' }),
      // A full name at the address still links.
      line('H5', { ...office, buyer_name: '张伟', phone: '13800000005' }),
      line('H6', { ...office, buyer_name: '张伟', phone: '13800000006' }),
    ]);
    const ids = await Promise.all(
      ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'].map(async (x) => (await order(x)).customer.id),
    );
    expect(new Set(ids.slice(0, 4)).size).toBe(4);
    expect(ids[4]).toBe(ids[5]);
    expect((await order('H2')).reasons).toContain('customer profile linked by phone 13800000002');
  });

  test('a Shopify buyer is found by email, whole or in part, in any case, in the list and the entry lookup', async () => {
    await importFile(core.ctx, {
      fileName: 'shopify-orders.csv',
      bytes: readFileSync('tests/fixtures/files/shopify-orders.csv'),
      format: 'auto',
      actor: 'test',
    });
    const names = async (search: string) =>
      (await value(core.call('customers.list', { search }))).rows.map((r: { name: string }) => r.name);
    expect(await names('emma.w@example.com')).toEqual(['Emma Wilson']);
    expect(await names('EMMA.W@')).toEqual(['Emma Wilson']);
    const lookup = async (query: string) =>
      (await value(core.call('customers.lookup', { query }))).rows.map((r: { name: string }) => r.name);
    expect(await lookup('emma.w@example.com')).toEqual(['Emma Wilson']);
  });

  test('a landline (stored 0755-86001234) is found typed without the dash, with spaces or with +86', async () => {
    await load([line('T1', { buyer_name: '李经理', phone: '0755 8600 1234' }), line('T2')]);
    const names = async (search: string) =>
      (await value(core.call('customers.list', { search }))).rows.map((r: { name: string }) => r.name);
    expect((await value(core.call('customers.list', { search: '李经理' }))).rows[0].phone).toBe(
      '0755-86001234',
    );
    for (const typed of ['075586001234', '0755 8600 1234', '+86 755 8600 1234', '86001234'])
      expect(await names(typed)).toEqual(['李经理']);
    const lookup = async (query: string) =>
      (await value(core.call('customers.lookup', { query }))).rows.map((r: { name: string }) => r.name);
    expect(await lookup('0755 8600 1234')).toEqual(['李经理']);
    expect(await lookup('07558600')).toEqual(['李经理']);
  });

  test('a phone a profile gained later (a merge, a repeat order) finds it in the list and the entry lookup, and the profile shows it', async () => {
    // First seen without a phone; the second order (same name + address) brings one.
    await load([line('P1', { phone: '' }), line('P2', { placed_at: '2026-03-11 10:00' })]);
    const first = (await order('P1')).customer.id;
    expect((await order('P2')).customer.id).toBe(first);
    // Another profile under a second phone, merged into the first by hand.
    await load([line('P3', { phone: '13900000009', address: '上海市浦东新区张江路1号' })], 'p3.csv');
    await value(core.call('customers.merge', { from: (await order('P3')).customer.id, into: first }));
    const names = async (search: string) =>
      (await value(core.call('customers.list', { search }))).rows.map((r: { id: number }) => r.id);
    expect(await names('138 1234 5678')).toEqual([first]);
    expect(await names('139 0000 0009')).toEqual([first]);
    const lookup = async (query: string) =>
      (await value(core.call('customers.lookup', { query }))).rows.map((r: { id: number }) => r.id);
    expect(await lookup('13812345678')).toEqual([first]);
    expect(await lookup('1390000')).toEqual([first]);
    // The entry form fills in the phone the clerk was given, not the one the profile shows.
    expect((await value(core.call('customers.lookup', { query: '139 0000 0009' }))).rows[0].phone).toBe(
      '13900000009',
    );
    expect(await lookup('00009')).toEqual([first]);
    expect((await value(core.call('customers.get', { id: first }))).phone).toBe('13812345678');
  });

  test('a duplicate the keys could not join (new phone, other address) is merged by hand: orders and keys move, audited, all or nothing', async () => {
    await load([
      line('M1', { placed_at: '2026-03-01 10:00' }),
      line('M2', { phone: '13900000009', address: '上海市浦东新区张江路1号', placed_at: '2026-03-10 10:00' }),
    ]);
    const kept = (await order('M1')).customer.id;
    const dup = (await order('M2')).customer.id;
    expect(dup).not.toBe(kept);
    const merged = await value(core.call('customers.merge', { from: dup, into: kept }));
    expect(merged).toEqual({ into: kept, ordersMoved: 1 });
    expect((await order('M2')).customer.id).toBe(kept);
    const p = await value(core.call('customers.get', { id: kept }));
    expect(p.orderCount).toBe(2);
    expect(p.keys).toEqual(expect.arrayContaining([{ kind: 'phone', key: '13900000009' }]));
    expect(await core.call('customers.get', { id: dup })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // A later order under the second phone lands on the kept profile.
    await load([line('M3', { phone: '13900000009', address: '北京市朝阳区建国路1号' })], 'later.csv');
    expect((await order('M3')).customer.id).toBe(kept);
    expect(
      core.ctx.sqlite
        .prepare(
          "select entity_id as id, reason from audit_log where entity = 'customer' and action = 'merge'",
        )
        .all(),
    ).toEqual([{ id: kept, reason: 'merged by hand: 张伟 (13900000009) is 张伟' }]);
    // Merging a profile that is gone, or into itself, changes nothing.
    expect(await core.call('customers.merge', { from: dup, into: kept })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.call('customers.merge', { from: kept, into: kept })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect((await value(core.call('customers.list', {}))).total).toBe(1);
  });

  test.each([
    [null, 0, 'none'],
    [3, 1, 'new'],
    [10, 6, 'champion'],
    [60, 3, 'loyal'],
    [60, 2, 'promising'],
    [120, 2, 'at_risk'],
    [45, 1, 'one_time'],
    [400, 9, 'lost'],
  ])('RFM: %s days since, %i orders → %s', (r, f, seg) => expect(rfmSegment(r, f).segment).toBe(seg));
});
