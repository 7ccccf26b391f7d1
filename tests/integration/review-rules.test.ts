import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

type TestCore = ReturnType<typeof aCore>;

const hold = (name: string, condition: unknown, reason = name) => ({
  name,
  condition,
  actions: [{ type: 'hold', reason }],
});

describe('review rules: save, validate, reorder, delete', () => {
  let core: TestCore;
  beforeEach(() => (core = aCore()));
  afterEach(() => core.dispose());

  test('the four default rules ship, each one valid', async () => {
    const { rows } = await value(core.call('review.rules.list', {}));
    expect(rows.map((r: any) => r.position)).toEqual([1, 2, 3, 4]);
    expect(rows.map((r: any) => r.actions[0].type)).toEqual(['approve', 'hold', 'require_document', 'hold']);
    expect(rows[1].condition).toEqual({
      all: [
        { field: 'currency', op: 'eq', value: 'CNY' },
        { field: 'total', op: 'gt', value: 500_000 },
      ],
    });
    // Re-saving each default proves it passes the same validation as a rule typed in the editor.
    for (const r of rows) {
      const { name, enabled, priority, condition, actions, id } = r;
      await value(core.call('review.rules.save', { id, name, enabled, priority, condition, actions }));
    }
  });

  test('a rule that cannot be evaluated is refused with the path of each problem, and nothing is stored', async () => {
    const before = await value(core.call('review.rules.list', {}));
    const r = await core.call(
      'review.rules.save',
      hold('bad', {
        all: [
          { field: 'currency', op: 'eq', value: 'CNY' },
          { field: 'total', op: 'gt', value: '5000' },
          { field: 'colour', op: 'eq', value: 'red' },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.issues).toEqual([
      { path: 'condition.all.1.value', message: 'total needs a number' },
      expect.objectContaining({
        path: 'condition.all.2.field',
        message: expect.stringMatching(/^unknown field "colour"/),
      }),
    ]);
    const bad = await core.call('review.rules.save', {
      name: 'x',
      condition: { field: 'total', op: 'exists' },
      actions: [{ type: 'hold', reason: '' }],
    });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('actions.0.reason');
    expect(await value(core.call('review.rules.list', {}))).toEqual(before);
  });

  test('save creates last, edits in place; reorder needs every rule once; delete', async () => {
    const created = await value(
      core.call(
        'review.rules.save',
        hold('COD over ¥1,000', {
          all: [
            { field: 'cod', op: 'eq', value: true },
            { field: 'total', op: 'gt', value: 100_000 },
          ],
        }),
      ),
    );
    expect(created.position).toBe(5);
    const edited = await value(
      core.call('review.rules.save', {
        ...hold('COD over ¥2,000', { field: 'cod', op: 'eq', value: true }),
        id: created.id,
        enabled: false,
      }),
    );
    expect(edited).toMatchObject({ id: created.id, name: 'COD over ¥2,000', enabled: false, position: 5 });

    const ids = (await value(core.call('review.rules.list', {}))).rows.map((r: any) => r.id) as number[];
    const reordered = await value(
      core.call('review.rules.reorder', { ids: [created.id, ...ids.filter((i) => i !== created.id)] }),
    );
    expect(reordered.rows[0]).toMatchObject({ id: created.id, position: 1 });
    const partial = await core.call('review.rules.reorder', { ids: [created.id] });
    expect(!partial.ok && partial.error.message).toMatch(/every rule exactly once: missing rules/);

    await value(core.call('review.rules.delete', { id: created.id }));
    expect((await value(core.call('review.rules.list', {}))).rows).toHaveLength(4);
    const again = await core.call('review.rules.delete', { id: created.id });
    expect(!again.ok && again.error.code).toBe('not_found');
    const ghost = await core.call('review.rules.save', {
      ...hold('x', { field: 'cod', op: 'eq', value: true }),
      id: 9999,
    });
    expect(!ghost.ok && ghost.error.code).toBe('not_found');
  });

  test('home province: the setting, else the first warehouse; unknown provinces refused', async () => {
    expect(await value(core.call('review.settings.get', {}))).toEqual({
      homeProvince: '',
      effectiveHomeProvince: '',
    });
    await value(core.call('warehouses.save', { code: 'HZ', name: '杭州仓', province: '浙江省' }));
    expect((await value(core.call('review.settings.get', {}))).effectiveHomeProvince).toBe('浙江');
    expect(await value(core.call('review.settings.save', { homeProvince: '广东省' }))).toEqual({
      homeProvince: '广东省',
      effectiveHomeProvince: '广东',
    });
    const bad = await core.call('review.settings.save', { homeProvince: 'Atlantis' });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('homeProvince');
  });
});

describe('review.simulate', () => {
  let core: TestCore;
  beforeEach(() => {
    core = aCore();
    aChannel(core);
  });
  afterEach(() => core.dispose());

  const snapshot = (c: TestCore) =>
    ['orders', 'review_decisions', 'audit_log', 'review_rules'].map((t) =>
      c.ctx.sqlite.prepare(`select * from ${t} order by 1`).all(),
    );

  test('shows what a draft rule would change and changes nothing', async () => {
    await value(core.call('review.settings.save', { homeProvince: '广东' }));
    seedOrders(core, [
      anOrder(), // local: approved by the defaults
      anOrder({ province: '浙江省', city: '杭州市' }), // no rule decides
      anOrder({ lines: [{ sku: 'SOAP', title: '香皂', spec: '', quantity: 1, unitPriceMinor: 900 }] }),
    ]);
    core.ctx.sqlite
      .prepare(
        `insert into skus (sku, title, category, weight_grams, created_at, updated_at) values ('SOAP', '香皂', 'liquid', 300, 0, 0)`,
      )
      .run();
    const before = snapshot(core);
    const draft = {
      name: 'Liquids need a check',
      condition: { field: 'category', op: 'eq', value: 'liquid' },
      actions: [{ type: 'hold', reason: 'liquid: check packaging' }],
    };
    const sim = await value(core.call('review.simulate', { rule: draft, limit: 10 }));
    expect(sim).toMatchObject({ considered: 3, matched: 1, changed: 1 });
    expect(sim.before).toEqual({ approved: 2, held: 0, blocked: 0, unchanged: 1 });
    expect(sim.after).toEqual({ approved: 1, held: 1, blocked: 0, unchanged: 1 });
    expect(sim.sample).toHaveLength(1);
    expect(sim.sample[0]).toMatchObject({ before: 'approved', after: 'held', status: 'pending_review' });
    expect(sim.sample[0].reasons).toContain('Liquids need a check: hold: liquid: check packaging');
    expect(snapshot(core)).toEqual(before);
  });

  test('a draft with an id replaces that saved rule; a bad draft is refused like a bad save', async () => {
    seedOrders(core, [anOrder({ totalMinor: 600_000 }), anOrder({ totalMinor: 300_000 })]);
    const rules = (await value(core.call('review.rules.list', {}))).rows;
    const big = rules[1];
    const lowered = {
      id: big.id,
      name: big.name,
      condition: {
        all: [
          { field: 'currency', op: 'eq', value: 'CNY' },
          { field: 'total', op: 'gt', value: 200_000 },
        ],
      },
      actions: big.actions,
    };
    const sim = await value(core.call('review.simulate', { rule: lowered }));
    expect(sim.before.held).toBe(1);
    expect(sim.after.held).toBe(2);
    expect(sim.changed).toBe(1);
    const bad = await core.call('review.simulate', {
      rule: { ...lowered, condition: { field: 'total', op: 'contains', value: 'x' } },
    });
    expect(!bad.ok && bad.error.issues?.[0]?.path).toBe('rule.condition.op');
  });
});
