import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { importFile, parseImportFile } from '../../src-main/modules/intake';
import { createCore } from '../../src-main/compose';
import { AppFailure } from '../../src-shared/result';
import { packdesk } from '../fixtures/cli';
import { aCore, value } from '../fixtures/core';
import { csv, gbk, HEADERS, type Row } from '../fixtures/order-files';
import { SAMPLES } from '../fixtures/order-samples';

const big5 = (text: string): Buffer => {
  const bytes = iconv.encode(text, 'big5');
  // A character Big5 lacks would become "?": the sample must be pure Big5 to test anything.
  expect(iconv.decode(bytes, 'big5')).toBe(text);
  return bytes;
};

/** The Taobao 订单报表 header as a zh-TW tool writes it: 訂單編號, 收貨地址 … (trailing spaces kept). */
const TRADITIONAL_TAOBAO = HEADERS.taobao.map(OpenCC.Converter({ from: 'cn', to: 'tw' }));
const tw = (name: string) => TRADITIONAL_TAOBAO[HEADERS.taobao.findIndex((h) => h.trim() === name)]!.trim();

/** Rows keyed by the simplified column name, written under the traditional header. */
const traditionalRows = (rows: Row[]): Row[] =>
  rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [tw(k), v])));

const TW_ORDERS: Row[] = [
  {
    订单编号: "'3912345678901234567",
    买家会员名: 'tw_chen88',
    买家应付货款: '118.00',
    买家应付邮费: '0.00',
    总金额: '118.00',
    买家实际支付金额: '118.00',
    订单状态: '買家已付款，等待賣家發貨',
    买家留言: '請盡快發貨，謝謝',
    收货人姓名: '陳大文',
    收货地址: '廣東省 深圳市 南山區 粵海街道 科技園南路88號創維大廈A座1203(518057)',
    联系手机: '13812345678',
    订单创建时间: '2026-03-01 20:15:33',
    订单付款时间: '2026-03-01 20:16:01',
    宝贝标题: '純棉圓領T恤 男女同款',
    宝贝种类: '1',
    宝贝总数量: '2',
    店铺名称: '小鹿優選',
  },
  {
    订单编号: "'3912345678901234568",
    买家会员名: 'tw_lin',
    买家应付货款: '99.00',
    买家应付邮费: '10.00',
    总金额: '109.00',
    买家实际支付金额: '109.00',
    订单状态: '賣家已發貨，等待買家確認',
    收货人姓名: '林怡君',
    收货地址: '臺北市 大安區 忠孝東路四段100號',
    联系手机: '0912345678',
    订单创建时间: '2026-03-02 08:00:00',
    订单付款时间: '2026-03-02 08:01:00',
    宝贝标题: '兒童雨傘',
    宝贝种类: '1',
    宝贝总数量: '1',
  },
  {
    订单编号: "'3912345678901234569",
    买家会员名: 'hk_wong',
    买家应付货款: '59.00',
    总金额: '59.00',
    买家实际支付金额: '0.00',
    订单状态: '交易關閉',
    收货人姓名: '黃俊傑',
    收货地址: '廣州市 天河區 體育西路191號中石化大廈B塔',
    联系手机: '13912345678',
    订单创建时间: '2026-03-03 10:00:00',
    宝贝标题: '運動襪三雙裝',
    宝贝种类: '1',
    宝贝总数量: '1',
  },
];

/** One template order whose only Chinese is a three-character name (Big5 or GBK: too little to tell). */
const HK_TEMPLATE = csv(HEADERS.packdesk, [
  {
    order_id: 'W-1',
    placed_at: '2026-03-01 09:00',
    buyer_name: '陳大文',
    phone: '+85291234567',
    address: 'Flat 3, 600 Nathan Road',
    country: 'HK',
    title: 'Umbrella',
    quantity: '1',
    unit_price: '59',
  },
]);

describe('Big5 (traditional Chinese) exports', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore({ now: () => Date.UTC(2026, 2, 20) })));
  afterEach(() => core.dispose());

  const run = (name: string, bytes: Uint8Array, worker = false) =>
    importFile(core.ctx, { fileName: name, bytes, format: 'auto', actor: 'test', worker });
  const order = async (externalId: string) => {
    const l = await value(core.call('orders.list', { filter: { search: externalId } }));
    return value(core.call('orders.get', { id: l.rows[0]!.id }));
  };

  test('a Taobao 訂單報表 saved as Big5 imports with its names, statuses and mainland addresses right', async () => {
    const bytes = big5(csv(TRADITIONAL_TAOBAO, traditionalRows(TW_ORDERS)));
    // The same bytes read as GB18030 are valid too, and nonsense: that was the old behaviour.
    expect(iconv.decode(bytes, 'gb18030')).not.toContain('陳大文');
    const parsed = await parseImportFile('tw.csv', bytes, 'auto');
    expect(parsed.table.encoding).toBe('big5');
    expect(parsed.layout.format).toBe('taobao');
    expect(await run('tw.csv', bytes)).toMatchObject({
      format: 'taobao',
      imported: 3,
      rejected: [],
      notes: [],
    });

    const chen = await order('3912345678901234567');
    expect(chen.customer.name).toBe('陳大文');
    expect(chen.buyerMessage).toBe('請盡快發貨，謝謝');
    expect(chen.lines[0]).toMatchObject({ title: '純棉圓領T恤 男女同款', quantity: 2 });
    // Traditional division names standardise to the official ones; the detail and the original stay as written.
    expect(chen.address).toMatchObject({
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '粤海街道',
      detail: '科技園南路88號創維大廈A座1203',
      postcode: '518057',
      raw: '廣東省 深圳市 南山區 粵海街道 科技園南路88號創維大廈A座1203',
      ambiguous: false,
    });
    const changes = await value(core.call('standardize.changes', { orderId: chen.id }));
    expect(changes.rows).toContainEqual(expect.objectContaining({ field: 'district', after: '南山区' }));

    // 廣州市 天河區: the province is inferred from the traditional city name.
    expect((await order('3912345678901234569')).address).toMatchObject({
      province: '广东省',
      city: '广州市',
      district: '天河区',
    });
    // 賣家已發貨 is "already shipped on the channel" and 交易關閉 is a closed order, as in simplified.
    expect((await order('3912345678901234568')).status).toBe('held');
    expect((await order('3912345678901234569')).status).toBe('cancelled');
    // Taiwan is not in the mainland division data: kept as written and flagged, never guessed.
    const lin = await order('3912345678901234568');
    expect(lin.customer.name).toBe('林怡君');
    expect(lin.address).toMatchObject({
      raw: '臺北市 大安區 忠孝東路四段100號',
      province: '',
      ambiguous: true,
    });

    // The same file again changes nothing.
    expect(await run('tw.csv', bytes)).toMatchObject({ imported: 0, updated: 0, unchanged: 3 });
  });

  test('a simplified GBK export, and a GBK file with traditional names in it, stay GBK', async () => {
    // Every GBK sample export in the repository stays GBK, without a note.
    for (const name of readdirSync('tests/fixtures/files').filter((n) => n.includes('gbk'))) {
      const t = (await parseImportFile(name, readFileSync(`tests/fixtures/files/${name}`), 'auto')).table;
      expect([name, t.encoding, t.notes]).toEqual([name, 'gb18030', []]);
    }
    const simplified = gbk(csv(HEADERS.taobao, SAMPLES.taobao!));
    expect((await parseImportFile('tb.csv', simplified, 'auto')).table.encoding).toBe('gb18030');
    expect(await run('tb.csv', simplified)).toMatchObject({ imported: 3, notes: [] });
    expect((await order('3812345678901234567')).address).toMatchObject({
      province: '广东省',
      district: '南山区',
    });

    // GBK can hold traditional characters: the same orders in a mainland-encoded file are GBK, not Big5.
    const rows = TW_ORDERS.map((r) => ({ ...r, 订单编号: r.订单编号!.replace('39', '40') }));
    const mixed = gbk(csv(HEADERS.taobao, rows));
    expect((await parseImportFile('mixed.csv', mixed, 'auto')).table.encoding).toBe('gb18030');
    expect(await run('mixed.csv', mixed)).toMatchObject({ imported: 3, notes: [] });
    const chen = await order('4012345678901234567');
    expect(chen.customer.name).toBe('陳大文');
    expect(chen.address).toMatchObject({ province: '广东省', district: '南山区' });
  });

  test('too little Chinese to tell: read as GBK as before, and the report says it might be Big5', async () => {
    const text = HK_TEMPLATE;
    for (const worker of [false, true]) {
      const r = await run(`hk-${worker}.csv`, big5(text), worker);
      expect(r).toMatchObject({ imported: worker ? 0 : 1, rejected: [] });
      expect(r.notes).toEqual([
        expect.stringMatching(
          new RegExp(
            `^hk-${worker}\\.csv: read as GBK/GB18030 \\(simplified Chinese\\), but it could also be Big5`,
          ),
        ),
      ]);
    }
  });

  test('a Big5 file damaged after its first rows is refused with the row, and nothing is written', async () => {
    const good = big5(csv(TRADITIONAL_TAOBAO, traditionalRows(TW_ORDERS)));
    // 0x80 is never a Big5 trail byte: a GBK-only character pasted into the last row.
    const bad = Buffer.concat([
      good.subarray(0, good.length - 6),
      Buffer.from([0x81, 0x80]),
      good.subarray(-4),
    ]);
    const err = await run('broken.csv', bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFailure);
    expect((err as AppFailure).message).toMatch(/^broken\.csv: row 4: the text reads as Big5/);
    expect((await value(core.call('orders.count', {}))).total).toBe(0);
  });

  test('packdesk import on a database file: a Big5 export imports, a doubtful file prints its note', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'packdesk-big5-'));
    try {
      const db = join(dir, 'p.db');
      const tw = join(dir, 'tw.csv');
      const hk = join(dir, 'hk.csv');
      writeFileSync(tw, big5(csv(TRADITIONAL_TAOBAO, traditionalRows(TW_ORDERS))));
      writeFileSync(hk, big5(HK_TEMPLATE));
      const r = await packdesk(['--db', db, 'import', tw, '--json']);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: [] });
      const shown = JSON.parse((await packdesk(['--db', db, 'orders', 'show', '1', '--json'])).stdout);
      expect(shown.customer.name).toBe('陳大文');
      expect(shown.address).toMatchObject({
        province: '广东省',
        district: '南山区',
        detail: '科技園南路88號創維大廈A座1203',
      });

      const text = await packdesk(['--db', db, 'import', hk]);
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(
        /^hk\.csv \(packdesk → channel from the channel column, else manual\): 1 imported, 0 updated, 0 unchanged, 0 rejected\n {2}note: hk\.csv: read as GBK\/GB18030 \(simplified Chinese\), but it could also be Big5/,
      );
      const json = JSON.parse((await packdesk(['--db', db, 'import', hk, '--json'])).stdout);
      expect(json).toMatchObject({ unchanged: 1, notes: [expect.stringContaining('could also be Big5')] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a doubtful file dropped in a watched folder shows its note in the folder status', async () => {
    const root = mkdtempSync(join(tmpdir(), 'packdesk-big5-watch-'));
    const drop = join(root, 'drop');
    mkdirSync(drop);
    const watcher = createCore({
      dbPath: join(root, 'p.db'),
      validateOutput: true,
      folders: { intervalMs: 40, settleMs: 0 },
    });
    try {
      await value(
        watcher.call('channels.save', {
          code: 'hk-shop',
          kind: 'manual',
          name: 'HK shop',
          watchFolder: { dir: drop, format: 'packdesk' },
        }),
      );
      writeFileSync(join(drop, 'hk.csv'), big5(HK_TEMPLATE));
      await value(watcher.call('folders.scanNow', {}));
      const [status] = (await value(watcher.call('folders.status', {}))).folders;
      expect(status).toMatchObject({ lastFile: 'hk.csv', lastStatus: 'imported' });
      expect(status.lastMessage).toMatch(
        /^1 new, 0 updated, 0 unchanged; hk\.csv: read as GBK\/GB18030 \(simplified Chinese\), but it could also be Big5/,
      );
    } finally {
      watcher.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
