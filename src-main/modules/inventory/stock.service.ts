import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { barcodeOwner, findSkuByCode, isBundle, type SkuRow } from '../catalog';
import { listAlerts } from './alerts.repo';
import { checkLowStock } from './alerts.service';
import { moveStock } from './inventory.service';
import { stockLevel } from './inventory.repo';
import { assignBin, findBin } from './bins.repo';
import { listLedger, listLevels, setThreshold, effectiveThreshold } from './stock-queries.repo';
import { findWarehouseByCode, type WarehouseRow } from './warehouses.repo';
import type { StockSuggestion } from '../../../src-shared/contract/inventory.contract';

const iso = (ms: number): string => new Date(ms).toISOString();

export function warehouseByCode(ctx: CoreContext, code: string, path = 'warehouse'): WarehouseRow {
  const w = findWarehouseByCode(ctx.db, code);
  if (!w)
    throw new AppFailure('invalid_input', `${path}: there is no warehouse "${code}"`, [
      { path, message: `unknown warehouse "${code}"` },
    ]);
  return w;
}

/**
 * A warehouse goods can go into: one switched off in settings takes no receipts or transfers (its
 * stock can still be counted, corrected and moved out while it is being closed).
 */
function openWarehouseByCode(ctx: CoreContext, code: string, path: string): WarehouseRow {
  const w = warehouseByCode(ctx, code, path);
  if (!w.active)
    throw new AppFailure(
      'conflict',
      `${path}: warehouse ${w.code} is not active, so it takes no goods; switch it on in Settings › Warehouses or choose another`,
      [{ path, message: 'warehouse is not active' }],
    );
  return w;
}

/** A SKU by its code or, as a scanner types it, by one of its barcodes (a code wins a tie). */
function skuByCodeOrBarcode(ctx: CoreContext, code: string): SkuRow | undefined {
  const s = findSkuByCode(ctx.sqlite, code);
  if (s) return s;
  const owner = barcodeOwner(ctx.sqlite, code);
  return owner && findSkuByCode(ctx.sqlite, owner.sku);
}

/** Bundles have no stock of their own: goods are counted as their components. */
export function stockedSku(ctx: CoreContext, code: string, path = 'sku'): SkuRow {
  const s = skuByCodeOrBarcode(ctx, code);
  if (!s)
    throw new AppFailure('invalid_input', `${path}: there is no SKU "${code}"`, [
      { path, message: `unknown SKU "${code}"` },
    ]);
  if (isBundle(ctx.sqlite, s.id))
    throw new AppFailure(
      'invalid_input',
      `${path}: ${code} is a bundle; receive, count or move its components instead`,
      [{ path, message: 'is a bundle' }],
    );
  return s;
}

export interface LevelChange {
  warehouse: string;
  sku: string;
  onHand: number;
  reserved: number;
  available: number;
}

const levelOf = (ctx: CoreContext, w: WarehouseRow, s: SkuRow): LevelChange => {
  const l = stockLevel(ctx.sqlite, w.id, s.id);
  return {
    warehouse: w.code,
    sku: s.sku,
    onHand: l.onHand,
    reserved: l.reserved,
    available: l.onHand - l.reserved,
  };
};

/** Checked here for a message people understand; the SQL CHECK is what actually guarantees it. */
function assertCanRemove(ctx: CoreContext, w: WarehouseRow, s: SkuRow, quantity: number, path: string): void {
  const l = stockLevel(ctx.sqlite, w.id, s.id);
  const available = l.onHand - l.reserved;
  if (quantity > available) {
    throw new AppFailure(
      'conflict',
      `${path}: cannot take ${quantity} × ${s.sku} out of ${w.code}: only ${available} available (on hand ${l.onHand}, reserved ${l.reserved})`,
      [{ path, message: `only ${available} available` }],
    );
  }
}

export function receiveStock(
  ctx: CoreContext,
  input: {
    warehouse: string;
    lines: { sku: string; quantity: number; bin?: string }[];
    reason: string;
    reference?: string;
  },
  actor: string,
): LevelChange[] {
  const w = openWarehouseByCode(ctx, input.warehouse, 'warehouse');
  // Resolve every row before writing any, so one bad row names itself and nothing is half-received.
  const rows = input.lines.map((l, i) => {
    const s = stockedSku(ctx, l.sku, `lines.${i}.sku`);
    const bin = l.bin === undefined ? undefined : findBin(ctx.sqlite, w.id, l.bin);
    if (l.bin !== undefined && !bin) {
      throw new AppFailure('invalid_input', `lines.${i}.bin: warehouse ${w.code} has no bin "${l.bin}"`, [
        { path: `lines.${i}.bin`, message: 'unknown bin' },
      ]);
    }
    if (bin && !bin.active)
      throw new AppFailure('conflict', `lines.${i}.bin: bin ${l.bin} in ${w.code} is retired`, [
        { path: `lines.${i}.bin`, message: 'is retired' },
      ]);
    return { s, quantity: l.quantity, binId: bin?.id };
  });
  for (const r of rows) {
    moveStock(ctx, {
      warehouseId: w.id,
      skuId: r.s.id,
      kind: 'receipt',
      onHandDelta: r.quantity,
      reference: input.reference,
      reason: input.reason,
      actor,
    });
    if (r.binId !== undefined) assignBin(ctx.sqlite, w.id, r.s.id, r.binId);
  }
  checkLowStock(
    ctx,
    rows.map((r) => ({ warehouseId: w.id, skuId: r.s.id })),
  );
  return [...new Map(rows.map((r) => [r.s.id, r.s])).values()].map((s) => levelOf(ctx, w, s));
}

export function adjustStock(
  ctx: CoreContext,
  input: { warehouse: string; sku: string; delta: number; reason: string },
  actor: string,
): LevelChange[] {
  const w = warehouseByCode(ctx, input.warehouse);
  const s = stockedSku(ctx, input.sku);
  if (input.delta < 0) assertCanRemove(ctx, w, s, -input.delta, 'delta');
  moveStock(ctx, {
    warehouseId: w.id,
    skuId: s.id,
    kind: 'adjustment',
    onHandDelta: input.delta,
    reason: input.reason,
    actor,
  });
  checkLowStock(ctx, [{ warehouseId: w.id, skuId: s.id }]);
  return [levelOf(ctx, w, s)];
}

export function transferStock(
  ctx: CoreContext,
  input: { from: string; to: string; sku: string; quantity: number; reason: string },
  actor: string,
): LevelChange[] {
  const from = warehouseByCode(ctx, input.from, 'from');
  const to = openWarehouseByCode(ctx, input.to, 'to');
  if (from.id === to.id)
    throw new AppFailure('invalid_input', 'to: must be a different warehouse than from', [
      { path: 'to', message: 'same as from' },
    ]);
  const s = stockedSku(ctx, input.sku);
  assertCanRemove(ctx, from, s, input.quantity, 'quantity');
  // Both legs share one reference so the ledger shows them as one move.
  const reference = `transfer:${from.code}>${to.code}:${ctx.now()}`;
  moveStock(ctx, {
    warehouseId: from.id,
    skuId: s.id,
    kind: 'transfer',
    onHandDelta: -input.quantity,
    reference,
    reason: input.reason,
    actor,
  });
  moveStock(ctx, {
    warehouseId: to.id,
    skuId: s.id,
    kind: 'transfer',
    onHandDelta: input.quantity,
    reference,
    reason: input.reason,
    actor,
  });
  checkLowStock(ctx, [
    { warehouseId: from.id, skuId: s.id },
    { warehouseId: to.id, skuId: s.id },
  ]);
  return [levelOf(ctx, from, s), levelOf(ctx, to, s)];
}

export function postStocktake(
  ctx: CoreContext,
  input: { warehouse: string; counts: { sku: string; counted: number }[]; reason: string },
  actor: string,
) {
  const w = warehouseByCode(ctx, input.warehouse);
  // Keyed by SKU, not by what was typed: a scanned barcode and the typed code are one SKU.
  const seen = new Map<number, number>();
  const rows = input.counts.map((c, i) => {
    const path = `counts.${i}`;
    const s = stockedSku(ctx, c.sku, `${path}.sku`);
    if (seen.has(s.id))
      throw new AppFailure(
        'invalid_input',
        `${path}.sku: ${s.sku} is counted twice (rows ${seen.get(s.id)} and ${i})`,
        [{ path: `${path}.sku`, message: 'counted twice' }],
      );
    seen.set(s.id, i);
    const l = stockLevel(ctx.sqlite, w.id, s.id);
    if (c.counted < l.reserved) {
      throw new AppFailure(
        'conflict',
        `${path}.counted: ${c.counted} × ${s.sku} counted in ${w.code}, but ${l.reserved} are reserved for orders; release or re-route those orders first`,
        [{ path: `${path}.counted`, message: `below the ${l.reserved} reserved` }],
      );
    }
    return { s, before: l.onHand, counted: c.counted };
  });
  const differences = rows.filter((r) => r.counted !== r.before);
  // One sheet, one reference: the ledger shows its adjustments as one count.
  const reference = `stocktake:${w.code}:${ctx.now()}`;
  for (const r of differences) {
    moveStock(ctx, {
      warehouseId: w.id,
      skuId: r.s.id,
      kind: 'adjustment',
      onHandDelta: r.counted - r.before,
      reference,
      reason: input.reason,
      actor,
    });
  }
  checkLowStock(
    ctx,
    differences.map((r) => ({ warehouseId: w.id, skuId: r.s.id })),
  );
  return {
    differences: differences.map((r) => ({
      sku: r.s.sku,
      onHandBefore: r.before,
      counted: r.counted,
      delta: r.counted - r.before,
    })),
    unchanged: rows.length - differences.length,
  };
}

export function setStockThreshold(
  ctx: CoreContext,
  input: { warehouse: string; sku: string; minAvailable: number | null },
): number {
  const w = warehouseByCode(ctx, input.warehouse);
  const s = stockedSku(ctx, input.sku);
  setThreshold(ctx.sqlite, w.id, s.id, input.minAvailable);
  checkLowStock(ctx, [{ warehouseId: w.id, skuId: s.id }]);
  return effectiveThreshold(ctx.sqlite, w.id, s.id);
}

export function stockLevels(
  ctx: CoreContext,
  input: {
    warehouse?: string;
    bin?: string;
    search?: string;
    belowThreshold: boolean;
    offset: number;
    limit: number;
  },
) {
  const warehouseId = input.warehouse === undefined ? undefined : warehouseByCode(ctx, input.warehouse).id;
  const { rows, total } = listLevels(
    ctx.sqlite,
    { warehouseId, bin: input.bin, search: input.search, belowThreshold: input.belowThreshold },
    input.offset,
    input.limit,
  );
  return {
    rows: rows.map(({ warehouse, sku, title, bin, binSequence, onHand, reserved, available, threshold }) => ({
      warehouse,
      sku,
      title,
      bin,
      binSequence,
      onHand,
      reserved,
      available,
      threshold,
    })),
    total,
  };
}

export function stockLedger(
  ctx: CoreContext,
  input: { sku: string; warehouse?: string; offset: number; limit: number },
) {
  const s = findSkuByCode(ctx.sqlite, input.sku);
  if (!s) throw new AppFailure('not_found', `There is no SKU "${input.sku}"`);
  const warehouseId = input.warehouse === undefined ? undefined : warehouseByCode(ctx, input.warehouse).id;
  const { rows, total } = listLedger(ctx.sqlite, s.id, warehouseId, input.offset, input.limit);
  return { rows: rows.map((r) => ({ ...r, at: iso(r.at) })), total };
}

export function stockAlerts(ctx: CoreContext, input: { open: boolean; offset: number; limit: number }) {
  const { rows, total } = listAlerts(ctx.sqlite, input.open, input.offset, input.limit);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      warehouse: r.warehouse,
      sku: r.sku,
      available: r.available,
      threshold: r.threshold,
      suggestions: JSON.parse(r.suggestionsJson) as StockSuggestion[],
      createdAt: iso(r.createdAt),
      resolvedAt: r.resolvedAt === null ? null : iso(r.resolvedAt),
    })),
    total,
  };
}
