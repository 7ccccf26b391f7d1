import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { checkLowStock, moveStock, stockLevel } from '../inventory';
import { transitionOrder } from '../orders';
import { runRouting, type RunResult } from '../routing';
import {
  activeWaveLines,
  addPicked,
  findWave,
  removeWaveOrder,
  routeOf,
  skuByBarcode,
  wavePickRows,
  type WaveLineRow,
} from './fulfillment.repo';
import { getWave, slotsFor } from './waves.service';

export type ShortOutcome = 'reallocated' | 'backordered' | 'split' | 'exception';

const outcomeOf = (run: RunResult, orderId: number): ShortOutcome =>
  run.allocated.includes(orderId)
    ? 'reallocated'
    : run.split.includes(orderId)
      ? 'split'
      : run.exception.includes(orderId)
        ? 'exception'
        : 'backordered';

/**
 * A short pick, in the caller's one transaction:
 * 1. The orders the units found fill completely (in slot order) stay in the wave; the others
 *    leave it, and units already put in their slots go back to the shelf.
 * 2. The shortage is recorded as an adjustment "short pick, pending count" (a later count puts
 *    back whatever turns up), then the low-stock check and an alert follow.
 *    - A SKU with a bin has that one bin in the warehouse, so the bin held `found` and nothing
 *      else: everything the books called free there, beyond the found units no order kept, comes
 *      off. Routing therefore cannot send a leaving order back to this hole.
 *    - A SKU without a bin may stand anywhere in the warehouse (back stock, a second shelf), so
 *      only the units this wave missed come off; a leaving order may be allocated here again
 *      and picked from wherever the rest stands.
 * 3. The leaving orders give back their reservations (picking → allocated → approved) and go
 *    through routing's public runRouting: another warehouse with stock re-allocates them there;
 *    none makes them backordered, and inventory.receive allocates backordered orders when
 *    stock arrives.
 */
export function pickShort(
  ctx: CoreContext,
  input: { waveId: number; sku: string; found: number },
  actor: string,
) {
  const v = findWave(ctx.sqlite, input.waveId);
  if (!v) throw new AppFailure('not_found', `Wave ${input.waveId} does not exist`);
  const lines = activeWaveLines(ctx.sqlite, input.waveId);
  const picks = wavePickRows(ctx.sqlite, input.waveId, v.warehouseId);
  const needOf = (skuId: number): WaveLineRow[] => lines.filter((l) => l.skuId === skuId);
  const requiredOf = (skuId: number) => needOf(skuId).reduce((s, l) => s + l.quantity, 0);
  const hit = skuByBarcode(ctx.sqlite, input.sku);
  const need = hit ? needOf(hit.skuId) : [];
  if (!hit || !need.length)
    throw new AppFailure('not_found', `sku: ${input.sku} is not (or no longer) in wave ${input.waveId}`);
  const required = requiredOf(hit.skuId);
  const pickRow = picks.find((p) => p.skuId === hit.skuId);
  const picked = pickRow?.picked ?? 0;
  if (input.found >= required)
    throw new AppFailure(
      'invalid_input',
      `found: ${input.found} × ${hit.sku} covers the ${required} the wave needs; this is not a short pick`,
    );
  if (input.found < picked)
    throw new AppFailure(
      'invalid_input',
      `found: ${picked} × ${hit.sku} are already picked for wave ${input.waveId}, so found cannot be ${input.found}`,
    );
  // Where the units picked so far went, before any order leaves: those in a leaving order's
  // slot go back to the shelf and no longer count as picked.
  const inSlots = new Map<string, number>();
  for (const p of picks)
    for (const x of slotsFor(needOf(p.skuId), 0, Math.min(p.picked, requiredOf(p.skuId))))
      inSlots.set(`${p.skuId}:${x.orderId}`, x.quantity);
  let left = input.found;
  const leaving: WaveLineRow[] = [];
  const reason = `short pick in wave ${input.waveId}: ${input.found} of ${required} × ${hit.sku} found`;
  for (const l of need) {
    if (l.quantity <= left) {
      left -= l.quantity;
      continue;
    }
    leaving.push(l);
    removeWaveOrder(ctx.sqlite, input.waveId, l.orderId, reason, ctx.now());
    transitionOrder(ctx, l.orderId, 'allocated', actor, reason);
    // allocated → approved gives back everything the order holds, this SKU and the others.
    transitionOrder(ctx, l.orderId, 'approved', actor, `${reason}; re-routing`);
    for (const p of picks) {
      const back = inSlots.get(`${p.skuId}:${l.orderId}`) ?? 0;
      if (back) addPicked(ctx.sqlite, input.waveId, p.skuId, -back);
    }
  }
  const level = stockLevel(ctx.sqlite, v.warehouseId, hit.skuId);
  const bin = pickRow?.bin ?? null;
  const freeBeyondFound = level.onHand - level.reserved - left;
  const writtenOff = bin ? freeBeyondFound : Math.min(freeBeyondFound, required - input.found);
  if (writtenOff > 0)
    moveStock(ctx, {
      warehouseId: v.warehouseId,
      skuId: hit.skuId,
      kind: 'adjustment',
      onHandDelta: -writtenOff,
      reference: `wave:${input.waveId}`,
      reason: `short pick, pending count: ${bin ? `bin ${bin}` : 'the shelf'} held ${input.found} of ${required} × ${hit.sku} (wave ${input.waveId})`,
      actor,
    });
  checkLowStock(ctx, [{ warehouseId: v.warehouseId, skuId: hit.skuId }]);
  ctx.emit('alert', {
    level: 'warning',
    message: `${hit.sku} in ${v.warehouse}: short pick in wave ${input.waveId}, ${writtenOff} written off pending a count of ${bin ? `bin ${bin}` : 'the shelf'}`,
  });
  const ids = leaving.map((l) => l.orderId);
  const run = runRouting(ctx, ids, actor);
  const released = leaving.map((l) => {
    const outcome = outcomeOf(run, l.orderId);
    const route = routeOf(ctx.sqlite, l.orderId);
    const warehouse = outcome === 'reallocated' ? route.warehouse : null;
    const carrier = outcome === 'reallocated' ? route.carrier : null;
    const then =
      outcome === 'reallocated'
        ? `re-allocated to ${warehouse} via ${carrier}`
        : outcome === 'backordered'
          ? 'backordered until stock arrives'
          : outcome === 'split'
            ? 'split by warehouse and routed'
            : 'an exception: see the order';
    return {
      orderId: l.orderId,
      slot: l.slot,
      outcome,
      warehouse,
      carrier,
      message: `Order ${l.orderId} leaves the wave (empty slot ${l.slot} back to the shelves): ${then}`,
    };
  });
  ctx.emit('orders.changed', { ids, reason: 'short pick' });
  const after = stockLevel(ctx.sqlite, v.warehouseId, hit.skuId);
  return {
    released,
    shortage: {
      warehouse: v.warehouse,
      sku: hit.sku,
      bin,
      writtenOff: Math.max(0, writtenOff),
      // What is free here now, after the leaving orders were routed again.
      available: after.onHand - after.reserved,
    },
    wave: getWave(ctx, input.waveId),
  };
}
