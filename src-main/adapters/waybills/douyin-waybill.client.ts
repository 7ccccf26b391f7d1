import { createHmac } from 'node:crypto';
import { ChannelError, requestJson, type ChannelIo } from '../channels/channel-http';
import type {
  IssuedWaybill,
  RefusedWaybill,
  WaybillApply,
  WaybillClient,
  WaybillCredentials,
  WaybillParty,
  WaybillSubscription,
} from './waybill-client';

/**
 * Douyin e-waybills (抖店电子面单) through the doudian open platform. Douyin orders carry encrypted
 * recipients that only Douyin's own waybills print, so they need these numbers.
 *
 * What was checked, and where (code corpus; the SDKs are generated from the platform's API list):
 * - Call shape: POST {host}/{method with / for .}?app_key&method&v=2&sign&timestamp (UNIX
 *   seconds)&access_token&sign_method=hmac-sha256, body = param_json — westng/doudian-sdk
 *   src/Core/DouDianOpClient.php; host https://openapi-fxg.jinritemai.com (many integrations).
 * - Signing: hex hmac-sha256 keyed with app_secret over app_secret + "app_key"+k + "method"+m +
 *   "param_json"+p + "timestamp"+t + "v2" + app_secret; param_json with every object's keys
 *   sorted — westng/doudian-sdk src/Utils/SignUtil.php (sign, marshal/recKSort).
 * - Answer envelope {code, msg, sub_code, sub_msg, log_id, data} — official
 *   Go SDK core BaseDoudianOpApiResponse; code 10000 = success as an earlier check of the
 *   official Java SDK found (not re-found in this search).
 * - logistics.newCreateOrder {sender_info{address{country_code, province_name, city_name,
 *   district_name, street_name, detail_address}, contact{name, phone, mobile}}, logistics_code,
 *   order_infos[{order_id, pack_id, receiver_info (same shape), items[{item_name, item_count}],
 *   total_weight (g)}]} → data.ebill_infos[{order_id, pack_id, track_no, sub_waybill_codes}],
 *   data.err_infos[{order_id, pack_id, err_code, err_msg}] — westng/doudian-sdk
 *   logistics_newCreateOrder/param/*.php; fudiwei SKIT…DouyinShop LogisticsNewCreateOrder{Request,Response}.cs.
 * - logistics.waybillApply {waybill_applies[{logistics_code, track_no}]} →
 *   data.waybill_infos[{order_id, track_no, print_data (encrypted), sign}], data.err_infos[{track_no,
 *   order_id, err_code, err_msg}] — doudian-sdk logistics_waybillApply/param; official Go SDK
 *   logistics_waybillApply_response.
 * - logistics.cancelOrder {logistics_code, track_no} → data.cancel_result.success — SKIT
 *   LogisticsCancelOrder{Request,Response}.cs.
 * - logistics.listShopNetsite {logistics_code} → data{logistics_code, netsites[{netsite_code,
 *   netsite_name, company, amount (numbers left)}]} — SKIT LogisticsListShopNetSite*.cs.
 * - The print component's document (`printParams` below): contents[0] = {params, encryptedData =
 *   print_data, signature = sign, templateURL}; params = "access_token=…&app_key=…&method=
 *   logistics.getShopKey&param_json={}&timestamp=…&v=2&sign=…&sign_method=hmac-sha256", a signed
 *   getShopKey query the component sends itself — github gavin-hao/ec-print src/interfaces.ts
 *   (DoudianPrintContent, citing ByteDance's print-component doc) and several integrations' code.
 *   (The SDK's LogisticsGetShopKeyParam also has cipher_text/deviceInfo/store_id; for the
 *   component every source sends param_json={}.) getShopKey answers data.key (Go SDK).
 *
 * NOT confirmed:
 * - Whether the same order_id + pack_id asked again returns the same number. Packdesk does not
 *   rely on it: `sameNumberOnRetry` is false, so the worker never repeats a request whose answer
 *   was lost (a person looks in 抖店 first), and an answer saying the parcel already has a waybill
 *   fails that row naming it instead of asking for a second number (no API returning the existing
 *   number by pack_id was found).
 * - pack_id's exact meaning (sent as Packdesk's package id, unique per parcel), how many orders
 *   one call takes (10, as on the other platforms), and whether Douyin decrypts the masked
 *   receiver by order_id (sent as the masked values, as on Cainiao and PDD).
 * - The timestamp format inside `params` (samples use UNIX seconds, ms and "yyyy-MM-dd HH:mm:ss";
 *   UNIX seconds, as the API itself takes, is used) and that its ±300 s window applies to it —
 *   which is why params are signed when the job is sent (never stored: they hold the token).
 * - Error codes: none of Douyin's rate-limit, auth or system codes were found in a source. HTTP
 *   429 and messages saying 限流/频繁 pause the account; access_token/签名/授权 messages are the
 *   credentials; 系统/繁忙/超时/服务 messages are Douyin's own fault; the rest are refusals.
 */
export const DOUDIAN_GATEWAY = 'https://openapi-fxg.jinritemai.com';

/** How long an account pauses after Douyin says it is called too often (Douyin names no wait). */
export const RATE_LIMIT_WAIT_MS = 10_000;

/** logistics.waybillApply tries for numbers already issued (a read: safe to repeat). */
const PRINT_DATA_TRIES = 3;

/** JSON with every object's keys sorted, as the SDKs marshal param_json before signing. */
export function sortedJson(v: unknown): string {
  const sort = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(sort)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.keys(x as object)
              .sort()
              .map((k) => [k, sort((x as Record<string, unknown>)[k])]),
          )
        : x;
  return JSON.stringify(sort(v ?? {}));
}

/** hex hmac-sha256(app_secret, app_secret + app_key…method…param_json…timestamp…v2 + app_secret). */
export function doudianSign(
  appKey: string,
  appSecret: string,
  method: string,
  timestamp: string,
  paramJson: string,
): string {
  const pattern = `app_key${appKey}method${method}param_json${paramJson}timestamp${timestamp}v2`;
  return createHmac('sha256', appSecret)
    .update(appSecret + pattern + appSecret, 'utf8')
    .digest('hex');
}

/**
 * The `params` the Douyin print component needs beside encrypted print data: a signed
 * logistics.getShopKey query it calls itself to get the key that opens print_data.
 */
export function printParams(creds: WaybillCredentials, nowMs: number): string {
  const timestamp = String(Math.floor(nowMs / 1000));
  const method = 'logistics.getShopKey';
  const sign = doudianSign(creds.appKey, creds.appSecret, method, timestamp, '{}');
  return `access_token=${creds.sessionKey}&app_key=${creds.appKey}&method=${method}&param_json={}&timestamp=${timestamp}&v=2&sign=${sign}&sign_method=hmac-sha256`;
}

/** `party` as doudian spells it: {address{…_name}, contact{name, mobile, phone}}. */
const partyParam = (p: WaybillParty) => ({
  address: {
    country_code: 'CHN',
    province_name: p.address.province,
    city_name: p.address.city,
    district_name: p.address.district,
    ...(p.address.town && { street_name: p.address.town }),
    detail_address: p.address.detail,
  },
  contact: {
    name: p.name,
    ...(p.mobile && { mobile: p.mobile }),
    ...(p.phone && { phone: p.phone }),
  },
});

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const list = (v: unknown) => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);

export class DouyinWaybillClient implements WaybillClient {
  /** Douyin's answer to a repeated pack_id is unconfirmed: the worker never repeats a lost request. */
  readonly sameNumberOnRetry = false;

  constructor(
    /** appKey = app_key, appSecret = app_secret, sessionKey = the shop's access_token. */
    private readonly creds: WaybillCredentials,
    private readonly io: ChannelIo,
    private readonly gateway: string = DOUDIAN_GATEWAY,
  ) {}

  private async call(method: string, param: unknown): Promise<Record<string, unknown>> {
    const paramJson = sortedJson(param);
    const timestamp = String(Math.floor(this.io.now() / 1000));
    const query = new URLSearchParams({
      app_key: this.creds.appKey,
      method,
      v: '2',
      sign: doudianSign(this.creds.appKey, this.creds.appSecret, method, timestamp, paramJson),
      timestamp,
      access_token: this.creds.sessionKey,
      sign_method: 'hmac-sha256',
    });
    const what = `Douyin ${method}`;
    const url = `${this.gateway.replace(/\/$/, '')}/${method.replace(/\./g, '/')}?${query.toString()}`;
    const { body } = await requestJson(
      this.io,
      url,
      { method: 'POST', headers: { 'content-type': 'application/json;charset=utf-8' }, body: paramJson },
      what,
    );
    const b = (body ?? {}) as Record<string, unknown>;
    if (str(b.code) !== '10000') throw doudianError(what, b);
    const data = b.data;
    if (!data || typeof data !== 'object')
      throw new ChannelError('bad_answer', `${what}: the answer has no data; nothing from it was saved`);
    return data as Record<string, unknown>;
  }

  /**
   * logistics.newCreateOrder for up to 10 parcels, then logistics.waybillApply for the numbers it
   * gave: a number with its encrypted print data per parcel, or Douyin's refusal of that parcel.
   */
  async apply(req: WaybillApply): Promise<(IssuedWaybill | RefusedWaybill)[]> {
    if (req.orders.length < 1 || req.orders.length > 10)
      throw new Error(`logistics.newCreateOrder takes 1–10 orders here, not ${req.orders.length}`);
    const created = await this.call('logistics.newCreateOrder', {
      logistics_code: req.cpCode,
      sender_info: partyParam(req.sender),
      order_infos: req.orders.map((o) => ({
        order_id: o.tradeOrders[0],
        pack_id: o.objectId,
        receiver_info: partyParam(o.recipient),
        items: o.items.map((i) => ({ item_name: i.name, item_count: i.count })),
        ...(o.weightGrams && { total_weight: o.weightGrams }),
      })),
    });
    const out: (IssuedWaybill | RefusedWaybill)[] = list(created.err_infos).map((e) => ({
      objectId: str(e.pack_id),
      refusal: refusalText(e),
    }));
    const numbers = list(created.ebill_infos).map((e) => {
      if (!str(e.track_no))
        throw new ChannelError(
          'bad_answer',
          'Douyin logistics.newCreateOrder: an ebill_info has no track_no; nothing from it was saved',
        );
      return { objectId: str(e.pack_id), code: str(e.track_no) };
    });
    if (!numbers.length) return out;
    const printed = await this.printDataOf(
      req.cpCode,
      numbers.map((n) => n.code),
    );
    for (const n of numbers) {
      const p = printed.get(n.code) ?? 'the answer does not mention this number';
      if (typeof p === 'string')
        out.push({ objectId: n.objectId, refusal: `Douyin issued ${n.code} but gave no print data: ${p}` });
      else
        out.push({
          objectId: n.objectId,
          waybillCode: n.code,
          printData: JSON.stringify({
            encryptedData: p.print_data,
            signature: p.sign,
            templateURL: req.templateUrl,
          }),
          parentWaybillCode: null,
        });
    }
    return out;
  }

  /**
   * Print data for numbers Douyin has just issued. Asking for it again is only a read, so a
   * passing fault is tried up to PRINT_DATA_TRIES times; after that the numbers are named in a
   * 'server' (or 'auth') error, the kinds the worker does not answer by asking for numbers again.
   */
  private async printDataOf(cpCode: string, codes: string[]) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.printData(cpCode, codes);
      } catch (e) {
        if (!(e instanceof ChannelError)) throw e;
        if (e.kind !== 'auth' && e.kind !== 'client' && attempt < PRINT_DATA_TRIES) {
          await this.io.sleep(e.retryAfterMs ?? 500 * attempt);
          continue;
        }
        throw new ChannelError(
          e.kind === 'auth' ? 'auth' : 'server',
          `Douyin issued ${codes.join(', ')} but its print data did not come: ${e.message}`,
        );
      }
    }
  }

  /** logistics.waybillApply: track_no → {print_data, sign}, or the reason Douyin gave none. */
  private async printData(
    cpCode: string,
    codes: string[],
  ): Promise<Map<string, { print_data: string; sign: string } | string>> {
    const data = await this.call('logistics.waybillApply', {
      waybill_applies: codes.map((track_no) => ({ logistics_code: cpCode, track_no })),
    });
    const got = new Map<string, { print_data: string; sign: string } | string>();
    for (const w of list(data.waybill_infos))
      if (str(w.track_no) && str(w.print_data))
        got.set(str(w.track_no), { print_data: str(w.print_data), sign: str(w.sign) });
    for (const e of list(data.err_infos)) got.set(str(e.track_no), refusalText(e));
    return got;
  }

  /** logistics.cancelOrder: gives a number back; true when Douyin took it. */
  async cancel(cpCode: string, waybillCode: string): Promise<boolean> {
    const data = await this.call('logistics.cancelOrder', { logistics_code: cpCode, track_no: waybillCode });
    const r = data.cancel_result as Record<string, unknown> | undefined;
    return r?.success === true || r?.success === 'true';
  }

  /** logistics.listShopNetsite: the shop's branches for the carrier and their numbers left. */
  async subscriptions(cpCode: string): Promise<WaybillSubscription[]> {
    const data = await this.call('logistics.listShopNetsite', { logistics_code: cpCode });
    const sites = list(data.netsites);
    if (!sites.length) return [];
    return [
      {
        cpCode: str(data.logistics_code) || cpCode,
        branches: sites.map((s) => ({
          name: str(s.netsite_name) || str(s.netsite_code),
          quantity: Number(s.amount ?? 0),
        })),
      },
    ];
  }
}

/** An err_info in words; an "already has a waybill" answer says where to look (see header). */
function refusalText(e: Record<string, unknown>): string {
  const msg = `${str(e.err_msg) || 'refused'} [${str(e.err_code)}]`;
  if (/重复|已存在|已取号|已经?下单|duplicate|already/i.test(msg))
    return `${msg}: Douyin says this parcel already has a waybill (an earlier request whose answer was lost may have taken it); Packdesk does not take a second number — find it in 抖店's e-waybill records and scan it at the ship desk, or cancel it there and press "Fetch now"`;
  return msg;
}

/** A whole-call error → ChannelError (see the header for what is not confirmed). */
function doudianError(what: string, b: Record<string, unknown>): ChannelError {
  const text = `${str(b.msg) || 'error'}${b.sub_msg ? ` (${str(b.sub_msg)})` : ''}`;
  const named = `${what}: ${text} [${[str(b.code), str(b.sub_code)].filter(Boolean).join('/')}]`;
  if (/限流|频繁|too many|rate limit|frequency/i.test(text))
    return new ChannelError('rate_limited', named, undefined, RATE_LIMIT_WAIT_MS);
  if (/access_token|access-token|签名|sign|授权|token/i.test(`${text} ${str(b.sub_code)}`))
    return new ChannelError(
      'auth',
      `${named}; check the app key, app secret and access token of the Douyin e-waybill account`,
    );
  if (/系统|繁忙|超时|服务.*(异常|错误|不可用)|system|busy|timeout/i.test(text))
    return new ChannelError('server', named);
  return new ChannelError('client', named);
}
