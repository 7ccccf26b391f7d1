import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { pdfBarcodes, pdfImageCount, pdfPageCount, pdfText, pdfWords } from '../fixtures/decode';
import { insertWarehouse } from '../../src-main/modules/inventory';
import { customsForm } from '../../src-main/modules/documents/trade-docs.renderer';

const NOW = Date.UTC(2026, 10, 25, 6, 0);
const pd = (id: number) => `PD${String(id).padStart(8, '0')}`;
const pdf = (file: { base64: string }) => Buffer.from(file.base64, 'base64');

describe('documents as PDF', () => {
  let core: ReturnType<typeof aCore>;
  let ids: number[];
  let abroad: number;

  beforeAll(() => {
    core = aCore({ now: () => NOW });
    const channelId = aChannel(core);
    insertWarehouse(
      core.ctx.db,
      {
        code: 'SZ1',
        name: '深圳一号仓',
        province: '广东省',
        city: '深圳市',
        district: '宝安区',
        address: '福永街道 1 号',
        contactName: '李仓管',
        phone: '075512345678',
      },
      NOW,
    );
    const sql = core.ctx.sqlite;
    const sku = sql.prepare(
      `insert into skus (sku, title, spec, weight_grams, created_at, updated_at) values (?, ?, '', ?, 0, 0)`,
    );
    sku.run('MUG-01', '马克杯', 350);
    sku.run('TEA-02', '绿茶', 250);
    sku.run('PEN-03', '钢笔', 40);
    sql
      .prepare(`insert into bins (warehouse_id, code, sequence) values (1, 'Z-09', 30), (1, 'A-01', 10)`)
      .run();
    sql.prepare(`insert into sku_bins (warehouse_id, sku_id, bin_id) values (1, 1, 1), (1, 2, 2)`).run();
    const line = (s: string, quantity: number, unitPriceMinor = 5900) => ({
      sku: s,
      title: s,
      spec: '',
      quantity,
      unitPriceMinor,
    });
    ids = seedOrders(core, [
      anOrder({ channelId, recipientName: '王小明', lines: [line('MUG-01', 1), line('PEN-03', 2)] }),
      anOrder({ channelId, recipientName: '赵六', lines: [line('TEA-02', 3), line('MUG-01', 2)] }),
      anOrder({ channelId, recipientName: '孙七', lines: [line('TSHIRT-RED-L', 2)], paymentMethod: 'cod' }),
    ]);
    [abroad] = seedOrders(core, [
      anOrder({
        channelId,
        type: 'cross_border',
        country: 'US',
        province: 'CA',
        city: 'San Jose',
        street: '1 Main St',
        detail: '',
        postcode: '95112',
        recipientName: 'John Smith',
        currency: 'USD',
        lines: [line('TEA-02', 2, 1250), line('MUG-01', 1, 2000)],
        shippingMinor: 500,
      }),
    ]) as [number];
    sql.prepare('update orders set warehouse_id = 1').run();
    sql
      .prepare(
        "update orders set carrier = 'zto', tracking_number = ?, status = 'shipped', shipped_at = ? where id = ?",
      )
      .run('73100000000011', NOW, ids[0]);
    sql
      .prepare(
        "update orders set carrier = 'zto', tracking_number = ?, status = 'shipped', shipped_at = ? where id = ?",
      )
      .run('73100000000012', NOW, ids[1]);
    sql
      .prepare("update orders set carrier = 'ems', tracking_number = 'EE123456785CN' where id = ?")
      .run(abroad);
  });
  afterAll(() => core.dispose());

  it('pick list: SKU totals in bin walking order (unbinned last) and a decodable barcode per order', async () => {
    const file = await value(core.call('documents.render', { kind: 'pick_list', orderIds: ids }));
    const text = pdfText(pdf(file));
    expect(text).toContain('拣货单');
    const order = ['TEA-02', 'MUG-01', 'PEN-03', 'TSHIRT-RED-L'].map((s) => text.indexOf(s));
    expect(order.every((p) => p >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toMatch(/A-01\s+TEA-02\s+TEA-02\s+3/);
    expect(text).toMatch(/Z-09\s+MUG-01\s+MUG-01\s+3/);
    expect(pdfBarcodes(pdf(file)).flat().sort()).toEqual(ids.map((i) => `CODE-128:${pd(i)}`).sort());
  });

  it('packing slip: one page per order with the order barcode, template sender and lines', async () => {
    await value(
      core.call('documents.templates.save', {
        kind: 'packing_slip',
        sender: { name: '客服', phone: '400-800-1234', company: '好物小店', address: '深圳市福田区 2 号' },
        options: { showPrices: true, footer: '感谢惠顾' },
      }),
    );
    const file = await value(
      core.call('documents.render', { kind: 'packing_slip', orderIds: [ids[0], ids[1]] }),
    );
    expect(pdfPageCount(pdf(file))).toBe(2);
    const text = pdfText(pdf(file));
    for (const s of ['出库单', '王小明', '赵六', '好物小店', '感谢惠顾', 'PEN-03']) expect(text).toContain(s);
    expect(pdfBarcodes(pdf(file))).toEqual([[`CODE-128:${pd(ids[0]!)}`], [`CODE-128:${pd(ids[1]!)}`]]);
  });

  it('customs: CN22 with HS codes, origin, weights and the tracking barcode; bad customs data is refused whole', async () => {
    const bad = await core.call('documents.customs.save', {
      items: [
        {
          sku: 'TEA-02',
          descriptionEn: 'Green tea',
          hsCode: '0902',
          originCountry: 'CN',
          category: 'merchandise',
        },
      ],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await value(
      core.call('documents.customs.save', {
        items: [
          {
            sku: 'TEA-02',
            descriptionEn: 'Green tea',
            hsCode: '090210',
            originCountry: 'CN',
            category: 'gift',
          },
          {
            sku: 'MUG-01',
            descriptionEn: 'Ceramic mug',
            hsCode: '691200',
            originCountry: 'CN',
            category: 'gift',
          },
        ],
      }),
    );
    const file = await value(core.call('documents.render', { kind: 'customs', orderIds: [abroad] }));
    const text = pdfText(pdf(file));
    for (const s of [
      'CN22',
      'Green tea',
      '090210',
      '691200',
      'John Smith',
      'San Jose',
      '0.500',
      '25.00',
      '0.850',
    ])
      expect(text).toContain(s);
    expect(pdfBarcodes(pdf(file))).toEqual([['CODE-128:EE123456785CN']]);
    // The title stays left of the tracking barcode (190 pt wide at the right margin of A4), not under it.
    const words = pdfWords(pdf(file));
    const title = words.filter((w) => w.yMin < 50 && w.yMax > 36 && !/^EE\d/.test(w.text));
    expect(title.map((w) => w.text)).toEqual(['CN22', 'CUSTOMS', 'DECLARATION', '海关申报单']);
    for (const w of title) expect(w.xMax).toBeLessThan(595.28 - 36 - 190);
    // A domestic order has no customs form nor commercial invoice; a batch naming one is refused whole.
    for (const kind of ['customs', 'commercial_invoice'])
      expect(await core.call('documents.render', { kind, orderIds: [abroad, ids[0]] })).toMatchObject({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `orderIds: order ${ids[0]} ships within CN; a ${kind.replace('_', ' ')} is only for cross-border orders`,
        },
      });
  });

  it('customs: the item description names the product once and stays within the field', async () => {
    const sql = core.ctx.sqlite;
    const sku = sql.prepare(
      `insert into skus (sku, title, spec, weight_grams, created_at, updated_at) values (?, ?, '', 30, 0, 0)`,
    );
    sku.run('CASE-16P', 'MagSafe Shockproof Phone Case');
    sku.run('LONG-01', 'Cable');
    await value(
      core.call('documents.customs.save', {
        items: [
          {
            sku: 'CASE-16P',
            descriptionEn: 'MagSafe Shockproof Phone Case (iPhone 16 Pro / Clear)',
            hsCode: '392690',
            originCountry: 'CN',
            category: 'merchandise',
          },
          {
            sku: 'LONG-01',
            descriptionEn: `Braided USB-C charging cable ${'with aluminium connectors '.repeat(6)}`.trim(),
            hsCode: '854442',
            originCountry: 'CN',
            category: 'merchandise',
          },
        ],
      }),
    );
    const line = (s: string, title: string) => ({
      sku: s,
      title,
      spec: '',
      quantity: 1,
      unitPriceMinor: 1500,
    });
    const [id] = seedOrders(core, [
      anOrder({
        channelId: aChannel(core),
        type: 'cross_border',
        country: 'US',
        city: 'Austin',
        street: '2 Oak St',
        currency: 'USD',
        lines: [line('CASE-16P', 'MagSafe Shockproof Phone Case'), line('LONG-01', 'Cable')],
      }),
    ]) as [number];
    sql.prepare('update orders set warehouse_id = 1 where id = ?').run(id);
    const words = pdfWords(
      pdf(await value(core.call('documents.render', { kind: 'customs', orderIds: [id] }))),
    );
    // The description column is the table's first 170 pt, below its header.
    const header = words.find((w) => w.text === 'Description')!;
    const cell = words
      .filter((w) => w.yMin > header.yMax && w.xMax < 36 + 170 && w.yMin < 600)
      .map((w) => w.text)
      .join(' ');
    expect(cell).toContain('MagSafe Shockproof Phone Case (iPhone 16 Pro / Clear)');
    expect(cell.match(/MagSafe/g)).toHaveLength(1);
    // 200 characters of description become at most 60, cut at a word, marked as cut.
    const long = cell.slice(cell.indexOf('Braided'), cell.indexOf('…') + 1);
    expect(long).toMatch(/^Braided USB-C charging cable with aluminium.*connectors…$/);
    expect(long.length).toBeLessThanOrEqual(60);
  });

  it('table headers are whole in both languages: a long title wraps instead of ending in …', async () => {
    const words = async (kind: string, orderId: number, language?: string) =>
      pdfWords(pdf(await value(core.call('documents.render', { kind, orderIds: [orderId], language }))));
    const expectWhole = (found: { text: string }[], titles: string[]) => {
      const texts = found.map((w) => w.text);
      expect(texts.filter((t) => t.includes('…'))).toEqual([]);
      for (const t of titles) for (const word of t.split(' ')) expect(texts).toContain(word);
    };
    expectWhole(await words('customs', abroad), [
      'Description 内件详细名称',
      'Qty 数量',
      'Net weight (kg) 净重',
      'Value 价值 (USD)',
      'HS tariff no. 税则号',
      'Origin 原产国',
    ]);
    expectWhole(await words('commercial_invoice', abroad), ['Unit price 单价', 'Amount 金额']);
    const receipt = [
      '序号 No.',
      '品名 Item',
      '规格 Spec',
      '单位 Unit',
      '数量 Qty',
      '单价 Price',
      '金额 Amount',
    ];
    expectWhole(await words('sales_receipt', ids[2]!, 'zh'), receipt);
    expectWhole(await words('sales_receipt', ids[2]!, 'en'), receipt);
  });

  it('picks CN23 for more than four lines or more than ~300 SDR', () => {
    const l = { description: 'x', hsCode: '', origin: 'CN', quantity: 1, weightGrams: 1, valueMinor: 1000 };
    expect(customsForm([l], 'USD')).toBe('CN22');
    expect(customsForm([l, l, l, l, l], 'USD')).toBe('CN23');
    expect(customsForm([{ ...l, valueMinor: 400_01 }], 'USD')).toBe('CN23');
    expect(customsForm([{ ...l, valueMinor: 2_000_00 }], 'CNY')).toBe('CN22');
    expect(customsForm([l], 'XYZ')).toBe('CN23');
  });

  it('commercial invoice: invoice number, HS codes and totals', async () => {
    const text = pdfText(
      pdf(await value(core.call('documents.render', { kind: 'commercial_invoice', orderIds: [abroad] }))),
    );
    for (const s of [
      'COMMERCIAL INVOICE',
      `INV-${pd(abroad)}`,
      'Ceramic mug',
      '691200',
      '12.50',
      '45.00',
      '50.00 USD',
    ])
      expect(text).toContain(s);
  });

  it('sales receipt: the total in capital Chinese numerals', async () => {
    const text = pdfText(
      pdf(await value(core.call('documents.render', { kind: 'sales_receipt', orderIds: [ids[2]] }))),
    );
    expect(text).toContain('销售单');
    expect(text).toContain('¥126.00');
    expect(text).toContain('人民币壹佰贰拾陆元整');
  });

  it('manifest: every parcel of the carrier that day, each tracking number decodable', async () => {
    const day = new Date(NOW).toISOString().slice(0, 10);
    const file = await value(core.call('documents.render', { kind: 'manifest', carrier: 'zto', date: day }));
    const text = pdfText(pdf(file));
    expect(text).toContain('交接清单');
    expect(text).toContain('中通快递');
    expect(text).toContain('0.43 kg'); // 350 + 2×40 g
    expect(text).toContain('1.45 kg'); // 3×250 + 2×350 g
    expect(text).toContain('2 件 · 1.88 kg');
    expect(pdfBarcodes(pdf(file)).flat().sort()).toEqual([
      'CODE-128:73100000000011',
      'CODE-128:73100000000012',
    ]);
    const none = await core.call('documents.render', { kind: 'manifest', carrier: 'sf', date: day });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('manifest: parcels of two warehouses get a page each, under their own warehouse', async () => {
    const day = new Date(NOW).toISOString().slice(0, 10);
    const bj = insertWarehouse(
      core.ctx.db,
      { code: 'BJ1', name: '北京二号仓', province: '北京市', city: '北京市', address: '顺义 8 号' },
      NOW,
    );
    core.ctx.sqlite.prepare('update orders set warehouse_id = ? where id = ?').run(bj.id, ids[1]);
    const file = pdf(
      await value(core.call('documents.render', { kind: 'manifest', carrier: 'zto', date: day })),
    );
    expect(pdfPageCount(file)).toBe(2);
    expect(pdfBarcodes(file)).toEqual([['CODE-128:73100000000011'], ['CODE-128:73100000000012']]);
    const text = pdfText(file);
    expect(text).toMatch(/1 件 · 0.43 kg · 深圳一号仓[\s\S]*1 件 · 1.45 kg · 北京二号仓/);
    core.ctx.sqlite.prepare('update orders set warehouse_id = 1 where id = ?').run(ids[1]);
  });

  it("templates: the shop's logo is drawn on the label, packing slip, sales receipt and commercial invoice; showLogo: false leaves it off", async () => {
    // A 1×1 PNG: pdfimages lists every image a PDF draws.
    const png =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    const images = (file: { base64: string }) => pdfImageCount(pdf(file));
    const render = (kind: 'packing_slip' | 'sales_receipt' | 'commercial_invoice') =>
      core.call('documents.render', { kind, orderIds: [kind === 'commercial_invoice' ? abroad : ids[0]] });
    for (const kind of ['label', 'packing_slip', 'sales_receipt', 'commercial_invoice'] as const) {
      const file = () =>
        kind === 'label' ? core.call('documents.label', { orderId: ids[0] }) : render(kind);
      const before = await value(core.call('documents.templates.get', { kind }));
      expect(images(await value(file())), `${kind} before`).toBe(0);
      await value(core.call('documents.templates.save', { kind, logoBase64: png }));
      expect(images(await value(file())), `${kind} with a logo`).toBe(1);
      await value(core.call('documents.templates.save', { kind, options: { showLogo: false } }));
      expect(images(await value(file())), `${kind} showLogo off`).toBe(0);
      await value(core.call('documents.templates.save', { kind, logoBase64: null, options: before.options }));
    }
  });

  it('templates: a logo must be an image; the saved template reads back', async () => {
    const r = await core.call('documents.templates.save', {
      kind: 'label',
      logoBase64: Buffer.from('not an image').toString('base64'),
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'logoBase64: the logo must be a PNG or JPEG image' },
    });
    const t = await value(core.call('documents.templates.get', { kind: 'packing_slip' }));
    expect(t).toMatchObject({
      kind: 'packing_slip',
      hasLogo: false,
      sender: { company: '好物小店' },
      options: { showPrices: true },
    });
  });
});
