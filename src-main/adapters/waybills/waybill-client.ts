import { createHash } from 'node:crypto';
import { ChannelError, requestJson, type ChannelIo } from '../channels/channel-http';

/**
 * What the e-waybill worker needs from a platform that issues numbers (Cainiao, Pinduoduo…):
 * one small interface, so the worker, its retries, bans and offline pauses, the storage and the
 * screens stay one path and each platform is only a client behind it. Every platform speaks the
 * same "cloud print apply" model (param_waybill_cloud_print_apply_new_request), so the request
 * and answer types are shared too, with the signing and form POST of the TOP-style gateways
 * (Cainiao, Pinduoduo); Douyin signs differently (douyin-waybill.client.ts).
 */
export interface WaybillAddress {
  province: string;
  city: string;
  district: string;
  town: string;
  detail: string;
}

export interface WaybillParty {
  name: string;
  mobile: string;
  phone: string;
  address: WaybillAddress;
}

export interface WaybillApplyOrder {
  /** Our package id; sent as object_id and package_info.id (see waybills.package_id). */
  objectId: string;
  /** The order's channel code on the platform: TB, TM, PDD, JD, DY, OTHERS … */
  channelsType: string;
  tradeOrders: string[];
  items: { name: string; count: number }[];
  weightGrams?: number;
  volumeMl?: number;
  recipient: WaybillParty & { oaid?: string; tid?: string };
}

export interface WaybillApply {
  cpCode: string;
  sender: WaybillParty;
  templateUrl: string;
  storeCode?: string;
  orders: WaybillApplyOrder[];
}

export interface IssuedWaybill {
  objectId: string;
  waybillCode: string;
  printData: string;
  parentWaybillCode: string | null;
}

/** The platform refused this one parcel (the others of the request may have numbers). */
export interface RefusedWaybill {
  objectId: string;
  refusal: string;
}

export const isRefused = (w: IssuedWaybill | RefusedWaybill): w is RefusedWaybill => 'refusal' in w;

export interface WaybillSubscription {
  cpCode: string;
  branches: { name: string; quantity: number }[];
}

/**
 * Three secrets per account. Their meaning is the platform's: Cainiao (TOP) app key, app secret
 * and session key; Pinduoduo client_id, client_secret and access_token;
 * Douyin app_key, app_secret and the shop's access_token.
 */
export interface WaybillCredentials {
  appKey: string;
  appSecret: string;
  sessionKey: string;
}

/** Failures are ChannelErrors (rate_limited with the wait, auth, client = refused, server…). */
export interface WaybillClient {
  /**
   * Up to 10 numbers with their print data, or a per-parcel refusal where the platform answers
   * per parcel (Douyin's err_infos); Cainiao and PDD refuse the whole request instead.
   */
  apply(req: WaybillApply): Promise<(IssuedWaybill | RefusedWaybill)[]>;
  /**
   * False where the platform is not known to answer a repeated package id with the number it
   * already issued (Douyin): the worker then never repeats a request whose answer was lost.
   * Absent = true (Cainiao, PDD: the same package id asked again gets the same number).
   */
  readonly sameNumberOnRetry?: boolean;
  /** Gives a number back; true when the platform took it. */
  cancel(cpCode: string, waybillCode: string): Promise<boolean>;
  /** The shop's subscriptions (the account editor's connection test). */
  subscriptions(cpCode: string): Promise<WaybillSubscription[]>;
}

/** `party` as both platforms' SDK models spell it: optional fields left out when empty. */
export const partyParam = (p: WaybillParty) => ({
  name: p.name,
  ...(p.mobile && { mobile: p.mobile }),
  ...(p.phone && { phone: p.phone }),
  address: {
    province: p.address.province,
    city: p.address.city,
    district: p.address.district,
    ...(p.address.town && { town: p.address.town }),
    detail: p.address.detail,
  },
});

/**
 * trade_order_info_dtos of a cloud-print apply, as Cainiao and Pinduoduo both spell it; each
 * platform adds its own recipient fields (Cainiao's oaid/tid).
 */
export const cloudPrintOrders = (
  req: WaybillApply,
  recipient: (o: WaybillApplyOrder) => Record<string, unknown> = (o) => partyParam(o.recipient),
) =>
  req.orders.map((o) => ({
    object_id: o.objectId,
    order_info: { order_channels_type: o.channelsType, trade_order_list: o.tradeOrders },
    package_info: {
      id: o.objectId,
      items: o.items,
      ...(o.weightGrams && { weight: o.weightGrams }),
      ...(o.volumeMl && { volume: o.volumeMl }),
    },
    recipient: recipient(o),
    template_url: req.templateUrl,
  }));

/** The issued numbers of a cloud-print answer; one module without a number refuses the whole answer. */
export const cloudPrintIssued = (modules: unknown[], what: string): IssuedWaybill[] =>
  modules.map((m) => {
    const r = m as Record<string, unknown>;
    if (typeof r.waybill_code !== 'string' || !r.waybill_code || typeof r.print_data !== 'string')
      throw new ChannelError(
        'bad_answer',
        `${what}: a module has no waybill_code or print_data; nothing from it was saved`,
      );
    return {
      objectId: String(r.object_id ?? ''),
      waybillCode: r.waybill_code,
      printData: r.print_data,
      parentWaybillCode:
        typeof r.parent_waybill_code === 'string' && r.parent_waybill_code ? r.parent_waybill_code : null,
    };
  });

/**
 * upper(md5(secret + sorted key+value pairs + secret)): the signature both TOP (Cainiao) and the
 * PDD router use; TOP leaves parameters with empty values out of it.
 */
export function md5Sign(params: Record<string, string>, secret: string, skipEmpty: boolean): string {
  const body = Object.keys(params)
    .filter((k) => k !== 'sign' && !(skipEmpty && params[k] === ''))
    .sort()
    .map((k) => k + params[k])
    .join('');
  return createHash('md5')
    .update(secret + body + secret, 'utf8')
    .digest('hex')
    .toUpperCase();
}

/**
 * One signed form POST to a TOP-style gateway (Cainiao, PDD): the platform's `error_response`
 * becomes the ChannelError `errorOf` makes, and the answer is the `<method>_response` object.
 */
export async function postSignedForm(
  io: ChannelIo,
  url: string,
  params: Record<string, string>,
  method: string,
  what: string,
  errorOf: (what: string, e: Record<string, unknown>) => ChannelError,
): Promise<Record<string, unknown>> {
  const { body } = await requestJson(
    io,
    url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    },
    what,
  );
  const b = body as Record<string, unknown>;
  if (b.error_response) throw errorOf(what, b.error_response as Record<string, unknown>);
  const key = `${method.replace(/\./g, '_')}_response`;
  const out = b[key];
  if (!out || typeof out !== 'object')
    throw new ChannelError('bad_answer', `${what}: the answer has no ${key}; nothing from it was saved`);
  return out as Record<string, unknown>;
}
