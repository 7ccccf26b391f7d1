import { aWooOrder, startFakeWoo, type FakeWoo } from '../fixtures/fake-woocommerce';
import { aClock, aSyncedChannel } from '../fixtures/sync-harness';
import { createShopifyClient } from '../../src-main/adapters/channels/shopify/shopify-client';
import type { ChannelIo } from '../../src-main/adapters/channels/channel-http';

/**
 * Shop owners paste the address from their browser's address bar: the WordPress dashboard page where
 * the REST keys were made, or Shopify's admin (admin.shopify.com/store/NAME/…), not the site root.
 */
describe('shop addresses copied from the admin pages', () => {
  let woo: FakeWoo | undefined;
  let h: Awaited<ReturnType<typeof aSyncedChannel>> | undefined;
  afterEach(async () => {
    h?.core.dispose();
    h = undefined;
    await woo?.close();
    woo = undefined;
  });

  it('WooCommerce: a wp-admin page address reaches the REST API at the site root', async () => {
    woo = await startFakeWoo();
    for (let i = 1; i <= 3; i++) woo.orders.push(aWooOrder(i, '2025-03-10T10:00:00'));
    h = await aSyncedChannel({
      kind: 'woocommerce',
      url: `${woo.url}/wp-admin/admin.php?page=wc-settings&tab=advanced&section=keys`,
      credentials: { kind: 'woocommerce', consumerKey: woo.key, consumerSecret: woo.secret },
      clock: aClock(),
    });
    expect(await h.core.call('channels.testConnection', { channelId: h.channelId })).toMatchObject({
      value: { ok: true },
    });
    expect((await h.syncNow()).ok).toBe(true);
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null });
    expect(h.orders()).toHaveLength(3);
    expect(woo.requests.every((r) => r.url.pathname.startsWith('/wp-json/wc/v3/'))).toBe(true);
  });

  it('WooCommerce on "Plain" permalinks: the REST API is reached at ?rest_route=', async () => {
    woo = await startFakeWoo();
    woo.plainPermalinks = true;
    woo.stripAuthHeader = true;
    for (let i = 1; i <= 3; i++) woo.orders.push(aWooOrder(i, '2025-03-10T10:00:00'));
    h = await aSyncedChannel({
      kind: 'woocommerce',
      url: woo.url,
      credentials: { kind: 'woocommerce', consumerKey: woo.key, consumerSecret: woo.secret },
      clock: aClock(),
    });
    expect(await h.core.call('channels.testConnection', { channelId: h.channelId })).toMatchObject({
      value: { ok: true },
    });
    expect((await h.syncNow()).ok).toBe(true);
    expect(await h.status()).toMatchObject({ state: 'ok', lastError: null });
    expect(h.orders()).toHaveLength(3);
    expect(woo.listCalls.at(-1)!.get('rest_route')).toBe('/wc/v3/orders');
    expect(woo.listCalls.at(-1)!.get('page')).toBe('1');
  });

  it('Shopify: admin.shopify.com/store/NAME is the shop NAME.myshopify.com', async () => {
    const asked: string[] = [];
    const io: ChannelIo = {
      fetch: (async (url: string) => {
        asked.push(url);
        return new Response(JSON.stringify({ data: { shop: { name: 'Fake Outfitters' } } }), {
          headers: { 'content-type': 'application/json' },
        });
      }) as typeof fetch,
      sleep: async () => {},
      random: () => 0.5,
      now: () => 0,
      timeoutMs: 1_000,
    };
    for (const typed of [
      'https://admin.shopify.com/store/fake-outfitters/orders?inContextTimeframe=today',
      'admin.shopify.com/store/fake-outfitters',
    ]) {
      const client = createShopifyClient({ shop: typed, accessToken: 'shpat_x', io });
      expect(await client.testConnection()).toEqual({ shopName: 'Fake Outfitters' });
    }
    expect(asked).toEqual([
      'https://fake-outfitters.myshopify.com/admin/api/2025-01/graphql.json',
      'https://fake-outfitters.myshopify.com/admin/api/2025-01/graphql.json',
    ]);
  });
});
