import { parse } from 'csv-parse/sync';
import { parseMajor } from '../../../src-shared/domain/money';
import { AppFailure } from '../../../src-shared/result';
import { RATE_ZONES } from '../../../src-shared/contract/routing.contract';
import type { RateRow } from './carriers.repo';
import { provinceShort } from './routing-regions';

/**
 * The rate table CSV (UTF-8, header row, one row per carrier × zone × weight step):
 *
 *   carrier, zone, max_weight_kg, first_weight_kg, first_price, additional_weight_kg,
 *   additional_price, remote_surcharge, transit_days, currency
 *
 * - zone: province (same province as the warehouse), region (same region), national, remote
 *   (新疆/西藏/青海/内蒙古/宁夏/甘肃), or one destination province (广东, 新疆维吾尔自治区, Xinjiang)
 *   that beats the generic zone, or a 2-letter country code (US, JP) for parcels abroad: an order
 *   abroad is priced only by its country's rows, never by a domestic zone.
 * - A parcel uses the row with the smallest max_weight_kg that is ≥ its chargeable weight; price =
 *   first_price + ceil((weight − first_weight) / additional_weight) × additional_price + remote_surcharge
 *   (首重/续重). A flat step is first_weight_kg = max_weight_kg with additional_price 0.
 * - Weights are decimal kg (up to grams), prices decimal in the currency's major unit (CNY default).
 * - remote_surcharge and currency may be empty. Every carrier named must exist (carriers.save).
 */
export const RATE_COLUMNS = [
  'carrier',
  'zone',
  'max_weight_kg',
  'first_weight_kg',
  'first_price',
  'additional_weight_kg',
  'additional_price',
  'remote_surcharge',
  'transit_days',
  'currency',
] as const;
const REQUIRED = RATE_COLUMNS.filter((c) => c !== 'remote_surcharge' && c !== 'currency');

type Issue = { path: string; message: string };

const kgToGrams = (text: string): number | string => {
  const m = /^(\d{1,6})(?:\.(\d{1,3}))?$/.exec(text.trim());
  if (!m) return `"${text}" is not a weight in kg (e.g. 1 or 0.5)`;
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
};

export function parseRatesCsv(
  csv: string,
  carrierIds: Map<string, number>,
): { rows: RateRow[]; carriers: string[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(csv.replace(/^\uFEFF/, ''), {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: false,
    });
  } catch (e) {
    throw new AppFailure('invalid_input', `The rate file is not valid CSV: ${(e as Error).message}`, [
      { path: 'csv', message: (e as Error).message },
    ]);
  }
  if (records.length === 0)
    throw new AppFailure('invalid_input', 'The rate file has no data rows', [
      { path: 'csv', message: 'no rows' },
    ]);
  const header = Object.keys(records[0]!.record);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) {
    throw new AppFailure(
      'invalid_input',
      `The rate file misses column(s) ${missing.join(', ')}; expected ${RATE_COLUMNS.join(', ')}`,
      missing.map((c) => ({ path: `header.${c}`, message: 'missing column' })),
    );
  }
  const issues: Issue[] = [];
  const rows: RateRow[] = [];
  const seen = new Map<string, number>();
  for (const { record: r, info } of records) {
    const line = info.lines;
    const bad = (column: string, message: string): void =>
      void issues.push({ path: `row ${line}.${column}`, message });
    const carrierId = carrierIds.get(r.carrier ?? '');
    if (carrierId === undefined) bad('carrier', `unknown carrier "${r.carrier}"; add it first`);
    const rawZone = (r.zone ?? '').trim();
    const zone = (RATE_ZONES as readonly string[]).includes(rawZone.toLowerCase())
      ? rawZone.toLowerCase()
      : /^[A-Z]{2}$/.test(rawZone) && rawZone !== 'CN'
        ? rawZone
        : provinceShort(rawZone);
    if (!zone)
      bad(
        'zone',
        `"${rawZone}" is neither ${RATE_ZONES.join('/')}, a province nor a country code such as US`,
      );
    const currency = (r.currency || 'CNY').toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency)) bad('currency', `"${r.currency}" is not a 3-letter currency code`);
    const grams = (column: string, allowZero: boolean): number => {
      const g = kgToGrams(r[column] ?? '');
      if (typeof g === 'string') return (bad(column, g), 0);
      if (!allowZero && g === 0) return (bad(column, 'must be more than 0'), 0);
      return g;
    };
    const price = (column: string): number => {
      const text = r[column] ?? '';
      if (text === '') return 0;
      try {
        const v = parseMajor(text, currency);
        if (v < 0) bad(column, 'cannot be negative');
        return v;
      } catch (e) {
        return (bad(column, (e as Error).message), 0);
      }
    };
    const maxWeightGrams = grams('max_weight_kg', false);
    const firstWeightGrams = grams('first_weight_kg', false);
    const stepGrams = grams('additional_weight_kg', true);
    const firstMinor = r.first_price ? price('first_price') : (bad('first_price', 'is required'), 0);
    const stepMinor = price('additional_price');
    const surchargeMinor = price('remote_surcharge');
    const transitDays = /^\d{1,2}$/.test(r.transit_days ?? '')
      ? Number(r.transit_days)
      : (bad('transit_days', `"${r.transit_days}" is not a whole number of days`), 0);
    if (firstWeightGrams > maxWeightGrams && maxWeightGrams > 0)
      bad('first_weight_kg', 'is more than max_weight_kg');
    if (maxWeightGrams > firstWeightGrams && stepGrams === 0)
      bad('additional_weight_kg', 'must be more than 0 when max_weight_kg is above first_weight_kg');
    const key = `${r.carrier}|${zone}|${maxWeightGrams}`;
    if (seen.has(key))
      bad('max_weight_kg', `repeats the row on line ${seen.get(key)} for the same carrier and zone`);
    seen.set(key, line);
    if (carrierId !== undefined && zone) {
      rows.push({
        carrierId,
        zone,
        maxWeightGrams,
        firstWeightGrams,
        firstMinor,
        stepGrams,
        stepMinor,
        surchargeMinor,
        transitDays,
        currency,
      });
    }
  }
  if (issues.length) {
    const shown = issues
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ');
    throw new AppFailure(
      'invalid_input',
      `The rate file was not imported (${issues.length} problem${issues.length > 1 ? 's' : ''}): ${shown}${issues.length > 5 ? '; …' : ''}`,
      issues,
    );
  }
  return { rows, carriers: [...new Set(records.map((x) => x.record.carrier!))] };
}
