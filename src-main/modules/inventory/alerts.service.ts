import type { CoreContext } from '../../core-context';
import type { StockSuggestion } from '../../../src-shared/contract/inventory.contract';
import { findOpenAlert, insertAlert, resolveAlerts, updateAlert, type AlertKind } from './alerts.repo';
import { ownThreshold, levelsOfSkus } from './stock-queries.repo';

/** Where else this SKU sits above its own threshold: each such warehouse can give without going low itself. */
function transferSuggestions(
  ctx: CoreContext,
  warehouseId: number,
  skuId: number,
  needed: number,
): StockSuggestion[] {
  const others = levelsOfSkus(ctx.sqlite, [skuId])
    .filter((l) => l.warehouseId !== warehouseId && l.available - l.threshold > 0)
    .sort((a, b) => b.available - b.threshold - (a.available - a.threshold));
  const out: StockSuggestion[] = [];
  let left = needed;
  for (const o of others) {
    if (left <= 0) break;
    const quantity = Math.min(left, o.available - o.threshold);
    out.push({
      action: 'transfer',
      fromWarehouse: o.warehouse,
      quantity,
      text: `transfer ${quantity} from warehouse ${o.warehouse}`,
    });
    left -= quantity;
  }
  if (left > 0) out.push({ action: 'receive', quantity: left, text: `reorder or receive ${left} more` });
  return out;
}

function raise(
  ctx: CoreContext,
  kind: AlertKind,
  warehouseId: number,
  skuId: number,
  available: number,
  threshold: number,
  suggestions: StockSuggestion[],
): void {
  const suggestionsJson = JSON.stringify(suggestions);
  const now = ctx.now();
  const open = findOpenAlert(ctx.sqlite, warehouseId, skuId, kind);
  if (open) return updateAlert(ctx.sqlite, open.id, { available, threshold, suggestionsJson, now });
  const id = insertAlert(ctx.sqlite, {
    kind,
    warehouseId,
    skuId,
    available,
    threshold,
    suggestionsJson,
    now,
  });
  const { warehouse, sku } = ctx.sqlite
    .prepare('select w.code as warehouse, s.sku from warehouses w, skus s where w.id = ? and s.id = ?')
    .get(warehouseId, skuId) as { warehouse: string; sku: string };
  ctx.emit('stock.low', {
    alertId: id,
    kind,
    warehouse,
    sku,
    available,
    threshold,
    suggestions: suggestions.map((s) => s.text),
  });
  ctx.emit('alert', {
    level: 'warning',
    message:
      kind === 'low_stock'
        ? `${sku} in ${warehouse}: ${available} available, below ${threshold}`
        : `${sku} in ${warehouse}: orders are waiting for stock`,
  });
}

/** After stock moved: raise, refresh or resolve the low-stock alert of each touched warehouse and SKU. */
export function checkLowStock(ctx: CoreContext, touched: { warehouseId: number; skuId: number }[]): void {
  const seen = new Set<string>();
  const skuIds = [...new Set(touched.map((t) => t.skuId))];
  if (skuIds.length === 0) return;
  const levels = new Map(levelsOfSkus(ctx.sqlite, skuIds).map((l) => [`${l.warehouseId}:${l.skuId}`, l]));
  for (const t of touched) {
    const key = `${t.warehouseId}:${t.skuId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // A warehouse that never held the SKU has no level row. A threshold set for that warehouse
    // itself still counts (someone means to stock it there); the SKU's default does not, or every
    // warehouse that does not carry it would be "low".
    const l = levels.get(key) ?? {
      available: 0,
      threshold: ownThreshold(ctx.sqlite, t.warehouseId, t.skuId),
    };
    if (l.threshold > 0 && l.available < l.threshold) {
      raise(
        ctx,
        'low_stock',
        t.warehouseId,
        t.skuId,
        l.available,
        l.threshold,
        transferSuggestions(ctx, t.warehouseId, t.skuId, l.threshold - l.available),
      );
    } else {
      resolveAlerts(ctx.sqlite, t.warehouseId, t.skuId, 'low_stock', ctx.now());
    }
  }
}

/** An order is waiting for `short` units at this warehouse: say where they could come from, or what to tell the buyer. */
export function raiseBackorderAlert(
  ctx: CoreContext,
  a: { warehouseId: number; skuId: number; available: number; short: number; orderId: number },
): void {
  const suggestions = transferSuggestions(ctx, a.warehouseId, a.skuId, a.short).filter(
    (s) => s.action === 'transfer',
  );
  if (suggestions.length === 0) {
    suggestions.push(
      {
        action: 'contact_buyer',
        orderId: a.orderId,
        text: `contact the buyer of order #${a.orderId} about the delay`,
      },
      { action: 'cancel', orderId: a.orderId, text: `or cancel order #${a.orderId}` },
    );
  }
  raise(ctx, 'backorder', a.warehouseId, a.skuId, a.available, a.short, suggestions);
}

export const resolveBackorderAlert = (ctx: CoreContext, warehouseId: number, skuId: number): void =>
  resolveAlerts(ctx.sqlite, warehouseId, skuId, 'backorder', ctx.now());
