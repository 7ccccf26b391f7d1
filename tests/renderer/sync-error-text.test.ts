import { createServer as httpServer } from 'node:http';
import { createServer } from 'node:net';
import { requestJson, type ChannelIo } from '../../src-main/adapters/channels/channel-http';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { syncErrorText } from '../../src-renderer/features/channels-sync/sync-error-text';

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
const shop = httpServer((_req, res) => {
  if (answer.hang) return;
  res.writeHead(answer.status, { 'content-type': answer.type ?? 'application/json', ...answer.headers });
  res.end(answer.body);
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
      [{ status: 429, body: '{}', headers: { 'retry-after': '900' } }, /频率.*自动重试/],
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
