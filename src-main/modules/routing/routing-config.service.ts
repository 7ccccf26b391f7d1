import type { CoreContext } from '../../core-context';
import {
  ROUTING_REGIONS,
  type Carrier,
  type RoutingConfig,
} from '../../../src-shared/contract/routing.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { listWarehouses } from '../inventory';
import { listCarriers, listRatesOf, replaceRates, upsertCarrier, type CarrierRow } from './carriers.repo';
import { parseRatesCsv } from './rates-csv';
import {
  readRoutingSettings,
  regionPreferences,
  replaceRegionPreferences,
  setWarehouseHandling,
  writeRoutingSetting,
} from './routing.repo';

const DEFAULT_PROMISE_DAYS = 5;

export function readRoutingConfig(ctx: CoreContext): RoutingConfig {
  const settings = readRoutingSettings(ctx.sqlite);
  const prefs = regionPreferences(ctx.sqlite);
  return {
    regions: ROUTING_REGIONS.map((region) => ({
      region,
      warehouses: prefs.filter((p) => p.region === region).map((p) => p.code),
    })).filter((r) => r.warehouses.length),
    handling: listWarehouses(ctx.db).map((w) => ({ warehouse: w.code, handlingMinor: w.handlingMinor })),
    allowSplit: settings.get('allowSplit') === 'true',
    autoMerge: settings.get('autoMerge') === 'true',
    promiseDays: Number(settings.get('promiseDays') ?? DEFAULT_PROMISE_DAYS),
  };
}

export function saveRoutingConfig(ctx: CoreContext, cfg: RoutingConfig, actor: string): RoutingConfig {
  const byCode = new Map(listWarehouses(ctx.db).map((w) => [w.code, w.id]));
  const issues: { path: string; message: string }[] = [];
  const prefs: { region: string; warehouseId: number; rank: number }[] = [];
  cfg.regions.forEach((r, i) =>
    r.warehouses.forEach((code, j) => {
      const id = byCode.get(code);
      if (id === undefined)
        issues.push({ path: `regions.${i}.warehouses.${j}`, message: `unknown warehouse "${code}"` });
      else prefs.push({ region: r.region, warehouseId: id, rank: j });
    }),
  );
  cfg.handling.forEach((h, i) => {
    if (!byCode.has(h.warehouse))
      issues.push({ path: `handling.${i}.warehouse`, message: `unknown warehouse "${h.warehouse}"` });
  });
  if (new Set(cfg.regions.map((r) => r.region)).size !== cfg.regions.length)
    issues.push({ path: 'regions', message: 'a region is listed twice' });
  if (issues.length)
    throw new AppFailure(
      'invalid_input',
      `Routing settings were not saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    );
  replaceRegionPreferences(ctx.sqlite, prefs);
  for (const h of cfg.handling) setWarehouseHandling(ctx.sqlite, byCode.get(h.warehouse)!, h.handlingMinor);
  writeRoutingSetting(ctx.sqlite, 'allowSplit', String(cfg.allowSplit));
  writeRoutingSetting(ctx.sqlite, 'autoMerge', String(cfg.autoMerge));
  writeRoutingSetting(ctx.sqlite, 'promiseDays', String(cfg.promiseDays));
  recordAudit(ctx.db, { at: ctx.now(), actor, entity: 'routing', entityId: 0, action: 'config', data: cfg });
  return readRoutingConfig(ctx);
}

const toCarrier = (c: CarrierRow): Carrier => ({
  id: c.id,
  code: c.code,
  name: c.name,
  active: Boolean(c.active),
  mode: c.mode,
  serviceLevel: c.serviceLevel,
  coldChain: Boolean(c.coldChain),
  freight: Boolean(c.freight),
  batteryAllowed: Boolean(c.batteryAllowed),
  cod: Boolean(c.cod),
  volumetricDivisor: c.volumetricDivisor,
  maxWeightGrams: c.maxWeightGrams,
  rateRows: c.rateRows,
});

export const carriersList = (ctx: CoreContext): Carrier[] => listCarriers(ctx.sqlite).map(toCarrier);

export function saveCarrier(
  ctx: CoreContext,
  input: Omit<Carrier, 'id' | 'rateRows'>,
  actor: string,
): Carrier {
  upsertCarrier(ctx.sqlite, input, ctx.now());
  const saved = listCarriers(ctx.sqlite).find((c) => c.code === input.code)!;
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'carrier',
    entityId: saved.id,
    action: 'save',
    data: input,
  });
  return toCarrier(saved);
}

/** Replaces, in one transaction, the rate tables of exactly the carriers the file names. */
export function importRates(
  ctx: CoreContext,
  csv: string,
  actor: string,
): { imported: number; carriers: string[] } {
  const carriers = listCarriers(ctx.sqlite);
  const { rows, carriers: named } = parseRatesCsv(csv, new Map(carriers.map((c) => [c.code, c.id])));
  replaceRates(
    ctx.sqlite,
    named.map((code) => carriers.find((c) => c.code === code)!.id),
    rows,
  );
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'carrier',
    entityId: 0,
    action: 'rates.import',
    data: { carriers: named, rows: rows.length },
  });
  return { imported: rows.length, carriers: named };
}

/** The rate table of one carrier as imported; refused for a carrier code that does not exist. */
export function carrierRateTable(ctx: CoreContext, code: string) {
  const carrier = listCarriers(ctx.sqlite).find((c) => c.code === code);
  if (!carrier)
    throw new AppFailure('not_found', `Carrier ${code} does not exist; add it before importing its rates`, [
      { path: 'carrier', message: `unknown carrier ${code}` },
    ]);
  return { carrier: carrier.code, rows: listRatesOf(ctx.sqlite, carrier.id) };
}
