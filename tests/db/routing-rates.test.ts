import { aCore, value } from '../fixtures/core';
import { aRoutingWorld, approvedOrders, line, RATES_CSV, shanghai } from '../fixtures/routing';

describe('carrier rate tables from CSV', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(async () => {
    core = aCore();
    await aRoutingWorld(core);
  });
  afterEach(() => core.dispose());

  const rateCount = () =>
    (core.ctx.sqlite.prepare('select count(*) as n from carrier_rates').get() as { n: number }).n;

  test('bad rows are rejected with row and column, and nothing is imported', async () => {
    const before = rateCount();
    const csv = [
      'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency',
      'ZTO,province,20,1,5.00,1,1.00,,2,CNY',
      'YTO,province,20,1,5.00,1,1.00,,2,CNY',
      'ZTO,火星,20,1,5.00,1,1.00,,2,CNY',
      'ZTO,region,20,1,five,1,1.00,,2,CNY',
      'ZTO,national,20,1,5.00,1,1.00,,soon,CNY',
    ].join('\n');
    const r = await core.call('rates.import', { csv });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const issues = (r as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path);
    expect(issues).toEqual(['row 3.carrier', 'row 4.zone', 'row 5.first_price', 'row 6.transit_days']);
    expect(rateCount()).toBe(before);
    const missing = await core.call('rates.import', { csv: 'carrier,zone\nZTO,province' });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/misses column.*max_weight_kg/) },
    });
  });

  test('re-importing replaces only the carriers in the file; a province row beats the generic zone', async () => {
    const csv = [
      'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency',
      'ZTO,province,30,1,6.00,1,1.50,,2,',
      'ZTO,上海,30,1,3.50,1,1.00,,1,',
      'ZTO,national,30,1,10.00,1,4.00,,4,',
    ].join('\n');
    expect(await value(core.call('rates.import', { csv }))).toEqual({ imported: 3, carriers: ['ZTO'] });
    const carriers = await value(core.call('carriers.list', {}));
    expect(carriers.rows.map((c: { code: string; rateRows: number }) => [c.code, c.rateRows])).toEqual([
      ['DBL', 4],
      ['SF', 4],
      ['ZTO', 3],
    ]);
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
    const [id] = await approvedOrders(core, [{ ...shanghai, lines: [line('TEE', 5)] }]);
    await value(core.call('routing.run', {}));
    // 5 × 300 g = 1.5 kg, volumetric 5×1.8 L/6000 = 300 g: 首重 ¥3.50 + 1 续重 ¥1.00.
    expect((await value(core.call('routing.explain', { id }))).latest).toMatchObject({
      carrier: 'ZTO',
      shippingMinor: 450,
    });
    expect(RATES_CSV).toContain('remote_surcharge');
  });

  test('an order abroad is priced only by its country rows; without them it is an exception, never a domestic rate', async () => {
    await value(core.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'TEE', quantity: 10 }] }));
    const [us, jp] = await approvedOrders(core, [
      { country: 'US', province: 'CA', city: 'Los Angeles', lines: [line('TEE', 1)] },
      { country: 'JP', province: 'Tokyo', city: 'Tokyo', lines: [line('TEE', 1)] },
    ]);
    const csv =
      'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency\nSF,US,30,0.5,120.00,0.5,30.00,,5,';
    expect(await value(core.call('rates.import', { csv }))).toEqual({ imported: 1, carriers: ['SF'] });
    const run = await value(core.call('routing.run', {}));
    expect(run).toMatchObject({ allocated: [us], exception: [jp] });
    // 300 g actual, volumetric 1.8 L / 6000 = 300 g: first 0.5 kg only.
    expect((await value(core.call('routing.explain', { id: us }))).latest).toMatchObject({
      carrier: 'SF',
      shippingMinor: 12000,
    });
    expect((await value(core.call('orders.get', { id: jp }))).history.at(-1).reason).toMatch(
      /ZTO \(no rate for JP/,
    );
  });
});
