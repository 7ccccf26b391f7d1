import type { Sqlite } from '../../adapters/db/open';

export interface CarrierRow {
  id: number;
  code: string;
  name: string;
  active: number;
  mode: 'ground' | 'air';
  serviceLevel: string;
  coldChain: number;
  freight: number;
  batteryAllowed: number;
  cod: number;
  volumetricDivisor: number;
  maxWeightGrams: number;
  rateRows: number;
}

export interface RateRow {
  carrierId: number;
  zone: string;
  maxWeightGrams: number;
  firstWeightGrams: number;
  firstMinor: number;
  stepGrams: number;
  stepMinor: number;
  surchargeMinor: number;
  transitDays: number;
  currency: string;
}

export const listCarriers = (sqlite: Sqlite): CarrierRow[] =>
  sqlite
    .prepare(
      `select c.id, c.code, c.name, c.active, c.mode, c.service_level as serviceLevel, c.cold_chain as coldChain, c.freight,
              c.battery_allowed as batteryAllowed, c.cod, c.volumetric_divisor as volumetricDivisor, c.max_weight_grams as maxWeightGrams,
              (select count(*) from carrier_rates r where r.carrier_id = c.id) as rateRows
         from carriers c order by c.code`,
    )
    .all() as CarrierRow[];

export function upsertCarrier(
  sqlite: Sqlite,
  c: Omit<CarrierRow, 'id' | 'rateRows' | 'active' | 'coldChain' | 'freight' | 'batteryAllowed' | 'cod'> & {
    active: boolean;
    coldChain: boolean;
    freight: boolean;
    batteryAllowed: boolean;
    cod: boolean;
  },
  now: number,
): void {
  const n = (v: boolean): number => (v ? 1 : 0);
  sqlite
    .prepare(
      `insert into carriers (code, name, active, mode, service_level, cold_chain, freight, battery_allowed, cod, volumetric_divisor, max_weight_grams, created_at, updated_at)
       values (@code, @name, @active, @mode, @serviceLevel, @coldChain, @freight, @batteryAllowed, @cod, @volumetricDivisor, @maxWeightGrams, @now, @now)
       on conflict (code) do update set name = excluded.name, active = excluded.active, mode = excluded.mode,
         service_level = excluded.service_level, cold_chain = excluded.cold_chain, freight = excluded.freight,
         battery_allowed = excluded.battery_allowed, cod = excluded.cod, volumetric_divisor = excluded.volumetric_divisor,
         max_weight_grams = excluded.max_weight_grams, updated_at = excluded.updated_at`,
    )
    .run({
      ...c,
      active: n(c.active),
      coldChain: n(c.coldChain),
      freight: n(c.freight),
      batteryAllowed: n(c.batteryAllowed),
      cod: n(c.cod),
      now,
    });
}

export const listRates = (sqlite: Sqlite): RateRow[] =>
  sqlite
    .prepare(
      `select carrier_id as carrierId, zone, max_weight_grams as maxWeightGrams, first_weight_grams as firstWeightGrams,
              first_minor as firstMinor, step_grams as stepGrams, step_minor as stepMinor, surcharge_minor as surchargeMinor,
              transit_days as transitDays, currency
         from carrier_rates order by carrier_id, zone, max_weight_grams`,
    )
    .all() as RateRow[];

export function replaceRates(sqlite: Sqlite, carrierIds: number[], rows: RateRow[]): void {
  const del = sqlite.prepare('delete from carrier_rates where carrier_id = ?');
  for (const id of carrierIds) del.run(id);
  const ins = sqlite.prepare(
    `insert into carrier_rates (carrier_id, zone, max_weight_grams, first_weight_grams, first_minor, step_grams, step_minor, surcharge_minor, transit_days, currency)
     values (@carrierId, @zone, @maxWeightGrams, @firstWeightGrams, @firstMinor, @stepGrams, @stepMinor, @surchargeMinor, @transitDays, @currency)`,
  );
  for (const r of rows) ins.run(r);
}

/** One carrier's rate table, for people to read (rates.list): zones, then weight steps. */
export const listRatesOf = (sqlite: Sqlite, carrierId: number): Omit<RateRow, 'carrierId'>[] =>
  sqlite
    .prepare(
      `select zone, max_weight_grams as maxWeightGrams, first_weight_grams as firstWeightGrams,
              first_minor as firstMinor, step_grams as stepGrams, step_minor as stepMinor,
              surcharge_minor as surchargeMinor, transit_days as transitDays, currency
         from carrier_rates where carrier_id = ? order by zone, max_weight_grams`,
    )
    .all(carrierId) as Omit<RateRow, 'carrierId'>[];
