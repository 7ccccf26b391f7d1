import type { CoreContext } from '../../core-context';
import type { Wave } from '../../../src-shared/contract/fulfillment.contract';
import { AppFailure } from '../../../src-shared/result';
import { slotsFor } from '../../../src-shared/domain/wave-slots';
import { findWarehouseByCode, orderReference } from '../inventory';
import { transitionOrder } from '../orders';
import {
  activeWaveLines,
  allocatedOrders,
  findWave,
  heldStock,
  insertWave,
  insertWaveLine,
  insertWaveOrder,
  listWaveRows,
  skuBarcodesOfWave,
  waveOrderRows,
  wavePickRows,
  type WaveLineRow,
} from './fulfillment.repo';

const iso = (ms: number) => new Date(ms).toISOString();

/** The tote barcode of a slot; packing.open accepts it. */
export const toteCode = (waveId: number, slot: number) => `T${waveId}-${slot}`;

export interface WaveInput {
  warehouse: string;
  carrier?: string;
  singleItemOnly?: boolean;
  multiItemOnly?: boolean;
  maxOrders: number;
  maxLines?: number;
  cutoff?: string;
}

/** The allocated orders a wave with these filters would take, most urgent first. */
function selectOrders(ctx: CoreContext, input: WaveInput) {
  const w = findWarehouseByCode(ctx.db, input.warehouse);
  if (!w) throw new AppFailure('not_found', `warehouse: there is no warehouse "${input.warehouse}"`);
  const candidates = allocatedOrders(ctx.sqlite, {
    warehouseId: w.id,
    carrier: input.carrier ?? null,
    cutoff: input.cutoff ? Date.parse(input.cutoff) : null,
  });
  const chosen: { id: number; lines: { skuId: number; quantity: number }[] }[] = [];
  let lineCount = 0;
  for (const c of candidates) {
    if (chosen.length >= input.maxOrders) break;
    const lines = heldStock(ctx.sqlite, orderReference(c.id), w.id);
    if (!lines.length) continue; // nothing reserved here: not pickable
    const units = lines.reduce((s, l) => s + l.quantity, 0);
    if (input.singleItemOnly && units !== 1) continue;
    if (input.multiItemOnly && units < 2) continue;
    if (input.maxLines !== undefined && lineCount + lines.length > input.maxLines) continue;
    lineCount += lines.length;
    chosen.push({ id: c.id, lines });
  }
  return { w, candidates, chosen };
}

/** What waves.create would take right now, without taking it: the count shown before creating. */
export function previewWave(ctx: CoreContext, input: WaveInput) {
  const { candidates, chosen } = selectOrders(ctx, input);
  const lines = chosen.flatMap((o) => o.lines);
  return {
    orders: chosen.length,
    lines: lines.length,
    units: lines.reduce((s, l) => s + l.quantity, 0),
    skus: new Set(lines.map((l) => l.skuId)).size,
    allocated: candidates.length,
  };
}

export function createWave(ctx: CoreContext, input: WaveInput, actor: string): Wave {
  const { w, candidates, chosen } = selectOrders(ctx, input);
  if (!chosen.length)
    throw new AppFailure(
      'not_found',
      `No allocated order of warehouse ${w.code} matches this wave` +
        (input.carrier ? ` (carrier ${input.carrier})` : '') +
        (candidates.length ? `; ${candidates.length} allocated order(s) did not fit the filters` : ''),
    );
  const { warehouse: _w, ...filters } = input;
  const waveId = insertWave(ctx.sqlite, w.id, JSON.stringify(filters), actor, ctx.now());
  chosen.forEach((o, i) => {
    insertWaveOrder(ctx.sqlite, waveId, o.id, i + 1);
    for (const l of o.lines) insertWaveLine(ctx.sqlite, waveId, o.id, l.skuId, l.quantity);
    transitionOrder(ctx, o.id, 'picking', actor, `wave ${waveId}, slot ${i + 1}`);
  });
  ctx.emit('orders.changed', { ids: chosen.map((o) => o.id), reason: `wave ${waveId}` });
  return getWave(ctx, waveId);
}

export { slotsFor };

export function getWave(ctx: CoreContext, id: number): Wave {
  const v = findWave(ctx.sqlite, id);
  if (!v) throw new AppFailure('not_found', `Wave ${id} does not exist`);
  const lines = activeWaveLines(ctx.sqlite, id);
  const barcodes = skuBarcodesOfWave(ctx.sqlite, id);
  const bySku = new Map<number, WaveLineRow[]>();
  for (const l of lines) bySku.set(l.skuId, [...(bySku.get(l.skuId) ?? []), l]);
  const pickList = wavePickRows(ctx.sqlite, id, v.warehouseId)
    .map((p) => {
      const own = bySku.get(p.skuId) ?? [];
      const required = own.reduce((s, l) => s + l.quantity, 0);
      return {
        sku: p.sku,
        title: p.title,
        bin: p.bin,
        barcodes: barcodes.get(p.skuId) ?? [],
        required,
        picked: p.picked,
        slots: slotsFor(own, 0, required),
      };
    })
    .filter((p) => p.required > 0 || p.picked > 0);
  const required = pickList.reduce((s, p) => s + p.required, 0);
  const picked = pickList.reduce((s, p) => s + Math.min(p.picked, p.required), 0);
  const orders = waveOrderRows(ctx.sqlite, id).map((o) => ({
    orderId: o.orderId,
    externalId: o.externalId,
    slot: o.slot,
    tote: toteCode(id, o.slot),
    status: o.status,
    removed: o.removedAt !== null,
    removedReason: o.removedReason,
    lines: lines.filter((l) => l.orderId === o.orderId).map((l) => ({ sku: l.sku, quantity: l.quantity })),
  }));
  return {
    id,
    warehouse: v.warehouse,
    createdAt: iso(v.createdAt),
    actor: v.actor,
    filters: JSON.parse(v.filtersJson) as Record<string, unknown>,
    orders,
    pickList,
    progress: { required, picked, done: required > 0 && picked >= required },
  };
}

export function listWaves(ctx: CoreContext, limit: number) {
  return listWaveRows(ctx.sqlite, limit).map((v) => {
    const w = getWave(ctx, v.id);
    return {
      id: v.id,
      warehouse: v.warehouse,
      createdAt: w.createdAt,
      orders: w.orders.filter((o) => !o.removed).length,
      required: w.progress.required,
      picked: w.progress.picked,
    };
  });
}
