import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import {
  activeWaveLines,
  addPicked,
  binByCode,
  findWave,
  skuByBarcode,
  skusInBin,
  wavePickRows,
} from './fulfillment.repo';
import { slotsFor } from './waves.service';

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
