import { createHmac } from 'node:crypto';
import type { Core } from '../../src-main/compose';
import { aCore, value } from '../fixtures/core';
import { douyinPrintDataFor, douyinSignFor, fakeDoudianGateway } from '../fixtures/fake-doudian-gateway';
import { aSecretStore } from '../fixtures/fake-secret-store';
import { fakeTopGateway, printDataFor } from '../fixtures/fake-top-gateway';
import { aFloor, allocated } from '../fixtures/fulfillment';
import { aChannel } from '../fixtures/orders';
import { fakePrintComponent } from '../fixtures/print-component';
import { until } from '../fixtures/tcp-printer';
import {
  addComponents,
  addWaybillAccount,
  CAINIAO_TEMPLATE,
  packAll,
  waybillOf,
  worldPerTest,
} from '../fixtures/waybill-floor';

const DY_TEMPLATE = 'https://example.com/douyin/zhongtong.xml';
// A Douyin order as it arrives: the recipient masked, the ciphertext only Douyin can open.
const douyinOrder = (core: Core, n: number) => ({
  channelId: aChannel(core, 'dy-main', 'douyin'),
  externalId: `692000000000000000${n}`,
  recipientName: '林*',
  phone: '1********35',
  addressMasked: true,
  detail: '世纪大道**号',
});
const taobaoOrder = { recipientName: '张**', phone: '138****5678', addressMasked: true, detail: '**号' };

/**
 * The floor (SH via ZTO); ZTO has a Cainiao account on a local TOP gateway and (unless
 * `noDouyin`) a Douyin account on a local doudian gateway, credentials in a test keychain; a
 * Cainiao and a Douyin print component on 127.0.0.1.
 */
async function aWorld(opts: { noDouyin?: boolean } = {}) {
  const top = await fakeTopGateway();
  const dy = await fakeDoudianGateway();
  const cainiaoComponent = await fakePrintComponent();
  const douyinComponent = await fakePrintComponent();
  const secrets = aSecretStore();
  const core = aCore({
    sync: { secrets, io: { timeoutMs: 2_000 } }, // generous: a loaded CI machine must never time out a normal answer
    waybills: { policy: { baseMs: 20, capMs: 40 }, random: () => 0.5 },
  });
  await aFloor(core);
  await addWaybillAccount(core, {
    cpCode: 'ZTO',
    templateUrl: CAINIAO_TEMPLATE,
    gatewayUrl: top.url,
    credentials: { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
  });
  const addDouyin = () =>
    addWaybillAccount(core, {
      platform: 'douyin',
      cpCode: 'zhongtong',
      templateUrl: DY_TEMPLATE,
      gatewayUrl: dy.url,
      credentials: { appKey: dy.appKey, appSecret: dy.secret, sessionKey: dy.token },
    });
  if (!opts.noDouyin) await addDouyin();
  await addComponents(core, [
    ['菜鸟组件', 'cainiao_ws', cainiaoComponent.port],
    ['抖店组件', 'douyin_ws', douyinComponent.port],
  ]);
  return { core, top, dy, cainiaoComponent, douyinComponent, addDouyin };
}

const wb = waybillOf;

describe('Douyin e-waybills for Douyin orders, Cainiao for the rest, on the same carrier', () => {
  const world = worldPerTest(aWorld);

  it('a Douyin order is prefetched from Douyin and printed by the Douyin component with freshly signed params; a Taobao order on ZTO still goes to Cainiao', async () => {
    const { core, top, dy, cainiaoComponent, douyinComponent } = await world();
    const [tb] = await allocated(core, [[['MUG', 1]]], [taobaoOrder]);
    const [d] = await allocated(core, [[['CAP', 2]]], [douyinOrder(core, 1)]);
    await core.waybills.drain();

    const dView = await wb(core, d!);
    expect(dView).toMatchObject({
      platformLabel: true,
      carrier: 'ZTO',
      current: { state: 'active', platform: 'douyin', cpCode: 'zhongtong' },
    });
    const dCode = dView.current.waybillCode as string;
    expect(dCode).toMatch(/^75\d{12}$/);
    expect(dy.refusals).toEqual([]);
    expect(dy.calls.map((c) => c.method)).toEqual(['logistics.newCreateOrder', 'logistics.waybillApply']);
    expect(dy.calls[0]!.param).toMatchObject({
      logistics_code: 'zhongtong',
      order_infos: [
        {
          order_id: '6920000000000000001',
          pack_id: `PD${d}_1`,
          items: [{ item_name: 'CAP', item_count: 2 }],
          receiver_info: { contact: { name: '林*', mobile: '1********35' } },
        },
      ],
    });
    const tbView = await wb(core, tb!);
    expect(tbView.current).toMatchObject({ state: 'active', platform: 'cainiao' });
    const tbCode = tbView.current.waybillCode as string;
    expect(top.applies.flatMap((a) => a.trade_order_info_dtos.map((x: any) => x.object_id))).toEqual([
      `PD${tb}_1`,
    ]);

    core.printQueue.start();
    const [tbDone, dDone] = await packAll(core, [tb!, d!]);
    for (const done of [tbDone, dDone]) {
      expect(done.printJobs.map((j: { document: string }) => j.document)).toEqual(['waybill']);
      const job = done.printJobs[0] as { jobId: number };
      await until(() => core.printQueue.job(job.jobId)!.status === 'done', 5_000);
    }
    const dyPrints = douyinComponent.requests.filter((r) => r.cmd === 'print');
    expect(dyPrints).toHaveLength(1);
    const [doc] = dyPrints[0].task.documents;
    expect(doc.documentID).toBe(dCode);
    expect(doc.contents).toHaveLength(1);
    const content = doc.contents[0];
    expect(content).toEqual({
      encryptedData: douyinPrintDataFor(dCode),
      signature: douyinSignFor(dCode),
      templateURL: DY_TEMPLATE,
      params: expect.any(String),
    });
    // params: the getShopKey query, signed with the account's secret just now.
    const q = new URLSearchParams(content.params);
    expect([
      q.get('access_token'),
      q.get('app_key'),
      q.get('method'),
      q.get('param_json'),
      q.get('v'),
    ]).toEqual([dy.token, dy.appKey, 'logistics.getShopKey', '{}', '2']);
    expect(Math.abs(Number(q.get('timestamp')) - Date.now() / 1000)).toBeLessThan(60);
    expect(q.get('sign')).toBe(
      createHmac('sha256', dy.secret)
        .update(
          `${dy.secret}app_key${dy.appKey}methodlogistics.getShopKeyparam_json{}timestamp${q.get('timestamp')}v2${dy.secret}`,
        )
        .digest('hex'),
    );
    // The stored job holds no token: params are signed when the job is sent.
    const job = dDone.printJobs[0] as { jobId: number };
    const stored = core.ctx.sqlite.prepare('select payload from print_jobs where id = ?').get(job.jobId) as {
      payload: Buffer;
    };
    expect(stored.payload.toString('utf8')).not.toContain(dy.token);
    expect(stored.payload.toString('utf8')).toContain(douyinPrintDataFor(dCode));

    const cainiaoPrints = cainiaoComponent.requests.filter((r) => r.cmd === 'print');
    expect(cainiaoPrints.map((p) => p.task.documents[0].documentID)).toEqual([tbCode]);
    expect(cainiaoPrints[0].task.documents[0].contents[0]).toEqual(JSON.parse(printDataFor(tbCode)));
    expect((await value(core.call('orders.get', { id: d }))).trackingNumber).toBe(dCode);
    expect(await value(core.call('waybill.byCode', { code: dCode }))).toEqual({
      orderId: d,
      carrier: 'ZTO',
      status: 'packed',
    });
  });

  it('a cancelled Douyin order gives its number back to Douyin; a refusal of one order in err_infos fails only that order', async () => {
    const { core, top, dy } = await world();
    dy.script.push({ kind: 'refuse', orderId: '6920000000000000003', err_msg: '收件地址不在派送范围' });
    const [a, b] = await allocated(
      core,
      [[['MUG', 1]], [['CAP', 1]]],
      [douyinOrder(core, 2), douyinOrder(core, 3)],
    );
    await core.waybills.drain();
    // One request for both; the refused order is failed with Douyin's reason, not asked again.
    expect(dy.calls.filter((c) => c.method === 'logistics.newCreateOrder')).toHaveLength(1);
    const refused = await wb(core, b!);
    expect(refused.current).toMatchObject({ state: 'failed', waybillCode: null, accountMissing: false });
    expect(refused.current.lastError).toContain('收件地址不在派送范围');
    const code = (await wb(core, a!)).current.waybillCode as string;
    expect(code).toMatch(/^75/);

    await value(core.call('orders.transition', { ids: [a!], to: 'cancelled', reason: 'buyer cancelled' }));
    await core.waybills.drain();
    expect(dy.cancelled).toEqual([code]);
    expect(dy.calls.at(-1)).toEqual({
      method: 'logistics.cancelOrder',
      param: { logistics_code: 'zhongtong', track_no: code },
    });
    expect(top.cancelled).toEqual([]);
    const after = await wb(core, a!);
    expect(after.current).toBeNull();
    expect(after.history[0]).toMatchObject({ waybillCode: code, state: 'cancelled', platform: 'douyin' });
  });

  it('a Douyin request whose answer was lost is not repeated by itself: the row fails naming 抖店; Fetch now asks again and a duplicate answer takes no second number', async () => {
    const { core, dy } = await world();
    dy.faults.push({ kind: 'hang', ms: 2_600 });
    const [d] = await allocated(core, [[['MUG', 1]]], [douyinOrder(core, 4)]);
    await core.waybills.drain();
    const lost = (await wb(core, d!)).current;
    expect(lost).toMatchObject({ state: 'failed', waybillCode: null });
    expect(lost.lastError).toMatch(/answer was lost.*抖店.*not asked again by itself.*no answer within/);
    // Later drains do not ask again.
    await new Promise((r) => setTimeout(r, 1_600));
    await core.waybills.drain();
    expect(dy.calls.filter((c) => c.method === 'logistics.newCreateOrder')).toHaveLength(1);
    expect(dy.issued.size).toBe(1); // the hung request did take a number

    // A person presses Fetch now: Douyin says the parcel already has one; no second number.
    await value(core.call('waybill.fetch', { orderIds: [d!] }));
    const after = (await wb(core, d!)).current;
    expect(after).toMatchObject({ state: 'failed', waybillCode: null });
    expect(after.lastError).toMatch(/already has a waybill/);
    expect(dy.issued.size).toBe(1);
  });

  it('a Douyin order whose carrier has no Douyin account names that account, prints nothing, and is fetched once it is added', async () => {
    const { core, top, dy, addDouyin } = await world({ noDouyin: true });
    const [d] = await allocated(core, [[['MUG', 1]]], [douyinOrder(core, 5)]);
    await core.waybills.drain();
    const view = await wb(core, d!);
    expect(view.current).toMatchObject({ state: 'failed', platform: 'douyin', accountMissing: true });
    expect(view.current.lastError).toBe(
      "needs a Douyin e-waybill account for ZTO: Douyin orders carry encrypted recipients that only Douyin's own e-waybills can print; add one in Settings → E-waybill accounts",
    );
    expect(top.applies).toEqual([]);
    await addDouyin();
    await core.waybills.drain();
    expect((await wb(core, d!)).current).toMatchObject({ state: 'active', platform: 'douyin' });
    expect(dy.issued.size).toBe(1);
  });

  it('test connection on a Douyin account lists its netsites; a wrong secret is Douyin’s signature refusal', async () => {
    const { core, dy } = await world();
    const typed = (appSecret: string, cpCode = 'zhongtong') =>
      value(
        core.call('waybill.accounts.test', {
          platform: 'douyin',
          cpCode,
          gatewayUrl: dy.url,
          credentials: { appKey: dy.appKey, appSecret, sessionKey: dy.token },
        }),
      );
    expect(await typed(dy.secret)).toEqual({
      ok: true,
      message: 'Connected: zhongtong via 上海闵行网点; 320 numbers left',
    });
    expect(await typed('wrong')).toMatchObject({
      ok: false,
      message: expect.stringContaining('签名校验失败'),
    });
    expect(await typed(dy.secret, 'yuantong')).toMatchObject({
      ok: false,
      message: expect.stringContaining('no yuantong e-waybill subscription'),
    });
  });
});
