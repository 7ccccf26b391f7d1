import { createI18n } from '../../src-renderer/i18n/i18n';
import { errorText, issueText } from '../../src-renderer/i18n/error-text';
import { importFile } from '../../src-main/modules/intake';
import { aCore, value } from '../fixtures/core';
import { csv, HEADERS, utf8 } from '../fixtures/order-files';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

/** The mapping screen's and the synonym editor's refusals, as the core gives them, said in Chinese. */
describe('SKU mapping refusals in the UI language', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());

  it('says an unknown code and a synonym joining two mapped specs in Chinese, and in English as written', async () => {
    for (const sku of ['TEE-WINE', 'TEE-RED'])
      await value(core.call('skus.save', { sku, title: `Tee ${sku}`, priceMinor: 5900 }));
    const row = (id: string, spec: string) => ({
      order_id: id,
      placed_at: '2026-03-10 10:00',
      buyer_name: '张伟',
      phone: '13812345678',
      address: '广东省深圳市南山区粤海街道科技园南路88号',
      sku: 'CH-TEE',
      title: '纯棉T恤',
      spec,
      quantity: '1',
      unit_price: '59',
    });
    // This shop keeps 正红 apart from the other reds.
    await value(core.call('standardize.saveSynonym', { term: '正红', canonical: '正红' }));
    await importFile(core.ctx, {
      fileName: 'x.csv',
      bytes: utf8(csv(HEADERS.packdesk, [row('A1', '酒红'), row('A2', '大红'), row('A3', '正红')])),
      format: 'packdesk',
      actor: 'test',
    });
    const refused = async (op: string, input: unknown) => {
      const r = await core.call(op as never, input as never);
      if (r.ok) throw new Error(`${op} was not refused`);
      return r.error;
    };
    const unknown = await refused('standardize.mapSku', { title: '纯棉T恤', spec: '酒红', sku: 'NOPE' });
    expect(errorText(zh, unknown).detail).toBe(
      '“NOPE”既不是商品资料中的 SKU 编码，也不是条码；请先在商品资料中添加，或换一个',
    );
    expect(errorText(en, unknown).detail).toBe(unknown.message);
    expect(issueText(zh, unknown.issues![0]!.message)).toBe('商品资料中没有此 SKU 或条码');

    await value(core.call('standardize.mapSku', { title: '纯棉T恤', spec: '酒红', sku: 'TEE-WINE' }));
    await value(core.call('standardize.mapSku', { title: '纯棉T恤', spec: '大红', sku: 'TEE-RED' }));
    const joins = await refused('standardize.saveSynonym', { term: '酒红', canonical: '红/Red' });
    expect(errorText(zh, joins).detail).toBe(
      '“酒红”→“红/Red”会让“纯棉T恤 酒红”（映射到 TEE-WINE）和“纯棉T恤 大红”（映射到 TEE-RED）成为同一规格，未保存。请先把其中一个映射到另一个的 SKU，或换一个统一写法',
    );
    expect(errorText(en, joins).detail).toBe(joins.message);
    expect(issueText(zh, joins.issues![0]!.message)).toBe('会合并映射到 TEE-WINE 和 TEE-RED 的规格');

    const separator = await refused('standardize.saveSynonym', { term: '2XL/XXL', canonical: 'XXL' });
    expect(issueText(zh, separator.issues![0]!.message)).toBe(
      '不能包含 ; , / | 或 :（它们用来分隔规格的各个值）',
    );

    // Removing the shop's entry would send 正红 back to 红/Red, where 大红 is mapped to TEE-RED.
    await value(core.call('standardize.mapSku', { title: '纯棉T恤', spec: '正红', sku: 'TEE-WINE' }));
    const removing = await refused('standardize.saveSynonym', { term: '正红', canonical: '' });
    expect(errorText(zh, removing).detail).toMatch(/^删除“正红”会让“纯棉T恤 (正红|大红)”/);
  });
});
