import { z } from 'zod';
import {
  ChannelError,
  checkedBaseUrl,
  requestJson,
  withRetry,
  DEFAULT_RETRY,
  NO_RETRY,
  type ChannelIo,
  type RetryPolicy,
} from '../channel-http';
import { answerDate, type ChannelClient, type ChannelPusher, type OrdersPage } from '../channel-order';
import { pushWooTracking } from './woocommerce-push';
import { mapWooOrder, parseWooOrder } from './woocommerce-order.mapper';

export interface WooOptions {
  siteUrl: string;
  consumerKey: string;
  consumerSecret: string;
  io: ChannelIo;
  pageSize?: number;
  retry?: RetryPolicy;
}

/** A request of the tracking push: one try each (the outbox retries the whole push later). */
type Send = { method: 'GET' | 'POST' | 'PUT'; body?: unknown };

/**
 * Listed by status=any although no buyer placed them (until WooCommerce 10.4/10.7): a block checkout
 * opened and left (checkout-draft) and the empty order the admin's "Add order" screen starts
 * (auto-draft). Left out unparsed; one that is paid later comes back with its new status.
 */
const DRAFT_STATUSES = new Set(['checkout-draft', 'auto-draft', 'draft']);

/** modified_after wants the GMT time without offset, as WooCommerce prints it. */
const wooDate = (ms: number): string => new Date(ms).toISOString().slice(0, 19);

/**
 * The WordPress site an address belongs to: owners paste the dashboard page where they made the keys
 * (…/wp-admin/admin.php?page=wc-settings…), and the REST API lives beside wp-admin, not under it.
 */
export function wooSiteRoot(url: URL): URL {
  const root = new URL(url);
  root.search = '';
  root.hash = '';
  root.pathname = root.pathname.replace(/\/(?:wp-admin|wp-json|wp-login\.php)(?:\/.*)?$/i, '') || '/';
  return root;
}

/** Per site root: the smaller page size a slow host was found to need (see createWooClient). */
const pageSizeFor = new Map<string, number>();

/**
 * WooCommerce REST v3: GET /wp-json/wc/v3/orders with modified_after (GMT), page/per_page and
 * X-WP-TotalPages, HTTP Basic with the consumer key and secret.
 */
export function createWooClient(opts: WooOptions): ChannelClient & ChannelPusher {
  const base = wooSiteRoot(checkedBaseUrl(opts.siteUrl));
  const { io } = opts;
  const perPage = Math.min(100, opts.pageSize ?? 100);
  const auth = `Basic ${Buffer.from(`${opts.consumerKey}:${opts.consumerSecret}`).toString('base64')}`;

  // Some hosts strip the Authorization header; WooCommerce then says the consumer key is missing and
  // accepts the key and secret as query parameters instead (over https only: checkedBaseUrl).
  let queryAuth = false;
  // On "Plain" permalinks WordPress does not route /wp-json/…; the same API answers at ?rest_route=.
  let restRoute = false;
  const once = (path: string, params: Record<string, string>, what: string, send?: Send) => {
    const url = new URL(restRoute ? '' : path, base.toString().endsWith('/') ? base : `${base.toString()}/`);
    if (restRoute) url.searchParams.set('rest_route', `/${path.replace(/^wp-json\//, '')}`);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    if (queryAuth) {
      url.searchParams.set('consumer_key', opts.consumerKey);
      url.searchParams.set('consumer_secret', opts.consumerSecret);
    }
    const headers: Record<string, string> = queryAuth
      ? { Accept: 'application/json' }
      : { Authorization: auth, Accept: 'application/json' };
    if (send?.body !== undefined) headers['Content-Type'] = 'application/json';
    const init =
      send?.body !== undefined
        ? { method: send.method, headers, body: JSON.stringify(send.body) }
        : { method: send?.method ?? 'GET', headers };
    return withRetry(
      io,
      () => requestJson(io, url.toString(), init, what),
      send ? NO_RETRY : (opts.retry ?? DEFAULT_RETRY),
    );
  };
  const get = async (path: string, params: Record<string, string>, what: string, send?: Send) => {
    for (;;) {
      try {
        return await once(path, params, what, send);
      } catch (e) {
        if (!(e instanceof ChannelError)) throw e;
        if (!queryAuth && e.kind === 'auth' && /consumer key is missing/i.test(e.message)) {
          queryAuth = true;
          continue;
        }
        // Not routed: a 404, or a 200 page that is not JSON (the site's front page). Only reads are
        // tried again: a write whose answer was lost must not be sent twice.
        const notRouted = e.status === 404 || (e.status === 200 && e.notJson !== undefined);
        if (!restRoute && notRouted && (send?.method ?? 'GET') === 'GET') {
          restRoute = true;
          continue;
        }
        throw e;
      }
    }
  };

  // Pages shrink (100 → 50 → 25 → 5, each dividing the one before, so page boundaries stay put) when
  // a slow host fails on them: PHP out of memory (500), a gateway or this client timing out. A 503
  // (maintenance) says nothing about page size. The cursor is "page", or "page/size" once shrunk.
  // The size that worked is kept for the host while Packdesk runs: each run would otherwise spend
  // a dozen failing requests (and their back-off) finding it again.
  const host = base.toString();
  let size = Math.min(perPage, pageSizeFor.get(host) ?? perPage);
  const smaller = (s: number) => (s <= 5 ? null : s % 2 === 0 ? s / 2 : s % 5 === 0 ? s / 5 : null);
  const tooBig = (e: unknown) =>
    e instanceof ChannelError && (e.kind === 'timeout' || (e.kind === 'server' && e.status !== 503));
  const cursorOf = (page: number, s: number) => (s === perPage ? String(page) : `${page}/${s}`);

  async function fetchPage(since: number | null, page: number, pageSize: number): Promise<OrdersPage> {
    const params: Record<string, string> = {
      dates_are_gmt: 'true',
      status: 'any',
      // 'date' is the documented ordering ('modified' is unconfirmed on HPOS stores): pages are not in
      // change order, so the checkpoint moves only when the sweep ends (see sync-pull.service.ts).
      orderby: 'date',
      order: 'asc',
      per_page: String(pageSize),
      page: String(page),
    };
    if (since !== null) params.modified_after = wooDate(since);
    const { body, headers } = await get('wp-json/wc/v3/orders', params, `WooCommerce orders page ${page}`);
    if (!Array.isArray(body))
      throw new ChannelError('bad_answer', `WooCommerce orders page ${page}: expected a list of orders`);
    const orders = body
      .filter((o) => !DRAFT_STATUSES.has((o as { status?: unknown })?.status as string))
      .map((o, i) => mapWooOrder(parseWooOrder(o, i)));
    const total = Number(headers.get('x-wp-totalpages'));
    if (!Number.isInteger(total) || total < 0)
      throw new ChannelError(
        'bad_answer',
        `WooCommerce orders page ${page}: missing or bad X-WP-TotalPages header`,
      );
    return {
      orders,
      next: page < total ? cursorOf(page + 1, pageSize) : null,
      shopTime: answerDate(headers),
    };
  }

  return {
    async fetchOrdersPage(since, cursor): Promise<OrdersPage> {
      const m = cursor === null ? null : /^([1-9]\d*)(?:\/([1-9]\d*))?$/.exec(cursor);
      if (cursor !== null && !m) throw new ChannelError('client', `WooCommerce: bad page cursor "${cursor}"`);
      let page = m ? Number(m[1]) : 1;
      let pageSize = m?.[2] ? Number(m[2]) : perPage;
      if (size < pageSize && pageSize % size === 0) {
        page = ((page - 1) * pageSize) / size + 1;
        pageSize = size;
      }
      for (;;) {
        try {
          return await fetchPage(since, page, pageSize);
        } catch (e) {
          const less = tooBig(e) ? smaller(pageSize) : null;
          if (!less) throw e;
          page = ((page - 1) * pageSize) / less + 1;
          pageSize = size = less;
          pageSizeFor.set(host, less);
        }
      }
    },
    pushTracking: (p) =>
      pushWooTracking((path, what, send) => get(path, {}, what, send).then((r) => r.body), p),
    async testConnection() {
      const { body } = await get('wp-json/wc/v3/system_status', {}, 'WooCommerce connection test');
      const parsed = z
        .object({
          environment: z.object({ site_url: z.string() }).partial().optional(),
          settings: z.object({ currency: z.string() }).partial().optional(),
        })
        .safeParse(body);
      if (!parsed.success)
        throw new ChannelError('bad_answer', 'WooCommerce connection test: malformed answer');
      return { shopName: parsed.data.environment?.site_url ?? base.host };
    },
  };
}
