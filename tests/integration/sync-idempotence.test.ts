import fc from 'fast-check';
import { aCore } from '../fixtures/core';
import { pullChannel, DEFAULT_PULL } from '../../src-main/modules/sync/sync-pull.service';
import { orderSink } from '../../src-main/modules/sync/sync-write';
import {
  mapShopifyOrder,
  parseShopifyOrder,
} from '../../src-main/adapters/channels/shopify/shopify-order.mapper';
import type { ChannelClient, ChannelOrder } from '../../src-main/adapters/channels/channel-order';
import { aShopifyOrder } from '../fixtures/fake-shopify';

const base = Date.parse('2025-03-01T00:00:00Z');

/** Versions of a few orders, each newer one with another total and tags. */
const versionsArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 6 }),
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 100, max: 99_999 }),
    ),
    { minLength: 1, maxLength: 14 },
  )
  .map((vs) => {
    const seen = new Set<string>();
    return vs
      .filter(([n, minute]) => !seen.has(`${n}:${minute}`) && seen.add(`${n}:${minute}`))
      .map(([n, minute, cents]) => {
        const node = aShopifyOrder(n, new Date(base + minute * 60_000).toISOString(), {
          totalPriceSet: { shopMoney: { amount: (cents / 100).toFixed(2), currencyCode: 'USD' } },
          tags: [`v${minute}`],
        });
        // The API wraps line items in a connection; the fake's builder keeps them as a plain list.
        return mapShopifyOrder(
          parseShopifyOrder(
            {
              ...node,
              lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: node.lineItems },
            },
            0,
          ),
        );
      });
  });

function snapshot(sqlite: ReturnType<typeof aCore>['ctx']['sqlite']): unknown {
  return sqlite
    .prepare(
      `select o.external_id, o.source_updated_at, o.total_minor, o.tags_json, o.status,
         (select group_concat(sku || 'x' || quantity || '@' || unit_price_minor) from order_lines l where l.order_id = o.id) as lines
       from orders o order by o.external_id`,
    )
    .all();
}

/** Serves the given pages in the given order, as if the shop answered them that way. */
const scripted = (pages: ChannelOrder[][], order: number[]): ChannelClient => ({
  fetchOrdersPage: async (_since, cursor) => {
    const i = cursor === null ? 0 : Number(cursor);
    return { orders: pages[order[i]!]!, next: i + 1 < order.length ? String(i + 1) : null };
  },
  testConnection: async () => ({ shopName: 'x' }),
});

async function apply(pages: ChannelOrder[][], order: number[]): Promise<unknown> {
  const core = aCore({ now: () => base + 86_400_000 });
  try {
    const ch = core.ctx.sqlite
      .prepare(
        `insert into channels (code, kind, name, currency, created_at, updated_at) values ('s', 'shopify', 'S', 'USD', 0, 0)`,
      )
      .run();
    const channel = { id: Number(ch.lastInsertRowid), kind: 'shopify' };
    await pullChannel(core.ctx, channel.id, scripted(pages, order), orderSink(core.ctx, channel, 'sync'), {
      policy: { ...DEFAULT_PULL, maxRechecks: 0 },
    });
    return snapshot(core.ctx.sqlite);
  } finally {
    core.dispose();
  }
}

describe('overlapping pages change nothing (property)', () => {
  it('any order and duplication of the same pages gives the same database', async () => {
    await fc.assert(
      fc.asyncProperty(
        versionsArb.chain((versions) =>
          fc.record({
            versions: fc.constant(versions),
            size: fc.integer({ min: 1, max: 4 }),
            extra: fc.array(fc.nat(), { maxLength: 5 }),
            shuffleSeed: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: 40,
              maxLength: 40,
            }),
          }),
        ),
        async ({ versions, size, extra, shuffleSeed }) => {
          const pages: ChannelOrder[][] = [];
          for (let i = 0; i < versions.length; i += size) pages.push(versions.slice(i, i + size));
          const inOrder = pages.map((_, i) => i);
          const mixed = [...inOrder, ...extra.map((e) => e % pages.length)]
            .map((p, i) => ({ p, k: shuffleSeed[i % shuffleSeed.length]! + i * 1e-9 }))
            .sort((a, b) => a.k - b.k)
            .map((x) => x.p);
          expect(await apply(pages, mixed)).toEqual(await apply(pages, inOrder));
        },
      ),
      { numRuns: 20 },
    );
  });
});
