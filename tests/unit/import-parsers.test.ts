import { readFileSync } from 'node:fs';
import { parseImportFile } from '../../src-main/modules/intake';
import { amount, cleanId, dateMs, quantity, RowError } from '../../src-main/modules/intake/cell-parse';
import { prepareParsed } from '../../src-main/modules/intake/order-prepare';
import { decodeText } from '../../src-main/adapters/files/text-decode.adapter';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { csv, gbk, HEADERS, utf8, utf8Bom, xlsx, type Row } from '../fixtures/order-files';
import { SAMPLES } from '../fixtures/order-samples';
import type { AppFailure } from '../../src-shared/result';

const file = (name: string) => readFileSync(`tests/fixtures/files/${name}`);
const parse = async (name: string, format: Parameters<typeof parseImportFile>[2] = 'auto') =>
  parseImportFile(name, file(name), format);

describe('channel export parsers', () => {
  test.each([
    ['shopify-orders.csv', 'shopify', 3],
    ['woocommerce-webtoffee.csv', 'woocommerce', 2],
    ['amazon-new-orders.txt', 'amazon', 2],
    ['amazon-unshipped.txt', 'amazon', 1],
    ['taobao-orders-gbk.csv', 'taobao', 3],
    ['taobao-orders-utf8bom.csv', 'taobao', 3],
    ['taobao-orders.xlsx', 'taobao', 3],
    ['pdd-orders-gbk.csv', 'pdd', 2],
    ['pdd-orders.xlsx', 'pdd', 2],
    ['douyin-orders-bom.csv', 'douyin', 2],
    ['douyin-orders.xlsx', 'douyin', 2],
    ['alibaba1688-orders-gbk.csv', 'alibaba1688', 1],
    ['packdesk-template.csv', 'packdesk', 3],
    ['packdesk-template.xlsx', 'packdesk', 3],
  ])('%s is detected as %s with %i orders and no rejected rows', async (name, format, count) => {
    const { layout, parsed } = await parse(name);
    expect(layout.format).toBe(format);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.orders).toHaveLength(count);
  });

  test('1688: the SKU comes from 货号 when the preferred 单品货号 column is there but empty', async () => {
    const { parsed } = await parse('alibaba1688-orders-gbk.csv');
    expect(parsed.orders[0]!.lines.map((l) => l.sku)).toEqual(['TS-WHT-L', 'TS-BLK-L']);
    const rows = SAMPLES.alibaba1688!.map((r) => ({ ...r, 单品货号: '' }));
    rows[1]!.单品货号 = 'TS-BLK-L-2026';
    const again = await parseImportFile('1688.csv', gbk(csv(HEADERS.alibaba1688, rows)), 'auto');
    expect(again.parsed.orders[0]!.lines.map((l) => l.sku)).toEqual(['TS-WHT-L', 'TS-BLK-L-2026']);
    const kinds = SAMPLES.alibaba1688!.map((r) => ({ ...r, 货品种类: '2' }));
    const counted = await parseImportFile('1688.csv', gbk(csv(HEADERS.alibaba1688, kinds)), 'auto');
    expect(counted.parsed.orders[0]!.lines.map((l) => l.spec)).toEqual(['白色 L', '黑色 L']);
  });

  test('GBK, UTF-8 with BOM and XLSX copies of one Taobao export parse to the same orders', async () => {
    const a = (await parse('taobao-orders-gbk.csv')).parsed.orders;
    const b = (await parse('taobao-orders-utf8bom.csv')).parsed.orders;
    const c = (await parse('taobao-orders.xlsx')).parsed.orders;
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  test('Taobao: ids cleaned of \', ="…" and tab; trailing-space headers matched; postcode cut from the address', async () => {
    const [o1, o2, o3] = (await parse('taobao-orders-gbk.csv')).parsed.orders;
    expect([o1!.externalId, o2!.externalId, o3!.externalId]).toEqual([
      '3812345678901234567',
      '3812345678901234999',
      '3812345678901230000',
    ]);
    expect(o1!.address).toMatchObject({
      raw: '广东省 深圳市 南山区 粤海街道 科技园南路88号创维大厦A座1203',
      postcode: '518057',
    });
    expect(o1!.phone).toBe('13812345678');
    expect(o1!.lines).toEqual([
      {
        sku: '',
        title: '纯棉圆领T恤 男女同款 夏季',
        spec: '颜色分类:大红;尺码:XL码',
        quantity: 2,
        unitPriceMinor: 5900,
      },
    ]);
    expect(o1!.placedAt).toBe(Date.parse('2026-03-01T20:15:33+08:00'));
    // Two kinds, three units: one each, the last takes the rest.
    expect(o2!.lines.map((l) => [l.title, l.quantity])).toEqual([
      ['316不锈钢保温杯', 1],
      ['磁吸防摔手机壳', 2],
    ]);
    expect(o2!.totalMinor).toBe(17800);
    expect(o3!.cancelled).toBe(true);
  });

  test('Shopify: order fields only on the first row; variant split from the line name; zip apostrophe removed', async () => {
    const [o] = (await parse('shopify-orders.csv')).parsed.orders;
    expect(o).toMatchObject({
      externalId: '#1001',
      currency: 'USD',
      totalMinor: 8450,
      shippingMinor: 650,
      rows: [2, 3],
    });
    expect(o!.lines).toEqual([
      { sku: 'TS-RED-XL', title: 'Cotton Crew T-Shirt', spec: 'Red / XL', quantity: 2, unitPriceMinor: 1900 },
      { sku: 'HD-GRY-L', title: 'Fleece Hoodie', spec: 'Grey / L', quantity: 1, unitPriceMinor: 4000 },
    ]);
    expect(o!.address.postcode).toBe('10118');
    expect(o!.placedAt).toBe(Date.parse('2026-03-01T10:15:00-05:00'));
  });

  test('WooCommerce: line_item cells with "|" inside the product name', async () => {
    const [o] = (await parse('woocommerce-webtoffee.csv')).parsed.orders;
    expect(o!.lines[1]).toEqual({
      sku: 'SOCK-BLK-OS',
      title: 'Socks | 5 pairs',
      spec: 'Black',
      quantity: 2,
      unitPriceMinor: 1100,
    });
  });

  test('Amazon TSV: items of one order grouped, item-price is the line total, quotes are plain text', async () => {
    const [o] = (await parse('amazon-new-orders.txt')).parsed.orders;
    expect(o!.lines.map((l) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
      ['EAR-BLK', 1, 4599],
      ['CBL-1M-WHT', 3, 999],
    ]);
    expect(o!.lines[0]!.title).toBe('True Wireless ANC Earbuds, Black "Pro"');
    expect(o!.totalMinor).toBe(4599 + 2997 + 499);
  });

  test('Douyin: tab-prefixed ids cleaned, sub-orders grouped, ##密文 kept as sent, live stream recognised', async () => {
    const [o] = (await parse('douyin-orders-bom.csv')).parsed.orders;
    expect(o!.externalId).toBe('6920000000000000001');
    expect(o!.lines).toHaveLength(2);
    expect(o!.phone).toBe('##密文');
    expect(o!.address.detail).toBe('##密文');
    expect(o!.type).toBe('live_stream');
    expect(o!.typeHint).toContain('达人ID 88889999');
  });

  test('Amazon Unshipped: only quantity-to-ship is packed; a line already shipped is left out and the order says so', async () => {
    const [a] = SAMPLES.amazonUnshipped as [Row];
    const rows = [
      { ...a, sku: 'A', 'quantity-purchased': '3', 'quantity-shipped': '1', 'quantity-to-ship': '2' },
      {
        ...a,
        'order-item-id': '2',
        sku: 'B',
        'quantity-purchased': '1',
        'quantity-shipped': '1',
        'quantity-to-ship': '0',
      },
      { ...a, 'order-item-id': '3', sku: 'C', 'quantity-purchased': '1', 'quantity-to-ship': '1' },
    ];
    const { parsed } = await parseImportFile(
      'unshipped.txt',
      utf8(csv(HEADERS.amazonUnshipped, rows, '\t')),
      'auto',
    );
    expect(parsed.rejected).toEqual([]);
    const [o] = parsed.orders;
    expect(o!.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['A', 2],
      ['C', 1],
    ]);
    expect(o!.origin).toBe('A: 1 of 3 already shipped on Amazon; B: 1 of 1 already shipped on Amazon');
    const bad = [{ ...a, 'quantity-purchased': '1', 'quantity-to-ship': '2' }];
    const refused = await parseImportFile('u.txt', utf8(csv(HEADERS.amazonUnshipped, bad, '\t')), 'auto');
    expect(refused.parsed.rejected).toEqual([
      expect.objectContaining({ row: 2, column: 'quantity-to-ship' }),
    ]);
  });

  test('Douyin: a 子订单 refunded before shipping is left out of the parcel; all refunded cancels the order', async () => {
    const row = (sub: string, goods: string, after: string, state = '待发货') => ({
      主订单编号: '\t69001',
      子订单编号: `\t${sub}`,
      选购商品: goods,
      商品数量: '1',
      订单应付金额: '¥99.00',
      收件人: '##密文',
      收件人手机号: '$$密文',
      详细地址: '广东省 深圳市 南山区 ##密文',
      订单提交时间: '2026-03-01 10:00:00',
      订单状态: state,
      售后状态: after,
    });
    const file = (rows: Row[]) => utf8Bom(csv(HEADERS.douyinSubset, rows));
    const one = (
      await parseImportFile(
        'dy.csv',
        file([row('1', '口红', '退款成功'), row('2', '眉笔', '售后关闭')]),
        'auto',
      )
    ).parsed;
    expect(one.orders[0]).toMatchObject({ cancelled: false, totalMinor: 9900 });
    expect(one.orders[0]!.lines.map((l) => l.title)).toEqual(['眉笔']);
    expect(one.orders[0]!.origin).toBe('子订单 1 (口红) left out: 退款成功 on 抖店');
    const both = (
      await parseImportFile(
        'dy.csv',
        file([row('1', '口红', '退款成功'), row('2', '眉笔', '-', '已关闭')]),
        'auto',
      )
    ).parsed;
    expect(both.orders[0]).toMatchObject({ cancelled: true });
    expect(both.orders[0]!.lines).toHaveLength(2);
  });

  test('Taobao 宝贝报表: an item closed or refunded by itself is not a line to pack', async () => {
    const item = (title: string, state: string) => ({
      订单编号: "'3812345678901234567",
      标题: title,
      价格: '10.00',
      购买数量: '1',
      订单状态: state,
      商家编码: title,
    });
    const parsed = async (rows: Row[]) =>
      (await parseImportFile('items.csv', gbk(csv(HEADERS.taobaoItems, rows)), 'auto')).parsed.orders[0]!;
    const some = await parsed([item('A', '买家已付款，等待卖家发货'), item('B', '交易关闭')]);
    expect(some.lines.map((l) => l.sku)).toEqual(['A']);
    // Every item closed: the 订单报表 closes the order itself; the lines stay as they were.
    const all = await parsed([item('A', '交易关闭'), item('B', '交易关闭')]);
    expect(all.lines.map((l) => l.sku)).toEqual(['A', 'B']);
  });

  test('Shopify: a gift card (requires shipping false) and a line already fulfilled are not packed', async () => {
    const [a] = SAMPLES.shopify as [Row];
    const line = (sku: string, requires: string, status: string): Row => ({
      Name: a.Name!,
      'Lineitem quantity': '1',
      'Lineitem name': sku,
      'Lineitem price': '10.00',
      'Lineitem sku': sku,
      'Lineitem requires shipping': requires,
      'Lineitem fulfillment status': status,
    });
    const file = (rows: Row[]) => utf8(csv(HEADERS.shopify, rows));
    const first = {
      ...a,
      'Lineitem sku': 'MUG',
      'Lineitem requires shipping': 'true',
      'Lineitem fulfillment status': 'pending',
    };
    const some = (
      await parseImportFile(
        's.csv',
        file([first, line('GIFT', 'false', 'pending'), line('CAP', 'true', 'fulfilled')]),
        'auto',
      )
    ).parsed;
    expect(some.orders[0]!.lines.map((l) => l.sku)).toEqual(['MUG']);
    expect(some.orders[0]!.origin).toBe(
      'left out: GIFT: needs no shipping; CAP: already fulfilled on Shopify',
    );
    const none = (
      await parseImportFile('s.csv', file([{ ...first, 'Lineitem requires shipping': 'false' }]), 'auto')
    ).parsed;
    expect(none.orders[0]!.lines.map((l) => l.sku)).toEqual(['MUG']);
    expect(none.orders[0]!.origin).toBe('no line of this order is left to ship (MUG: needs no shipping)');
  });

  test('the Douyin custom-export subset (6a) is detected too', async () => {
    const rows = [
      {
        主订单编号: '\t1',
        子订单编号: '\t2',
        选购商品: '耳机',
        商品规格: '白色',
        商品数量: '1',
        订单应付金额: '10',
        收件人: '王**',
        收件人手机号: '$$密文',
        详细地址: '$$密文',
        订单提交时间: '2026-03-01 10:00:00',
      },
    ];
    const { layout, parsed } = await parseImportFile(
      'dy.csv',
      utf8Bom(csv(HEADERS.douyinSubset, rows)),
      'auto',
    );
    expect(layout.format).toBe('douyin');
    expect(parsed.orders[0]).toMatchObject({ externalId: '1', totalMinor: 1000, type: 'live_stream' });
  });

  test('Douyin 6a: a masked 详细地址 holding the whole address keeps the unmasked places and only the mask as detail', async () => {
    const row = (id: string, address: string) => ({
      主订单编号: `\t${id}`,
      子订单编号: `\t${id}1`,
      选购商品: '口红',
      商品数量: '1',
      订单应付金额: '¥199.00',
      收件人: '##密文',
      收件人手机号: '$$密文',
      详细地址: address,
      订单提交时间: '2026-03-01 10:00:00',
    });
    const rows = [row('7', '上海 上海市 浦东新区 ##密文'), row('8', '重庆 重庆市 渝中区 解放碑街道 ****')];
    const { parsed } = await parseImportFile('dy.csv', utf8Bom(csv(HEADERS.douyinSubset, rows)), 'auto');
    const none = { synonyms: new Map(), known: new Set<string>(), mappings: new Map(), catalogue: [] };
    const [a, b] = parsed.orders.map((o) => prepareParsed(none, o, 'CN').std!.order);
    expect(a).toMatchObject({ province: '上海市', city: '上海市', district: '浦东新区', detail: '##密文' });
    expect(a!.addressRaw).toBe('上海 上海市 浦东新区 ##密文');
    expect(a!.addressMasked).toBe(true);
    expect(b).toMatchObject({
      district: '渝中区',
      street: '解放碑街道',
      detail: '****',
      addressMasked: true,
    });
  });

  test('the forced format is used even when auto would pick another', async () => {
    await expect(parse('taobao-orders-gbk.csv', 'shopify')).rejects.toThrow(
      /column "Name": required column missing for the shopify layout/,
    );
  });
});

describe('file-level errors name the file, row and column', () => {
  const taobao = () => csv(HEADERS.taobao, SAMPLES.taobao!);
  test('a header nobody knows', async () => {
    await expect(parseImportFile('x.csv', utf8('a,b,c\n1,2,3\n'), 'auto')).rejects.toThrow(
      /x\.csv: row 1: the header does not match any known export/,
    );
  });
  test('a missing required column', async () => {
    const text = taobao().replace('宝贝标题 ,', '标题X,');
    await expect(parseImportFile('tb.csv', utf8(text), 'taobao')).rejects.toThrow(
      /tb\.csv: row 1, column "宝贝标题": required column missing/,
    );
  });
  test('a truncated file (cut inside a quoted cell)', async () => {
    const text = csv(HEADERS.packdesk, SAMPLES.packdesk!).replace('科技园南路1号', '"科技园南路1号');
    const cut = text.slice(0, text.indexOf('"科技园') + 5);
    await expect(parseImportFile('cut.csv', utf8(cut), 'auto')).rejects.toThrow(
      /cut\.csv: row \d+: a quoted cell is never closed/,
    );
  });
  test('a row cut short', async () => {
    const text = csv(HEADERS.packdesk, SAMPLES.packdesk!);
    const cut = text.slice(0, text.lastIndexOf(',CNY'));
    await expect(parseImportFile('short.csv', utf8(cut), 'auto')).rejects.toThrow(
      /short\.csv: row 5: this row has \d+ cells but the header has/,
    );
  });
  test('blank rows (an empty line, ",,,," below the data) are skipped and later rows keep their Excel row number', async () => {
    const rows = SAMPLES.packdesk!.map((r) => ({ ...r }));
    rows[3]!.quantity = '-1';
    const lines = csv(HEADERS.packdesk, rows).split(/\r?\n/);
    // Header, 2 rows, an empty line, then the rest; Excel's empty rows at the end.
    const text = [...lines.slice(0, 3), '', ...lines.slice(3).filter(Boolean), ',,,,', ',,,,,,,,', ''].join(
      '\r\n',
    );
    const { parsed } = await parseImportFile('blank.csv', utf8(text), 'auto');
    expect(parsed.rejected).toEqual([expect.objectContaining({ row: 6, column: 'quantity' })]);
    expect(parsed.orders.length).toBeGreaterThan(0);
  });
  test('a text file that is no export (notes with commas) is named as no export, not as a damaged one', async () => {
    const notes = '# Stock notes\n\nTea, cups\n- restock tea, cups, lids\n';
    await expect(parseImportFile('notes.md', utf8(notes), 'auto')).rejects.toThrow(
      /notes\.md: row 1: the header does not match any known export/,
    );
  });
  test("Amazon's All Orders report (no ship-to address) says which Amazon report to download instead", async () => {
    const header =
      'amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\torder-status\tfulfillment-channel\tsales-channel\torder-channel\turl\tship-service-level\tproduct-name\tsku\tasin\titem-status\tquantity\tcurrency\titem-price\titem-tax\tshipping-price\tshipping-tax\tgift-wrap-price\tgift-wrap-tax\titem-promotion-discount\tship-promotion-discount\tship-city\tship-state\tship-postal-code\tship-country\tpromotion-ids\tis-business-order\tpurchase-order-number\tprice-designation';
    const row = `111-1\t\t2026-11-01T10:00:00+00:00\t2026-11-01T10:00:00+00:00\tPending\tMerchant\tAmazon.com\t\t\tStandard\tMug\tMUG-1\tB00\tUnshipped\t1\tUSD\t10.00\t0\t0\t0\t0\t0\t0\t0\tSeattle\tWA\t98101\tUS\t\tfalse\t\t`;
    await expect(parseImportFile('all.txt', utf8(`${header}\n${row}\n`), 'auto')).rejects.toThrow(
      /all\.txt: row 1: this is Amazon's "All Orders" report, .*"Unshipped Orders"/,
    );
  });
  test('a picture is refused as not text, naming no row', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const err = (await parseImportFile('icon.png', png, 'auto').catch((e: unknown) => e)) as AppFailure;
    expect(err.message).toMatch(/^icon\.png: the file is not text /);
    expect(err.issues).toEqual([{ path: '(file)', message: 'not a text file' }]);
  });
  test('a wrong encoding (UTF-16 without BOM, binary)', async () => {
    const utf16 = Buffer.from(taobao(), 'utf16le');
    await expect(parseImportFile('u16.csv', utf16, 'auto')).rejects.toThrow(/u16\.csv: the file is not text/);
  });
  test('Western text saved by Excel as Windows-1252 is refused, never decoded as GBK mojibake', async () => {
    // "Müller" in Windows-1252 decodes as GB18030 without an error: "M黮ler".
    const woo = iconv.encode(csv(HEADERS.woocommerce, SAMPLES.woocommerce!), 'win1252');
    await expect(parseImportFile('woo.csv', woo, 'auto')).rejects.toThrow(
      /woo\.csv: row 2: the text is neither UTF-8 nor GBK\/GB18030; it looks like Windows-1252/,
    );
    // GBK text with a character whose second byte is ASCII (玥 = 0xAB 0x68) is still GBK.
    const names = gbk(`收货人,地址\n王玥,广东省深圳市南山区粤海街道科技园路1号\n`);
    expect(decodeText(names, 'f')).toEqual({
      text: '收货人,地址\n王玥,广东省深圳市南山区粤海街道科技园路1号\n',
      encoding: 'gb18030',
    });
  });
  test('a BOM that lies about UTF-8', async () => {
    const bad = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk(taobao())]);
    await expect(parseImportFile('lie.csv', bad, 'auto')).rejects.toThrow(
      /lie\.csv: row 1: the file says it is UTF-8/,
    );
  });
  test('a damaged XLSX', async () => {
    const good = await xlsx(HEADERS.packdesk, SAMPLES.packdesk!);
    await expect(parseImportFile('bad.xlsx', good.subarray(0, good.length / 2), 'auto')).rejects.toThrow(
      /bad\.xlsx: the XLSX workbook is damaged or truncated/,
    );
  });
  test('an empty file', async () => {
    await expect(parseImportFile('empty.csv', Buffer.alloc(0), 'auto')).rejects.toThrow(
      /empty\.csv: the file is empty/,
    );
  });
});

describe('row-level problems reject that order only', () => {
  test('negative quantity, bad price, bad date and a missing id are reported with row and column', async () => {
    const rows = SAMPLES.packdesk!.map((r) => ({ ...r }));
    rows[1]!.quantity = '-2'; // second line of WS-2026-0001: the whole order goes
    rows[2]!.unit_price = '12,5x';
    rows.push({ ...rows[3]!, order_id: 'LS-2', placed_at: '2026-02-30 10:00' });
    rows.push({ ...rows[3]!, order_id: '' });
    rows.push({ ...rows[3]!, order_id: 'CH-1', channel: '直播 表' });
    const { parsed } = await parseImportFile('bad-rows.csv', utf8(csv(HEADERS.packdesk, rows)), 'packdesk');
    expect(parsed.orders.map((o) => o.externalId)).toEqual(['LS-0316-001']);
    expect(parsed.rejected).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'quantity', message: 'order WS-2026-0001: quantity -2 must be at least 1' },
        { row: 4, column: 'unit_price', message: 'order GB-0315-07: "12,5x" is not an amount' },
        { row: 6, column: 'placed_at', message: 'order LS-2: "2026-02-30 10:00" is not a real date' },
        { row: 7, column: 'order_id', message: 'the order id is missing' },
        {
          row: 8,
          column: 'channel',
          message:
            'order CH-1: channel code "直播 表" may use letters, digits, "-" and "_" only (2–32 characters)',
        },
      ]),
    );
  });

  test("a template order's following rows may leave the channel empty: they stay lines of that order", async () => {
    const rows = SAMPLES.packdesk!.map((r) => ({ ...r }));
    rows[1]!.channel = ''; // second line of WS-2026-0001, channel only on its first row
    const { parsed } = await parseImportFile('sheet.csv', utf8(csv(HEADERS.packdesk, rows)), 'packdesk');
    expect(parsed.rejected).toEqual([]);
    const ws = parsed.orders.find((o) => o.externalId === 'WS-2026-0001')!;
    expect(ws.channelCode).toBe('wholesale-sheet');
    expect(ws.lines.map((l) => l.sku)).toEqual(['CUP-500-WHT', 'CUP-350-BLK']);
    expect(parsed.orders.filter((o) => o.externalId === 'WS-2026-0001')).toHaveLength(1);
  });

  test('order ids Excel turned into numbers (lost digits) are refused row by row, never merged into one order', async () => {
    const [a, b] = SAMPLES.taobao as [Row, Row];
    // A CSV saved from Excel: both 19-digit ids became the same "3.81235E+18".
    const rows = [
      { ...a, 订单编号: '3.81235E+18' },
      { ...b, 订单编号: '3.81235E+18' },
      { ...b, 订单编号: '3812345678901230099' },
    ];
    const fromCsv = (await parseImportFile('tb.csv', gbk(csv(HEADERS.taobao, rows)), 'taobao')).parsed;
    expect(fromCsv.orders.map((o) => o.externalId)).toEqual(['3812345678901230099']);
    expect(fromCsv.rejected).toEqual(
      [2, 3].map((row) => expect.objectContaining({ row, column: '订单编号' })),
    );
    expect(fromCsv.rejected[0]!.message).toMatch(/"3\.81235E\+18" was turned into a number by Excel/);

    // An XLSX whose id cells are numbers: past 2^53 the digits are gone, below it the id is exact.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('订单');
    const headers = HEADERS.taobao.map((h) => h.trim());
    ws.addRow(headers);
    const idAt = headers.indexOf('订单编号');
    // What Excel stores for 3812345678901234567 and …568: the same double, past 2^53.
    for (const [r, id] of [
      [a, Number('3812345678901234567')],
      [b, Number('3812345678901234568')],
      [b, 123456789012],
    ] as [Row, number][]) {
      const cells: (string | number)[] = headers.map((h) => r[h] ?? '');
      cells[idAt] = id;
      ws.addRow(cells);
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const fromXlsx = (await parseImportFile('tb.xlsx', bytes, 'taobao')).parsed;
    expect(fromXlsx.orders.map((o) => o.externalId)).toEqual(['123456789012']);
    expect(fromXlsx.rejected.map((p) => [p.row, p.column])).toEqual([
      [2, '订单编号'],
      [3, '订单编号'],
    ]);
  });
});

describe('cells', () => {
  test.each([
    ['\t9001', '9001'],
    ["'123", '123'],
    ['="00123"', '00123'],
    [' 42 ', '42'],
  ])('cleanId(%j) = %j', (a, b) => expect(cleanId(a)).toBe(b));
  test.each([
    ['9,50', 950],
    ['0,5', 50],
    ['1.234,56', 123456],
    ['€ 12,90', 1290],
    ['1,299', 129900],
    ['1,299.00', 129900],
    ['12,345,678', 1234567800],
    ['63.00', 6300],
  ])(
    'amount(%j) = %i cents: a decimal comma is a decimal point, thousands separators are dropped',
    (text, cents) => expect(amount(text, 'EUR', 'total')).toBe(cents),
  );
  test('amount refuses a negative decimal-comma amount and a malformed one', () => {
    expect(() => amount('-3,00', 'EUR', 'total')).toThrow(/negative/);
    expect(() => amount('1.2,34', 'EUR', 'total')).toThrow(/not an amount/);
  });
  test('a semicolon CSV (Excel where the decimal mark is a comma) is read with decimal-comma amounts', async () => {
    const rows = SAMPLES.woocommerce!.map((r) => ({ ...r, order_total: r.order_total!.replace('.', ',') }));
    const semi = csv(HEADERS.woocommerce, rows).replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';');
    const { layout, parsed } = await parseImportFile('woo-de.csv', utf8Bom(semi), 'auto');
    expect(layout.format).toBe('woocommerce');
    const plain = (
      await parseImportFile('woo.csv', utf8(csv(HEADERS.woocommerce, SAMPLES.woocommerce!)), 'auto')
    ).parsed;
    expect(parsed).toEqual(plain);
    expect(parsed.orders[0]!.totalMinor).toBe(6300);
  });
  test('quantity refuses zero, negatives and fractions', () => {
    expect(quantity('3', 'q')).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'x', '']) expect(() => quantity(bad, 'q')).toThrow(RowError);
  });
  test('full-width digits and signs typed with a Chinese input method, and measure words, are read', () => {
    expect(quantity('１０', 'q')).toBe(10);
    expect(quantity('２件', 'q')).toBe(2);
    expect(quantity('3 双', 'q')).toBe(3);
    expect(quantity('1箱', 'q')).toBe(1);
    expect(() => quantity('－１', 'q')).toThrow(/must be at least 1/);
    expect(amount('￥１，２９９．００', 'CNY', 'p')).toBe(129900);
    expect(amount('１２.５', 'CNY', 'p')).toBe(1250);
    expect(() => amount('１２.５x', 'CNY', 'p')).toThrow(/"１２\.５x" is not an amount/);
  });
  test('dates without a zone use the layout offset; impossible dates are refused', () => {
    expect(dateMs('2026-03-01 08:00:00', 'd', 480)).toBe(Date.parse('2026-03-01T00:00:00Z'));
    expect(dateMs('2026/3/1 8:00', 'd', 0)).toBe(Date.parse('2026-03-01T08:00:00Z'));
    expect(() => dateMs('2026-13-01', 'd', 0)).toThrow(/not a/);
  });
  test('decodeText: strict UTF-8 first, then GB18030', () => {
    expect(decodeText(gbk('订单编号,收货地址'), 'f').encoding).toBe('gb18030');
    expect(decodeText(gbk('订单编号,收货地址'), 'f').text).toBe('订单编号,收货地址');
    expect(decodeText(utf8('订单编号'), 'f').encoding).toBe('utf-8');
  });
});
