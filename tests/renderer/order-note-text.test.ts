import type { OrderDetail } from '../../src-shared/contract/orders.contract';
import { aCore, value } from '../fixtures/core';
import { aFloor, allocated, BARCODE } from '../fixtures/fulfillment';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { aRoutingWorld, approvedOrders, line, shanghai } from '../fixtures/routing';
import { alertText } from '../../src-renderer/app/alert-text';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { ledgerReasonText } from '../../src-renderer/features/inventory/ledger-reason-text';
import { packRefusalText } from '../../src-renderer/features/packing/pack-problems-text';
import {
  historyActorText,
  historyNoteText,
  orderReasonText,
} from '../../src-renderer/features/orders/order-note-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

type TestCore = ReturnType<typeof aCore>;

const anna = { actor: 'anna' };

/** The order's history as the drawer gets it, oldest first: what the core wrote, and what zh-CN says. */
async function history(core: TestCore, id: number) {
  const o: OrderDetail = await value(core.call('orders.get', { id }));
  return o.history.map((h) => ({
    written: h.reason,
    zh: historyNoteText(zh, h),
    en: historyNoteText(en, h),
    actor: historyActorText(zh, h.actor),
  }));
}

describe('order notes from the core in the UI language', () => {
  let core: TestCore;
  beforeEach(() => {
    core = aCore();
  });
  afterEach(() => core.dispose());

  it('says routing, picking, packing, shipping and a short pick; codes and numbers kept', async () => {
    await aFloor(core);
    const [shipped, shorted] = await allocated(core, [[['MUG', 1]], [['CAP', 1]]]);
    const wave = await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 50 }));
    const { sessionId } = await value(core.call('packing.open', { code: String(shipped) }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    await value(core.call('packing.complete', { sessionId }));
    await value(
      core.call('shipping.confirm', {
        orderIds: [shipped],
        carrier: 'ZTO',
        trackingNumber: '73100000000001',
      }),
    );
    const alerts: string[] = [];
    core.subscribe((e) => {
      if (e.name === 'alert') alerts.push((e.payload as { message: string }).message);
    });
    await value(core.call('picking.short', { waveId: wave.id, sku: 'CAP', found: 0 }));
    // The short pick's toast, as the core words it.
    expect(alerts.map((a) => alertText(zh, a))).toContain(
      `SH 的 CAP：波次 ${wave.id} 拣货缺货，20 件已核销，待盘点库位 B-01`,
    );

    const a = await history(core, shipped!);
    expect(a.map((h) => h.written)).toEqual([
      'test',
      'chose SH via ZTO: the only warehouse with everything in stock that a carrier can ship from',
      `wave ${wave.id}, slot 1`,
      `packed in session ${sessionId}`,
      'ZTO 73100000000001',
    ]);
    expect(a.map((h) => h.zh)).toEqual([
      'test',
      '选择 SH，ZTO 发货：唯一有货且有快递可发的仓库',
      `拣货波次 ${wave.id}，格口 1`,
      `打包会话 ${sessionId} 完成打包`,
      'ZTO，运单号 73100000000001',
    ]);
    expect(a.map((h) => h.en).slice(1)).toEqual([
      'Chose SH via ZTO: the only warehouse with everything in stock that a carrier can ship from',
      `wave ${wave.id}, slot 1`,
      `packed in session ${sessionId}`,
      'ZTO, tracking number 73100000000001',
    ]);

    // The stock ledger's rows of the short pick: the write-off and the release with the order's note.
    const ledger = await value(core.call('inventory.ledger', { sku: 'CAP', warehouse: 'SH', limit: 50 }));
    const reasons = (ledger.rows as { reason: string | null }[]).map((r) => ledgerReasonText(zh, r.reason));
    expect(reasons).toContain(`拣货缺货，待盘点：库位 B-01 只有 0 件，波次 ${wave.id} 需要 1 × CAP`);
    expect(reasons).toContain(`释放：波次 ${wave.id} 拣货缺货：CAP 需要 1 件，只找到 0 件；重新分仓`);

    const b = await history(core, shorted!);
    expect(b.slice(3).map((h) => h.written)).toEqual([
      `short pick in wave ${wave.id}: 0 of 1 × CAP found`,
      `short pick in wave ${wave.id}: 0 of 1 × CAP found; re-routing`,
      'no warehouse has everything; waiting for 1 × CAP at SH',
    ]);
    expect(b.slice(3).map((h) => h.zh)).toEqual([
      `波次 ${wave.id} 拣货缺货：CAP 需要 1 件，只找到 0 件`,
      `波次 ${wave.id} 拣货缺货：CAP 需要 1 件，只找到 0 件；重新分仓`,
      '没有仓库能一次发齐；在 SH 等待到货：1 × CAP',
    ]);
  });

  it('says the review rules, a decision without a reason, split and merge; typed reasons as written', async () => {
    await aRoutingWorld(core);
    await value(
      core.call('review.rules.save', {
        name: 'Big orders',
        condition: { field: 'total', op: 'gte', value: 100_000 },
        actions: [{ type: 'hold', reason: '大额订单，人工审核' }],
      }),
    );
    const channelId = aChannel(core);
    const [big, twoLines] = seedOrders(core, [
      anOrder({ channelId, lines: [{ ...line('TEE', 1), unitPriceMinor: 200_000 }] }),
      anOrder({ channelId, ...shanghai, lines: [line('TEE', 1), line('CRAB', 1)] }),
    ]);
    await value(core.call('review.run', {}, anna));
    await value(core.call('review.decide', { ids: [big], decision: 'approve' }, anna));
    const { orderIds: parts } = await value(core.call('orders.split', { id: twoLines, groups: [[1], [2]] }));
    const [a, b] = await approvedOrders(core, [
      { ...shanghai, lines: [line('TEE', 1)] },
      { ...shanghai, lines: [line('CRAB', 1)] },
    ]);
    const { orderId: merged } = await value(core.call('orders.merge', { ids: [a, b] }));
    await value(core.call('orders.transition', { ids: [merged], to: 'held', reason: '买家来电要求改地址' }));

    const held = await history(core, big!);
    expect(held.map((h) => [h.written, h.zh, h.actor])).toEqual([
      [
        'Big orders: hold: 大额订单，人工审核',
        'Big orders：挂起：大额订单，人工审核',
        '审单规则（anna 运行）',
      ],
      ['manual approve', '人工通过，未填写原因', 'anna'],
    ]);
    expect(held[1]!.en).toBe('approved by hand, no reason given');

    const split = await history(core, twoLines!);
    expect(split.at(-1)!.written).toBe(`split into #${parts[0]}, #${parts[1]}`);
    expect(split.at(-1)!.zh).toBe(`已拆分为 #${parts[0]}、#${parts[1]}`);
    const part: OrderDetail = await value(core.call('orders.get', { id: parts[0] }));
    expect(part.reasons).toEqual([`split from #${twoLines}`]);
    expect(orderReasonText(zh, part.reasons[0]!)).toBe(`由 #${twoLines} 拆分而来`);

    const into = await history(core, a!);
    expect(into.at(-1)!.zh).toBe(`已合并到 #${merged}`);
    const m: OrderDetail = await value(core.call('orders.get', { id: merged }));
    expect(m.reasons[0]).toBe(`merged from #${a}, #${b}`);
    expect(orderReasonText(zh, m.reasons[0]!)).toBe(`由 #${a}、#${b} 合并而来`);
    const mh = await history(core, merged);
    expect(mh.map((h) => h.zh)).toEqual([`由 #${a}、#${b} 合并而来`, '买家来电要求改地址']);
  });

  it("says a supervisor's override at packing with what was wrong with the parcel", async () => {
    await aFloor(core);
    const [id] = await allocated(core, [[['MUG', 2]]]);
    await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 5 }));
    const { sessionId } = await value(core.call('packing.open', { code: String(id) }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.MUG }));
    await value(core.call('packing.scan', { sessionId, barcode: BARCODE.CAP }));
    // Without an override the core refuses, naming the same problems (the bench shows it).
    const refused = await core.call('packing.complete', { sessionId, weightGrams: 2000 });
    expect(refused.ok).toBe(false);
    expect(packRefusalText(zh, (refused as { error: { message: string } }).error.message)).toBe(
      `订单 ${id} 无法完成打包：缺少 1 × MUG (马克杯)；1 次错扫或多扫（错货 CAP）；包裹重 2000 g，但商品应重 800 g（允差 ±80 g）。请扫描缺少的商品，或由主管填写原因放行`,
    );
    await value(
      core.call('packing.complete', {
        sessionId,
        weightGrams: 2000,
        override: { supervisor: '王主管', reason: '客户同意只发一个' },
      }),
    );
    const h = (await history(core, id!)).find((x) => x.written?.startsWith('supervisor '))!;
    expect(h.written).toMatch(
      /^supervisor 王主管: 客户同意只发一个 \(missing 1 × MUG \(马克杯\); 1 wrong or extra scan/,
    );
    expect(h.zh).toBe(
      '主管 王主管 放行：客户同意只发一个（缺少 1 × MUG (马克杯)；1 次错扫或多扫（错货 CAP）；包裹重 2000 g，但商品应重 800 g（允差 ±80 g））',
    );
    expect(h.en).toBe(h.written);
  });

  it('says a decision and a correction in the order reasons; an unknown wording as written', async () => {
    await aRoutingWorld(core);
    const [id] = seedOrders(core, [anOrder({ channelId: aChannel(core) })]);
    await value(
      core.call('orders.edit', { ids: [id], address: '广东省深圳市南山区粤海街道科技园南路 99 号' }, anna),
    );
    await value(core.call('review.decide', { ids: [id], decision: 'hold', reason: '核对地址' }, anna));
    await value(core.call('review.decide', { ids: [id], decision: 'approve' }, anna));
    const o: OrderDetail = await value(core.call('orders.get', { id }));
    expect(o.reasons.map((r) => orderReasonText(zh, r))).toEqual([
      'anna：修改了收货地址',
      'anna：人工挂起 — 核对地址',
      'anna：人工通过',
    ]);
    const edit = o.history.find((h) => h.action === 'edit')!;
    expect(edit.reason).toBe('corrected address');
    expect(historyNoteText(zh, edit)).toBe('修改了收货地址');
    expect(orderReasonText(zh, 'phoned in: wants it Friday')).toBe('phoned in: wants it Friday');
    // Who, as packdesk serve names its callers (http-server): this computer or a LAN browser.
    expect(historyActorText(zh, 'local')).toBe('本机');
    expect(historyActorText(zh, 'review-rules (local)')).toBe('审单规则（本机 运行）');
    expect(historyActorText(zh, 'lan:192.168.1.20')).toBe('局域网浏览器 192.168.1.20');
    expect(historyActorText(zh, '王芳')).toBe('王芳');
    expect(
      historyNoteText(zh, { action: 'status', from: 'held', to: 'exception', reason: 'box crushed' }),
    ).toBe('box crushed');
  });
});
