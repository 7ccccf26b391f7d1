import fc from 'fast-check';
import { layoutFor } from '../../src-main/modules/intake/layout-registry';
import { writeContext, writeOrder, writePage } from '../../src-main/modules/intake/order-write';
import type { ParsedOrder } from '../../src-main/modules/intake/intake.types';
import { aCore } from '../fixtures/core';
import { canonicalOrders } from '../fixtures/db-snapshot';

const NOW = Date.UTC(2026, 2, 20);
const phones = ['13800000001', '13800000002', ''];
const names = ['张三', '李四'];
const buyers = ['tb_a', 'tb_b', ''];
const addresses = ['广东省深圳市南山区粤海街道科技园1号', '上海浦东张江路2号', ''];

const parsed = (
  id: number,
  version: number,
  o: { phone: string; name: string; buyer: string; address: string },
): ParsedOrder => ({
  externalId: `B-${id}`,
  rows: [id + 2],
  channelCode: 'sheet',
  type: null,
  typeHint: null,
  channelStatus: '',
  cancelled: false,
  placedAt: Date.UTC(2026, 2, 1),
  sourceUpdatedAt: Date.UTC(2026, 2, 1 + version),
  currency: 'CNY',
  totalMinor: null,
  shippingMinor: 0,
  paymentMethod: null,
  buyerMessage: null,
  buyerId: o.buyer,
  buyerName: o.name,
  buyerEmail: '',
  recipientName: o.name,
  phone: o.phone,
  idNumber: '',
  address: {
    raw: o.address,
    country: '',
    province: '',
    city: '',
    district: '',
    street: '',
    detail: '',
    postcode: '',
  },
  lines: [{ sku: 'A', title: '商品A', spec: '', quantity: 1 + version, unitPriceMinor: 100 }],
});

/** What the customer side holds, without surrogate ids: each profile as its sorted keys. */
const profiles = (core: ReturnType<typeof aCore>) => {
  const rows = core.ctx.sqlite
    .prepare('select customer_id as id, kind, key from customer_keys order by kind, key')
    .all() as { id: number; kind: string; key: string }[];
  const byId = new Map<number, string[]>();
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), `${r.kind}:${r.key}`]);
  return [...byId.values()].map((keys) => keys.join(' ')).sort();
};

describe('import pages written in batches', () => {
  test('a page gives the same database as its orders written one by one: repeated ids, shared keys, merges inside a batch', () => {
    const order = fc.record({
      id: fc.integer({ min: 0, max: 12 }),
      version: fc.integer({ min: 0, max: 2 }),
      phone: fc.constantFrom(...phones),
      name: fc.constantFrom(...names),
      buyer: fc.constantFrom(...buyers),
      address: fc.constantFrom(...addresses),
    });
    fc.assert(
      fc.property(
        fc.array(order, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        (list, pages) => {
          const inputs = list.map((o) => parsed(o.id, o.version, o));
          const one = aCore({ now: () => NOW });
          const paged = aCore({ now: () => NOW });
          try {
            const layout = layoutFor('packdesk');
            const w1 = writeContext(one.ctx, layout, null, 't');
            const w2 = writeContext(paged.ctx, layout, null, 't');
            const size = Math.ceil(inputs.length / pages);
            const outcomes1: string[] = [];
            const outcomes2: string[] = [];
            for (let i = 0; i < inputs.length; i += size) {
              const page = inputs.slice(i, i + size);
              one.ctx.sqlite.transaction(() =>
                page.forEach((p) => outcomes1.push(writeOrder(w1, p).outcome)),
              )();
              paged.ctx.sqlite.transaction(() =>
                writePage(w2, page).forEach((r) => outcomes2.push(r.outcome)),
              )();
            }
            expect(outcomes2).toEqual(outcomes1);
            expect(canonicalOrders(paged)).toEqual(canonicalOrders(one));
            expect(profiles(paged)).toEqual(profiles(one));
            const merges = (c: typeof one) =>
              c.ctx.sqlite.prepare("select reason from audit_log where action = 'merge' order by id").all();
            expect(merges(paged)).toEqual(merges(one));
          } finally {
            one.dispose();
            paged.dispose();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
