import { createHmac } from 'node:crypto';
import { ChannelError, defaultChannelIo } from '../../src-main/adapters/channels/channel-http';
import {
  doudianSign,
  DouyinWaybillClient,
  printParams,
  RATE_LIMIT_WAIT_MS,
} from '../../src-main/adapters/waybills/douyin-waybill.client';
import type { WaybillApply } from '../../src-main/adapters/waybills/waybill-client';
import {
  douyinPrintDataFor,
  douyinSignFor,
  fakeDoudianGateway,
  type FakeDoudian,
} from '../fixtures/fake-doudian-gateway';

const sender = {
  name: '上海仓',
  mobile: '13900000000',
  phone: '',
  address: { province: '上海市', city: '上海市', district: '闵行区', town: '', detail: '莘庄路 1 号' },
};
const order = (n: number) => ({
  objectId: `DY${n}_1`,
  channelsType: 'DY',
  tradeOrders: [`692000000000000000${n}`],
  items: [{ name: '马克杯', count: 2 }],
  weightGrams: 800,
  recipient: {
    name: '林*',
    mobile: '1********35',
    phone: '',
    address: { province: '广东省', city: '深圳市', district: '南山区', town: '', detail: '科技园****' },
  },
});
const TEMPLATE = 'https://example.com/douyin/zhongtong.xml';
const apply = (n: number[]): WaybillApply => ({
  cpCode: 'zhongtong',
  sender,
  templateUrl: TEMPLATE,
  orders: n.map(order),
});

describe('Douyin e-waybill client against a local doudian gateway', () => {
  let dy: FakeDoudian;
  const client = (over: Partial<{ secret: string; token: string; timeoutMs: number }> = {}) =>
    new DouyinWaybillClient(
      { appKey: dy.appKey, appSecret: over.secret ?? dy.secret, sessionKey: over.token ?? dy.token },
      { ...defaultChannelIo(), timeoutMs: over.timeoutMs ?? 5_000 },
      dy.url,
    );
  beforeEach(async () => {
    dy = await fakeDoudianGateway();
  });
  afterEach(() => dy.close());

  it('signs as the doudian SDK does: hex hmac-sha256 keyed by the secret over secret + app_key…v2 + secret', () => {
    expect(doudianSign('k', 's', 'm.x', '1700000000', '{}')).toBe(
      createHmac('sha256', 's').update('sapp_keykmethodm.xparam_json{}timestamp1700000000v2s').digest('hex'),
    );
  });

  it('newCreateOrder then waybillApply: numbers with print data, system and business parameters in the SDK shapes', async () => {
    const got = await client().apply(apply([1, 2]));
    expect(dy.refusals).toEqual([]);
    expect(dy.calls.map((c) => c.method)).toEqual(['logistics.newCreateOrder', 'logistics.waybillApply']);
    expect(got).toHaveLength(2);
    const first = got[0] as { waybillCode: string; printData: string; objectId: string };
    expect(first.objectId).toBe('DY1_1');
    expect(first.waybillCode).toMatch(/^75\d{12}$/);
    expect(JSON.parse(first.printData)).toEqual({
      encryptedData: douyinPrintDataFor(first.waybillCode),
      signature: douyinSignFor(first.waybillCode),
      templateURL: TEMPLATE,
    });
    const q = dy.requests[0]!.url.searchParams;
    expect(dy.requests[0]!.url.pathname).toBe('/logistics/newCreateOrder');
    expect([
      q.get('app_key'),
      q.get('method'),
      q.get('v'),
      q.get('access_token'),
      q.get('sign_method'),
    ]).toEqual([dy.appKey, 'logistics.newCreateOrder', '2', dy.token, 'hmac-sha256']);
    expect(Math.abs(Number(q.get('timestamp')) - Date.now() / 1000)).toBeLessThan(60);
    expect(dy.calls[0]!.param).toEqual({
      logistics_code: 'zhongtong',
      sender_info: {
        address: {
          country_code: 'CHN',
          province_name: '上海市',
          city_name: '上海市',
          district_name: '闵行区',
          detail_address: '莘庄路 1 号',
        },
        contact: { name: '上海仓', mobile: '13900000000' },
      },
      order_infos: [
        {
          order_id: '6920000000000000001',
          pack_id: 'DY1_1',
          receiver_info: {
            address: {
              country_code: 'CHN',
              province_name: '广东省',
              city_name: '深圳市',
              district_name: '南山区',
              detail_address: '科技园****',
            },
            contact: { name: '林*', mobile: '1********35' },
          },
          items: [{ item_name: '马克杯', item_count: 2 }],
          total_weight: 800,
        },
        expect.objectContaining({ order_id: '6920000000000000002', pack_id: 'DY2_1' }),
      ],
    });
    expect(dy.calls[1]!.param).toEqual({
      waybill_applies: got.map((g) => ({ logistics_code: 'zhongtong', track_no: (g as any).waybillCode })),
    });
  });

  it('err_infos refuse one parcel only: its refusal beside the others’ numbers', async () => {
    dy.script.push({ kind: 'refuse', orderId: '6920000000000000002', err_msg: '收件地址不在派送范围' });
    const got = await client().apply(apply([1, 2, 3]));
    expect(got.find((g) => g.objectId === 'DY2_1')).toEqual({
      objectId: 'DY2_1',
      refusal: expect.stringContaining('收件地址不在派送范围'),
    });
    expect(got.filter((g) => 'waybillCode' in g).map((g) => g.objectId)).toEqual(['DY1_1', 'DY3_1']);
    // Only the issued numbers are asked for print data.
    expect(dy.calls[1]!.param.waybill_applies).toHaveLength(2);
  });

  it('the same order and pack asked again: a "duplicate" answer fails that parcel for a person, never a second number', async () => {
    await client().apply(apply([1]));
    const [again] = await client().apply(apply([1]));
    expect(again).toEqual({
      objectId: 'DY1_1',
      refusal: expect.stringMatching(/已取号.*already has a waybill.*does not take a second number/),
    });
    expect(dy.issued.size).toBe(1);
    expect(client().sameNumberOnRetry).toBe(false);
  });

  it('a wrong secret fails the signature and an expired token is the credentials: both auth', async () => {
    await expect(client({ secret: 'wrong' }).apply(apply([1]))).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('签名校验失败'),
    });
    const e = await client({ token: 'old' })
      .apply(apply([1]))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChannelError);
    expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('access_token') });
    expect(dy.refusals).toEqual(['bad sign', 'bad token']);
  });

  it('the call-frequency limit pauses the account', async () => {
    dy.script.push({ kind: 'limit' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: RATE_LIMIT_WAIT_MS,
    });
  });

  it('HTTP 500, a timeout and truncated JSON are passing faults of the kinds the worker knows', async () => {
    dy.faults.push({ kind: 'status', status: 500 });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({ kind: 'server', status: 500 });
    dy.faults.push({ kind: 'hang', ms: 600 });
    await expect(client({ timeoutMs: 200 }).apply(apply([2]))).rejects.toMatchObject({ kind: 'timeout' });
    dy.faults.push({ kind: 'truncate' });
    await expect(client().apply(apply([3]))).rejects.toMatchObject({ kind: 'bad_answer' });
  });

  it('print data is asked again after a passing fault; lost three times, the error names the numbers', async () => {
    dy.faults.push(null, { kind: 'status', status: 500 });
    const [got] = await client().apply(apply([2]));
    expect(got).toMatchObject({ objectId: 'DY2_1', waybillCode: expect.stringMatching(/^75/) });
    expect(dy.calls.map((c) => c.method)).toEqual(['logistics.newCreateOrder', 'logistics.waybillApply']);
    dy.issued.clear();

    dy.faults.push(null, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 500 })));
    const e = await client()
      .apply(apply([1]))
      .catch((x: unknown) => x as ChannelError);
    expect(e).toMatchObject({ kind: 'server' });
    expect((e as Error).message).toContain(`Douyin issued ${[...dy.issued.values()][0]}`);
  });

  it('logistics.cancelOrder and logistics.listShopNetsite', async () => {
    const [w] = (await client().apply(apply([1]))) as { waybillCode: string }[];
    expect(await client().cancel('zhongtong', w!.waybillCode)).toBe(true);
    expect(dy.cancelled).toEqual([w!.waybillCode]);
    expect(dy.calls.at(-1)).toEqual({
      method: 'logistics.cancelOrder',
      param: { logistics_code: 'zhongtong', track_no: w!.waybillCode },
    });
    await expect(client().cancel('zhongtong', '75000000000000')).rejects.toMatchObject({ kind: 'client' });
    expect(await client().subscriptions('zhongtong')).toEqual([
      { cpCode: 'zhongtong', branches: [{ name: '上海闵行网点', quantity: 320 }] },
    ]);
    expect(await client().subscriptions('yuantong')).toEqual([]);
  });

  it('print params: a getShopKey query the gateway accepts when the component sends it', async () => {
    const params = printParams({ appKey: dy.appKey, appSecret: dy.secret, sessionKey: dy.token }, Date.now());
    expect(params).toMatch(
      /^access_token=dy-token-abc&app_key=\d+&method=logistics\.getShopKey&param_json=\{\}&timestamp=\d{10}&v=2&sign=[0-9a-f]{64}&sign_method=hmac-sha256$/,
    );
    const q = new URLSearchParams(params);
    const res = await fetch(`${dy.url}/logistics/getShopKey?${params.replace('param_json={}&', '')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: q.get('param_json')!,
    });
    expect(await res.json()).toMatchObject({ code: 10000, data: { key: `KEY-for-${dy.appKey}` } });
    expect(dy.refusals).toEqual([]);
  });

  it('more than 10 orders in one request is refused before anything is sent', async () => {
    await expect(client().apply(apply([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).rejects.toThrow(
      'takes 1–10 orders',
    );
    expect(dy.requests).toHaveLength(0);
  });
});
