import { runDemo } from '../../src-main/modules/demo';
import { aCore, value } from '../fixtures/core';

const NOW = Date.UTC(2026, 2, 15, 4, 30);

type TestCore = ReturnType<typeof aCore>;
const all = <T = any>(core: TestCore, sql: string, ...p: unknown[]): T[] =>
  core.ctx.sqlite.prepare(sql).all(...p) as T[];

/** Shipped orders holding a SKU with this handling flag, with the carrier that took them. */
const shippedWith = (core: TestCore, flag: 'cold_chain' | 'battery' | 'bulky') =>
  all<{ id: number; carrier: string; mode: string; coldChain: number; freight: number }>(
    core,
    `select distinct o.id, o.carrier, c.mode, c.cold_chain as coldChain, c.freight from orders o
       join order_lines l on l.order_id = o.id join skus s on s.sku = l.sku
       join carriers c on c.code = o.carrier
      where s.${flag} = 1 and o.country = 'CN'`,
  );

let core: TestCore;
beforeAll(() => {
  core = aCore({ now: () => NOW });
  runDemo(core.ctx, { orders: 3000, seed: 42 });
});
afterAll(() => core.dispose());

test('the catalogue carries dimensions, handling attributes, thresholds and a bundle', () => {
  const skus = all(
    core,
    'select sku, length_mm * width_mm * height_mm as vol, weight_grams as g, cold_chain, bulky, fragile, battery, liquid, safety_stock from skus',
  );
  expect(skus.every((s) => s.vol > 0)).toBe(true);
  for (const flag of ['cold_chain', 'bulky', 'fragile', 'battery', 'liquid'])
    expect(skus.filter((s) => s[flag] === 1).length).toBeGreaterThan(0);
  // The folding chair weighs less than its volume: volumetric weight (÷6000) is what carriers charge.
  const chair = skus.find((s) => s.bulky === 1);
  expect(chair.vol / 6000).toBeGreaterThan(chair.g * 1.5);
  expect(skus.filter((s) => s.safety_stock > 0).length).toBeGreaterThan(0);
  expect(
    all(
      core,
      `select c.quantity, p.sku from sku_components c join skus p on p.id = c.component_sku_id join skus b on b.id = c.bundle_sku_id where b.sku = 'TSET-GLS' order by p.sku`,
    ),
  ).toEqual([
    { quantity: 4, sku: 'GCUP-120' },
    { quantity: 1, sku: 'GTP-600' },
  ]);
});

test('shipped orders went by carriers their goods allow: cold chain chilled, batteries never by air, bulky by freight', () => {
  const cold = shippedWith(core, 'cold_chain');
  expect(cold.length).toBeGreaterThan(0);
  for (const o of cold) expect(o.coldChain).toBe(1);
  const battery = shippedWith(core, 'battery');
  expect(battery.length).toBeGreaterThan(0);
  for (const o of battery) expect(o.mode).not.toBe('air');
  // Chilled goods decide first: a chair in the same parcel as mangoes still goes chilled.
  const chilled = new Set(cold.map((o) => o.id));
  const bulky = shippedWith(core, 'bulky').filter((o) => !chilled.has(o.id));
  expect(bulky.length).toBeGreaterThan(0);
  for (const o of bulky) expect(o.freight).toBe(1);
  // No carrier takes chilled batteries or chilled freight, so no order mixes them.
  expect(
    all(
      core,
      `select o.id from orders o join order_lines l on l.order_id = o.id join skus s on s.sku = l.sku
        group by o.id having max(s.cold_chain) = 1 and max(s.battery + s.bulky) > 0`,
    ),
  ).toEqual([]);
  // Nothing that must stay home was sold abroad.
  expect(
    all(
      core,
      `select 1 from orders o join order_lines l on l.order_id = o.id join skus s on s.sku = l.sku
        where o.country <> 'CN' and (s.cold_chain = 1 or s.battery = 1 or s.bulky = 1 or s.liquid = 1)`,
    ),
  ).toEqual([]);
});

test("an allocated bundle order reserves the bundle's components, never the bundle", () => {
  const lines = all(
    core,
    `select o.id, l.quantity from orders o join order_lines l on l.order_id = o.id
      where l.sku = 'TSET-GLS' and o.status in ('allocated','picking','packed')`,
  );
  expect(lines.length).toBeGreaterThan(0);
  for (const { id, quantity } of lines) {
    const held = Object.fromEntries(
      all(
        core,
        `select s.sku, sum(g.reserved_delta) as q from stock_ledger g join skus s on s.id = g.sku_id
          where g.reference = ? and s.sku in ('GTP-600', 'GCUP-120', 'TSET-GLS') group by s.sku`,
        `order:${id}`,
      ).map((r) => [r.sku, r.q]),
    );
    const other =
      all(
        core,
        `select sum(l.quantity) as q from order_lines l where l.order_id = ? and l.sku = ?`,
        id,
        'GTP-600',
      )[0].q ?? 0;
    const otherCups =
      all(
        core,
        `select sum(l.quantity) as q from order_lines l where l.order_id = ? and l.sku = ?`,
        id,
        'GCUP-120',
      )[0].q ?? 0;
    expect(held['TSET-GLS']).toBeUndefined();
    expect(held['GTP-600']).toBe(quantity + other);
    expect(held['GCUP-120']).toBe(quantity * 4 + otherCups);
  }
});

test('the Alerts tab shows low stock, and the cross-border forms have HS codes and origin', async () => {
  const alerts = await value(core.call('inventory.alerts', {}));
  expect(alerts.rows.filter((a: any) => a.kind === 'low_stock').length).toBeGreaterThanOrEqual(2);
  const abroad = all(
    core,
    `select distinct l.sku, c.hs_code as hs, c.origin_country as origin from orders o
       join order_lines l on l.order_id = o.id left join sku_customs c on c.sku = l.sku where o.country <> 'CN'`,
  );
  expect(abroad.length).toBeGreaterThan(0);
  for (const s of abroad) {
    expect(s.hs).toMatch(/^\d{4}\.\d{2}$/);
    expect(s.origin).toMatch(/^[A-Z]{2}$/);
  }
});
