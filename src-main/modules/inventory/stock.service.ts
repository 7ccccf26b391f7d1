import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { barcodeOwner, findSkuByCode, isBundle, type SkuRow } from '../catalog';
import { listAlerts } from './alerts.repo';
import { checkLowStock } from './alerts.service';
import { moveStock } from './inventory.service';
import { ledgerMark, movedSince, stockLevel } from './inventory.repo';
import { assignBin, findBin } from './bins.repo';
import {
  listLedger,
  listLevels,
  offShelfUnits,
  setThreshold,
  effectiveThreshold,
} from './stock-queries.repo';
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

/**
 * One line of a count sheet. `asOf`: the stock when this SKU was counted, as `countMark` gave it
 * (the ledger mark, and the SKU's units then in totes or packed); without it, the stock now.
 */
export interface CountInput {
  sku: string;
  counted: number;
  asOf?: { ledgerMark: number; offShelf: number } | undefined;
}

/**
 * A counted line as posting it would change stock. A count is of the shelves when it was
 * counted: units then picked into totes or packed (on hand, off the shelf) are added to it, and
 * stock that moved in or out of the warehouse after its mark (a parcel shipped, a delivery
 * received while the clerk walked the aisles) is kept on top of it instead of being written off
 * or counted twice. Without a mark the count is of the shelves as they are now.
 */
interface CountedRow {
  s: SkuRow;
  onHand: number;
  moved: number;
  offShelf: number;
  counted: number;
  /** On hand when it was counted, the number the count is compared with. */
  before: number;
  after: number;
  reserved: number;
}

function countedRows(ctx: CoreContext, w: WarehouseRow, counts: readonly CountInput[]): CountedRow[] {
  const mark = ledgerMark(ctx.sqlite);
  // Read once, and only when a row has no mark of its own.
  let offShelfBySku: Map<number, number> | null = null;
  const offShelfNow = (skuId: number) =>
    (offShelfBySku ??= new Map(offShelfUnits(ctx.sqlite, w.id).map((o) => [o.skuId, o.units]))).get(skuId) ??
    0;
  // Keyed by SKU, not by what was typed: a scanned barcode and the typed code are one SKU.
  const seen = new Map<number, number>();
  return counts.map((c, i) => {
    const path = `counts.${i}`;
    const s = stockedSku(ctx, c.sku, `${path}.sku`);
    if (seen.has(s.id))
      throw new AppFailure(
        'invalid_input',
        `${path}.sku: ${s.sku} is counted twice (rows ${seen.get(s.id)} and ${i})`,
        [{ path: `${path}.sku`, message: 'counted twice' }],
      );
    seen.set(s.id, i);
    if (c.asOf && c.asOf.ledgerMark > mark)
      throw new AppFailure(
        'invalid_input',
        `${path}.asOf: stock mark ${c.asOf.ledgerMark} is past the last stock movement (${mark}); it comes from another database — start the count again`,
        [{ path: `${path}.asOf`, message: 'mark past the ledger' }],
      );
    const l = stockLevel(ctx.sqlite, w.id, s.id);
    const moved = c.asOf ? movedSince(ctx.sqlite, w.id, s.id, c.asOf.ledgerMark) : 0;
    const offShelf = c.asOf ? c.asOf.offShelf : offShelfNow(s.id);
    return {
      s,
      onHand: l.onHand,
      moved,
      offShelf,
      counted: c.counted,
      before: l.onHand - moved,
      after: c.counted + offShelf + moved,
      reserved: l.reserved,
    };
  });
}

const countView = (r: CountedRow) => ({
  sku: r.s.sku,
  onHandBefore: r.before,
  offShelf: r.offShelf,
  counted: r.counted,
  movedSince: r.moved,
  onHandAfter: r.after,
  delta: r.after - r.onHand,
  reserved: r.reserved,
});

/** What posting a count sheet would change, row by row; nothing is written. */
export function checkStocktake(ctx: CoreContext, input: { warehouse: string; counts: CountInput[] }) {
  const w = warehouseByCode(ctx, input.warehouse);
  return { rows: countedRows(ctx, w, input.counts).map(countView) };
}

/** What a count started now is taken against: the ledger mark and the units off the shelves. */
export function countMark(ctx: CoreContext, input: { warehouse: string }) {
  const w = warehouseByCode(ctx, input.warehouse);
  return {
    ledgerMark: ledgerMark(ctx.sqlite),
    offShelf: offShelfUnits(ctx.sqlite, w.id).map(({ sku, units }) => ({ sku, units })),
  };
}

export function postStocktake(
  ctx: CoreContext,
  input: { warehouse: string; counts: CountInput[]; reason: string },
  actor: string,
) {
  const w = warehouseByCode(ctx, input.warehouse);
  const rows = countedRows(ctx, w, input.counts);
  rows.forEach((r, i) => {
    if (r.after >= r.reserved) return;
    const path = `counts.${i}.counted`;
    // The number set against what orders hold is the count with what it does not see added.
    const parts = [
      r.offShelf || r.moved ? `${r.counted} on the shelves` : '',
      r.offShelf ? `${r.offShelf} in totes or packed` : '',
      r.moved ? `${r.moved > 0 ? '+' : ''}${r.moved} moved since it was counted` : '',
    ].filter(Boolean);
    const detail = parts.length ? ` (${parts.join(', ')})` : '';
    throw new AppFailure(
      'conflict',
      `${path}: ${r.after} × ${r.s.sku} counted in ${w.code}${detail}, but ${r.reserved} are reserved for orders; release or re-route those orders first`,
      [{ path, message: `below the ${r.reserved} reserved` }],
    );
  });
  const differences = rows.filter((r) => r.after !== r.onHand);
  // One sheet, one reference: the ledger shows its adjustments as one count.
  const reference = `stocktake:${w.code}:${ctx.now()}`;
  for (const r of differences) {
    moveStock(ctx, {
      warehouseId: w.id,
      skuId: r.s.id,
      kind: 'adjustment',
      onHandDelta: r.after - r.onHand,
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
    differences: differences.map(countView),
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
