import type { CoreContext } from '../../core-context';
import type { BinRow } from '../../../src-shared/contract/inventory.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  assignBin,
  binContents,
  binsOfWarehouse,
  findBin,
  insertBin,
  skuCodesInBin,
  unassignBin,
  updateBin,
} from './bins.repo';
import { stockedSku, warehouseByCode } from './stock.service';

/** Bins in walking order with the SKUs kept in each and their (warehouse) stock. */
export function listBinsView(ctx: CoreContext, warehouse: string): BinRow[] {
  const w = warehouseByCode(ctx, warehouse);
  const contents = new Map<number, BinRow['skus']>();
  for (const c of binContents(ctx.sqlite, w.id)) {
    const list = contents.get(c.binId) ?? [];
    list.push({
      sku: c.sku,
      title: c.title,
      onHand: c.onHand,
      reserved: c.reserved,
      available: c.onHand - c.reserved,
    });
    contents.set(c.binId, list);
  }
  return binsOfWarehouse(ctx.sqlite, w.id).map((b) => {
    const skus = contents.get(b.id) ?? [];
    return { code: b.code, sequence: b.sequence, active: b.active, skuCount: skus.length, skus };
  });
}

interface BinChange {
  code: string;
  sequence: number;
  newCode?: string;
  active?: boolean;
}

/**
 * Creates, renames, re-sequences and retires bins in one go (the caller's transaction makes it all
 * or nothing). Renames are applied after every other change, so swapping two codes in one save is
 * refused rather than half done.
 */
export function saveBins(
  ctx: CoreContext,
  input: { warehouse: string; bins: BinChange[] },
  actor: string,
): { saved: number; created: number } {
  const w = warehouseByCode(ctx, input.warehouse);
  const seen = new Set<string>();
  let created = 0;
  input.bins.forEach((b, i) => {
    const path = `bins.${i}`;
    if (seen.has(b.code))
      throw new AppFailure('invalid_input', `${path}.code: bin "${b.code}" appears twice in this save`, [
        { path: `${path}.code`, message: 'appears twice' },
      ]);
    seen.add(b.code);
    const existing = findBin(ctx.sqlite, w.id, b.code);
    if (b.active === false) {
      const kept = skuCodesInBin(ctx.sqlite, existing?.id ?? -1);
      if (kept.length)
        throw new AppFailure(
          'conflict',
          `${path}: bin ${b.code} still holds ${kept.length} SKU(s) (${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}); give them another bin before retiring it`,
          [{ path: `${path}.active`, message: 'the bin still holds SKUs' }],
        );
    }
    if (!existing) {
      if (b.newCode !== undefined)
        throw new AppFailure(
          'invalid_input',
          `${path}.code: warehouse ${w.code} has no bin "${b.code}" to rename`,
          [{ path: `${path}.code`, message: 'unknown bin' }],
        );
      insertBin(ctx.sqlite, w.id, b.code, b.sequence, b.active ?? true);
      created++;
      return;
    }
    updateBin(ctx.sqlite, existing.id, { sequence: b.sequence, active: b.active ?? existing.active });
  });
  input.bins.forEach((b, i) => {
    if (b.newCode === undefined || b.newCode === b.code) return;
    const taken = findBin(ctx.sqlite, w.id, b.newCode);
    if (taken)
      throw new AppFailure(
        'conflict',
        `bins.${i}.newCode: warehouse ${w.code} already has a bin "${b.newCode}"`,
        [{ path: `bins.${i}.newCode`, message: 'is already used' }],
      );
    updateBin(ctx.sqlite, findBin(ctx.sqlite, w.id, b.code)!.id, { code: b.newCode });
  });
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'warehouse',
    entityId: w.id,
    action: 'bins',
    data: { bins: input.bins.length, created },
  });
  ctx.emit('settings.changed', { what: 'warehouses' });
  return { saved: input.bins.length, created };
}

/** The default bin of a SKU in a warehouse; null clears it. A retired bin takes no new SKUs. */
export function assignSkuBin(
  ctx: CoreContext,
  input: { warehouse: string; sku: string; bin: string | null },
  actor: string,
): { sku: string; bin: string | null } {
  const w = warehouseByCode(ctx, input.warehouse);
  const s = stockedSku(ctx, input.sku);
  if (input.bin === null) unassignBin(ctx.sqlite, w.id, s.id);
  else {
    const bin = findBin(ctx.sqlite, w.id, input.bin);
    if (!bin)
      throw new AppFailure('invalid_input', `bin: warehouse ${w.code} has no bin "${input.bin}"`, [
        { path: 'bin', message: 'unknown bin' },
      ]);
    if (!bin.active)
      throw new AppFailure(
        'conflict',
        `bin: ${input.bin} in ${w.code} is retired; bring it back or pick another`,
        [{ path: 'bin', message: 'is retired' }],
      );
    assignBin(ctx.sqlite, w.id, s.id, bin.id);
  }
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'sku',
    entityId: s.id,
    action: 'bin',
    data: { warehouse: w.code, bin: input.bin },
  });
  return { sku: s.sku, bin: input.bin };
}
