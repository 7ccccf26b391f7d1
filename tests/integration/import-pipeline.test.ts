import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { importFile, parseImportFile, shippedOnChannel } from '../../src-main/modules/intake';
import { AppFailure } from '../../src-shared/result';
import { aCore, value } from '../fixtures/core';
import { canonicalOrders, snapshotDb } from '../fixtures/db-snapshot';
import { csv, gbk, HEADERS, utf8, type Row } from '../fixtures/order-files';
import { SAMPLES } from '../fixtures/order-samples';

const fixture = (name: string) => readFileSync(`tests/fixtures/files/${name}`);

describe('import pipeline', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());

  const run = (
    name: string,
    bytes: Uint8Array = fixture(name),
    format: 'auto' | 'taobao' = 'auto',
    pageSize?: number,
  ) => importFile(core.ctx, { fileName: name, bytes, format, actor: 'test', pageSize });

  test('imports a Taobao GBK export; the same file again, and its UTF-8 and XLSX copies, change nothing', async () => {
    expect(await run('taobao-orders-gbk.csv')).toMatchObject({
      imported: 3,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    const before = canonicalOrders(core);
    for (const again of ['taobao-orders-gbk.csv', 'taobao-orders-utf8bom.csv', 'taobao-orders.xlsx']) {
      expect(await run(again)).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
    }
    expect(canonicalOrders(core)).toEqual(before);
    expect((await value(core.call('orders.count', {}))).total).toBe(3);
  });

  test('an order the channel already shipped is held, not packed; open and closed ones are not touched', async () => {
    expect(await run('tb.csv', gbk(csv(HEADERS.taobao, SAMPLES.taobao!)))).toMatchObject({ imported: 3 });
    const statusOf = async (ext: string) => {
      const l = await value(core.call('orders.list', { filter: { search: ext } }));
      return value(core.call('orders.get', { id: l.rows[0].id }));
    };
    const shipped = await statusOf('3812345678901234999');
    expect(shipped.status).toBe('held');
    expect(shipped.history.at(-1)).toMatchObject({
      to: 'held',
      reason: expect.stringContaining('already shipped on the channel (卖家已发货，等待买家确认)'),
    });
    expect((await statusOf('3812345678901234567')).status).toBe('pending_review');
    expect((await statusOf('3812345678901230000')).status).toBe('cancelled');
    // The same file again changes nothing: a person's later decision on the held order stands.
    await value(core.call('orders.transition', { ids: [shipped.id], to: 'approved', reason: 'pack it' }));
    expect(await run('tb.csv', gbk(csv(HEADERS.taobao, SAMPLES.taobao!)))).toMatchObject({ unchanged: 3 });
    expect((await statusOf('3812345678901234999')).status).toBe('approved');
  });

  test('channel wording for "already shipped" (and not for partly shipped or waiting)', () => {
    for (const s of [
      '卖家已发货，等待买家确认',
      '交易成功',
      '已发货，待签收',
      '已签收',
      '已完成/售后关闭',
      '等待买家确认收货',
      'Shipped',
      'completed',
      'wc-completed',
      'paid/fulfilled',
    ])
      expect([s, shippedOnChannel(s)]).toEqual([s, true]);
    for (const s of [
      '买家已付款，等待卖家发货',
      '卖家部分发货',
      '待发货',
      'Unshipped',
      'processing',
      'paid/partial',
      'paid',
      '',
    ])
      expect([s, shippedOnChannel(s)]).toEqual([s, false]);
  });

  test('a newer copy of an order updates it in place; an older one is ignored', async () => {
    await run('packdesk-template.csv');
    const rows = SAMPLES.packdesk!.map((r) => ({ ...r }));
    rows[3] = { ...rows[3]!, placed_at: '2026-03-17', quantity: '4' };
    expect(await run('v2.csv', utf8(csv(HEADERS.packdesk, rows)))).toMatchObject({
      imported: 0,
      updated: 1,
      unchanged: 2,
    });
    expect(
      await run('packdesk-template.csv', utf8(csv(HEADERS.packdesk, SAMPLES.packdesk!)).subarray(0)),
    ).toMatchObject({ updated: 0 });
    const list = await value(core.call('orders.list', { filter: { search: 'LS-0316-001' } }));
    const detail = await value(core.call('orders.get', { id: list.rows[0].id }));
    expect(detail.lines[0].quantity).toBe(4);
  });

  test('every fixture imports with masked, ambiguous and completed addresses flagged and explained', async () => {
    for (const f of [
      'taobao-orders-gbk.csv',
      'douyin-orders-bom.csv',
      'packdesk-template.csv',
      'shopify-orders.csv',
      'amazon-new-orders.txt',
      'pdd-orders-gbk.csv',
      'alibaba1688-orders-gbk.csv',
      'woocommerce-webtoffee.csv',
    ]) {
      const r = await run(f);
      expect(r.rejected).toEqual([]);
    }
    const find = async (ext: string) => {
      const l = await value(core.call('orders.list', { filter: { search: ext } }));
      return value(core.call('orders.get', { id: l.rows[0].id }));
    };
    const douyin = await find('6920000000000000001');
    expect(douyin.address).toMatchObject({
      masked: true,
      detail: '##密文',
      province: '湖北省',
      district: '洪山区',
    });
    expect(douyin.customer.phone).toBe('##密文');
    expect(douyin.type).toBe('live_stream');
    const groupBuy = await find('GB-0315-07');
    expect(groupBuy.address).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '粤海街道',
      detail: '高新南一道8号',
      raw: '深圳市粤海街道高新南一道8号',
    });
    const changes = await value(core.call('standardize.changes', { orderId: groupBuy.id }));
    expect(changes.rows).toContainEqual({
      field: 'district',
      before: '',
      after: '南山区',
      reason: 'district 南山区 completed from street 粤海街道',
    });
    const live = await find('LS-0316-001');
    expect(live.address.ambiguous).toBe(true);
    expect(live.reasons.join()).toMatch(/北京市朝阳区 \/ 吉林省长春市朝阳区/);
    const closed = await find('3812345678901230000');
    expect(closed.status).toBe('cancelled');
    expect(closed.address).toMatchObject({
      masked: true,
      province: '北京市',
      city: '北京市',
      district: '朝阳区',
      detail: '****',
      raw: '北京 北京市 朝阳区 ****',
    });
    expect((await find('#1001')).type).toBe('cross_border');
    expect((await find('1688123456789001')).type).toBe('wholesale');
    const shopCn = await find('#1002');
    expect(shopCn.address).toMatchObject({
      province: '上海市',
      city: '上海市',
      district: '浦东新区',
      detail: '张江路88号',
    });
    const ws = await find('WS-2026-0001');
    expect(ws.customer.phone).toBe('0755-86001234');
    expect((await value(core.call('orders.count', { filter: { type: ['wholesale'] } }))).total).toBe(2);
    // Region set on arrival: 广东 orders are South China; abroad the country code.
    const south = await value(core.call('orders.list', { filter: { region: ['cn_south'] } }));
    expect(south.rows.map((o: { externalId: string }) => o.externalId).sort()).toEqual([
      '3812345678901234567',
      '6920000000000000010',
      'GB-0315-07',
      'WS-2026-0001',
    ]);
    expect((await value(core.call('orders.count', { filter: { region: ['cn_north'] } }))).total).toBe(1);
    expect((await value(core.call('orders.count', { filter: { region: ['US', 'GB'] } }))).total).toBe(3);
    // The queue's region filter offers exactly the regions present, with their counts (most first).
    const { region } = await value(core.call('orders.facets', {}));
    const counts = Object.fromEntries(region.map((r: { code: string; count: number }) => [r.code, r.count]));
    expect(counts).toMatchObject({ cn_south: 4, cn_north: 1 });
    expect((counts.US ?? 0) + (counts.GB ?? 0)).toBe(3);
    const order = region.map((r: { count: number }) => r.count);
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(region.map((r: { code: string }) => r.code)).not.toContain('');
  });

  test('Shopify CN orders: a City repeated in Address1 still gets its district; a road named after a place is flagged, not a city', async () => {
    const base = SAMPLES.shopify![2]!;
    const rows: Row[] = [
      {
        ...base,
        Name: '#2001',
        'Shipping City': '深圳',
        'Shipping Address1': '深圳市粤海街道科技园路1号',
        'Shipping Zip': '518057',
        'Shipping Province': 'GD',
        'Shipping Province Name': 'Guangdong',
      },
      {
        ...base,
        Name: '#2002',
        'Shipping City': '',
        'Shipping Address1': '北京路1号',
        'Shipping Zip': '',
        'Shipping Province': '',
        'Shipping Province Name': '',
      },
    ];
    expect(await run('cn.csv', utf8(csv(HEADERS.shopify, rows)))).toMatchObject({
      imported: 2,
      rejected: [],
    });
    const find = async (ext: string) => {
      const l = await value(core.call('orders.list', { filter: { search: ext } }));
      return value(core.call('orders.get', { id: l.rows[0].id }));
    };
    const shenzhen = await find('#2001');
    expect(shenzhen.address).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '粤海街道',
      detail: '科技园路1号',
      ambiguous: false,
    });
    const changes = await value(core.call('standardize.changes', { orderId: shenzhen.id }));
    expect(changes.rows).toContainEqual({
      field: 'district',
      before: '',
      after: '南山区',
      reason: 'district 南山区 completed from street 粤海街道',
    });
    const road = await find('#2002');
    expect(road.address).toMatchObject({
      province: '',
      city: '',
      district: '',
      detail: expect.stringMatching(/^北京路1号/),
      ambiguous: true,
    });
    expect(road.reasons.join()).toMatch(
      /address ambiguous, not guessed: 北京路 is a road named after a place/,
    );
  });

  test('an Amazon order whose phone has an extension keeps it and is not flagged invalid', async () => {
    const row = { ...SAMPLES.amazonNew![0]!, 'ship-phone-number': '+1 206-555-0100 ext. 1234' };
    expect(await run('amazon.txt', utf8(csv(HEADERS.amazonNew, [row], '\t')))).toMatchObject({
      imported: 1,
      rejected: [],
    });
    const l = await value(core.call('orders.list', { filter: { search: '114-3941689-8772232' } }));
    const order = await value(core.call('orders.get', { id: l.rows[0].id }));
    expect(order.customer.phone).toBe('+12065550100 ext. 1234');
    expect(order.reasons.join()).not.toMatch(/not a valid/);
  });

  test('standardize.mapSku records the before → after change on each order and clears its "not in the catalogue" reason', async () => {
    await run('shopify-orders.csv');
    const l = await value(core.call('orders.list', { filter: { search: '#1002' } }));
    const id = l.rows[0].id;
    const before = await value(core.call('orders.get', { id }));
    expect(before.reasons.join()).toMatch(/line 1 .* is not in the catalogue/);
    const { rows } = await value(core.call('standardize.unmatched', { limit: 50 }));
    const group = rows.find((r: { title: string }) => r.title.includes('加绒连帽卫衣'));
    const found = async (search: string) =>
      (await value(core.call('orders.list', { filter: { search } }))).rows.map((r: { id: number }) => r.id);
    const searchIds = await found('HD-GRY-XL');
    core.ctx.sqlite
      .prepare(
        `insert into skus (sku, title, spec, created_at, updated_at) values ('HD-GRY-XL', '加绒连帽卫衣', 'XL', 0, 0)`,
      )
      .run();
    expect(
      await value(
        core.call('standardize.mapSku', { title: group.title, spec: group.spec, sku: 'HD-GRY-XL' }),
      ),
    ).toMatchObject({ remapped: 1 });
    const after = await value(core.call('orders.get', { id }));
    expect(after.lines[0].sku).toBe('HD-GRY-XL');
    // The search index follows: the SKU it was mapped to finds the order now.
    expect(searchIds).toEqual([]);
    expect(await found('HD-GRY-XL')).toEqual([id]);
    expect(after.reasons.join()).not.toMatch(/not in the catalogue/);
    expect(after.reasons.length).toBe(before.reasons.length - 1);
    const changes = await value(core.call('standardize.changes', { orderId: id }));
    expect(changes.rows).toContainEqual({
      field: 'lines.1.sku',
      before: group.channelSku,
      after: 'HD-GRY-XL',
      reason: 'mapped on the SKU mapping screen by system',
    });
    // Other orders' reasons about other lines stay.
    const other = await value(core.call('orders.list', { filter: { search: '#1001' } }));
    const o1001 = await value(core.call('orders.get', { id: other.rows[0].id }));
    expect(o1001.reasons.join()).toMatch(/not in the catalogue/);
  });

  test.each([
    ['a header nobody knows', 'x.csv', utf8('a,b\n1,2\n'), /x\.csv: row 1/],
    [
      'a missing required column',
      'tb.csv',
      utf8(csv(HEADERS.taobao, SAMPLES.taobao!).replace('订单编号', '单号')),
      /tb\.csv: row 1, column "订单编号"/,
    ],
    [
      'a truncated file',
      'cut.csv',
      utf8(csv(HEADERS.packdesk, SAMPLES.packdesk!).slice(0, -30)),
      /cut\.csv: row 5/,
    ],
    [
      'a wrong encoding',
      'u16.csv',
      Buffer.from(csv(HEADERS.packdesk, SAMPLES.packdesk!), 'utf16le'),
      /u16\.csv: the file is not text/,
    ],
  ])('%s stops the import and leaves the database exactly as it was', async (_what, name, bytes, message) => {
    await run('pdd-orders-gbk.csv');
    const before = snapshotDb(core);
    const err = await run(name, bytes).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).code).toBe('invalid_input');
    expect((err as AppFailure).message).toMatch(message);
    expect(snapshotDb(core)).toEqual(before);
  });

  test('a row-level problem skips that order, reports row and column, and imports the rest', async () => {
    const rows = SAMPLES.taobao!.map((r) => ({ ...r }));
    rows[1]!['宝贝总数量'] = '-3';
    const r = await run('tb-bad.csv', utf8(csv(HEADERS.taobao, rows)));
    expect(r).toMatchObject({
      imported: 2,
      rejected: [
        {
          row: 3,
          column: '宝贝总数量',
          message: 'order 3812345678901234999: quantity -3 must be at least 1',
        },
      ],
    });
  });

  test('Taobao 宝贝报表 makes the lines of imported orders exact; unknown orders are reported; again changes nothing', async () => {
    await run('taobao-orders-gbk.csv');
    const items: Row[] = [
      {
        订单编号: "'3812345678901234999",
        标题: '316不锈钢保温杯',
        价格: '89.00',
        购买数量: '1',
        商品属性: '容量:500ml;颜色:白色',
        订单状态: '卖家已发货',
        商家编码: 'CUP-500-WHT',
      },
      {
        订单编号: "'3812345678901234999",
        标题: '磁吸防摔手机壳',
        价格: '39.50',
        购买数量: '2',
        商品属性: '型号:iPhone 15',
        订单状态: '卖家已发货',
        商家编码: 'CASE-IP15',
      },
      {
        订单编号: "'3812345678900000000",
        标题: '纯棉圆领T恤',
        价格: '59.00',
        购买数量: '1',
        商家编码: 'TS-RED-M',
      },
    ];
    const bytes = gbk(csv(HEADERS.taobaoItems, items));
    expect(await run('items.csv', bytes)).toEqual({
      runId: expect.any(Number),
      format: 'taobao_items',
      channel: '',
      defaultChannel: 'taobao',
      imported: 0,
      updated: 1,
      unchanged: 0,
      rejected: [
        {
          row: 4,
          column: '订单编号',
          message:
            'order 3812345678900000000 is not imported yet: import the 订单报表 (order report) first, then this item report',
        },
      ],
      notes: [],
    });
    const l = await value(core.call('orders.list', { filter: { search: '3812345678901234999' } }));
    const d = await value(core.call('orders.get', { id: l.rows[0].id }));
    expect(d.lines).toEqual([
      {
        sku: 'CUP-500-WHT',
        title: '316不锈钢保温杯',
        spec: '容量:500ml;颜色:白色',
        quantity: 1,
        unitPriceMinor: 8900,
        presaleShipDate: null,
      },
      {
        sku: 'CASE-IP15',
        title: '磁吸防摔手机壳',
        spec: '型号:iPhone 15',
        quantity: 2,
        unitPriceMinor: 3950,
        presaleShipDate: null,
      },
    ]);
    expect(d.totalMinor).toBe(17800);
    expect((await value(core.call('orders.list', { filter: { search: 'CASE-IP15' } }))).rows).toHaveLength(1);
    expect(await run('items-again.csv', bytes)).toMatchObject({ updated: 0, unchanged: 1 });
  });

  test('pages commit their progress: the run records every page and the report counts each order once', async () => {
    const pages: number[] = [];
    const r = await importFile(core.ctx, {
      fileName: 'p.csv',
      bytes: fixture('taobao-orders-gbk.csv'),
      format: 'auto',
      actor: 't',
      pageSize: 1,
      onPage: (p) => pages.push(p.done),
    });
    expect(pages).toEqual([1, 2, 3]);
    const runs = await value(core.call('intake.runs', {}));
    expect(runs.rows[0]).toMatchObject({
      id: r.runId,
      status: 'done',
      totalOrders: 3,
      doneOrders: 3,
      imported: 3,
    });
  });

  test('intake.upload + intake.import: the UI path through the contract, in chunks', async () => {
    const bytes = fixture('douyin-orders.xlsx');
    const half = Math.floor(bytes.length / 2);
    await value(
      core.call('intake.upload', {
        uploadId: 'upl-12345678',
        seq: 0,
        fileName: 'dy.xlsx',
        chunkBase64: bytes.subarray(0, half).toString('base64'),
      }),
    );
    await value(
      core.call('intake.upload', {
        uploadId: 'upl-12345678',
        seq: 1,
        fileName: 'dy.xlsx',
        chunkBase64: bytes.subarray(half).toString('base64'),
      }),
    );
    const r = await value(core.call('intake.import', { uploadId: 'upl-12345678', format: 'auto' }));
    expect(r).toMatchObject({ imported: 2, format: 'douyin' });
    const again = await core.call('intake.import', { uploadId: 'upl-12345678' });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('idempotency property', () => {
  const phones = ['13800000001', '13800000002', '13900000003'];
  const names = ['张三', '李四'];
  const addresses = [
    '广东省深圳市南山区粤海街道科技园1号',
    '上海浦东张江路2号',
    '浙江省杭州市西湖区文三路3号',
  ];
  const variant = fc.record({
    day: fc.constantFrom('2026-03-01 10:00', '2026-03-02 10:00'),
    lines: fc.array(
      fc.record({
        sku: fc.constantFrom('A', 'B', 'C'),
        qty: fc.integer({ min: 1, max: 5 }),
        price: fc.integer({ min: 1, max: 99 }),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  });
  const order = fc.record({
    phone: fc.constantFrom(...phones),
    name: fc.constantFrom(...names),
    address: fc.constantFrom(...addresses),
    variants: fc.array(variant, { minLength: 1, maxLength: 2 }),
  });
  const rowsOf = (
    id: number,
    o: { phone: string; name: string; address: string },
    v: { day: string; lines: { sku: string; qty: number; price: number }[] },
  ): Row[] =>
    v.lines.map((l, i): Row =>
      i === 0
        ? {
            order_id: `P-${id}`,
            placed_at: v.day,
            channel: 'sheet',
            buyer_name: o.name,
            phone: o.phone,
            address: o.address,
            sku: l.sku,
            title: `商品${l.sku}`,
            quantity: String(l.qty),
            unit_price: String(l.price),
          }
        : {
            order_id: `P-${id}`,
            channel: 'sheet',
            sku: l.sku,
            title: `商品${l.sku}`,
            quantity: String(l.qty),
            unit_price: String(l.price),
          },
    );

  test('any order and duplication of the same inputs gives the same database', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { minLength: 1, maxLength: 6 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (orders, picks) => {
          // Every variant appears in at least one file; the extra files repeat and reorder them.
          const all = orders.flatMap((o, id) => o.variants.map((v) => ({ id, o, v })));
          const files: Row[][] = all.map(({ id, o, v }) => rowsOf(id, o, v));
          for (const pick of picks) {
            const seen = new Set<number>();
            const rows: Row[] = [];
            for (const [a, b] of pick) {
              const id = a % orders.length;
              if (seen.has(id)) continue; // one copy of an order per file
              seen.add(id);
              const o = orders[id]!;
              rows.push(...rowsOf(id, o, o.variants[b % o.variants.length]!));
            }
            files.splice(pick.length % (files.length + 1), 0, rows);
          }
          const reference = aCore();
          const shuffled = aCore();
          try {
            for (const [i, rows] of all.map(({ id, o, v }) => rowsOf(id, o, v)).entries()) {
              await importFile(reference.ctx, {
                fileName: `ref${i}.csv`,
                bytes: utf8(csv(HEADERS.packdesk, rows)),
                format: 'packdesk',
                actor: 't',
              });
            }
            for (const [i, rows] of [...files].reverse().entries()) {
              await importFile(shuffled.ctx, {
                fileName: `f${i}.csv`,
                bytes: utf8(csv(HEADERS.packdesk, rows)),
                format: 'packdesk',
                actor: 't',
              });
            }
            expect(canonicalOrders(shuffled)).toEqual(canonicalOrders(reference));
          } finally {
            reference.dispose();
            shuffled.dispose();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('parser fuzzing', () => {
  const isCleanError = (e: unknown, name: string) =>
    e instanceof AppFailure && e.code === 'invalid_input' && e.message.startsWith(name);

  test('random bytes never crash the parser: they parse or fail with an import error naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const out = await parseImportFile('fuzz.bin', bytes, 'auto').catch((e: unknown) => e as Error);
        if (out instanceof Error) expect(isCleanError(out, 'fuzz.bin')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test('damaged real exports (cut, spliced, bytes flipped, quotes added) fail cleanly or parse', async () => {
    const sources = [
      'taobao-orders-gbk.csv',
      'shopify-orders.csv',
      'douyin-orders-bom.csv',
      'amazon-new-orders.txt',
      'pdd-orders.xlsx',
      'packdesk-template.csv',
    ].map(fixture);
    await fc.assert(
      fc.asyncProperty(
        fc.nat(sources.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.nat(),
        fc.constantFrom('"', ',', '\n', '\t', '', '\uFFFD'),
        async (which, flips, cutAt, insert) => {
          const src = Buffer.from(sources[which]!);
          for (const [pos, byte] of flips) src[pos % src.length] = byte;
          const cut = src.subarray(0, Math.max(1, cutAt % (src.length + 1)));
          const at = cutAt % (cut.length + 1);
          const bytes = Buffer.concat([cut.subarray(0, at), Buffer.from(insert), cut.subarray(at)]);
          const out = await parseImportFile('damaged.csv', bytes, 'auto').catch((e: unknown) => e as Error);
          if (out instanceof Error) expect(isCleanError(out, 'damaged.csv')).toBe(true);
          else
            for (const o of out.parsed.orders) for (const l of o.lines) expect(l.quantity).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
