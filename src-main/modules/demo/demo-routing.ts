import type { CoreContext } from '../../core-context';
import type { OpInput } from '../../../src-shared/contract';
import { carriersList, importRates, saveCarrier, saveRoutingConfig } from '../routing';

/** The demo's carriers, with the capabilities routing checks (cold chain, freight, batteries, air). */
const CARRIERS = [
  { code: 'ZTO', name: '中通快递', mode: 'ground', cod: true, batteryAllowed: true },
  { code: 'YTO', name: '圆通速递', mode: 'ground', cod: true, batteryAllowed: true },
  { code: 'YD', name: '韵达快递', mode: 'ground', batteryAllowed: true },
  { code: 'STO', name: '申通快递', mode: 'ground', batteryAllowed: true },
  { code: 'SF', name: '顺丰速运', mode: 'air', coldChain: true, cod: true },
  { code: 'JD', name: '京东物流', mode: 'ground', coldChain: true, cod: true, batteryAllowed: true },
  { code: 'EMS', name: '中国邮政 EMS', mode: 'ground', batteryAllowed: true },
  {
    code: 'DBL',
    name: '德邦物流',
    mode: 'ground',
    freight: true,
    batteryAllowed: true,
    volumetricDivisor: 8000,
  },
  { code: 'YUN', name: 'YunExpress', mode: 'air' },
  { code: 'DHL', name: 'DHL Express', mode: 'air' },
  { code: 'UPS', name: 'UPS', mode: 'air' },
  { code: 'FEDEX', name: 'FedEx', mode: 'air' },
] as const;

/** 首重/续重 quotes as a small shop negotiates them (CNY): [first kg, each further kg, days] per zone. */
const DOMESTIC: Record<
  string,
  Record<'province' | 'region' | 'national' | 'remote', [number, number, number]>
> = {
  ZTO: { province: [5, 1, 2], region: [6, 1.5, 2], national: [8, 3, 3], remote: [15, 8, 5] },
  YTO: { province: [5, 1, 2], region: [6, 1.5, 2], national: [8.5, 3, 3], remote: [15, 8, 5] },
  YD: { province: [4.5, 1, 2], region: [5.5, 1.5, 3], national: [8, 3, 3], remote: [14, 8, 6] },
  STO: { province: [4.5, 1, 2], region: [5.5, 1.5, 3], national: [7.5, 3, 4], remote: [14, 8, 6] },
  SF: { province: [12, 2, 1], region: [14, 4, 1], national: [20, 8, 2], remote: [28, 12, 3] },
  JD: { province: [10, 2, 1], region: [12, 3, 2], national: [16, 6, 2], remote: [25, 10, 4] },
  EMS: { province: [10, 3, 3], region: [12, 4, 4], national: [18, 6, 5], remote: [20, 8, 7] },
};
const ABROAD_COUNTRIES = ['US', 'CA', 'GB', 'DE', 'FR', 'JP', 'AU'];
const ABROAD: Record<string, [number, number, number]> = {
  YUN: [60, 45, 10],
  DHL: [180, 70, 4],
  UPS: [170, 65, 5],
  FEDEX: [175, 68, 5],
};

function ratesCsv(): string {
  const rows = [
    'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency',
  ];
  for (const [code, zones] of Object.entries(DOMESTIC)) {
    for (const [zone, [first, extra, days]] of Object.entries(zones)) {
      rows.push(
        `${code},${zone},30,1,${first.toFixed(2)},1,${extra.toFixed(2)},${zone === 'remote' ? '5.00' : ''},${days},CNY`,
      );
    }
  }
  for (const zone of ['province', 'region', 'national', 'remote']) {
    rows.push(
      `DBL,${zone},500,30,${zone === 'remote' ? '90.00' : '45.00'},1,1.50,,${zone === 'remote' ? 6 : 4},CNY`,
    );
  }
  for (const [code, [first, extra, days]] of Object.entries(ABROAD)) {
    for (const country of ABROAD_COUNTRIES)
      rows.push(`${code},${country},30,0.5,${first.toFixed(2)},0.5,${extra.toFixed(2)},,${days},CNY`);
  }
  return rows.join('\n');
}

/** Which warehouse serves each region first (East China → Shanghai, South China → Guangzhou…). */
export const DEMO_REGION_WAREHOUSES: OpInput<'routing.config.save'>['regions'] = [
  { region: 'east', warehouses: ['SH', 'BJ', 'GZ'] },
  { region: 'central', warehouses: ['SH', 'GZ', 'BJ'] },
  { region: 'south', warehouses: ['GZ', 'SH'] },
  { region: 'southwest', warehouses: ['GZ', 'SH'] },
  { region: 'north', warehouses: ['BJ', 'SH'] },
  { region: 'northeast', warehouses: ['BJ', 'SH'] },
  { region: 'northwest', warehouses: ['BJ', 'SH'] },
];

/**
 * Carriers, rate tables and region → warehouse preferences, so that `route run` allocates the demo's
 * approved orders instead of sending them to exception. Written only into a database that has no
 * carriers yet: a shop's own carrier setup is never touched.
 */
export function setupDemoRouting(ctx: CoreContext): boolean {
  if (carriersList(ctx).length > 0) return false;
  for (const c of CARRIERS) {
    saveCarrier(
      ctx,
      {
        active: true,
        serviceLevel: 'standard',
        coldChain: false,
        freight: false,
        batteryAllowed: false,
        cod: false,
        volumetricDivisor: 6000,
        maxWeightGrams: 0,
        ...c,
      },
      'demo',
    );
  }
  importRates(ctx, ratesCsv(), 'demo');
  saveRoutingConfig(
    ctx,
    {
      regions: DEMO_REGION_WAREHOUSES,
      handling: [
        { warehouse: 'SH', handlingMinor: 100 },
        { warehouse: 'GZ', handlingMinor: 80 },
        { warehouse: 'BJ', handlingMinor: 100 },
        { warehouse: 'SZX', handlingMinor: 150 },
      ],
      allowSplit: false,
      autoMerge: false,
      promiseDays: 5,
    },
    'demo',
  );
  return true;
}
