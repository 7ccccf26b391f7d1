import { ORDER_STATUSES, canTransition, type OrderStatus } from '../../src-shared/domain/order-status';
import { runDemo, ean13 } from '../../src-main/modules/demo';
import { normalizePhone } from '../../src-main/modules/standardize';
import { aCore, value } from '../fixtures/core';

const NOW = Date.UTC(2026, 2, 15, 4, 30);
const N = 1500;

type TestCore = ReturnType<typeof aCore>;
const all = <T = any>(core: TestCore, sql: string, ...p: unknown[]): T[] =>
  core.ctx.sqlite.prepare(sql).all(...p) as T[];
const one = <T = any>(core: TestCore, sql: string, ...p: unknown[]): T =>
  core.ctx.sqlite.prepare(sql).get(...p) as T;

/** Everything the demo writes, table by table, in id order. */
function dump(core: TestCore): Record<string, unknown[]> {
  const tables = [
    'channels',
    'warehouses',
    'skus',
    'customers',
    'orders',
    'order_lines',
    'stock_ledger',
    'stock_levels',
    'settings',
  ];
  return Object.fromEntries(tables.map((t) => [t, all(core, `select * from ${t} order by 1, 2`)]));
}

let core: TestCore;
beforeAll(() => {
  core = aCore({ now: () => NOW });
  runDemo(core.ctx, { orders: N, seed: 42 });
});
afterAll(() => core.dispose());

test('same seed and clock on two fresh databases give identical data', async () => {
  const twin = aCore({ now: () => NOW });
  try {
    runDemo(twin.ctx, { orders: N, seed: 42 });
    expect(dump(twin)).toEqual(dump(core));
    const page = { filter: {}, offset: 0, limit: 500 };
    expect(await value(twin.call('orders.list', page))).toEqual(await value(core.call('orders.list', page)));
    for (const id of [1, 77, N])
      expect(await value(twin.call('orders.get', { id }))).toEqual(
        await value(core.call('orders.get', { id })),
      );
  } finally {
    twin.dispose();
  }
});

test('a different seed gives different orders', () => {
  const other = aCore({ now: () => NOW });
  try {
    runDemo(other.ctx, { orders: 50, seed: 43 });
    const ids = (c: TestCore) =>
      all(c, 'select external_id as e from orders order by id limit 50').map((r) => r.e);
    expect(ids(other)).not.toEqual(ids(core));
  } finally {
    other.dispose();
  }
});

test('N orders with lines, in every channel', async () => {
  expect(one(core, 'select count(*) as n from orders').n).toBe(N);
  expect(
    one(
      core,
      'select count(*) as n from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)',
    ).n,
  ).toBe(0);
  const facets = await value(core.call('orders.facets', {}));
  expect(facets.channel.map((c: any) => c.code).sort()).toEqual([
    'amazon',
    'douyin',
    'groupbuy',
    'pdd',
    'shopify',
    'taobao',
    'wholesale',
    'woocommerce',
  ]);
  for (const c of facets.channel) expect(c.count).toBeGreaterThan(0);
});

test('rerunning with the same seed doubles nothing', () => {
  const before = dump(core);
  const again = runDemo(core.ctx, { orders: N, seed: 42 });
  expect(again).toMatchObject({ orders: N, inserted: 0, updated: 0, unchanged: N, ledgerRows: 0 });
  const after = dump(core);
  for (const t of [
    'orders',
    'order_lines',
    'customers',
    'stock_ledger',
    'stock_levels',
    'channels',
    'warehouses',
  ])
    expect(after[t]).toEqual(before[t]);
  // Catalogue rows are refreshed in place (same ids and values, new updated_at).
  expect(after.skus!.length).toBe(before.skus!.length);
});

test('order totals are the sum of the lines plus shipping, in integer minor units', () => {
  const bad = all(
    core,
    `select o.id from orders o join (select order_id, sum(quantity * unit_price_minor) as s from order_lines group by order_id) l on l.order_id = o.id
     where o.total_minor != l.s + o.shipping_minor or typeof(o.total_minor) != 'integer'`,
  );
  expect(bad).toEqual([]);
});

test('held orders say a reason that is true of them: over ¥5,000 only (and always) above it, remote only for remote provinces', () => {
  const held = all(
    core,
    "select total_minor as t, currency as c, province as p, reasons_json as r from orders where status = 'held' and address_ambiguous = 0",
  ) as { t: number; c: string; p: string; r: string }[];
  expect(held.length).toBeGreaterThan(10);
  for (const o of held) {
    const said = (JSON.parse(o.r) as string[]).join(' ');
    expect(said.includes('¥5,000')).toBe(o.c === 'CNY' && o.t > 500_000);
    if (said.includes('偏远地区')) expect(o.p).toMatch(/^(新疆|西藏|青海|内蒙古)/);
    if (said.includes('大额')) expect(o.t).toBeGreaterThanOrEqual(100_000);
  }
});

test('every status is legal and reachable, with the fulfilment facts it implies', () => {
  const rows = all(
    core,
    'select id, status, warehouse_id as w, carrier, tracking_number as t, shipped_at as s, placed_at as p from orders',
  );
  const seen = new Set<string>();
  for (const r of rows) {
    expect(ORDER_STATUSES).toContain(r.status);
    seen.add(r.status);
    const shipped =
      ['shipped', 'delivered', 'returned'].includes(r.status) || (r.status === 'exception' && r.s !== null);
    if (shipped) {
      expect(r.w && r.carrier && r.t && r.s).toBeTruthy();
      expect(r.s).toBeGreaterThanOrEqual(r.p);
      expect(r.s).toBeLessThanOrEqual(NOW);
    } else if (['allocated', 'picking', 'packed'].includes(r.status)) {
      // Routed: warehouse and carrier chosen, no tracking number before the parcel ships.
      expect(r.w && r.carrier).toBeTruthy();
      expect(r.t).toBeNull();
    } else expect(r.carrier).toBeNull();
    expect(r.p).toBeLessThan(NOW);
    expect(r.p).toBeGreaterThan(NOW - 91 * 86_400_000);
  }
  for (const s of [
    'pending_review',
    'approved',
    'allocated',
    'shipped',
    'delivered',
    'held',
    'cancelled',
    'exception',
  ])
    expect(seen).toContain(s);
  // Each status can be reached from pending_review along the state machine.
  const reach = new Set<OrderStatus>(['pending_review']);
  for (let grew = true; grew;) {
    grew = false;
    for (const from of [...reach]) {
      for (const to of ORDER_STATUSES) {
        if (!reach.has(to) && (canTransition(from, to) || canTransition(from, to, { shippedBefore: true }))) {
          reach.add(to);
          grew = true;
        }
      }
    }
  }
  for (const s of seen) expect(reach.has(s as OrderStatus)).toBe(true);
});

test('stock levels equal the ledger sums, nothing oversold, reservations match allocated lines', () => {
  const diff = all(
    core,
    `select l.warehouse_id, l.sku_id from (select warehouse_id, sku_id, sum(on_hand_delta) as h, sum(reserved_delta) as r from stock_ledger group by 1, 2) l
     left join stock_levels s on s.warehouse_id = l.warehouse_id and s.sku_id = l.sku_id where s.on_hand is not l.h or s.reserved is not l.r`,
  );
  expect(diff).toEqual([]);
  expect(
    one(core, 'select count(*) as n from stock_levels where on_hand - reserved < 0 or reserved < 0').n,
  ).toBe(0);
  const reserved = one(
    core,
    `select coalesce(sum(reserved_delta), 0) as n from stock_ledger where reference like 'order:%'`,
  ).n;
  // A bundle line reserves its components: quantity × each component's count.
  const allocated = one(
    core,
    `select coalesce(sum(l.quantity * coalesce(c.quantity, 1)), 0) as n from order_lines l join orders o on o.id = l.order_id
       left join skus s on s.sku = l.sku left join sku_components c on c.bundle_sku_id = s.id
      where o.status in ('allocated','picking','packed')`,
  ).n;
  expect(reserved).toBe(allocated);
  expect(one(core, `select count(*) as n from stock_ledger where kind = 'receipt'`).n).toBeGreaterThan(0);
});

test('cancelling an allocated demo order releases its reservation', async () => {
  const o = one(core, `select id from orders where status = 'allocated' order by id limit 1`);
  const before = one(core, 'select sum(reserved) as r from stock_levels').r;
  const qty = one(
    core,
    `select sum(l.quantity * coalesce(c.quantity, 1)) as q from order_lines l left join skus s on s.sku = l.sku
       left join sku_components c on c.bundle_sku_id = s.id where l.order_id = ?`,
    o.id,
  ).q;
  await value(core.call('orders.transition', { ids: [o.id], to: 'cancelled', reason: 'test' }));
  expect(one(core, 'select sum(reserved) as r from stock_levels').r).toBe(before - qty);
});

test('realistic details: barcodes, phones, masked buyers, currencies, international addresses', () => {
  for (const s of all(core, 'select barcode from skus'))
    expect(ean13(s.barcode.slice(0, 12))).toBe(s.barcode);
  const cn = all(
    core,
    `select phone, address_masked as m, recipient_name as n from orders where country = 'CN'`,
  );
  for (const r of cn) expect(r.phone).toMatch(r.m ? /^1[3-9]\d\*{4}\d{4}$/ : /^1[3-9]\d{9}$/);
  const masked = cn.filter((r) => r.m);
  expect(masked.length).toBeGreaterThan(0);
  for (const r of masked) expect(r.n).toMatch(/^.\*\*$/u);
  const currencies = new Set(all(core, 'select distinct currency as c from orders').map((r) => r.c));
  for (const c of ['CNY', 'USD', 'EUR', 'GBP', 'JPY']) expect(currencies).toContain(c);
  expect(
    one(
      core,
      `select count(*) as n from orders where country != 'CN' and (phone not like '+%' or postcode = '')`,
    ).n,
  ).toBe(0);
  // Stored as intake would store them, so later imports of the same buyers link to these profiles.
  const abroad = all(core, `select phone, country from orders where country != 'CN'`);
  const valid = abroad.filter(
    (r) => normalizePhone(r.phone, r.country).phone === r.phone && normalizePhone(r.phone, r.country).valid,
  );
  expect(valid.length / abroad.length).toBeGreaterThan(0.97);
  for (const r of cn.filter((c) => !c.m).slice(0, 300))
    expect(normalizePhone(r.phone, 'CN')).toMatchObject({ valid: true, phone: r.phone });
  const regions = new Set(all(core, 'select distinct region as r from orders').map((r) => r.r));
  for (const r of ['cn_east', 'cn_south', 'cn_north', 'US', 'DE']) expect(regions).toContain(r);
  expect(one(core, `select count(*) as n from orders where type = 'live_stream'`).n).toBeGreaterThan(0);
  expect(one(core, `select count(*) as n from orders where buyer_message is not null`).n).toBeGreaterThan(0);
  const repeat = one(
    core,
    'select count(*) as n from (select customer_id from orders where customer_id is not null group by 1 having count(*) > 1)',
  ).n;
  expect(repeat).toBeGreaterThan(0);
});

test('queue search: two-character names go through the trigram index and find every order', async () => {
  const { name } = one(
    core,
    `select recipient_name as name from orders where country = 'CN' and address_masked = 0 and length(recipient_name) = 2 limit 1`,
  );
  const expected = all(core, `select id from orders where recipient_name like ?`, `%${name}%`).map(
    (r) => r.id,
  );
  const found = (await value(core.call('orders.list', { filter: { search: name }, limit: 500 }))).rows.map(
    (r: any) => r.id,
  );
  expect(found).toEqual(expect.arrayContaining(expected));
  for (const id of found) {
    const o = await value(core.call('orders.get', { id }));
    const text = [
      o.customer.name,
      o.customer.phone,
      o.externalId,
      o.address.raw,
      o.address.detail,
      ...o.lines.map((l: any) => l.title),
    ].join(' ');
    expect(text).toContain(name);
  }
  expect(await value(core.call('orders.count', { filter: { search: name } }))).toEqual({
    total: found.length,
  });
  // A pair no order contains, and a common pair (a phone prefix) that takes the newest-first scan.
  expect((await value(core.call('orders.list', { filter: { search: '龘龘' } }))).rows).toEqual([]);
  const common = (await value(core.call('orders.list', { filter: { search: '13' }, limit: 50 }))).rows;
  expect(common).toHaveLength(50);
});

test('a second seed in the same database adds its own orders and never touches the first seed’s', () => {
  const shared = aCore({ now: () => NOW });
  try {
    runDemo(shared.ctx, { orders: 400, seed: 1 });
    const first = all(shared, 'select id, external_id, total_minor from orders order by id');
    const second = runDemo(shared.ctx, { orders: 400, seed: 2 });
    expect(second).toMatchObject({ inserted: 400, updated: 0, unchanged: 0 });
    expect(one(shared, 'select count(*) as n from orders').n).toBe(800);
    expect(
      all(shared, 'select id, external_id, total_minor from orders where id <= ? order by id', first.length),
    ).toEqual(first);
    // Growing the first seed keeps its first 400 orders and adds only the rest.
    expect(runDemo(shared.ctx, { orders: 500, seed: 1 })).toMatchObject({ inserted: 100, unchanged: 400 });
  } finally {
    shared.dispose();
  }
});
