import { importFile } from '../../src-main/modules/intake';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8, type Row } from '../fixtures/order-files';

const line = (id: string, extra: Partial<Row> = {}): Row => ({
  order_id: id,
  placed_at: '2026-03-10 10:00',
  channel: 'sheet',
  buyer_name: '张伟',
  phone: '13812345678',
  address: '朝阳区建国路88号',
  sku: 'TS-RED-L',
  title: 'T恤',
  quantity: '1',
  unit_price: '59',
  currency: 'CNY',
  shipping_fee: '0',
  ...extra,
});

describe('hand corrections survive a newer copy from the channel', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());
  const load = (rows: Row[], name: string) =>
    importFile(core.ctx, {
      fileName: name,
      bytes: utf8(csv(HEADERS.packdesk, rows)),
      format: 'packdesk',
      actor: 'test',
    });
  const stored = (id: number) =>
    core.ctx.sqlite
      .prepare(
        'select province, city, address_raw as raw, address_ambiguous as amb, tags_json as tags from orders where id = ?',
      )
      .get(id) as { province: string; city: string; raw: string; amb: number; tags: string };
  const changes = (id: number) =>
    core.ctx.sqlite
      .prepare('select field, before, after, reason from standardization_changes where order_id = ?')
      .all(id) as { field: string; before: string; after: string; reason: string }[];

  test('a corrected address and a hand-added tag are kept; the channel’s different address is on the order', async () => {
    await load([line('K1'), line('K2')], 'first.csv');
    const list = await value(core.call('orders.list', { filter: { search: 'K1' } }));
    const id = list.rows[0]!.id;
    await value(core.call('review.run', {}));
    await value(
      core.call(
        'orders.edit',
        { ids: [id], address: '北京市朝阳区建国路88号', addTags: ['checked'] },
        { actor: 'bob' },
      ),
    );

    // The channel re-sends both orders later, still with its vague address, and a new message.
    await load(
      [
        line('K1', {
          placed_at: '2026-03-11 10:00',
          buyer_message: 'newer copy',
          address: '朝阳区建国路99号',
        }),
        line('K2', { placed_at: '2026-03-11 10:00', buyer_message: 'newer copy' }),
      ],
      'second.csv',
    );
    const o = await value(core.call('orders.get', { id }));
    expect(o.buyerMessage).toBe('newer copy');
    expect(stored(id)).toMatchObject({ province: '北京市', raw: '北京市朝阳区建国路88号', amb: 0 });
    expect(JSON.parse(stored(id).tags)).toContain('checked');
    expect(o.reasons).toContain('review: bob: corrected address');
    expect(o.reasons).toContain(
      'channel sent a different address "朝阳区建国路99号"; kept the corrected one',
    );
    expect(o.reasons.some((r: string) => r.startsWith('address ambiguous'))).toBe(false);
    expect(changes(id)).toContainEqual(
      expect.objectContaining({
        field: 'address',
        before: '朝阳区建国路99号',
        after: '北京市朝阳区建国路88号',
      }),
    );

    // The order nobody corrected takes the channel's copy as before.
    const other = (await value(core.call('orders.list', { filter: { search: 'K2' } }))).rows[0]!.id;
    expect(stored(other).amb).toBe(1);
    expect((await value(core.call('orders.get', { id: other }))).buyerMessage).toBe('newer copy');
  });

  test('a corrected buyer ID number stays when the channel sends another; the number goes in no reason or change row', async () => {
    await load(
      [line('K3', { address: '广东省深圳市南山区科技园南路88号', id_number: '110101199001010000' })],
      'a.csv',
    );
    const id = (await value(core.call('orders.list', { filter: { search: 'K3' } }))).rows[0]!.id;
    await value(
      core.call('orders.edit', { ids: [id], buyerIdNumber: '310101199001011234' }, { actor: 'bob' }),
    );
    await load(
      [
        line('K3', {
          placed_at: '2026-03-11 10:00',
          address: '广东省深圳市南山区科技园南路88号',
          id_number: '440101199001019999',
        }),
      ],
      'b.csv',
    );
    const row = core.ctx.sqlite.prepare('select buyer_id_number as n from orders where id = ?').get(id) as {
      n: string;
    };
    expect(row.n).toBe('310101199001011234');
    const o = await value(core.call('orders.get', { id }));
    expect(o.reasons).toContain('channel sent a different buyer ID number; kept the corrected one');
    expect(JSON.stringify(changes(id))).not.toContain('440101199001019999');
    expect(changes(id)).toContainEqual(
      expect.objectContaining({ field: 'buyerIdNumber', before: 'sent by channel', after: 'on file' }),
    );
  });
});
