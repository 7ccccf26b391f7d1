import { createHash } from 'node:crypto';
import { ChannelError, defaultChannelIo } from '../../src-main/adapters/channels/channel-http';
import {
  CainiaoTopClient,
  topSign,
  topTimestamp,
  type WaybillApply,
} from '../../src-main/adapters/waybills/cainiao-top.client';
import { fakeTopGateway, printDataFor, type FakeTop } from '../fixtures/fake-top-gateway';

const sender = {
  name: '上海仓',
  mobile: '13900000000',
  phone: '',
  address: { province: '上海市', city: '上海市', district: '浦东新区', town: '', detail: '川沙路 100 号' },
};
const order = (n: number) => ({
  objectId: `PD${n}_1`,
  channelsType: 'TB',
  tradeOrders: [`T${n}`],
  items: [{ name: '马克杯', count: 1 }],
  weightGrams: 400,
  recipient: {
    name: '张*',
    mobile: '138****5678',
    phone: '',
    address: { province: '广东省', city: '深圳市', district: '南山区', town: '', detail: '科技园****' },
    tid: `T${n}`,
  },
});
const apply = (n: number[]): WaybillApply => ({
  cpCode: 'ZTO',
  sender,
  templateUrl: 'http://cloudprint.cainiao.com/template/standard/101',
  orders: n.map(order),
});

describe('Cainiao TOP client against a local gateway', () => {
  let top: FakeTop;
  const client = (over: Partial<{ secret: string; timeoutMs: number }> = {}) =>
    new CainiaoTopClient(
      { appKey: top.appKey, appSecret: over.secret ?? top.secret, sessionKey: top.session },
      { ...defaultChannelIo(), timeoutMs: over.timeoutMs ?? 5_000 },
      top.url,
    );
  beforeEach(async () => {
    top = await fakeTopGateway();
  });
  afterEach(() => top.close());

  it('signs as TOP does: upper md5 of secret + sorted key/values (empties left out) + secret', () => {
    // md5("sa1b2s") computed independently of the client's sort and filter.
    expect(topSign({ b: '2', a: '1', sign: 'x', empty: '' }, 's')).toBe(
      createHash('md5').update('sa1b2s').digest('hex').toUpperCase(),
    );
    expect(topTimestamp(Date.UTC(2026, 10, 25, 18, 5, 9))).toBe('2026-11-26 02:05:09');
  });

  it('cainiao.waybill.ii.get: a batch of numbers with their print data, the request in the documented shape', async () => {
    const got = await client().apply(apply([1, 2]));
    expect(top.refusals).toEqual([]);
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ objectId: 'PD1_1', parentWaybillCode: null });
    expect(got[0]!.waybillCode).toMatch(/^73\d{12}$/);
    expect(got[0]!.printData).toBe(printDataFor(got[0]!.waybillCode));
    const sent = new URLSearchParams(top.requests[0]!.body);
    expect(sent.get('method')).toBe('cainiao.waybill.ii.get');
    expect(JSON.parse(sent.get('param_waybill_cloud_print_apply_new_request')!)).toMatchObject({
      cp_code: 'ZTO',
      need_encrypt: true,
      sender: {
        name: '上海仓',
        mobile: '13900000000',
        address: { province: '上海市', detail: '川沙路 100 号' },
      },
      trade_order_info_dtos: [
        {
          object_id: 'PD1_1',
          order_info: { order_channels_type: 'TB', trade_order_list: ['T1'] },
          package_info: { id: 'PD1_1', items: [{ name: '马克杯', count: 1 }], weight: 400 },
          recipient: { name: '张*', tid: 'T1', address: { province: '广东省' } },
          template_url: 'http://cloudprint.cainiao.com/template/standard/101',
        },
        { object_id: 'PD2_1' },
      ],
    });
    // The same order and package asked again: the same number, never a second one.
    const again = await client().apply(apply([1]));
    expect(again[0]!.waybillCode).toBe(got[0]!.waybillCode);
    expect(top.issued.size).toBe(2);
  });

  it('a wrong secret fails the signature check and is reported as the credentials', async () => {
    const e = await client({ secret: 'wrong' })
      .apply(apply([1]))
      .catch((x: unknown) => x);
    expect(top.refusals).toEqual(['bad sign']);
    expect(e).toBeInstanceOf(ChannelError);
    expect(e).toMatchObject({ kind: 'auth', message: expect.stringContaining('Invalid signature') });
  });

  it('isv refusal: a client error naming the sub code (no retry)', async () => {
    top.script.push({ kind: 'isv', sub_code: 'isv.address-not-reachable', sub_msg: '地址不可达' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({
      kind: 'client',
      message: expect.stringContaining('地址不可达'),
    });
  });

  it('code 7 ban: rate limited for the ban seconds + 1', async () => {
    top.script.push({ kind: 'ban', seconds: 42 });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({
      kind: 'rate_limited',
      retryAfterMs: 43_000,
    });
  });

  it('HTTP 500, a timeout and truncated JSON are passing faults', async () => {
    top.faults.push({ kind: 'status', status: 500 });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({ kind: 'server', status: 500 });
    top.faults.push({ kind: 'hang', ms: 600 });
    await expect(client({ timeoutMs: 200 }).apply(apply([1]))).rejects.toMatchObject({ kind: 'timeout' });
    top.faults.push({ kind: 'truncate' });
    await expect(client().apply(apply([1]))).rejects.toMatchObject({ kind: 'bad_answer' });
  });

  it('cainiao.waybill.ii.cancel and ii.search', async () => {
    const [w] = await client().apply(apply([1]));
    expect(await client().cancel('ZTO', w!.waybillCode)).toBe(true);
    expect(top.cancelled).toEqual([w!.waybillCode]);
    await expect(client().cancel('ZTO', '73000000000000')).rejects.toMatchObject({ kind: 'client' });
    expect(await client().subscriptions('ZTO')).toEqual([
      { cpCode: 'ZTO', branches: [{ name: '上海浦东网点', quantity: 980 }] },
    ]);
  });

  it('more than 10 orders in one request is refused before anything is sent', async () => {
    await expect(client().apply(apply([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]))).rejects.toThrow(
      'takes 1–10 orders',
    );
    expect(top.requests).toHaveLength(0);
  });
});
