import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';

/** review.run reads and decides pending orders a batch at a time (review.service BATCH = 500). */
describe('review.run over more orders than one batch', () => {
  test('every pending order is decided exactly once, with its decision, reasons and audit entry', async () => {
    const core = aCore();
    try {
      aChannel(core);
      await value(core.call('review.settings.save', { homeProvince: '广东省' }));
      const n = 2_100;
      // Every third order is over ¥5,000 (held); the rest are local (approved).
      const ids = seedOrders(
        core,
        Array.from({ length: n }, (_, i) =>
          anOrder({ externalId: `R-${i}`, totalMinor: i % 3 === 0 ? 600_000 : 10_000 }),
        ),
      );
      const held = ids.filter((_, i) => i % 3 === 0).length;
      expect(await value(core.call('review.run', {}))).toMatchObject({
        approved: n - held,
        held,
        unchanged: 0,
      });
      const count = (sql: string) => (core.ctx.sqlite.prepare(sql).get() as { n: number }).n;
      expect(count(`select count(*) as n from orders where status = 'pending_review'`)).toBe(0);
      expect(count(`select count(*) as n from orders where status = 'held'`)).toBe(held);
      expect(count('select count(*) as n from review_decisions')).toBe(n);
      expect(count('select count(distinct order_id) as n from review_decisions')).toBe(n);
      expect(count(`select count(*) as n from audit_log where entity = 'order' and action = 'status'`)).toBe(
        n,
      );
      expect(count(`select count(*) as n from orders where reasons_json not like '%"review: %'`)).toBe(0);
      // The last order of the second batch is decided like the first of the first.
      const last = await value(core.call('orders.get', { id: ids[n - 1]! }));
      expect(last.status).toBe((n - 1) % 3 === 0 ? 'held' : 'approved');
      expect(last.history.at(-1)).toMatchObject({ from: 'pending_review', to: last.status });
    } finally {
      core.dispose();
    }
  }, 60_000);
});
