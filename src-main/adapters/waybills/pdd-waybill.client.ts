import { ChannelError, type ChannelIo } from '../channels/channel-http';
import {
  cloudPrintIssued,
  cloudPrintOrders,
  md5Sign,
  postSignedForm,
  partyParam,
  type IssuedWaybill,
  type WaybillApply,
  type WaybillClient,
  type WaybillCredentials,
  type WaybillSubscription,
} from './waybill-client';

/**
 * Pinduoduo e-waybills (拼多多电子面单) through the PDD open platform router. PDD orders carry
 * encrypted recipients that only PDD's own waybills can print, so they need these numbers.
 *
 * What was checked, and where:
 * - Router and system parameters: POST https://gw-api.pinduoduo.com/api/router with type,
 *   client_id, access_token, timestamp (UNIX seconds, within 10 minutes of PDD's clock),
 *   data_type JSON, version V1, sign — the official parameter table as mirrored for
 *   pdd.cloud.waybill.get / pdd.order.list.get, and github dtapps/go-library
 *   service/pinduoduo/client.const.go.
 * - Signing: upper(md5(client_secret + key1value1key2value2… (keys sorted) + client_secret)),
 *   object parameters sent as JSON strings — github lywzx/pdd-node-sdk src/libs/pdd-client.ts
 *   (sign(), request()) and SchafferJ/open-pdd src/http/request.rs.
 * - pdd.waybill.get: param_waybill_cloud_print_apply_new_request {wp_code, need_encrypt, sender
 *   {name, mobile, phone, address{province, city, district, town, detail}},
 *   trade_order_info_dtos ≤ 10 [{object_id, order_info{order_channels_type (PDD, TB, DY, OTHERS…),
 *   trade_order_list}, package_info{id, items[{name, count}], weight g, volume ml}, recipient,
 *   template_url, user_id}]}; answer pdd_waybill_get_response.modules[]{object_id, waybill_code,
 *   print_data, parent_waybill_code} — SchafferJ/open-pdd src/http/model/waybill/pdd_waybill_get.rs,
 *   lywzx/pdd-node-sdk src/pddApi/dianZiMianDan/PddWaybillGet.ts and docs.rs pdd
 *   requests/pdd_waybill_get.rs. The ark (云内) variant's page adds is_success/error_code/sub_code
 *   inside the response object; both are read. user_id (使用者ID) is optional there and not sent.
 * - pdd.waybill.cancel {wp_code, waybill_code} → pdd_waybill_cancel_response.cancel_result;
 *   pdd.waybill.search {wp_code} → pdd_waybill_search_response.waybill_apply_subscription_cols[]
 *   {wp_code, branch_account_cols[]{branch_code, branch_name, quantity}} — open-pdd
 *   pdd_waybill_cancel.rs, pdd_waybill_search.rs. (Response key = type with dots as underscores +
 *   "_response", as every SDK model names it.)
 * - Errors: error_response {error_code, error_msg, sub_code, sub_msg, request_id} (official
 *   example: 10001 "公共参数错误:type"); 10019 = access_token已过期 (seen in captured answers).
 *   NOT confirmed: PDD's rate-limit codes. No public source found names them; 70031–70034 are
 *   what integrators commonly report for "调用过于频繁"/限流 and are treated as a ban here, as is
 *   any message saying 频繁/限流/limit, and HTTP 429. The wait is not given by PDD [unconfirmed]:
 *   the account pauses for RATE_LIMIT_WAIT_MS.
 */
export const PDD_ROUTER = 'https://gw-api.pinduoduo.com/api/router';

/** How long an account pauses after PDD says it is called too often (PDD names no wait). */
export const RATE_LIMIT_WAIT_MS = 10_000;

/** [unconfirmed] error codes integrators report for PDD's call-frequency limits. */
const RATE_LIMIT_CODES = new Set([70031, 70032, 70033, 70034]);
/** 10019 access_token expired (confirmed); 20004 sign / 20031-20032 unauthorised [unconfirmed]. */
const AUTH_CODES = new Set([10019, 20004, 20031, 20032]);

/** sign = upper(md5(client_secret + k1v1k2v2… (keys sorted, sign left out) + client_secret)). */
export const pddSign = (params: Record<string, string>, secret: string): string =>
  md5Sign(params, secret, false);

export class PddWaybillClient implements WaybillClient {
  constructor(
    /** appKey = client_id, appSecret = client_secret, sessionKey = the shop's access_token. */
    private readonly creds: WaybillCredentials,
    private readonly io: ChannelIo,
    private readonly router: string = PDD_ROUTER,
  ) {}

  private async call(type: string, bizParams: Record<string, string>): Promise<Record<string, unknown>> {
    const params: Record<string, string> = {
      type,
      client_id: this.creds.appKey,
      access_token: this.creds.sessionKey,
      timestamp: String(Math.floor(this.io.now() / 1000)),
      data_type: 'JSON',
      version: 'V1',
      ...bizParams,
    };
    params.sign = pddSign(params, this.creds.appSecret);
    const what = `Pinduoduo ${type}`;
    const out = await postSignedForm(this.io, this.router, params, type, what, pddError);
    if (out.is_success === false) throw pddError(what, out);
    return out;
  }

  /** pdd.waybill.get: up to 10 numbers with their print data, in one request. */
  async apply(req: WaybillApply): Promise<IssuedWaybill[]> {
    if (req.orders.length < 1 || req.orders.length > 10)
      throw new Error(`pdd.waybill.get takes 1–10 orders, not ${req.orders.length}`);
    const param = {
      wp_code: req.cpCode,
      need_encrypt: true,
      sender: partyParam(req.sender),
      // PDD decrypts the masked recipient by its own order number (trade_order_list).
      trade_order_info_dtos: cloudPrintOrders(req),
    };
    const out = await this.call('pdd.waybill.get', {
      param_waybill_cloud_print_apply_new_request: JSON.stringify(param),
    });
    return cloudPrintIssued(Array.isArray(out.modules) ? out.modules : [], 'Pinduoduo pdd.waybill.get');
  }

  /** pdd.waybill.cancel: gives a number back; true when PDD took it. */
  async cancel(cpCode: string, waybillCode: string): Promise<boolean> {
    const out = await this.call('pdd.waybill.cancel', { wp_code: cpCode, waybill_code: waybillCode });
    return out.cancel_result === true || out.cancel_result === 'true';
  }

  /** pdd.waybill.search: the shop's subscriptions for the carrier and its branches' balance. */
  async subscriptions(cpCode: string): Promise<WaybillSubscription[]> {
    const out = await this.call('pdd.waybill.search', { wp_code: cpCode });
    const subs = Array.isArray(out.waybill_apply_subscription_cols)
      ? out.waybill_apply_subscription_cols
      : [];
    return subs.map((s) => {
      const r = s as Record<string, unknown>;
      const branches = Array.isArray(r.branch_account_cols) ? r.branch_account_cols : [];
      return {
        cpCode: String(r.wp_code ?? ''),
        branches: branches.map((b) => {
          const x = b as Record<string, unknown>;
          return { name: String(x.branch_name ?? x.branch_code ?? ''), quantity: Number(x.quantity ?? 0) };
        }),
      };
    });
  }
}

/**
 * error_response (or a response with is_success false) → ChannelError: the call-frequency limit
 * pauses the account; an expired or wrong token / signature is the credentials; a message saying
 * the platform itself failed (系统/繁忙/超时/服务异常) is retried; every other answer is PDD
 * refusing this request (a bad address, an unsubscribed carrier, no balance…), which retrying
 * cannot fix [the split between PDD's own faults and refusals is not documented: unconfirmed].
 */
function pddError(what: string, e: Record<string, unknown>): ChannelError {
  const code = Number(e.error_code);
  const text = `${String(e.error_msg ?? '')}${e.sub_msg ? ` (${String(e.sub_msg)})` : ''}`;
  const named = `${what}: ${text} [${[String(e.error_code ?? ''), String(e.sub_code ?? '')].filter((s) => s && s !== 'null').join('/')}]`;
  if (RATE_LIMIT_CODES.has(code) || /频繁|限流|rate limit|too many|frequency/i.test(text))
    return new ChannelError('rate_limited', named, undefined, RATE_LIMIT_WAIT_MS);
  if (AUTH_CODES.has(code) || /access_token|签名|sign/i.test(text))
    return new ChannelError(
      'auth',
      `${named}; check the client_id, client_secret and access token of the Pinduoduo e-waybill account`,
    );
  if (/系统|繁忙|超时|服务.*(异常|错误|不可用)|system|busy|timeout/i.test(text))
    return new ChannelError('server', named);
  return new ChannelError('client', named);
}
