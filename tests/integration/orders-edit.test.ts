import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

type TestCore = ReturnType<typeof aCore>;

const ID_RULE = {
  name: 'ID for cross-border',
  condition: { field: 'crossBorder', op: 'eq', value: true },
  actions: [{ type: 'require_document', document: 'id_number' }],
};

describe('orders.edit: correcting held orders in review', () => {
  let core: TestCore;
  beforeEach(async () => {
    core = aCore({ now: () => Date.UTC(2026, 10, 1, 8) });
    aChannel(core);
    await value(core.call('review.settings.save', { homeProvince: '浙江省' }));
  });
  afterEach(() => core.dispose());

  const get = (id: number) => value(core.call('orders.get', { id }));
  const row = (id: number) =>
    core.ctx.sqlite
      .prepare(
        'select buyer_id_number as idNumber, address_ambiguous as amb, region from orders where id = ?',
      )
      .get(id) as { idNumber: string | null; amb: number; region: string };

  test('a buyer ID added to a held cross-border order lets the rules pass it; the audit keeps no number', async () => {
    const [cross] = seedOrders(core, [
      anOrder({ type: 'cross_border', province: '上海市', city: '上海市', district: '黄浦区' }),
    ]) as [number];
    await value(core.call('review.run', {}));
    expect((await get(cross)).status).toBe('held');

    const out = await value(
      core.call('orders.edit', { ids: [cross], buyerIdNumber: '310101199001011234' }, { actor: 'alice' }),
    );
    expect(out.changed).toEqual([cross]);
    expect(row(cross).idNumber).toBe('310101199001011234');
    const edit = (await get(cross)).history.at(-1);
    expect(edit).toMatchObject({ action: 'edit', actor: 'alice', reason: 'corrected buyerIdNumber' });
    const data = core.ctx.sqlite
      .prepare("select data_json from audit_log where action = 'edit' and entity_id = ?")
      .get(cross) as { data_json: string };
    expect(data.data_json).not.toContain('310101199001011234');

    // A newer copy of the order from the channel, without the ID, does not wipe it.
    const first = (await get(cross)).externalId;
    seedOrders(core, [
      anOrder({
        externalId: first,
        type: 'cross_border',
        province: '上海市',
        city: '上海市',
        sourceUpdatedAt: Date.UTC(2026, 10, 2),
        buyerMessage: 'newer copy',
      }),
    ]);
    expect((await get(cross)).buyerMessage).toBe('newer copy');
    expect(row(cross).idNumber).toBe('310101199001011234');

    // The reviewer approves it; a simulation of the ID rule now finds the document on file.
    const sim = await value(core.call('review.simulate', { rule: ID_RULE, limit: 10 }));
    expect(sim.matched).toBe(1);
    expect(sim.after.held).toBe(0);
  });

  test('an ambiguous address is corrected from one line of text; a still ambiguous or masked one is refused', async () => {
    const [vague] = seedOrders(core, [
      anOrder({
        province: '',
        city: '',
        district: '',
        street: '',
        detail: '',
        addressRaw: '朝阳区建国路 88 号',
        addressAmbiguous: true,
      }),
    ]) as [number];

    const still = await core.call('orders.edit', { ids: [vague], address: '朝阳区建国路 88 号' });
    expect(still.ok).toBe(false);
    if (!still.ok) {
      expect(still.error.code).toBe('invalid_input');
      expect(still.error.message).toMatch(/still ambiguous: .*北京.*\/.*; add the province or city/);
    }
    const masked = await core.call('orders.edit', { ids: [vague], address: '北京市朝阳区****' });
    expect(!masked.ok && masked.error.message).toMatch(/still masked/);
    expect(row(vague).amb).toBe(1);

    await value(
      core.call('orders.edit', { ids: [vague], address: '北京市朝阳区建国路 88 号' }, { actor: 'bob' }),
    );
    const o = await get(vague);
    expect(o.address).toMatchObject({ province: '北京市', district: '朝阳区', ambiguous: false });
    expect(row(vague)).toMatchObject({ amb: 0, region: 'cn_north' });
    expect(o.reasons.at(-1)).toBe('review: bob: corrected address');
    // The queue's search finds it by the new address.
    const found = await value(core.call('orders.list', { filter: { search: '建国路' } }));
    expect(found.rows.map((r: { id: number }) => r.id)).toEqual([vague]);
  });

  test('tags change on many orders at once; ID and address belong to one order waiting for review', async () => {
    const [a, b] = seedOrders(core, [anOrder({ tags: ['VIP'] }), anOrder()]) as [number, number];
    await value(core.call('orders.edit', { ids: [a, b], addTags: ['加急'], removeTags: ['VIP'] }));
    expect((await get(a)).tags).toEqual(['加急']);
    expect((await get(b)).tags).toEqual(['加急']);

    const two = await core.call('orders.edit', { ids: [a, b], buyerIdNumber: '310101199001011234' });
    expect(!two.ok && two.error.code).toBe('invalid_input');

    await value(core.call('orders.transition', { ids: [a], to: 'approved' }));
    const routed = await core.call('orders.edit', { ids: [a], buyerIdNumber: '310101199001011234' });
    expect(!routed.ok && routed.error.message).toMatch(/is approved: .*only while it waits for review/);
    expect(row(a).idNumber).toBeNull();
  });

  test('an unknown id or a refusal on one order changes none of the batch', async () => {
    const [a] = seedOrders(core, [anOrder()]) as [number];
    const unknown = await core.call('orders.edit', { ids: [a, 9999], addTags: ['x'] });
    expect(!unknown.ok && unknown.error.code).toBe('not_found');
    expect((await get(a)).tags).toEqual([]);

    const abroad = seedOrders(core, [anOrder({ country: 'US', province: 'CA', city: 'LA' })])[0]!;
    const refused = await core.call('orders.edit', {
      ids: [abroad],
      addTags: ['x'],
      address: '北京市朝阳区建国路 1 号',
    });
    expect(!refused.ok && refused.error.message).toMatch(/ships to US/);
    expect((await get(abroad)).tags).toEqual([]); // the tag written before the refusal is rolled back
  });
});
