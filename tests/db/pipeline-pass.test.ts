import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { aRoutingWorld, line, PRESALE_PHONE, shanghai, xinjiang } from '../fixtures/routing';

type TestCore = ReturnType<typeof aCore>;

/** 2026-11-25 10:00 in Shanghai; PHONE ships from 2026-12-10 (pre-sale). */
const NOV_25 = Date.UTC(2026, 10, 25, 2);

/**
 * Pending orders that take every road of a pass: approved and allocated (scarce TEE goes to the
 * urgent order first), held by a rule, an unknown SKU (exception), split by warehouse, a pre-sale
 * wait, and an order approved before the pass that routing takes along.
 */
async function world(core: TestCore): Promise<Record<string, number>> {
  await aRoutingWorld(core);
  await value(core.call('skus.save', PRESALE_PHONE));
  await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 3 }] }));
  await value(core.call('inventory.receive', { warehouse: 'GZ', lines: [{ sku: 'CRAB', quantity: 5 }] }));
  await value(
    core.call('routing.config.save', {
      regions: [
        { region: 'east', warehouses: ['SH', 'GZ'] },
        { region: 'south', warehouses: ['GZ', 'SH'] },
      ],
      handling: [],
      allowSplit: true,
      promiseDays: 5,
    }),
  );
  await value(
    core.call('review.rules.save', {
      name: 'Far west first',
      condition: { field: 'province', op: 'eq', value: '新疆维吾尔自治区' },
      actions: [{ type: 'set_priority', priority: 5 }, { type: 'add_tag', tag: 'far' }, { type: 'approve' }],
    }),
  );
  await value(
    core.call('review.rules.save', {
      name: 'Approve the rest',
      condition: { field: 'total', op: 'gte', value: 0 },
      actions: [{ type: 'approve' }],
    }),
  );
  const channelId = aChannel(core);
  const names = ['early', 'urgent', 'big', 'unknown', 'split', 'presale', 'late'];
  const ids = seedOrders(core, [
    anOrder({ channelId, ...shanghai, lines: [line('TEE', 2)] }),
    anOrder({ channelId, ...xinjiang, lines: [line('TEE', 2)] }),
    anOrder({ channelId, ...shanghai, lines: [{ ...line('TEE', 1), unitPriceMinor: 900_000 }] }),
    anOrder({ channelId, ...shanghai, lines: [line('NOPE', 1)] }),
    anOrder({ channelId, ...shanghai, lines: [line('TEE', 1), line('CRAB', 1)] }),
    anOrder({ channelId, ...shanghai, lines: [line('PHONE', 1)] }),
    anOrder({ channelId, ...shanghai, lines: [line('TEE', 1)] }),
  ]);
  const named = Object.fromEntries(names.map((n, i) => [n, ids[i]!]));
  // Approved by a person before the pass: routing serves it with the rest, by age.
  await value(core.call('orders.transition', { ids: [named.late!], to: 'approved', reason: 'phoned in' }));
  return named;
}

/** What a pass leaves behind, without surrogate ids of history rows and clock fields. */
function state(core: TestCore) {
  const all = (sql: string) => core.ctx.sqlite.prepare(sql).all();
  return {
    orders: all(
      `select id, status, warehouse_id, carrier, priority, tags_json, reasons_json from orders order by id`,
    ),
    lines: all('select order_id, line_no, sku, quantity from order_lines order by order_id, line_no'),
    links: all('select kind, source_order_id, target_order_id from order_links order by id'),
    decisions: all(
      'select order_id, outcome, source, reasons_json, rule_ids_json, actor from review_decisions order by order_id, id',
    ),
    allocations: all(
      `select order_id, actor, outcome, warehouse_id, carrier, shipping_minor, handling_minor, currency, reasons_json, alternatives_json
         from allocations order by order_id, id`,
    ),
    audit: all(
      `select entity, entity_id, actor, action, from_value, to_value, reason from audit_log
        where entity = 'order' order by entity_id, id`,
    ),
    ledger: all(
      `select warehouse_id, sku_id, kind, on_hand_delta, reserved_delta, reference, reason, actor from stock_ledger order by id`,
    ),
  };
}

describe('pipeline.pass: review and routing in one transaction', () => {
  let a: TestCore;
  let b: TestCore;
  beforeEach(() => {
    a = aCore({ now: () => NOV_25 });
    b = aCore({ now: () => NOV_25 });
  });
  afterEach(() => {
    a.dispose();
    b.dispose();
  });

  test('leaves exactly what review.run then routing.run leave, on every road', async () => {
    const named = await world(a);
    await world(b);
    await value(a.call('review.run', {}, { actor: 'auto' }));
    await value(a.call('routing.run', {}, { actor: 'auto' }));
    const pass = await value(b.call('pipeline.pass', {}, { actor: 'auto' }));

    expect(state(b)).toEqual(state(a));
    expect(pass).toMatchObject({
      review: { approved: 5, held: 1, blocked: 0, unchanged: 0 },
      routing: { exception: 1 },
    });
    const status = (id: number) =>
      b.ctx.sqlite.prepare('select status from orders where id = ?').pluck().get(id);
    // The scarce TEE (3 at SH) goes to the order review made urgent, then the oldest.
    expect(status(named.urgent!)).toBe('allocated');
    expect(status(named.early!)).toBe('backordered');
    expect(status(named.big!)).toBe('held');
    expect(status(named.unknown!)).toBe('exception');
    expect(status(named.presale!)).toBe('backordered');
    // Approved before the pass, routed with it: the split took the last TEE, so it waits.
    expect(status(named.late!)).toBe('backordered');
    expect(b.ctx.sqlite.prepare("select count(*) from order_links where kind = 'split'").pluck().get()).toBe(
      2,
    );
  });

  test('an order approved and allocated in one pass has its row written once, with both steps audited', async () => {
    const named = await world(b);
    b.ctx.sqlite.exec(`create temp table writes (order_id integer);
      create temp trigger count_writes after update on orders begin insert into writes values (old.id); end;`);
    await value(b.call('pipeline.pass', {}, { actor: 'auto' }));
    const writes = (id: number) =>
      b.ctx.sqlite.prepare('select count(*) from temp.writes where order_id = ?').pluck().get(id);
    expect(writes(named.urgent!)).toBe(1);
    expect(
      b.ctx.sqlite
        .prepare(
          `select actor, from_value as "from", to_value as "to" from audit_log where entity = 'order' and entity_id = ? order by id`,
        )
        .all(named.urgent!),
    ).toEqual([
      { actor: 'review-rules (auto)', from: 'pending_review', to: 'approved' },
      { actor: 'auto', from: 'approved', to: 'allocated' },
    ]);
    const order = await value(b.call('orders.get', { id: named.urgent! }));
    expect(order).toMatchObject({ status: 'allocated', priority: 5, tags: ['far'], warehouse: 'SH' });
    // The routing line is built from the allocation row, after the review's reasons.
    expect(order.reasons.at(-1)).toMatch(/^routing: SH: in stock, .*chose SH via /);
    expect(order.reasons.filter((r: string) => r.startsWith('review: '))).toEqual([
      'review: Far west first: priority 5; tag far; approve',
      'review: Approve the rest: approve',
    ]);
  });

  test('a pass that fails half-way leaves every order as it was', async () => {
    const named = await world(b);
    const before = state(b);
    // Routing's reservation hits a SKU row that vanished under it: the SQL-level check refuses.
    b.ctx.sqlite.exec(`create temp trigger refuse after insert on stock_ledger
      when new.kind = 'reservation' begin select raise(abort, 'stock_levels unavailable'); end;`);
    const r = await b.call('pipeline.pass', {}, { actor: 'auto' });
    expect(r).toMatchObject({ ok: false });
    expect(state(b)).toEqual(before);
    expect(b.ctx.sqlite.prepare('select status from orders where id = ?').pluck().get(named.urgent!)).toBe(
      'pending_review',
    );
  });
});
