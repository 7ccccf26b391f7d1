import { createServer as httpServer } from 'node:http';
import { createServer } from 'node:net';
import { requestJson, type ChannelIo } from '../../src-main/adapters/channels/channel-http';
import { createShopifyClient } from '../../src-main/adapters/channels/shopify/shopify-client';
import { createWooClient } from '../../src-main/adapters/channels/woocommerce/woocommerce-client';
import { unseal } from '../../src-main/adapters/secrets/sealed-json';
import { noSecretStore } from '../../src-main/adapters/secrets/secret-store.port';
import { credentialsSchema } from '../../src-main/modules/sync/sync-clients';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { syncErrorText } from '../../src-renderer/features/channels-sync/sync-error-text';
import { pushErrorText } from '../../src-renderer/features/channels-sync/push-error-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;
const io: ChannelIo = { fetch, sleep: async () => {}, random: () => 0.5, now: Date.now, timeoutMs: 1_000 };

type Answer = {
  status: number;
  type?: string;
  body: string;
  hang?: boolean;
  headers?: Record<string, string>;
};
let answer: Answer;
/** Answers for the next requests, in order, before `answer` (a push reads, then writes). */
let answers: Answer[] = [];
const shop = httpServer((_req, res) => {
  const a = answers.shift() ?? answer;
  if (a.hang) return;
  res.writeHead(a.status, { 'content-type': a.type ?? 'application/json', ...a.headers });
  res.end(a.body);
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((r) => shop.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(shop.address() as { port: number }).port}/x`;
});
afterAll(async () => {
  shop.closeAllConnections();
  await new Promise((r) => shop.close(r));
});

/** The message the core stores as the channel's last error for this answer. */
async function messageFor(a: Answer, what = 'WooCommerce orders page 2'): Promise<string> {
  answer = a;
  const e = await requestJson(io, url, {}, what).catch((x: Error) => x);
  if (!(e instanceof Error)) throw new Error('expected a failure');
  return e.message;
}

describe('sync errors in the UI language', () => {
  it('says each failure of a shop in Chinese, keeping the shop’s own words, and what to do', async () => {
    const cases: [Answer, RegExp][] = [
      [
        { status: 401, body: '{"message":"Consumer key is invalid."}' },
        /凭据.*HTTP 401: Consumer key is invalid\..*重新连接/,
      ],
      [{ status: 403, body: '{"message":"Blocked"}' }, /访问被拒绝（HTTP 403: Blocked）.*防火墙/],
      [{ status: 429, body: '{}', headers: { 'retry-after': '900' } }, /频率.*下次同步时重试/],
      [{ status: 503, body: '<h1>Maintenance</h1>', type: 'text/html' }, /HTTP 503.*下次同步时重试/],
      [{ status: 404, body: '{"message":"No route was found"}' }, /HTTP 404: No route was found.*店铺地址/],
      [
        { status: 200, body: '<!doctype html>', type: 'text/html; charset=UTF-8' },
        /text\/html; charset=UTF-8.*店铺地址/,
      ],
      [{ status: 200, body: '{"orders": [' }, /数据不完整.*未保存/],
      [{ status: 200, body: '', hang: true }, /秒内无响应/],
    ];
    for (const [a, said] of cases) {
      const message = await messageFor(a);
      const text = syncErrorText(zh, message);
      expect(text, message).toMatch(said);
      expect(text, message).toMatch(/^WooCommerce 订单第 2 页：/);
      // English keeps the facts and says what to do.
      expect(syncErrorText(en, message), message).toMatch(/^WooCommerce orders page 2: /);
    }
    expect(syncErrorText(en, await messageFor({ status: 401, body: '{}' }))).toMatch(/reconnect the shop/i);
    expect(syncErrorText(en, await messageFor({ status: 502, body: '' }))).toMatch(/tries again/);
  });

  it('says an unreachable shop, a Shopify scope and a missing connection in Chinese', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    answer = { status: 200, body: '{}' };
    const refused = await requestJson(io, `http://127.0.0.1:${port}/`, {}, 'Shopify orders').catch(
      (e: Error) => e.message,
    );
    expect(syncErrorText(zh, String(refused))).toBe(
      `Shopify 订单：无法连接 127.0.0.1:${port}（ECONNREFUSED），请检查网络和店铺地址`,
    );
    expect(
      syncErrorText(
        zh,
        'Shopify orders: Access denied for orders field.; the access token lacks the read_orders scope or is wrong',
      ),
    ).toBe(
      'Shopify 订单：Access denied for orders field.；访问令牌缺少 read_orders 权限或不正确，请在“连接设置”中重新填写',
    );
    expect(
      syncErrorText(zh, 'Channel "My shop" has no credentials yet; enter them in its connection settings'),
    ).toBe('渠道“My shop”还没有凭据，请在“连接设置”中填写');
    expect(
      syncErrorText(
        zh,
        'WooCommerce orders page 3: the answer broke off midway (UND_ERR_SOCKET); nothing from it was saved',
      ),
    ).toBe(
      'WooCommerce 订单第 3 页：店铺的响应中途断开（UND_ERR_SOCKET），本次未保存任何内容，Packdesk 将在下次同步时重试',
    );
    // A wording not known here is shown as written.
    expect(syncErrorText(zh, 'Shopify order #1026: totalPriceSet "twelve" is not an amount')).toBe(
      'Shopify order #1026: totalPriceSet "twelve" is not an amount',
    );
  });
});

const json = (body: unknown, status = 200): Answer => ({ status, body: JSON.stringify(body) });
const push = { company: 'SF Express', trackingNumber: 'SF1234567890123', trackingUrl: null };

/** What the real Shopify client throws for a push against the local shop giving these answers. */
async function shopifyPushError(given: Answer[], orderNumber = '#1001'): Promise<string> {
  answers = given;
  answer = { status: 500, body: 'unexpected request' };
  const client = createShopifyClient({ shop: url.replace(/\/x$/, ''), accessToken: 't', io });
  const e = await client.pushTracking({ ...push, orderNumber }).catch((x: Error) => x);
  if (!(e instanceof Error)) throw new Error('expected a failure');
  return e.message;
}

/** The same for the real WooCommerce client. */
async function wooPushError(given: Answer[], orderNumber = '1234'): Promise<string> {
  answers = given;
  answer = { status: 500, body: 'unexpected request' };
  const client = createWooClient({
    siteUrl: url.replace(/\/x$/, ''),
    consumerKey: 'ck_x',
    consumerSecret: 'cs_x',
    io,
  });
  const e = await client.pushTracking({ ...push, orderNumber }).catch((x: Error) => x);
  if (!(e instanceof Error)) throw new Error('expected a failure');
  return e.message;
}

const lookup = (fulfillmentOrders: { status: string; remaining: number }[]) =>
  json({
    data: {
      orders: {
        nodes: [
          {
            id: 'gid://shopify/Order/1',
            name: '#1001',
            fulfillmentOrders: {
              nodes: fulfillmentOrders.map((f, i) => ({
                id: `gid://shopify/FulfillmentOrder/${i}`,
                status: f.status,
                lineItems: { nodes: [{ remainingQuantity: f.remaining }] },
              })),
            },
            fulfillments: [],
          },
        ],
      },
    },
  });
const wooOrder = (number: string, status: string) => json({ id: 1234, number, status });

describe('tracking push errors in the UI language', () => {
  afterEach(() => {
    answers = [];
  });

  it('says what the Shopify push met, in Chinese and English, with what to do', async () => {
    const none = await shopifyPushError([json({ data: { orders: { nodes: [] } } })]);
    expect(pushErrorText(zh, none)).toBe(
      'Shopify 订单 #1001：店铺中没有这个订单；请在店铺后台确认它是否已被删除或改了单号，然后按“立即重试”',
    );
    expect(pushErrorText(en, none)).toMatch(/^Shopify order #1001: the shop has no such order; .*Retry now$/);

    const closed = await shopifyPushError([lookup([{ status: 'CLOSED', remaining: 0 }])]);
    expect(pushErrorText(zh, closed)).toMatch(
      /^Shopify 订单 #1001：店铺中该订单已没有待发货的商品（发货单状态为 CLOSED），也没有发货记录带有单号 SF1234567890123；.*手动补填 SF1234567890123$/,
    );
    expect(pushErrorText(en, closed)).toMatch(/fulfilled or cancelled in the shop/);

    const refused = await shopifyPushError([
      lookup([{ status: 'OPEN', remaining: 1 }]),
      json({
        data: {
          fulfillmentCreate: {
            fulfillment: null,
            userErrors: [{ field: ['fulfillment'], message: 'Invalid fulfillment order line items' }],
          },
        },
      }),
    ]);
    expect(pushErrorText(zh, refused)).toBe(
      'Shopify 订单 #1001：Shopify 拒绝创建发货：fulfillment: Invalid fulfillment order line items；请在 Shopify 后台处理后按“立即重试”',
    );

    const down = await shopifyPushError([{ status: 503, body: '' }]);
    expect(pushErrorText(zh, down)).toBe(
      'Shopify 查询订单发货信息：店铺服务器出错（HTTP 503），Packdesk 会在“下次尝试”所示时间自动重试；若持续出现，请确认店铺网站是否正常',
    );
    // The outbox's wording once the attempts are used up (outbox-worker; see outbox-push.test.ts).
    expect(pushErrorText(zh, `Gave up after 10 attempts: ${down}`)).toBe(
      '已尝试 10 次仍未成功，不再自动重试：Shopify 查询订单发货信息：店铺服务器出错（HTTP 503），可按“立即重试”再试；若持续出现，请确认店铺网站是否正常',
    );
    expect(pushErrorText(en, `Gave up after 10 attempts: ${down}`)).toBe(
      "Gave up after 10 attempts: Shopify fulfilment lookup: the shop's server failed (HTTP 503); press Retry now to try again. If it keeps failing, check that the shop's website is up",
    );

    const slow = await shopifyPushError([
      lookup([{ status: 'OPEN', remaining: 1 }]),
      { status: 429, body: '{}' },
    ]);
    expect(pushErrorText(zh, slow)).toBe(
      'Shopify 创建发货记录：店铺要求降低请求频率，Packdesk 会在“下次尝试”所示时间自动重试',
    );

    const scope = await shopifyPushError([
      json({
        errors: [{ message: 'Access denied for orders field.', extensions: { code: 'ACCESS_DENIED' } }],
      }),
    ]);
    expect(pushErrorText(zh, scope)).toBe(
      'Shopify 查询订单发货信息：Access denied for orders field.；访问令牌缺少 read/write merchant-managed fulfillment orders 权限或不正确，请在“连接设置”中重新填写',
    );
  });

  it('says what the WooCommerce push met, in Chinese and English, with what to do', async () => {
    const missing = json({ code: 'woocommerce_rest_shop_order_invalid_id', message: 'Invalid ID.' }, 404);
    // A 404 on a read is tried again through ?rest_route= before it is believed.
    const gone = await wooPushError([missing, missing]);
    expect(pushErrorText(zh, gone)).toBe(
      'WooCommerce 订单 1234：店铺中没有这个订单（HTTP 404: Invalid ID.）；请在店铺后台确认它是否已被删除或改了单号，然后按“立即重试”',
    );
    expect(pushErrorText(en, gone)).toMatch(
      /^WooCommerce order 1234: the shop has no such order \(HTTP 404: Invalid ID\.\)/,
    );

    const readOnly = await wooPushError([
      wooOrder('1234', 'processing'),
      json([]),
      json(
        {
          code: 'woocommerce_rest_cannot_create',
          message: 'Sorry, you are not allowed to create resources.',
        },
        401,
      ),
    ]);
    expect(pushErrorText(zh, readOnly)).toBe(
      'WooCommerce 订单 1234（添加物流备注）：店铺拒绝了凭据（HTTP 401: Sorry, you are not allowed to create resources.）。请重新连接店铺：在“连接设置”中填写新的访问令牌或密钥。标记发货需要具有“读/写”权限的密钥：请在 WooCommerce → 设置 → 高级 → REST API 中创建，并在“连接设置”中填写',
    );
    expect(pushErrorText(en, readOnly)).toMatch(
      /^WooCommerce order 1234, adding the tracking note: the shop refused the credentials .*Marking orders shipped needs a key with Read\/Write permission: make one/,
    );

    const cancelled = await wooPushError([wooOrder('1234', 'cancelled')]);
    expect(pushErrorText(zh, cancelled)).toBe(
      'WooCommerce 订单 1234 在店铺中已取消，因此未标记为已发货；如仍需发货，请先在店铺后台修改订单状态，再按“立即重试”',
    );
    expect(pushErrorText(en, cancelled)).toMatch(
      /^WooCommerce order 1234 is cancelled in the shop, so it was not marked shipped/,
    );

    const renumbered = await wooPushError([wooOrder('A-77', 'processing')]);
    expect(pushErrorText(zh, renumbered)).toMatch(
      /^WooCommerce 订单 1234：店铺中 ID 1234 的订单号是 A-77——该店铺会重新编排订单号.*手动填写物流单号$/,
    );
    const notAnId = await wooPushError([], '#1234');
    expect(pushErrorText(zh, notAnId)).toMatch(
      /^WooCommerce 订单 #1234：这不是 WooCommerce 订单 ID（应为纯数字）/,
    );
  });

  it('says the outbox’s and the credentials’ own wordings; an unknown one is shown as written', async () => {
    expect(pushErrorText(zh, 'The order this push belongs to no longer exists')).toBe(
      '此回传所属的订单已不存在，没有可回传的内容',
    );
    // loadCredentials' wording on a host without a keychain.
    const blocked = await unseal(
      noSecretStore('packdesk serve'),
      { backend: 'gnome_libsecret', ciphertext: new Uint8Array() },
      credentialsSchema,
      "The channel's credentials",
      'enter them again in the channel settings',
    ).catch((e: Error) => e.message);
    expect(pushErrorText(zh, String(blocked))).toMatch(
      /^本机无法读取该渠道的凭据：此处运行的 Packdesk（命令行或 packdesk serve）/,
    );
    expect(
      pushErrorText(zh, 'Channel "US Shopify" has no credentials yet; enter them in its connection settings'),
    ).toBe('渠道“US Shopify”还没有凭据，请在“连接设置”中填写');
    const odd = 'Shopify fulfillmentCreate: Something unusual (INTERNAL_SERVER_ERROR)';
    expect(pushErrorText(zh, odd)).toBe(odd);
    expect(pushErrorText(zh, `Gave up after 3 attempts: ${odd}`)).toBe(
      `已尝试 3 次仍未成功，不再自动重试：${odd}`,
    );
  });
});
