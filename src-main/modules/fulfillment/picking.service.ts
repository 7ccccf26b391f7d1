import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { transitionOrder } from '../orders';
import {
  activeWaveLines,
  addPicked,
  binByCode,
  findWave,
  removeWaveOrder,
  skuByBarcode,
  skusInBin,
  wavePickRows,
  type WaveLineRow,
} from './fulfillment.repo';
import { getWave, slotsFor } from './waves.service';

type Slot = { slot: number; orderId: number; quantity: number };

function waveState(ctx: CoreContext, waveId: number) {
  const v = findWave(ctx.sqlite, waveId);
  if (!v) throw new AppFailure('not_found', `Wave ${waveId} does not exist`);
  const lines = activeWaveLines(ctx.sqlite, waveId);
  const picks = wavePickRows(ctx.sqlite, waveId, v.warehouseId);
  const need = (skuId: number) => lines.filter((l) => l.skuId === skuId);
  const required = (skuId: number) => need(skuId).reduce((s, l) => s + l.quantity, 0);
  const remaining = picks
    .map((p) => ({ sku: p.sku, skuId: p.skuId, remaining: Math.max(0, required(p.skuId) - p.picked) }))
    .filter((p) => p.remaining > 0);
  return { v, lines, picks, need, required, remaining };
}

export function pickScan(ctx: CoreContext, input: { waveId: number; barcode: string; quantity?: number }) {
  const s = waveState(ctx, input.waveId);
  const items = (rem = s.remaining) => rem.map(({ sku, remaining }) => ({ sku, remaining }));
  const bin = binByCode(ctx.sqlite, s.v.warehouseId, input.barcode);
  if (bin) {
    if (input.quantity !== undefined)
      throw new AppFailure('invalid_input', `quantity: ${bin.code} is a bin; scan an item to count it`);
    const here = new Set(skusInBin(ctx.sqlite, bin.id));
    const todo = s.remaining.filter((r) => here.has(r.skuId));
    return {
      kind: 'bin' as const,
      message: todo.length
        ? `Bin ${bin.code}: take ${todo.map((t) => `${t.remaining} × ${t.sku}`).join(', ')}`
        : `Bin ${bin.code}: nothing to take for wave ${input.waveId}`,
      sku: null,
      picked: 0,
      required: 0,
      slots: [],
      items: items(todo),
      waveDone: s.remaining.length === 0,
    };
  }
  const hit = skuByBarcode(ctx.sqlite, input.barcode);
  if (!hit)
    throw new AppFailure(
      'not_found',
      `barcode: "${input.barcode}" is neither a product barcode nor a bin of ${s.v.warehouse}`,
    );
  const required = s.required(hit.skuId);
  if (!required) throw new AppFailure('conflict', `${hit.sku} (${hit.title}) is not in wave ${input.waveId}`);
  const q = input.quantity ?? 1;
  const picked = s.picks.find((p) => p.skuId === hit.skuId)?.picked ?? 0;
  if (picked + q > required)
    throw new AppFailure(
      'conflict',
      `Over-pick: wave ${input.waveId} needs ${required} × ${hit.sku} and ${picked} are already picked; ` +
        (picked >= required ? 'put this one back' : `take only ${required - picked} more`),
    );
  addPicked(ctx.sqlite, input.waveId, hit.skuId, q);
  const slots: Slot[] = slotsFor(s.need(hit.skuId), picked, q);
  const after = s.remaining
    .map((r) => (r.skuId === hit.skuId ? { ...r, remaining: r.remaining - q } : r))
    .filter((r) => r.remaining > 0);
  return {
    kind: 'item' as const,
    message: `${hit.sku}: ${picked + q} of ${required} picked; put ${slots
      .map((x) => `${x.quantity} in slot ${x.slot}`)
      .join(', ')}`,
    sku: hit.sku,
    picked: picked + q,
    required,
    slots,
    items: items(after),
    waveDone: after.length === 0,
  };
}

/**
 * A short pick keeps the orders that the units found can fill completely (in slot order) and
 * sends the others back to allocated, reservations intact, for a later wave. Stock is not
 * written off here: a short shelf is often misplaced stock, so correcting the count stays a
 * deliberate inventory adjustment (cycle count).
 */
export function pickShort(
  ctx: CoreContext,
  input: { waveId: number; sku: string; found: number },
  actor: string,
) {
  const s = waveState(ctx, input.waveId);
  const hit = skuByBarcode(ctx.sqlite, input.sku);
  const need: WaveLineRow[] = hit ? s.need(hit.skuId) : [];
  if (!hit || !need.length)
    throw new AppFailure('not_found', `sku: ${input.sku} is not (or no longer) in wave ${input.waveId}`);
  const required = s.required(hit.skuId);
  const picked = s.picks.find((p) => p.skuId === hit.skuId)?.picked ?? 0;
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
  for (const p of s.picks)
    for (const x of slotsFor(s.need(p.skuId), 0, Math.min(p.picked, s.required(p.skuId))))
      inSlots.set(`${p.skuId}:${x.orderId}`, x.quantity);
  let left = input.found;
  const released: { orderId: number; slot: number; message: string }[] = [];
  for (const l of need) {
    if (l.quantity <= left) {
      left -= l.quantity;
      continue;
    }
    const reason = `short pick in wave ${input.waveId}: ${input.found} of ${required} × ${hit.sku} found`;
    removeWaveOrder(ctx.sqlite, input.waveId, l.orderId, reason, ctx.now());
    transitionOrder(ctx, l.orderId, 'allocated', actor, reason);
    for (const p of s.picks) {
      const back = inSlots.get(`${p.skuId}:${l.orderId}`) ?? 0;
      if (back) addPicked(ctx.sqlite, input.waveId, p.skuId, -back);
    }
    released.push({
      orderId: l.orderId,
      slot: l.slot,
      message: `Order ${l.orderId} leaves the wave: empty slot ${l.slot} back to the shelves`,
    });
  }
  ctx.emit('orders.changed', { ids: released.map((r) => r.orderId), reason: 'short pick' });
  return { released, wave: getWave(ctx, input.waveId) };
}
