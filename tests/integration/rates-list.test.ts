import { aCore, value } from '../fixtures/core';

const HEADER =
  'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency';
const carrier = (code: string) => ({
  code,
  name: code,
  mode: 'ground' as const,
  volumetricDivisor: 6000,
  coldChain: false,
  freight: false,
  batteryAllowed: true,
  cod: false,
});

describe('rates.list: a carrier’s imported rate table', () => {
  test('gives the zones and weight steps of one carrier as imported, and refuses an unknown carrier', async () => {
    const core = aCore();
    try {
      await value(core.call('carriers.save', carrier('ZTO')));
      await value(core.call('carriers.save', carrier('SF')));
      await value(
        core.call('rates.import', {
          csv: [
            HEADER,
            'ZTO,remote,30,1,18.00,1,8.00,5.00,6,CNY',
            'ZTO,national,30,1,9.00,1,3.00,,3,CNY',
            'ZTO,national,3,1,6.00,0.5,1.50,,3,CNY',
            'SF,national,30,1,23.00,1,12.00,,2,CNY',
          ].join('\n'),
        }),
      );
      const zto = await value(core.call('rates.list', { carrier: 'ZTO' }));
      expect(zto.carrier).toBe('ZTO');
      expect(zto.rows).toEqual([
        {
          zone: 'national',
          maxWeightGrams: 3000,
          firstWeightGrams: 1000,
          firstMinor: 600,
          stepGrams: 500,
          stepMinor: 150,
          surchargeMinor: 0,
          transitDays: 3,
          currency: 'CNY',
        },
        expect.objectContaining({ zone: 'national', maxWeightGrams: 30000, firstMinor: 900, stepMinor: 300 }),
        expect.objectContaining({ zone: 'remote', surchargeMinor: 500, transitDays: 6 }),
      ]);
      expect((await value(core.call('rates.list', { carrier: 'SF' }))).rows).toHaveLength(1);
      const unknown = await core.call('rates.list', { carrier: 'YTO' });
      expect(!unknown.ok && unknown.error.code).toBe('not_found');
      expect(!unknown.ok && unknown.error.message).toContain('YTO');
    } finally {
      core.dispose();
    }
  });
});
