import { importFile } from '../../src-main/modules/intake';
import type { PushEvent } from '../../src-shared/contract';
import { aCore, value } from '../fixtures/core';
import { aFloor } from '../fixtures/fulfillment';
import { csv, HEADERS, utf8 } from '../fixtures/order-files';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { line, shanghai } from '../fixtures/routing';

// Long enough that the pages of one import (committed a tick apart) fall inside it on a busy machine.
const DEBOUNCE = 150;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Shanghai orders of one mug each, in the Packdesk template: local and in stock, so they go all the way. */
const orderFile = (n: number, prefix = 'P') =>
  utf8(
    csv(
      HEADERS.packdesk,
      Array.from({ length: n }, (_, i) => ({
        order_id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
        placed_at: '2026-03-20 09:30',
        buyer_name: '李娜',
        phone: '13812345678',
        address: '世纪大道1号',
        country: 'CN',
        province: '上海',
        city: '上海',
        district: '浦东新区',
        sku: 'MUG',
        title: '马克杯',
        quantity: '1',
        unit_price: '39.00',
        currency: 'CNY',
      })),
    ),
  );

describe('automatic review and routing in the background work', () => {
  let core: ReturnType<typeof aCore>;
  let events: PushEvent[];
  beforeEach(async () => {
    core = aCore({ pipeline: { debounceMs: DEBOUNCE } });
    await aFloor(core);
    events = [];
    core.subscribe((e) => events.push(e));
  });
  afterEach(() => core.dispose());

  const importOrders = (n: number, prefix?: string, pageSize?: number) =>
    importFile(core.ctx, {
      fileName: `${prefix ?? 'P'}.csv`,
      bytes: orderFile(n, prefix),
      format: 'auto',
      actor: 'clerk',
      pageSize,
    });
  const statuses = () =>
    core.ctx.sqlite.prepare('select status, count(*) as n from orders group by status order by status').all();
  const waitFor = async (check: () => boolean, ms = 5000) => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error(`timed out; orders: ${JSON.stringify(statuses())}`);
      await sleep(20);
    }
  };
  const reasons = (reason: string) =>
    events.filter((e) => e.name === 'orders.changed' && (e.payload as { reason: string }).reason === reason)
      .length;
  const allAre = (status: string, n: number) => () =>
    JSON.stringify(statuses()) === JSON.stringify([{ status, n }]);

  test('an imported file is reviewed and allocated without any further call, audited as auto', async () => {
    core.startBackgroundWork();
    expect((await importOrders(3)).imported).toBe(3);
    expect(statuses()).toEqual([{ status: 'pending_review', n: 3 }]);
    await waitFor(allAre('allocated', 3));
    const id = (core.ctx.sqlite.prepare('select min(id) as id from orders').get() as { id: number }).id;
    expect((await value(core.call('review.decisions', { orderId: id }))).rows[0]).toMatchObject({
      outcome: 'approved',
      actor: 'review-rules (auto)',
    });
    expect((await value(core.call('routing.explain', { id }))).latest).toMatchObject({
      actor: 'auto',
      warehouse: 'SH',
    });
    const status = await value(core.call('pipeline.status', {}));
    expect(status).toMatchObject({
      auto: true,
      running: false,
      last: {
        actor: 'auto',
        review: { approved: 3, held: 0, blocked: 0 },
        routing: { allocated: 3, backordered: 0, exception: 0 },
        error: null,
      },
    });
  });

  test('an order typed in by hand is allocated too', async () => {
    core.startBackgroundWork();
    const r = await value(
      core.call('orders.create', {
        requestId: 'req-00000001',
        recipient: { name: '张伟', phone: '138 1234 5678' },
        address: { kind: 'cn', text: '上海市浦东新区世纪大道1号' },
        lines: [{ sku: 'CAP', quantity: 2, unitPriceMinor: 2_000 }],
      }),
    );
    await waitFor(
      () =>
        (core.ctx.sqlite.prepare('select status from orders where id = ?').get(r.id) as { status: string })
          .status === 'allocated',
    );
  });

  test('with pipeline.auto off nothing runs; turning it back on runs', async () => {
    await value(core.call('settings.set', { key: 'pipeline.auto', value: 'off' }));
    core.startBackgroundWork();
    await importOrders(2);
    await sleep(DEBOUNCE * 6);
    expect(statuses()).toEqual([{ status: 'pending_review', n: 2 }]);
    expect((await value(core.call('pipeline.status', {}))).last).toBeNull();
    expect((await value(core.call('pipeline.status', {}))).auto).toBe(false);
    await value(core.call('settings.set', { key: 'pipeline.auto', value: 'on' }));
    await waitFor(allAre('allocated', 2));
  });

  test('a routing change runs it; the language or packing tolerance does not', async () => {
    // Written straight to the database: no event, nothing runs yet.
    const channelId = aChannel(core);
    seedOrders(core, [anOrder({ channelId, ...shanghai, lines: [line('SOCK', 2)] })]);
    core.startBackgroundWork();
    await value(core.call('settings.set', { key: 'ui.language', value: 'en' }));
    await value(core.call('settings.set', { key: 'packing.weightTolerancePct', value: '5' }));
    await sleep(DEBOUNCE * 6);
    expect(statuses()).toEqual([{ status: 'pending_review', n: 1 }]);
    const config = await value(core.call('routing.config.get', {}));
    await value(core.call('routing.config.save', config));
    await waitFor(allAre('allocated', 1));
  });

  test('without background work (one-shot CLI, most tests) nothing runs by itself', async () => {
    await importOrders(2);
    await sleep(DEBOUNCE * 6);
    expect(statuses()).toEqual([{ status: 'pending_review', n: 2 }]);
  });

  test('a failing run raises one alert, is not retried on its own, and the next trigger runs again', async () => {
    // A damaged rule row: review.run cannot read it.
    const rule = core.ctx.sqlite
      .prepare('select id, condition_json as c from review_rules limit 1')
      .get() as {
      id: number;
      c: string;
    };
    core.ctx.sqlite
      .prepare('update review_rules set condition_json = ? where id = ?')
      .run('{broken', rule.id);
    core.startBackgroundWork();
    await importOrders(2);
    await waitFor(() => events.some((e) => e.name === 'alert'));
    await sleep(DEBOUNCE * 6);
    const alerts = events.filter((e) => e.name === 'alert');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.payload).toMatchObject({ level: 'error' });
    expect((alerts[0]?.payload as { message: string }).message).toMatch(
      /^Automatic review and routing failed: Review rule #\d+ ".+" cannot be read: its condition is damaged/,
    );
    expect((await value(core.call('pipeline.status', {}))).last.error).toMatch(/Review rule #/);
    expect(statuses()).toEqual([{ status: 'pending_review', n: 2 }]);

    core.ctx.sqlite.prepare('update review_rules set condition_json = ? where id = ?').run(rule.c, rule.id);
    await importOrders(1, 'Q');
    await waitFor(allAre('allocated', 3));
    expect((await value(core.call('pipeline.status', {}))).last.error).toBeNull();
  });

  test('a burst (an import committed page by page) gives one run', async () => {
    core.startBackgroundWork();
    await importOrders(12, 'B', 2);
    expect(events.filter((e) => e.name === 'orders.changed').length).toBe(6);
    await waitFor(allAre('allocated', 12));
    await sleep(DEBOUNCE * 4);
    expect(reasons('review rules')).toBe(1);
    expect(reasons('routing')).toBe(1);
  });

  test('a person approving a held order gets it allocated', async () => {
    await value(core.call('review.settings.save', { homeProvince: '广东' }));
    await importOrders(1);
    await value(core.call('review.run', {}));
    core.startBackgroundWork();
    const row = core.ctx.sqlite.prepare('select id, status from orders').get() as {
      id: number;
      status: string;
    };
    // Not local any more: no rule approves it, it waits for a person.
    expect(row.status).toBe('pending_review');
    await value(core.call('review.decide', { ids: [row.id], decision: 'approve' }, { actor: 'reviewer' }));
    await waitFor(allAre('allocated', 1));
  });

  test('the button runs now, after any run going on, with the caller as actor', async () => {
    await importOrders(2);
    const run = await value(core.call('pipeline.run', {}, { actor: 'clerk-li' }));
    expect(run).toMatchObject({
      actor: 'clerk-li',
      review: { approved: 2 },
      routing: { allocated: 2 },
      error: null,
    });
    expect(statuses()).toEqual([{ status: 'allocated', n: 2 }]);
  });
});
