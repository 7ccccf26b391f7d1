import type { Core } from '../../src-main/compose';
import { defaultChannelIo } from '../../src-main/adapters/channels/channel-http';
import { CainiaoTopClient } from '../../src-main/adapters/waybills/cainiao-top.client';
import { aCore, value } from '../fixtures/core';
import { aSecretStore } from '../fixtures/fake-secret-store';
import { fakePddRouter, pddPrintDataFor } from '../fixtures/fake-pdd-router';
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
  WAYBILL_SENDER as sender,
} from '../fixtures/waybill-floor';

// A PDD order as it arrives: the recipient masked, the ciphertext only PDD can open.
const pddOrder = (core: Core, n: number) => ({
  channelId: aChannel(core, 'pdd-main', 'pdd'),
  externalId: `231125-00000000${n}`,
  recipientName: '林*坤',
  phone: '1*********5',
  addressMasked: true,
  detail: '世纪大道**号',
});
const taobaoOrder = { recipientName: '张**', phone: '138****5678', addressMasked: true, detail: '**号' };

/**
 * The floor (SH via ZTO); ZTO has a Cainiao account on a local TOP gateway and (unless `noPdd`)
 * a Pinduoduo account on a local PDD router, credentials in a test keychain; a Cainiao and a PDD
 * print component on 127.0.0.1.
 */
async function aWorld(opts: { noPdd?: boolean } = {}) {
  const top = await fakeTopGateway();
  const pdd = await fakePddRouter();
  const cainiaoComponent = await fakePrintComponent();
  const pddComponent = await fakePrintComponent({ resultCmd: 'PrintResultNotify' });
  const secrets = aSecretStore();
  const core = aCore({
    sync: { secrets, io: { timeoutMs: 2_000 } },
    waybills: { policy: { baseMs: 20, capMs: 40 }, random: () => 0.5 },
  });
  await aFloor(core);
  await addWaybillAccount(core, {
    cpCode: 'ZTO',
    templateUrl: CAINIAO_TEMPLATE,
    gatewayUrl: top.url,
    credentials: { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
  });
  const addPdd = () =>
    addWaybillAccount(core, {
      platform: 'pdd',
      cpCode: 'ZTO',
      templateUrl: 'https://file-link.pinduoduo.com/zto_one',
      gatewayUrl: pdd.url,
      credentials: { appKey: pdd.clientId, appSecret: pdd.secret, sessionKey: pdd.token },
    });
  if (!opts.noPdd) await addPdd();
  await addComponents(core, [
    ['菜鸟组件', 'cainiao_ws', cainiaoComponent.port],
    ['拼多多组件', 'pdd_ws', pddComponent.port],
  ]);
  return { core, top, pdd, cainiaoComponent, pddComponent, addPdd };
}

const wb = waybillOf;

describe('Pinduoduo e-waybills for PDD orders, Cainiao for the rest, on the same carrier', () => {
  const world = worldPerTest(aWorld);

  it('a PDD order is prefetched from PDD and printed by the PDD component; a Taobao order on ZTO still goes to Cainiao', async () => {
    const { core, top, pdd, cainiaoComponent, pddComponent } = await world();
    const [tb] = await allocated(core, [[['MUG', 1]]], [taobaoOrder]);
    const [pd] = await allocated(core, [[['CAP', 2]]], [pddOrder(core, 1)]);
    await core.waybills.drain();

    const pdView = await wb(core, pd!);
    expect(pdView).toMatchObject({
      platformLabel: true,
      carrier: 'ZTO',
      current: { state: 'active', platform: 'pdd', cpCode: 'ZTO' },
    });
    const pdCode = pdView.current.waybillCode as string;
    expect(pdCode).toMatch(/^78\d{12}$/);
    expect(pdd.refusals).toEqual([]);
    expect(pdd.applies).toHaveLength(1);
    expect(pdd.applies[0]).toMatchObject({
      wp_code: 'ZTO',
      trade_order_info_dtos: [
        {
          object_id: `PD${pd}_1`,
          order_info: { order_channels_type: 'PDD', trade_order_list: ['231125-000000001'] },
          package_info: { id: `PD${pd}_1`, items: [{ name: 'CAP', count: 2 }], weight: 200 },
          recipient: { name: '林*坤', mobile: '1*********5' },
          template_url: 'https://file-link.pinduoduo.com/zto_one',
        },
      ],
    });
    const tbView = await wb(core, tb!);
    expect(tbView.current).toMatchObject({ state: 'active', platform: 'cainiao' });
    const tbCode = tbView.current.waybillCode as string;
    expect(tbCode).toMatch(/^73\d{12}$/);
    // Each platform was asked only for its own orders.
    expect(top.applies.flatMap((a) => a.trade_order_info_dtos.map((d: any) => d.object_id))).toEqual([
      `PD${tb}_1`,
    ]);

    core.printQueue.start();
    const [tbDone, pdDone] = await packAll(core, [tb!, pd!]);
    for (const done of [tbDone, pdDone])
      expect(done.printJobs.map((j: { document: string }) => j.document)).toEqual(['waybill']);
    for (const done of [tbDone, pdDone]) {
      const job = done.printJobs[0] as { jobId: number };
      await until(() => core.printQueue.job(job.jobId)!.status === 'done', 5_000);
    }
    const pddPrints = pddComponent.requests.filter((r) => r.cmd === 'print');
    expect(pddPrints).toHaveLength(1);
    expect(pddPrints[0].task.documents).toEqual([
      { documentID: pdCode, contents: [JSON.parse(pddPrintDataFor(pdCode))] },
    ]);
    const cainiaoPrints = cainiaoComponent.requests.filter((r) => r.cmd === 'print');
    expect(cainiaoPrints.map((p) => p.task.documents[0].documentID)).toEqual([tbCode]);
    expect(cainiaoPrints[0].task.documents[0].contents[0]).toEqual(JSON.parse(printDataFor(tbCode)));
    expect((await value(core.call('orders.get', { id: pd }))).trackingNumber).toBe(pdCode);
    expect(await value(core.call('waybill.byCode', { code: pdCode }))).toEqual({
      orderId: pd,
      carrier: 'ZTO',
      status: 'packed',
    });
  });

  it('a PDD order whose carrier has only a Cainiao account fails clearly, prints nothing, and fetches from PDD once the account is added', async () => {
    const { core, top, pdd, addPdd } = await world({ noPdd: true });
    const [pd] = await allocated(core, [[['MUG', 1]]], [pddOrder(core, 2)]);
    await core.waybills.drain();
    const view = await wb(core, pd!);
    expect(view.platformLabel).toBe(true);
    expect(view.current).toMatchObject({
      state: 'failed',
      platform: 'pdd',
      waybillCode: null,
      accountMissing: true,
    });
    expect(view.current.lastError).toMatch(/^needs a Pinduoduo e-waybill account for ZTO/);
    // Cainiao was never asked: a Cainiao number on a PDD order could not be printed.
    expect(top.applies).toEqual([]);
    // "Fetch now" has nothing to ask while the account is missing.
    await value(core.call('waybill.fetch', { orderIds: [pd!] }));
    expect((await wb(core, pd!)).current).toMatchObject({ state: 'failed', attempts: 0 });

    const [done] = await packAll(core, [pd!]);
    expect(done.printJobs.some((j: { document: string }) => j.document === 'label')).toBe(false);
    expect(done.printJobs.some((j: { document: string }) => j.document === 'waybill')).toBe(false);
    expect(done.warnings).toContainEqual(
      expect.stringMatching(
        /^e-waybill for ZTO has no number yet: it needs a Pinduoduo e-waybill account for ZTO/,
      ),
    );

    await addPdd();
    await core.waybills.drain();
    const after = await wb(core, pd!);
    expect(after.current).toMatchObject({ state: 'active', platform: 'pdd' });
    expect(after.current.waybillCode).toMatch(/^78\d{12}$/);
    expect(pdd.applies).toHaveLength(1);
    expect(top.applies).toEqual([]);
    // Packed while waiting: it prints through the PDD component as soon as the number came.
    const jobs = await value(core.call('printing.jobs.list', { orderId: pd }));
    expect(jobs.rows.filter((j: { document: string }) => j.document === 'waybill')).toHaveLength(1);
  });

  it('a cancelled PDD order gives its number back to PDD; a PDD refusal names PDD’s reason', async () => {
    const { core, top, pdd } = await world();
    pdd.script.push({
      kind: 'refuse',
      sub_code: 'address_unreachable',
      sub_msg: '收件地址不在派送范围',
      when: (orders) => orders.includes('231125-000000004'),
    });
    const [a, b] = await allocated(
      core,
      [[['MUG', 1]], [['CAP', 1]]],
      [pddOrder(core, 3), pddOrder(core, 4)],
    );
    await core.waybills.drain();
    const refused = await wb(core, b!);
    expect(refused.current).toMatchObject({ state: 'failed' });
    expect(refused.current.lastError).toContain('收件地址不在派送范围');
    const code = (await wb(core, a!)).current.waybillCode as string;
    expect(code).toMatch(/^78/);

    await value(core.call('orders.transition', { ids: [a!], to: 'cancelled', reason: 'buyer cancelled' }));
    await core.waybills.drain();
    expect(pdd.cancelled).toEqual([code]);
    expect(top.cancelled).toEqual([]);
    const after = await wb(core, a!);
    expect(after.current).toBeNull();
    expect(after.history[0]).toMatchObject({ waybillCode: code, state: 'cancelled', platform: 'pdd' });
  });

  it('the PDD call-frequency limit pauses only the PDD account; Cainiao orders still get numbers', async () => {
    const { core, pdd } = await world();
    pdd.script.push({ kind: 'limit' });
    const [tb] = await allocated(core, [[['MUG', 1]]], [taobaoOrder]);
    const [pd] = await allocated(core, [[['CAP', 1]]], [pddOrder(core, 5)]);
    await core.waybills.drain();
    expect((await wb(core, tb!)).current).toMatchObject({ state: 'active', platform: 'cainiao' });
    const waiting = (await wb(core, pd!)).current;
    expect(waiting).toMatchObject({ state: 'pending', attempts: 0 });
    expect(waiting.lastError).toContain('调用过于频繁');
    expect(pdd.applies).toHaveLength(1);
  });

  it('a Cainiao number taken for a PDD order before PDD accounts existed is given back to Cainiao and replaced by a PDD one', async () => {
    const { core, top, pdd, addPdd } = await world({ noPdd: true });
    const [pd] = await allocated(core, [[['MUG', 1]]], [pddOrder(core, 6)]);
    // As an order planned before migration 0022 stands: a live Cainiao number on a PDD order.
    const cainiao = (await value(core.call('waybill.accounts.list', {}))).rows[0]!;
    const [taken] = await new CainiaoTopClient(
      { appKey: top.appKey, appSecret: top.secret, sessionKey: top.session },
      defaultChannelIo(),
      top.url,
    ).apply({
      cpCode: 'ZTO',
      sender: { ...sender, phone: '', address: { ...sender, town: '' } },
      templateUrl: cainiao.templateUrl,
      orders: [
        {
          objectId: `PD${pd}_1`,
          channelsType: 'PDD',
          tradeOrders: ['231125-000000006'],
          items: [{ name: 'MUG', count: 1 }],
          recipient: { name: '林*坤', mobile: '1*********5', phone: '', address: { ...sender, town: '' } },
        },
      ],
    });
    core.ctx.sqlite
      .prepare(
        `insert into waybills (order_id, account_id, carrier, platform, cp_code, package_id, waybill_code, print_data, state, created_at, updated_at)
         values (?, ?, 'ZTO', 'cainiao', 'ZTO', ?, ?, '{}', 'active', 1, 1)`,
      )
      .run(pd, cainiao.id, `PD${pd}_1`, taken!.waybillCode);

    await addPdd();
    await core.waybills.drain();
    expect(top.cancelled).toEqual([taken!.waybillCode]);
    const after = await wb(core, pd!);
    expect(after.current).toMatchObject({ state: 'active', platform: 'pdd' });
    expect(after.current.waybillCode).toMatch(/^78/);
    expect(pdd.applies).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      waybillCode: taken!.waybillCode,
      state: 'cancelled',
      platform: 'cainiao',
    });
  });

  it('accounts are unique per carrier and platform; test connection speaks to the account’s own platform', async () => {
    const { core, pdd } = await world();
    const again = await core.call('waybill.accounts.save', {
      carrier: 'ZTO',
      platform: 'pdd',
      cpCode: 'ZTO',
      templateUrl: 'https://file-link.pinduoduo.com/zto_one',
      sender,
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('ZTO already has a Pinduoduo e-waybill account'),
      },
    });
    const rows = (await value(core.call('waybill.accounts.list', {}))).rows;
    expect(rows.map((r: { platform: string }) => r.platform).sort()).toEqual(['cainiao', 'pdd']);
    const pddAccount = rows.find((r: { platform: string }) => r.platform === 'pdd')!;

    // Stored credentials of the PDD account are tested against the PDD router.
    expect(
      await value(
        core.call('waybill.accounts.test', { id: pddAccount.id, cpCode: 'ZTO', gatewayUrl: pdd.url }),
      ),
    ).toEqual({ ok: true, message: 'Connected: ZTO via 上海闵行网点; 512 numbers left' });
    // Typed ones too; a wrong client secret is named as PDD's signature refusal.
    const typed = (appSecret: string, cpCode = 'ZTO') =>
      value(
        core.call('waybill.accounts.test', {
          platform: 'pdd',
          cpCode,
          gatewayUrl: pdd.url,
          credentials: { appKey: pdd.clientId, appSecret, sessionKey: pdd.token },
        }),
      );
    expect(await typed('wrong')).toMatchObject({ ok: false, message: expect.stringContaining('签名错误') });
    expect(await typed(pdd.secret, 'YTO')).toMatchObject({
      ok: false,
      message: expect.stringContaining(
        "no YTO e-waybill subscription (it has ZTO); subscribe in Pinduoduo's e-waybill service",
      ),
    });
    expect(pdd.requests.map((r) => new URLSearchParams(r.body).get('type'))).toEqual([
      'pdd.waybill.search',
      'pdd.waybill.search',
      'pdd.waybill.search',
    ]);
  });
});
