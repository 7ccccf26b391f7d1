import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { aCore, value } from '../fixtures/core';
import { approvedOrders, aRoutingWorld, line, PRESALE_PHONE, shanghai } from '../fixtures/routing';
import { importFile } from '../../src-main/modules/intake';
import { ordersStatements, replaceOrderLines } from '../../src-main/modules/orders';
import { csv, HEADERS, utf8Bom } from '../fixtures/order-files';

type TestCore = ReturnType<typeof aCore>;

/** 2026-11-25 10:00 in Shanghai; the pre-sale SKU ships from 2026-12-10. */
const NOV_25 = Date.UTC(2026, 10, 25, 2);
const DEC_10 = Date.UTC(2026, 11, 10, 1); // 09:00 Shanghai on the ship date

const order = async (core: TestCore, id: number) => value(core.call('orders.get', { id }));
const reserved = (core: TestCore, sku: string): number =>
  (core.ctx.sqlite
    .prepare(
      'select coalesce(sum(reserved), 0) from stock_levels l join skus s on s.id = l.sku_id where s.sku = ?',
    )
    .pluck()
    .get(sku) as number) ?? 0;

describe('pre-sale (预售) routing and backorders', () => {
  let core: TestCore;
  let clock = NOV_25;
  beforeEach(async () => {
    clock = NOV_25;
    core = aCore({ now: () => clock });
    await aRoutingWorld(core);
    await value(core.call('skus.save', PRESALE_PHONE));
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
  });
  afterEach(() => core.dispose());

  const allowSplit = (allow: boolean) =>
    value(
      core.call('routing.config.save', {
        regions: [{ region: 'east', warehouses: ['SH', 'GZ'] }],
        handling: [],
        allowSplit: allow,
        promiseDays: 5,
      }),
    );

  test('a mixed order is split: the in-stock part ships now, the pre-sale part waits (not an exception) until its date', async () => {
    await allowSplit(true);
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2), line('PHONE', 1)] }]);
    const run = await value(core.call('routing.run', {}));
    expect(run.split).toEqual([id]);
    expect(run.exception).toEqual([]);
    const { links } = await value(core.call('routing.explain', { id: id! }));
    const [now, later] = links.map((l: { orderId: number }) => l.orderId);
    expect(await order(core, now)).toMatchObject({
      status: 'allocated',
      warehouse: 'SH',
      lines: [{ sku: 'TEE' }],
    });
    const waiting = await order(core, later);
    expect(waiting).toMatchObject({ status: 'backordered', tags: ['pre-sale'], lines: [{ sku: 'PHONE' }] });
    expect(waiting.reasons.at(-1)).toContain('waits until 2026-12-10');
    // Waiting for a date is not a shortage: no backorder alert nags about it.
    expect((await value(core.call('inventory.alerts', {}))).rows).toEqual([]);

    // Stock arriving before the date does not ship it early…
    const early = await value(
      core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'PHONE', quantity: 5 }] }),
    );
    expect(early.allocatedOrders).toEqual([]);
    expect((await order(core, later)).status).toBe('backordered');
    expect(reserved(core, 'PHONE')).toBe(0);
    // …and on the date a routing run allocates it.
    clock = DEC_10;
    const onTheDay = await value(core.call('routing.run', {}));
    expect(onTheDay.allocated).toEqual([later]);
    expect(await order(core, later)).toMatchObject({ status: 'allocated', warehouse: 'SH' });
    expect(reserved(core, 'PHONE')).toBe(1);
  });

  test('without splits the whole mixed order waits, reserving nothing, and says why', async () => {
    await allowSplit(false);
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2), line('PHONE', 1)] }]);
    const run = await value(core.call('routing.run', {}));
    expect(run).toMatchObject({ backordered: [id], split: [], exception: [] });
    const o = await order(core, id!);
    expect(o.status).toBe('backordered');
    expect(o.reasons.at(-1)).toContain('splitting is off');
    expect(reserved(core, 'TEE')).toBe(0);
    const explained = await value(core.call('routing.explain', { id: id! }));
    expect(explained.latest).toMatchObject({ outcome: 'backordered', warehouse: null });
  });

  test('a line marked pre-sale by hand waits; after its date an order still short of stock is allocated when stock arrives', async () => {
    await allowSplit(false);
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('CRAB', 2)] }]);
    expect(
      await value(
        core.call('orders.presale', { id: id!, lines: [1], shipDate: '2026-12-01T00:00:00+08:00' }),
      ),
    ).toEqual({ id, changed: 1 });
    expect((await value(core.call('routing.run', {}))).backordered).toEqual([id]);
    expect((await order(core, id!)).tags).toEqual(['pre-sale']);

    clock = Date.UTC(2026, 11, 1, 3);
    // The date has come but there are no crabs: now it is an ordinary backorder, with its alert…
    expect((await value(core.call('routing.run', {}))).allocated).toEqual([]);
    expect((await value(core.call('inventory.alerts', {}))).rows).toEqual([
      expect.objectContaining({ kind: 'backorder', sku: 'CRAB' }),
    ]);
    // …and the receipt allocates it in the same transaction.
    const received = await value(
      core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'CRAB', quantity: 3 }] }),
    );
    expect(received.allocatedOrders).toEqual([id]);
    expect(await order(core, id!)).toMatchObject({ status: 'allocated', warehouse: 'SH' });
    expect((await value(core.call('inventory.alerts', {}))).total).toBe(0);
  });

  test('the receipt and the allocation of waiting orders are one transaction: if allocating fails, nothing is received', async () => {
    await allowSplit(false);
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('CRAB', 1)] }]);
    expect((await value(core.call('routing.run', {}))).backordered).toEqual([id]);
    core.ctx.sqlite.exec(
      `create temp trigger fail_allocation before insert on allocations begin select raise(abort, 'allocation failed'); end`,
    );
    const r = await core.call('inventory.receive', {
      warehouse: 'SH',
      lines: [{ sku: 'CRAB', quantity: 3 }],
    });
    expect(r.ok).toBe(false);
    expect(
      core.ctx.sqlite
        .prepare(`select count(*) from stock_ledger l join skus s on s.id = l.sku_id where s.sku = 'CRAB'`)
        .pluck()
        .get(),
    ).toBe(0);
    expect((await order(core, id!)).status).toBe('backordered');
    core.ctx.sqlite.exec('drop trigger temp.fail_allocation');
    expect(
      (
        await value(
          core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'CRAB', quantity: 3 }] }),
        )
      ).allocatedOrders,
    ).toEqual([id]);
  });

  test('a date set by hand survives a newer copy of the order whose lines carry none', async () => {
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 2), line('PHONE', 1)] }]);
    await value(core.call('orders.presale', { id: id!, lines: [1], shipDate: '2026-12-20' }));
    const newer = [
      { ...line('TEE', 3), presaleShipDate: null },
      { ...line('PHONE', 1), presaleShipDate: null },
    ];
    expect(replaceOrderLines(core.ctx.sqlite, ordersStatements(core.ctx.sqlite), id!, newer, clock)).toBe(
      'updated',
    );
    const { lines } = await order(core, id!);
    expect(
      lines.map((l: { sku: string; quantity: number; presaleShipDate: string | null }) => [
        l.sku,
        l.quantity,
        l.presaleShipDate,
      ]),
    ).toEqual([
      ['TEE', 3, '2026-12-20'],
      ['PHONE', 1, null],
    ]);
  });

  test('pre-sale dates are validated and only open orders can be re-dated', async () => {
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 1)] }]);
    expect(await core.call('orders.presale', { id, lines: [2], shipDate: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await core.call('orders.presale', { id, lines: [1], shipDate: 'next week' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(
      await core.call('skus.save', { sku: 'X', title: 'x', presaleShipDate: '2026-02-30' }),
    ).toMatchObject({
      ok: false,
    });
    await value(core.call('routing.run', {}));
    expect(await core.call('orders.presale', { id, lines: [1], shipDate: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
  });

  test('a 抖店 export carries 预售 (预约发货时间, or 订单类型 预售 with 承诺发货时间) onto the lines, and routing splits by it', async () => {
    await allowSplit(true);
    const row = (sub: string, sku: string, extra: Record<string, string>) => ({
      主订单编号: sku === 'POWERBANK' ? '\t6930000000000000009' : '\t6930000000000000001',
      子订单编号: `\t${sub}`,
      商品数量: '1',
      选购商品: sku,
      商品规格: '',
      商家编码: sku,
      订单应付金额: '10.00',
      收件人: '王芳',
      收件人手机号: '13800001111',
      省: '上海市',
      市: '上海市',
      区: '浦东新区',
      街道: '',
      详细地址: '世纪大道1号',
      订单提交时间: '2026-11-24 20:00:00',
      订单状态: '待发货',
      承诺发货时间: '2026-11-26 20:00:00',
      ...extra,
    });
    const headers = [...HEADERS.douyin, '商家编码'];
    const file = csv(headers, [
      row('6930000000000000002', 'TEE', { 订单类型: '普通订单' }),
      row('6930000000000000003', 'CRAB', { 预约发货时间: '2026-12-05 10:00:00' }),
      row('6930000000000000010', 'POWERBANK', { 订单类型: '预售订单', 承诺发货时间: '2026/12/20 23:59:59' }),
    ]);
    await importFile(core.ctx, {
      fileName: 'douyin.csv',
      bytes: utf8Bom(file),
      format: 'douyin',
      actor: 'test',
    });
    const presale = core.ctx.sqlite
      .prepare('select sku, presale_ship_date as d from order_lines order by order_id, line_no')
      .all();
    expect(presale).toEqual([
      { sku: 'TEE', d: null },
      { sku: 'CRAB', d: '2026-12-05' },
      { sku: 'POWERBANK', d: '2026-12-20' },
    ]);
    const ids = core.ctx.sqlite.prepare('select id from orders order by id').pluck().all() as number[];
    await value(core.call('orders.transition', { ids, to: 'approved', reason: 'test' }));
    const run = await value(core.call('routing.run', {}));
    expect(run.split).toEqual([ids[0]]);
    expect(await order(core, ids[1]!)).toMatchObject({
      status: 'backordered',
      tags: expect.arrayContaining(['pre-sale']),
    });
    const { links } = await value(core.call('routing.explain', { id: ids[0]! }));
    const [now, later] = links.map((l: { orderId: number }) => l.orderId);
    expect(await order(core, now)).toMatchObject({ status: 'allocated', lines: [{ sku: 'TEE' }] });
    expect(await order(core, later)).toMatchObject({
      status: 'backordered',
      tags: expect.arrayContaining(['pre-sale']),
    });
  });
});
