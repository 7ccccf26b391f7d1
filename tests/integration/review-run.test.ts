import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

type TestCore = ReturnType<typeof aCore>;

describe('review.run with the default rules', () => {
  let core: TestCore;
  const clock = Date.UTC(2026, 10, 1, 8);
  beforeEach(async () => {
    core = aCore({ now: () => clock });
    aChannel(core);
    await value(core.call('review.settings.save', { homeProvince: '广东省' }));
  });
  afterEach(() => core.dispose());

  const get = (id: number) => value(core.call('orders.get', { id }));

  test('local orders approve, big/cross-border/masked ones are held, the rest stay pending — with audit and reasons', async () => {
    const [local, big, crossNoId, crossWithId, masked, elsewhere] = seedOrders(core, [
      anOrder(),
      anOrder({ totalMinor: 600_000 }),
      anOrder({ type: 'cross_border', country: 'HK', province: '香港', city: '香港' }),
      anOrder({
        type: 'cross_border',
        province: '上海市',
        city: '上海市',
        buyerIdNumber: '310101199001011234',
      }),
      anOrder({ addressMasked: true, addressRaw: '广东省深圳市南山区****' }),
      anOrder({ province: '浙江省', city: '杭州市' }),
    ]) as [number, number, number, number, number, number];

    const counts = await value(core.call('review.run', {}, { actor: 'alice' }));
    expect(counts).toMatchObject({ approved: 1, held: 3, blocked: 0, unchanged: 2 });
    expect(typeof counts.seconds).toBe('number');

    const l = await get(local);
    expect(l.status).toBe('approved');
    expect(l.reasons).toEqual(['review: 本省订单自动通过 / Local orders auto-approve: approve']);
    expect(l.history.at(-1)).toMatchObject({
      action: 'status',
      from: 'pending_review',
      to: 'approved',
      actor: 'review-rules (alice)',
    });

    const b = await get(big);
    expect(b.status).toBe('held'); // local too, but a hold beats an approval
    expect(b.reasons).toHaveLength(2);
    expect(b.history.at(-1).reason).toMatch(/订单金额超过 ¥5,000/);

    expect((await get(crossNoId)).status).toBe('held');
    expect((await get(crossNoId)).history.at(-1).reason).toMatch(/document required: id_number$/);
    const withId = await get(crossWithId);
    expect(withId.status).toBe('pending_review'); // ID on file, and no rule approves a Shanghai order
    expect(withId.reasons).toEqual([expect.stringMatching(/id_number on file$/)]);
    expect((await get(masked)).reasons.join(' ')).toMatch(/地址模糊或被脱敏/);
    expect((await get(elsewhere)).status).toBe('pending_review');
    expect((await get(elsewhere)).reasons).toEqual([]);

    const decisions = await value(core.call('review.decisions', { orderId: big }));
    expect(decisions.rows).toEqual([
      expect.objectContaining({
        outcome: 'held',
        source: 'rules',
        ruleIds: [1, 2],
        actor: 'review-rules (alice)',
        durationMs: null,
      }),
    ]);

    // Already-decided orders are not looked at again; the still-pending ones are.
    expect(await value(core.call('review.run', {}))).toMatchObject({
      approved: 0,
      held: 0,
      blocked: 0,
      unchanged: 2,
    });
  });

  test('a blacklist with a higher priority blocks before the ¥5,000 hold; tags and priority are applied', async () => {
    await value(
      core.call('review.rules.save', {
        name: 'VIP tag',
        condition: { field: 'total', op: 'gte', value: 10_000 },
        actions: [
          { type: 'add_tag', tag: 'big-basket' },
          { type: 'set_priority', priority: 5 },
        ],
      }),
    );
    await value(
      core.call('review.rules.save', {
        name: 'Counterfeit SKU blacklist',
        priority: 9,
        condition: { field: 'sku', op: 'in', value: ['FAKE-1'] },
        actions: [{ type: 'block', reason: 'counterfeit SKU' }],
      }),
    );
    const [blocked, tagged] = seedOrders(core, [
      anOrder({
        totalMinor: 700_000,
        lines: [{ sku: 'FAKE-1', title: 'x', spec: '', quantity: 1, unitPriceMinor: 700_000 }],
      }),
      anOrder(),
    ]) as [number, number];
    const counts = await value(core.call('review.run', {}));
    expect(counts).toMatchObject({ approved: 1, held: 0, blocked: 1 });
    const b = await get(blocked);
    expect(b.status).toBe('held');
    expect(b.history.at(-1).reason).toBe('Counterfeit SKU blacklist: blocked: counterfeit SKU');
    expect(b.reasons).toHaveLength(4); // local approve, ¥5,000 hold, tag, block: every match is recorded
    const t = await get(tagged);
    expect(t.tags).toEqual(['big-basket']);
    expect(t.priority).toBe(5);
    expect(core.ctx.sqlite.prepare('select priority from orders where id = ?').pluck().get(tagged)).toBe(5);
  });

  test('customer segment, weight and category come from customers, orders and SKUs', async () => {
    const db = core.ctx.sqlite;
    db.prepare(`insert into customers (id, name, created_at, updated_at) values (7, '王芳', 0, 0)`).run();
    db.prepare(
      `insert into skus (sku, title, category, weight_grams, created_at, updated_at) values ('RICE-5KG', '大米', 'grocery', 5000, 0, 0)`,
    ).run();
    const rice = [{ sku: 'RICE-5KG', title: '大米', spec: '', quantity: 2, unitPriceMinor: 4000 }];
    seedOrders(
      core,
      [1, 2, 3, 4, 5].map(() => anOrder({ customerId: 7, province: '浙江省', lines: rice })),
    );
    await value(
      core.call('review.rules.save', {
        name: 'Heavy groceries for VIPs',
        condition: {
          all: [
            { field: 'customerSegment', op: 'eq', value: 'vip' },
            { field: 'weight', op: 'gte', value: 10_000 },
            { field: 'category', op: 'eq', value: 'grocery' },
            { field: 'customerOrders', op: 'eq', value: 5 },
          ],
        },
        actions: [{ type: 'approve' }],
      }),
    );
    expect(await value(core.call('review.run', {}))).toMatchObject({ approved: 5, unchanged: 0 });
  });
});

describe('review queue and manual decisions', () => {
  let core: TestCore;
  let clock = Date.UTC(2026, 10, 1, 8);
  let held: number[];
  beforeEach(async () => {
    core = aCore({ now: () => clock });
    aChannel(core);
    held = seedOrders(
      core,
      [1, 2, 3, 4].map(() => anOrder({ addressAmbiguous: true })),
    );
    await value(core.call('review.run', {}));
  });
  afterEach(() => core.dispose());

  test('the queue lists held orders with their reasons', async () => {
    const q = await value(core.call('review.queue', { limit: 3 }));
    expect(q.total).toBe(4);
    expect(q.rows).toHaveLength(3);
    expect(q.rows[0]).toMatchObject({ id: held[0], heldAt: new Date(clock).toISOString() });
    expect(q.rows[0].reasons[0]).toMatch(/^review: 地址模糊或被脱敏/);
  });

  test('orders no rule decided are listed too, and can be approved by hand', async () => {
    const [undecided] = seedOrders(core, [anOrder({ province: '浙江省' })]) as [number];
    await value(core.call('review.run', {}));
    const q = await value(core.call('review.queue', { status: 'pending_review' }));
    expect(q).toMatchObject({ total: 1, rows: [{ id: undecided, reasons: [] }] });
    await value(core.call('review.decide', { ids: [undecided], decision: 'approve' }));
    expect((await value(core.call('review.queue', { status: 'pending_review' }))).total).toBe(0);
  });

  test('bulk approve records the review time; reject cancels; hold needs a reason', async () => {
    const openedAt = new Date(clock).toISOString();
    clock += 60_000;
    const out = await value(
      core.call(
        'review.decide',
        { ids: [held[0], held[1]], decision: 'approve', openedAt },
        { actor: 'bob' },
      ),
    );
    expect(out).toEqual({ changed: [held[0], held[1]], skipped: [] });
    const o = await value(core.call('orders.get', { id: held[0] }));
    expect(o.status).toBe('approved');
    expect(o.history.at(-1)).toMatchObject({ actor: 'bob', from: 'held', to: 'approved' });
    const d = await value(core.call('review.decisions', { orderId: held[0] }));
    expect(d.rows[0]).toMatchObject({
      outcome: 'approved',
      source: 'manual',
      actor: 'bob',
      durationMs: 30_000,
    });

    const noReason = await core.call('review.decide', { ids: [held[2]], decision: 'reject' });
    expect(!noReason.ok && noReason.error.issues?.[0]?.path).toBe('reason');
    await value(core.call('review.decide', { ids: [held[2]], decision: 'reject', reason: '买家要求取消' }));
    expect((await value(core.call('orders.get', { id: held[2] }))).status).toBe('cancelled');

    // An order someone else already approved is skipped, not failed.
    const again = await value(
      core.call('review.decide', { ids: [held[0], held[3]], decision: 'hold', reason: '等待买家回复' }),
    );
    expect(again.changed).toEqual([held[3]]);
    expect(again.skipped).toEqual([
      { id: held[0], message: expect.stringMatching(/is approved, no longer waiting/) },
    ]);
    expect((await value(core.call('orders.get', { id: held[3] }))).history.at(-1)).toMatchObject({
      action: 'review_note',
      reason: '等待买家回复',
    });
    expect((await value(core.call('review.queue', {}))).total).toBe(1);
  });

  test('an unknown order id refuses the whole decision and changes nothing', async () => {
    const r = await core.call('review.decide', { ids: [held[0], 999_999], decision: 'approve' });
    expect(!r.ok && r.error.code).toBe('not_found');
    expect((await value(core.call('orders.get', { id: held[0] }))).status).toBe('held');
  });
});
