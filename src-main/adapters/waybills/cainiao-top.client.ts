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
 * Cainiao e-waybills (电子面单) through the Taobao Open Platform (TOP) gateway.
 *
 * Field names checked against the TOP SDK models in github bububa/opentaobao
 * `model/waybill/`: CainiaoWaybillIiGetAPIRequest (param_waybill_cloud_print_apply_new_request),
 * WaybillCloudPrintApplyNewRequest (cp_code, sender, trade_order_info_dtos ≤ 10, store_code,
 * need_encrypt), TradeOrderInfoDto (object_id, order_info, package_info, recipient, template_url,
 * user_id), OrderInfoDto (order_channels_type, trade_order_list), PackageInfoDto (id, items,
 * weight g, volume ml), Item (name, count), UserInfoDto / RecipientInfoDto (name, mobile, phone,
 * address, oaid, tid), AddressDto (province, city, district, town, detail),
 * CainiaoWaybillIiGetAPIResponse (modules > waybill_cloud_print_response[]),
 * WaybillCloudPrintResponse (object_id, waybill_code, print_data, parent_waybill_code),
 * CainiaoWaybillIiCancelAPIRequest/Response (cp_code, waybill_code → cancel_result) and
 * CainiaoWaybillIiSearchAPIResponse (waybill_apply_subscription_cols > … > branch_account_cols).
 * The gateway and system parameters follow github XiBao/go-topsdk const.go (eco.taobao.com/router/rest,
 * format json, v 2.0, sign_method md5); the ban-seconds rule is the reference's channel-apis.md §3.
 */
export const TOP_GATEWAY = 'https://eco.taobao.com/router/rest';

export type TopCredentials = WaybillCredentials;
export type { WaybillApply, WaybillApplyOrder, IssuedWaybill } from './waybill-client';

/** Beijing time, as TOP wants its timestamp: yyyy-MM-dd HH:mm:ss. */
export function topTimestamp(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** sign = upper(md5(secret + k1v1k2v2… (keys sorted, empty values left out) + secret)). */
export const topSign = (params: Record<string, string>, secret: string): string =>
  md5Sign(params, secret, true);

/** TOP wraps every list in an object named after its element type; older answers give the bare array. */
function listOf(v: unknown, key: string): unknown[] {
  if (Array.isArray(v)) return v;
  const inner = (v as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(inner) ? inner : [];
}

export class CainiaoTopClient implements WaybillClient {
  constructor(
    private readonly creds: TopCredentials,
    private readonly io: ChannelIo,
    private readonly gateway: string = TOP_GATEWAY,
  ) {}

  /** One signed call; the platform's error_response becomes a ChannelError the callers can act on. */
  private async call(method: string, bizParams: Record<string, string>): Promise<Record<string, unknown>> {
    const params: Record<string, string> = {
      method,
      app_key: this.creds.appKey,
      session: this.creds.sessionKey,
      timestamp: topTimestamp(this.io.now()),
      format: 'json',
      v: '2.0',
      sign_method: 'md5',
      ...bizParams,
    };
    params.sign = topSign(params, this.creds.appSecret);
    return postSignedForm(this.io, this.gateway, params, method, `Cainiao ${method}`, topError);
  }

  /** cainiao.waybill.ii.get: up to 10 numbers with their cloud-print data, in one request. */
  async apply(req: WaybillApply): Promise<IssuedWaybill[]> {
    if (req.orders.length < 1 || req.orders.length > 10)
      throw new Error(`cainiao.waybill.ii.get takes 1–10 orders, not ${req.orders.length}`);
    const param = {
      cp_code: req.cpCode,
      sender: partyParam(req.sender),
      trade_order_info_dtos: cloudPrintOrders(req, (o) => ({
        ...partyParam(o.recipient),
        ...(o.recipient.oaid && { oaid: o.recipient.oaid }),
        ...(o.recipient.tid && { tid: o.recipient.tid }),
      })),
      ...(req.storeCode && { store_code: req.storeCode }),
      need_encrypt: true,
    };
    const out = await this.call('cainiao.waybill.ii.get', {
      param_waybill_cloud_print_apply_new_request: JSON.stringify(param),
    });
    return cloudPrintIssued(
      listOf(out.modules, 'waybill_cloud_print_response'),
      'Cainiao cainiao.waybill.ii.get',
    );
  }

  /** cainiao.waybill.ii.cancel: gives a number back; true when the platform took it. */
  async cancel(cpCode: string, waybillCode: string): Promise<boolean> {
    const out = await this.call('cainiao.waybill.ii.cancel', { cp_code: cpCode, waybill_code: waybillCode });
    return out.cancel_result === true || out.cancel_result === 'true';
  }

  /** cainiao.waybill.ii.search: the shop's subscriptions for the carrier (the connection test). */
  async subscriptions(cpCode: string): Promise<WaybillSubscription[]> {
    const out = await this.call('cainiao.waybill.ii.search', { cp_code: cpCode });
    return listOf(out.waybill_apply_subscription_cols, 'waybill_apply_subscription_info').map((s) => {
      const r = s as Record<string, unknown>;
      return {
        cpCode: String(r.cp_code ?? ''),
        branches: listOf(r.branch_account_cols, 'waybill_branch_account').map((b) => {
          const x = b as Record<string, unknown>;
          return { name: String(x.branch_name ?? x.branch_code ?? ''), quantity: Number(x.quantity ?? 0) };
        }),
      };
    });
  }
}

/**
 * error_response → ChannelError: code 7 (App Call Limited) waits the ban's seconds + 1; isv.*
 * sub-codes are refusals of this request (retrying cannot help); bad signature, app key or
 * session (codes 11, 12, 25, 26, 27, 28, 29) are the credentials; isp.* and the rest are the
 * platform's own faults and are retried.
 */
function topError(what: string, e: Record<string, unknown>): ChannelError {
  const code = Number(e.code);
  const sub = String(e.sub_code ?? '');
  const msg = `${String(e.msg ?? '')}${e.sub_msg ? ` (${String(e.sub_msg)})` : ''}`;
  const named = `${what}: ${msg} [${[String(e.code ?? ''), sub].filter(Boolean).join('/')}]`;
  if (code === 7) {
    const secs = /(\d+)\s*more seconds?/i.exec(String(e.msg ?? '') + String(e.sub_msg ?? ''));
    return new ChannelError('rate_limited', named, undefined, ((secs ? Number(secs[1]) : 1) + 1) * 1000);
  }
  if ([11, 12, 25, 26, 27, 28, 29].includes(code))
    return new ChannelError(
      'auth',
      `${named}; check the app key, secret and session key of the e-waybill account`,
    );
  if (sub.startsWith('isv.')) return new ChannelError('client', named);
  return new ChannelError('server', named);
}
