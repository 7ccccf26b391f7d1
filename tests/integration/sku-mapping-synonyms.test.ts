import { importFile } from '../../src-main/modules/intake';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8, type Row } from '../fixtures/order-files';

const line = (id: string, spec: string): Row => ({
  order_id: id,
  placed_at: '2026-03-10 10:00',
  channel: 'sheet',
  buyer_name: '张伟',
  phone: '13812345678',
  address: '广东省深圳市南山区粤海街道科技园南路88号',
  sku: 'CH-TEE',
  title: '纯棉T恤',
  spec,
  quantity: '1',
  unit_price: '59',
  currency: 'CNY',
  shipping_fee: '0',
});

/**
 * A remembered mapping is stored under the channel text's canonical spec, which the synonym
 * dictionary decides: editing the dictionary must neither forget mappings nor quietly send one
 * channel spec to the SKU mapped for another.
 */
describe('SKU mappings and the synonym dictionary', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(async () => {
    core = aCore({ now: () => Date.UTC(2026, 2, 20) });
    // Catalogue titles unlike the channel's, so only a remembered mapping can match.
    for (const sku of ['TEE-WINE', 'TEE-RED'])
      await value(core.call('skus.save', { sku, title: `Tee ${sku}`, priceMinor: 5900 }));
  });
  afterEach(() => core.dispose());
  const load = (rows: Row[], name: string) =>
    importFile(core.ctx, {
      fileName: name,
      bytes: utf8(csv(HEADERS.packdesk, rows)),
      format: 'packdesk',
      actor: 'test',
    });
  const skuOf = async (ext: string) => {
    const l = await value(core.call('orders.list', { filter: { search: ext } }));
    return (await value(core.call('orders.get', { id: l.rows[0].id }))).lines[0].sku;
  };
  const map = (spec: string, sku: string) =>
    value(core.call('standardize.mapSku', { title: '纯棉T恤', spec, sku }));

  test('a mapping made before a synonym edit still maps the same channel text on the next import', async () => {
    await load([line('A1', '颜色:酒红')], 'a1.csv');
    expect(await map('颜色:酒红', 'TEE-WINE')).toMatchObject({ remapped: 1 });
    await value(core.call('standardize.saveSynonym', { term: '酒红', canonical: '酒红/Burgundy' }));
    await load([line('A2', '颜色:酒红')], 'a2.csv');
    expect(await skuOf('A2')).toBe('TEE-WINE');
    // And after the shop entry is removed again.
    await value(core.call('standardize.saveSynonym', { term: '酒红', canonical: '' }));
    await load([line('A3', '酒红')], 'a3.csv');
    expect(await skuOf('A3')).toBe('TEE-WINE');
  });

  test('a synonym that would make two specs mapped to different SKUs one is refused, and nothing changes', async () => {
    await load([line('B1', '颜色:酒红'), line('B2', '颜色:大红')], 'b.csv');
    await map('颜色:酒红', 'TEE-WINE');
    await map('颜色:大红', 'TEE-RED');
    const r = await core.call('standardize.saveSynonym', { term: '酒红', canonical: '红/Red' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!r.ok) expect(r.error.message).toMatch(/纯棉T恤 颜色:酒红.*TEE-WINE.*纯棉T恤 颜色:大红.*TEE-RED/);
    const shop = (await value(core.call('standardize.synonyms', {}))).rows.filter(
      (s: { source: string }) => s.source === 'shop',
    );
    expect(shop).toEqual([]);
    await load([line('B3', '颜色:酒红')], 'b3.csv');
    expect(await skuOf('B3')).toBe('TEE-WINE');
  });

  test('a synonym joining two specs mapped to the same SKU keeps one mapping', async () => {
    await load([line('C1', '颜色:酒红'), line('C2', '颜色:大红')], 'c.csv');
    await map('颜色:酒红', 'TEE-RED');
    await map('颜色:大红', 'TEE-RED');
    await value(core.call('standardize.saveSynonym', { term: '酒红', canonical: '红/Red' }));
    expect(core.ctx.sqlite.prepare('select source_key, sku from sku_mappings').all()).toEqual([
      { source_key: '纯棉T恤|红/Red', sku: 'TEE-RED' },
    ]);
    await load([line('C3', '酒红色')], 'c3.csv');
    expect(await skuOf('C3')).toBe('CH-TEE'); // 酒红色 is no synonym: still waits for a mapping
  });

  test('a barcode scanned into the mapping screen maps to its SKU', async () => {
    await value(
      core.call('skus.save', {
        sku: 'TEE-NAVY',
        title: 'Tee navy',
        priceMinor: 5900,
        barcodes: ['6901234500017'],
      }),
    );
    await load([line('D1', '颜色:藏青')], 'd.csv');
    expect(await map('颜色:藏青', '6901234500017')).toMatchObject({ remapped: 1 });
    expect(await skuOf('D1')).toBe('TEE-NAVY');
    expect(core.ctx.sqlite.prepare('select sku from sku_mappings').pluck().all()).toEqual(['TEE-NAVY']);
    // Neither a SKU code nor a barcode: refused, naming what was typed.
    expect(
      await core.call('standardize.mapSku', { title: '纯棉T恤', spec: '颜色:藏青', sku: 'NOPE' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringContaining('"NOPE"') },
    });
  });

  test('a wrong mapping is corrected: waiting orders move to the new SKU, allocated ones are counted, not touched', async () => {
    await load([line('E1', '颜色:酒红'), line('E2', '颜色:酒红')], 'e.csv');
    expect(await map('颜色:酒红', 'TEE-RED')).toMatchObject({ remapped: 2, corrected: 0, left: 0 });
    // A later import picks the (wrong) remembered mapping up too.
    await load([line('E3', '颜色:酒红')], 'e3.csv');
    expect(await skuOf('E3')).toBe('TEE-RED');
    // E2 went on: it is allocated, its stock is held for TEE-RED.
    const e2 = (await value(core.call('orders.list', { filter: { search: 'E2' } }))).rows[0].id;
    core.ctx.sqlite.prepare("update orders set status = 'allocated' where id = ?").run(e2);
    expect(await map('颜色:酒红', 'TEE-WINE')).toMatchObject({ remapped: 0, corrected: 2, left: 1 });
    expect(await skuOf('E1')).toBe('TEE-WINE');
    expect(await skuOf('E3')).toBe('TEE-WINE');
    expect(await skuOf('E2')).toBe('TEE-RED');
    const e1 = (await value(core.call('orders.list', { filter: { search: 'E1' } }))).rows[0].id;
    expect((await value(core.call('standardize.changes', { orderId: e1 }))).rows).toContainEqual({
      field: 'lines.1.sku',
      before: 'TEE-RED',
      after: 'TEE-WINE',
      reason: 'mapping corrected on the SKU mapping screen by system',
    });
    // The mapping list shows the corrected one; forgetting it leaves orders as they are.
    const { rows } = await value(core.call('standardize.mappings', {}));
    expect(rows).toEqual([
      {
        sourceKey: '纯棉T恤|酒红',
        title: '纯棉T恤',
        spec: '颜色:酒红',
        sku: 'TEE-WINE',
        updatedAt: expect.any(String),
      },
    ]);
    expect(await value(core.call('standardize.forgetMapping', { sourceKey: '纯棉T恤|酒红' }))).toEqual({
      forgotten: true,
    });
    expect((await value(core.call('standardize.mappings', {}))).rows).toEqual([]);
    await load([line('E4', '颜色:酒红')], 'e4.csv');
    expect(await skuOf('E4')).toBe('CH-TEE');
    expect(await skuOf('E1')).toBe('TEE-WINE');
    expect(await value(core.call('standardize.forgetMapping', { sourceKey: '纯棉T恤|酒红' }))).toEqual({
      forgotten: false,
    });
  });

  test('a mapping corrected while an order is held after allocation leaves that order on the SKU its stock is held for', async () => {
    await load([line('H1', '颜色:酒红'), line('H2', '颜色:酒红')], 'h.csv');
    await map('颜色:酒红', 'TEE-RED');
    const h2 = (await value(core.call('orders.list', { filter: { search: 'H2' } }))).rows[0].id;
    // H2 was allocated (one TEE-RED reserved for it) and then held by a reviewer.
    await value(core.call('warehouses.save', { code: 'SH', name: '上海仓', province: '上海' }));
    await value(
      core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE-RED', quantity: 3 }] }),
    );
    core.ctx.sqlite
      .prepare(
        `insert into stock_ledger (warehouse_id, sku_id, kind, reserved_delta, reference, actor, at)
         select w.id, s.id, 'reservation', 1, ?, 'test', 0 from warehouses w, skus s
          where w.code = 'SH' and s.sku = 'TEE-RED'`,
      )
      .run(`order:${h2}`);
    core.ctx.sqlite.prepare("update orders set status = 'held' where id = ?").run(h2);
    expect(await map('颜色:酒红', 'TEE-WINE')).toMatchObject({ corrected: 1, left: 1 });
    expect(await skuOf('H1')).toBe('TEE-WINE');
    expect(await skuOf('H2')).toBe('TEE-RED');
  });

  test('a synonym term with a separator in it (it could never match a spec value) is refused', async () => {
    for (const term of ['2XL/XXL', '颜色:红', 'S,M'])
      expect(await core.call('standardize.saveSynonym', { term, canonical: 'XXL' })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          issues: [{ path: 'term', message: expect.stringMatching(/^cannot contain/) }],
        },
      });
    expect(
      await value(core.call('standardize.saveSynonym', { term: 'Dusty Rose', canonical: '粉/Pink' })),
    ).toEqual({
      term: 'Dusty Rose',
      canonical: '粉/Pink',
    });
  });
});
