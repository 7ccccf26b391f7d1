import { readFileSync } from 'node:fs';
import { importFile } from '../../src-main/modules/intake';
import { workerSource } from '../../src-main/modules/intake/import-worker-source';
import { countQueue } from '../../src-main/modules/orders/orders-queue.repo';
import { loadStandardizer } from '../../src-main/modules/standardize';
import { AppFailure } from '../../src-shared/result';
import { aCore } from '../fixtures/core';
import { canonicalOrders, snapshotDb } from '../fixtures/db-snapshot';
import { shopifyExport } from '../fixtures/shopify-gen';

const NOW = Date.UTC(2026, 2, 20);
const fixture = (name: string) => readFileSync(`tests/fixtures/files/${name}`);
const FILES = [
  'taobao-orders-gbk.csv',
  'taobao-orders.xlsx',
  'pdd-orders-gbk.csv',
  'douyin-orders-bom.csv',
  'alibaba1688-orders-gbk.csv',
  'amazon-new-orders.txt',
  'woocommerce-webtoffee.csv',
  'packdesk-template.csv',
  'shopify-orders.csv',
];

type Core = ReturnType<typeof aCore>;

/** What an import leaves behind, without surrogate ids or clocks. */
const state = (core: Core) => ({
  orders: canonicalOrders(core),
  keys: core.ctx.sqlite.prepare('select kind, key from customer_keys order by kind, key').all(),
  customers: core.ctx.sqlite.prepare('select count(*) as n from customers').get(),
  runs: core.ctx.sqlite
    .prepare(
      'select file_name, format, total_orders, done_orders, imported, updated, unchanged, rejected_json, status from import_runs order by id',
    )
    .all(),
  search: countQueue(core.ctx.sqlite, { search: 'Main Street' }),
});

describe('import worker', () => {
  let cores: Core[] = [];
  const core = () => {
    const c = aCore({ now: () => NOW });
    cores.push(c);
    return c;
  };
  afterEach(() => {
    for (const c of cores) c.dispose();
    cores = [];
  });

  test('the worker starts from the TypeScript sources and hands over the parsed file', async () => {
    const c = core();
    const source = await workerSource({
      fileName: 'shopify-orders.csv',
      bytes: fixture('shopify-orders.csv'),
      format: 'auto',
      standardizer: loadStandardizer(c.ctx.sqlite),
      homeCountry: 'CN',
    });
    try {
      expect(source.layout.format).toBe('shopify');
      source.start(0);
      const orders = [];
      for (let o = source.nextWhileParsing(); o; o = source.nextWhileParsing()) orders.push(...o);
      orders.push(...source.take(1000));
      expect(source.parsed?.total).toBeGreaterThan(0);
      expect(orders).toHaveLength(source.parsed?.total ?? -1);
      expect(orders[0]?.std?.order.externalId).toBe(orders[0]?.p.externalId);
    } finally {
      source.close();
    }
  });

  test('every layout and a generated 3,000-order export give the same database in the worker as in-thread', async () => {
    const inWorker = core();
    const inThread = core();
    const files: [string, Buffer][] = [
      ...FILES.map((f): [string, Buffer] => [f, fixture(f)]),
      ['generated.csv', Buffer.from(shopifyExport(3000, { seed: 9 }))],
    ];
    for (const [name, bytes] of files) {
      const args = { fileName: name, bytes, format: 'auto' as const, actor: 't', pageSize: 700 };
      const a = await importFile(inWorker.ctx, { ...args, worker: true });
      const b = await importFile(inThread.ctx, { ...args, worker: false });
      expect({ ...a, runId: 0 }).toEqual({ ...b, runId: 0 });
    }
    expect(state(inWorker)).toEqual(state(inThread));
    expect(state(inWorker).search).toBeGreaterThan(2000);
    // Again: the worker's fingerprints match what it stored, so nothing changes.
    const again = await importFile(inWorker.ctx, {
      fileName: 'generated.csv',
      bytes: Buffer.from(shopifyExport(3000, { seed: 9 })),
      format: 'auto',
      actor: 't',
      worker: true,
    });
    expect(again).toMatchObject({ imported: 0, updated: 0, unchanged: 3000 });
  });

  test('a damaged file fails in the worker with the same error naming the row, and writes nothing', async () => {
    const c = core();
    const text = shopifyExport(500, { seed: 3 });
    const cut = Buffer.from(`${text.slice(0, text.length - 40)},"unclosed`);
    const before = snapshotDb(c);
    const viaWorker = await importFile(c.ctx, {
      fileName: 'cut.csv',
      bytes: cut,
      format: 'auto',
      actor: 't',
      worker: true,
    }).catch((e: unknown) => e);
    const inThread = await importFile(c.ctx, {
      fileName: 'cut.csv',
      bytes: cut,
      format: 'auto',
      actor: 't',
      worker: false,
    }).catch((e: unknown) => e);
    expect(viaWorker).toBeInstanceOf(AppFailure);
    expect((viaWorker as AppFailure).message).toMatch(/^cut\.csv: row \d+:/);
    expect((viaWorker as AppFailure).message).toBe((inThread as AppFailure).message);
    expect(snapshotDb(c)).toEqual(before);
  });

  test('an import stopped after its first page resumes in the worker where it stopped, counting each order once', async () => {
    const bytes = Buffer.from(shopifyExport(1200, { seed: 4 }));
    const args = { fileName: 'big.csv', bytes, format: 'auto' as const, actor: 't', pageSize: 500 };
    const stopped = core();
    // Stopped in-thread, where pages are pages: in the worker, the orders written while it still
    // reads the file share one transaction, and how many depends on which thread is faster.
    await expect(
      importFile(stopped.ctx, {
        ...args,
        worker: false,
        onPage: () => {
          throw new Error('stopped');
        },
      }),
    ).rejects.toThrow('stopped');
    expect(stopped.ctx.sqlite.prepare('select done_orders as done from import_runs').get()).toEqual({
      done: 500,
    });
    const resumed = await importFile(stopped.ctx, { ...args, worker: true });
    const oneGo = core();
    const whole = await importFile(oneGo.ctx, { ...args, worker: false });
    expect(resumed).toMatchObject({ imported: 1200, unchanged: 0 });
    expect({ ...resumed, runId: 0 }).toEqual({ ...whole, runId: 0 });
    expect(state(stopped)).toEqual(state(oneGo));
  });
});
