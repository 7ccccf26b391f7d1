import { describe, expect, it } from 'vitest';
import type { CarrierRow, RateRow } from '../../src-main/modules/routing/carriers.repo';
import { routingLine } from '../../src-main/modules/orders';
import { planOrder, type ParcelFacts, type PlanWorld } from '../../src-main/modules/routing/routing-plan';
import { createI18n } from '../../src-renderer/i18n/i18n';
import {
  routingClauseText,
  routingReasonText,
} from '../../src-renderer/features/inventory/routing-reason-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

const carrier = (id: number, code: string, over: Partial<CarrierRow> = {}): CarrierRow => ({
  id,
  code,
  name: code,
  active: 1,
  mode: 'ground',
  serviceLevel: 'standard',
  coldChain: 0,
  freight: 0,
  batteryAllowed: 1,
  cod: 0,
  volumetricDivisor: 6000,
  maxWeightGrams: 0,
  rateRows: 1,
  ...over,
});
const rate = (carrierId: number, zone: string, firstMinor: number, transitDays = 2): RateRow => ({
  carrierId,
  zone,
  maxWeightGrams: 30_000,
  firstWeightGrams: 1000,
  firstMinor,
  stepGrams: 1000,
  stepMinor: 200,
  surchargeMinor: 0,
  transitDays,
  currency: 'CNY',
});
const parcel = (over: Partial<ParcelFacts> = {}): ParcelFacts => ({
  country: 'CN',
  province: '广东省',
  cod: false,
  weightGrams: 500,
  volumeMm3: 0,
  coldChain: false,
  bulky: false,
  battery: false,
  liquid: false,
  ...over,
});
const need = [{ skuId: 1, sku: 'PB-10K', quantity: 2 }];
const world = (stock: Record<number, number>, over: Partial<PlanWorld> = {}): PlanWorld => ({
  warehouses: [
    { id: 1, code: 'SH', province: '上海市', handlingMinor: 100 },
    { id: 2, code: 'GZ', province: '广东省', handlingMinor: 50 },
  ],
  rank: new Map(),
  available: (w) => stock[w] ?? 0,
  carriers: [carrier(1, 'STO'), carrier(2, 'SF', { mode: 'air', batteryAllowed: 0 })],
  rates: new Map([
    [1, [rate(1, 'national', 1300), rate(1, 'province', 800)]],
    [2, [rate(2, 'national', 2000, 1)]],
  ]),
  promiseDays: 5,
  ...over,
});

// The lines exactly as routing writes them onto the order, so a change to its wording fails here.
const line = (w: PlanWorld, p = parcel()) => routingLine(planOrder(need, p, w).reasons);

describe('routing reasons in the UI language', () => {
  it('says an allocation: each warehouse seen and the choice, codes and amounts kept', () => {
    const written = line(world({ 1: 5, 2: 5 }));
    expect(written).toMatch(/^routing: SH: in stock, ¥14\.00 via STO \(2 d\); GZ: /);
    expect(routingReasonText(zh, written)).toBe(
      '分仓：SH：有货，¥14.00，STO（2 天）；GZ：有货，¥8.50，STO（2 天）；选择 GZ，STO 发货：有货仓库中总费用最低',
    );
    expect(routingReasonText(en, written)).toMatch(/^Routing: SH: In stock, ¥14\.00 via STO \(2 d\)/i);
  });

  it('says a backorder: what each warehouse is short of and what the order waits for', () => {
    const written = line(world({ 1: 1, 2: 0 }));
    expect(routingReasonText(zh, written)).toBe(
      '分仓：SH：缺货：PB-10K，¥14.00，STO（2 天）；GZ：缺货：PB-10K，¥8.50，STO（2 天）；' +
        '没有仓库能一次发齐；在 GZ 等待到货：2 × PB-10K',
    );
  });

  it('says an exception: warehouses refused alike grouped, each carrier with its refusal', () => {
    const four = world(
      { 1: 5, 2: 5, 3: 5, 4: 5 },
      {
        warehouses: [
          { id: 1, code: 'SH', province: '上海市', handlingMinor: 100 },
          { id: 2, code: 'GZ', province: '广东省', handlingMinor: 50 },
          { id: 3, code: 'BJ', province: '北京市', handlingMinor: 50 },
          { id: 4, code: 'SZX', province: '广东省', handlingMinor: 50 },
        ],
      },
    );
    const written = line(four, parcel({ country: 'US', province: 'CA', battery: true }));
    // One clause for the four warehouses, not one per warehouse and carrier.
    expect(written).toBe(
      'routing: no carrier can take this order from any warehouse; ' +
        'no carrier allowed at SH, GZ, BJ, SZX: STO (no rate for US (US) at 500 g), SF (no batteries by air)',
    );
    expect(routingReasonText(zh, written)).toBe(
      '分仓：任何仓库都没有快递能承运此订单；' +
        'SH、GZ、BJ、SZX 没有快递可发：STO（没有 US（US）500 g 的运价）、SF（空运不收电池）',
    );
    const none = line(world({}, { warehouses: [] }));
    expect(routingReasonText(zh, none)).toBe('分仓：没有启用的仓库');
    const noCarrier = line(world({ 1: 5 }, { carriers: [] }));
    expect(routingReasonText(zh, noCarrier)).toBe(
      '分仓：任何仓库都没有快递能承运此订单；SH、GZ 没有启用的快递',
    );
  });

  it('still reads the per-warehouse wording of orders routed before refusals were grouped', () => {
    expect(
      routingReasonText(
        zh,
        'routing: no carrier can take this order from any warehouse; SH: STO: no rate for US (US) at 500 g; SF: no batteries by air; GZ: no active carrier',
      ),
    ).toBe(
      '分仓：任何仓库都没有快递能承运此订单；SH：STO（没有 US（US）500 g 的运价）、SF（空运不收电池）；GZ：没有启用的快递',
    );
  });

  it('translates the allocation record clause by clause and keeps an unknown clause as written', () => {
    const plan = planOrder(
      need,
      parcel({ weightGrams: 40_000 }),
      world({ 1: 5 }, { carriers: [carrier(1, 'STO', { maxWeightGrams: 30_000 })] }),
    );
    expect(plan.reasons.map((r) => routingClauseText(zh, r))).toEqual([
      '任何仓库都没有快递能承运此订单',
      'SH、GZ 没有快递可发：STO（40000 g 超过其 30000 g 限重）',
    ]);
    expect(routingClauseText(zh, 'the moon is full')).toBe('the moon is full');
    // Lines outside the catalogue, in routing's own words (tests/db/routing-run.test.ts pins them).
    expect(
      routingReasonText(
        zh,
        'routing: SKU GHOST, MOON is not in the catalog; add it (skus.save) and route again; lines 2, 4 have no SKU: map them on the SKU mapping screen, then route again',
      ),
    ).toBe(
      '分仓：SKU GHOST、MOON 不在商品目录中；请先添加再重新分仓；第 2、4 行没有 SKU：请在 SKU 对应页面映射后重新分仓',
    );
    expect(
      routingClauseText(en, 'line 3 has no SKU: map it on the SKU mapping screen, then route again'),
    ).toBe('no SKU on line 3: map it on the SKU mapping screen, then route again');
    expect(routingReasonText(zh, 'review: Big: hold: 金额大')).toBeNull();
  });
});
