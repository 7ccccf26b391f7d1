import { createHash } from 'node:crypto';
import { ChannelError, defaultChannelIo } from '../../src-main/adapters/channels/channel-http';
import {
  PddWaybillClient,
  pddSign,
  RATE_LIMIT_WAIT_MS,
} from '../../src-main/adapters/waybills/pdd-waybill.client';
import type { WaybillApply } from '../../src-main/adapters/waybills/waybill-client';
import { fakePddRouter, pddPrintDataFor, type FakePdd } from '../fixtures/fake-pdd-router';

const sender = {
  name: '上海仓',
  mobile: '13900000000',
  phone: '',
  address: { province: '上海市', city: '上海市', district: '闵行区', town: '', detail: '莘庄路 1 号' },
};
const order = (n: number) => ({
  objectId: `PD${n}_1`,
  channelsType: 'PDD',
  tradeOrders: [`231125-00000000${n}`],
  items: [{ name: '马克杯', count: 2 }],
  weightGrams: 800,
  recipient: {
    name: '林*坤',
    mobile: '1*********5',
    phone: '',
    address: { province: '广东省', city: '深圳市', district: '南山区', town: '', detail: '科技园****' },
  },
});
const apply = (n: number[]): WaybillApply => ({
  cpCode: 'ZTO',
  sender,
  templateUrl: 'https://file-link.pinduoduo.com/zto_one',
  orders: n.map(order),
});

describe('Pinduoduo e-waybill client against a local router', () => {
  let pdd: FakePdd;
  const client = (over: Partial<{ secret: string; token: string; timeoutMs: number }> = {}) =>
    new PddWaybillClient(
      { appKey: pdd.clientId, appSecret: over.secret ?? pdd.secret, sessionKey: over.token ?? pdd.token },
      { ...defaultChannelIo(), timeoutMs: over.timeoutMs ?? 5_000 },
      pdd.url,
    );
  beforeEach(async () => {
    pdd = await fakePddRouter();
  });
  afterEach(() => pdd.close());

  it('signs as PDD does: upper md5 of client_secret + sorted key/values + client_secret', () => {
    expect(pddSign({ type: 't', client_id: 'c', sign: 'x' }, 's')).toBe(
      createHash('md5').update('sclient_idctypets').digest('hex').toUpperCase(),
    );
  });

  it('pdd.waybill.get: numbers with print data, system and business parameters in the documented shape', async () => {
    const got = await client().apply(apply([1, 2]));
    expect(pdd.refusals).toEqual([]);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ objectId: 'PD1_1', parentWaybillCode: null });
    expect(got[0]!.waybillCode).toMatch(/^78\d{12}$/);
    expect(got[0]!.printData).toBe(pddPrintDataFor(got[0]!.waybillCode));
    const sent = new URLSearchParams(pdd.requests[0]!.body);
    expect(sent.get('type')).toBe('pdd.waybill.get');
    expect(sent.get('client_id')).toBe(pdd.clientId);
    expect(sent.get('access_token')).toBe(pdd.token);
    expect(sent.get('data_type')).toBe('JSON');
    expect(Math.abs(Number(sent.get('timestamp')) - Date.now() / 1000)).toBeLessThan(60);
    expect(JSON.parse(sent.get('param_waybill_cloud_print_apply_new_request')!)).toEqual({
      wp_code: 'ZTO',
      need_encrypt: true,
      sender: {
        name: '上海仓',
        mobile: '13900000000',
        address: { province: '上海市', city: '上海市', district: '闵行区', detail: '莘庄路 1 号' },
      },
      trade_order_info_dtos: [
        {
          object_id: 'PD1_1',
          order_info: { order_channels_type: 'PDD', trade_order_list: ['231125-000000001'] },
          package_info: { id: 'PD1_1', items: [{ name: '马克杯', count: 2 }], weight: 800 },
          recipient: {
            name: '林*坤',
            mobile: '1*********5',
            address: { province: '广东省', city: '深圳市', district: '南山区', detail: '科技园****' },
          },
          template_url: 'https://file-link.pinduoduo.com/zto_one',
        },
        expect.objectContaining({ object_id: 'PD2_1' }),
      ],
    });
    // The same order and package asked again: the same number.
    const again = await client().apply(apply([1]));
    expect(again[0]!.waybillCode).toBe(got[0]!.waybillCode);
    expect(pdd.issued.size).toBe(2);
  });

  it('a wrong client_secret fails the signature; an expired token is the credentials too', async () => {
    const e = await client({ secret: 'wrong' })
      .apply(apply([1]))
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ChannelError);
    expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('签名错误') });
    await expect(client({ token: 'old' }).apply(apply([1]))).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringContaining('10019'),
    });
    expect(pdd.refusals).toEqual(['bad sign', 'bad token']);
  });

  it('a refusal is a client error naming PDD’s reason (no retry)', async () => {
    pdd.script.push({ kind: 'refuse', sub_code: 'address_unreachable', sub_msg: '收件地址不在派送范围' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({
      kind: 'client',
      message: expect.stringContaining('收件地址不在派送范围'),
    });
  });

  it('the call-frequency limit pauses the account', async () => {
    pdd.script.push({ kind: 'limit' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: RATE_LIMIT_WAIT_MS,
    });
  });

  it('HTTP 500, a timeout and truncated JSON are passing faults', async () => {
    pdd.faults.push({ kind: 'status', status: 500 });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({ kind: 'server', status: 500 });
    pdd.faults.push({ kind: 'hang', ms: 600 });
    await expect(client({ timeoutMs: 200 }).apply(apply([1]))).rejects.toMatchObject({ kind: 'timeout' });
    pdd.faults.push({ kind: 'truncate' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({ kind: 'bad_answer' });
  });

  it('pdd.waybill.cancel and pdd.waybill.search', async () => {
    const [w] = await client().apply(apply([1]));
    expect(await client().cancel('ZTO', w!.waybillCode)).toBe(true);
    expect(pdd.cancelled).toEqual([w!.waybillCode]);
    const sent = new URLSearchParams(pdd.requests[1]!.body);
    expect([sent.get('type'), sent.get('wp_code'), sent.get('waybill_code')]).toEqual([
      'pdd.waybill.cancel',
      'ZTO',
      w!.waybillCode,
    ]);
    await expect(client().cancel('ZTO', '78000000000000')).rejects.toMatchObject({ kind: 'client' });
    expect(await client().subscriptions('ZTO')).toEqual([
      { cpCode: 'ZTO', branches: [{ name: '上海闵行网点', quantity: 512 }] },
    ]);
  });

  it('more than 10 orders in one request is refused before anything is sent', async () => {
    await expect(client().apply(apply([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).rejects.toThrow(
      'takes 1–10 orders',
    );
    expect(pdd.requests).toHaveLength(0);
  });
});
