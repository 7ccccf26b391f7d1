import { aShopifyOrder, startFakeShopify, type FakeShopify } from '../fixtures/fake-shopify';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';

const HOUR = 3_600_000;
const TOKEN = 'shpat_test_token_1234';

/**
 * A shop computer whose clock is set 8 hours ahead (Beijing time with the time zone left on UTC):
 * the shop stamps orders with its own, right, clock and says it in each answer's Date header.
 */
describe('sync on a computer whose clock is hours ahead of the shop', () => {
  let shop: FakeShopify;
  let h: Awaited<ReturnType<typeof aSyncedChannel>>;
  let clock: ReturnType<typeof aClock>;
  const shopNow = (min = 0) => new Date(clock.now() - 8 * HOUR + min * 60_000).toISOString();

  beforeEach(async () => {
    clock = aClock();
    shop = await startFakeShopify({ now: clock.now });
    shop.clockOffsetMs = -8 * HOUR;
  });
  afterEach(async () => {
    h?.core.dispose();
    await shop.close();
  });

  it('keeps its checkpoint on the shop’s clock, so the first orders of a new shop are pulled', async () => {
    h = await aSyncedChannel({
      kind: 'shopify',
      url: shop.url,
      credentials: { kind: 'shopify', accessToken: TOKEN },
      clock,
    });
    // No orders in the last 30 days yet: everything up to now, on the shop's clock, has been seen.
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(0);
    expect(h.state().cursor_at).toBe(Math.floor(Date.parse(shopNow()) / 1000) * 1000);
    // The first order comes in, and the next runs pull it.
    clock.t += 5 * 60_000;
    shop.orders.push(aShopifyOrder(1, shopNow()));
    clock.t += 10 * 60_000;
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(1);
    clock.t += 15 * 60_000;
    shop.orders.push(aShopifyOrder(2, shopNow(-1)));
    expect((await h.syncNow()).ok).toBe(true);
    expect(h.orders()).toHaveLength(2);
  });
});
