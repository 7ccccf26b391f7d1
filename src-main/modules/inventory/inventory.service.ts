import type { CoreContext } from '../../core-context';
import { appendLedger, ledgerWriter, openReservations, stockLevel, type LedgerKind } from './inventory.repo';

export const orderReference = (orderId: number): string => `order:${orderId}`;

/** Receipts and adjustments change on-hand; the ledger row is the only way stock moves. */
export function moveStock(
  ctx: CoreContext,
  m: {
    warehouseId: number;
    skuId: number;
    kind: LedgerKind;
    onHandDelta?: number;
    reservedDelta?: number;
    reference?: string;
    reason?: string;
    actor: string;
  },
): void {
  appendLedger(ctx.sqlite, {
    warehouseId: m.warehouseId,
    skuId: m.skuId,
    kind: m.kind,
    onHandDelta: m.onHandDelta ?? 0,
    reservedDelta: m.reservedDelta ?? 0,
    reference: m.reference ?? null,
    reason: m.reason ?? null,
    actor: m.actor,
    at: ctx.now(),
  });
}

/**
 * Reservations for a run that allocates many orders (routing): the same ledger rows moveStock
 * writes, appended many to a statement; the ledger trigger still applies and checks each one (no
 * oversell). The run holds the write lock and keeps its own count of what is available, so it
 * reads neither the ledger nor stock levels meanwhile; flush() before anything that does
 * (releases, alerts, splits) and at the end of the run.
 */
export function reservationWriter(ctx: CoreContext, actor: string) {
  const ledger = ledgerWriter(ctx.sqlite);
  // Written on flush() grouped by SKU and warehouse (in reserving order within each): the ledger's
  // SKU index and the stock level its trigger updates are then visited one after the other,
  // which for a run's 100,000 reservations cost markedly less than in serving order. All are
  // positive reservations, so each row's SQL check sees no more reserved than the last one will.
  let queued: { orderId: number; warehouseId: number; skuId: number; quantity: number; at: number }[] = [];
  return {
    reserve(orderId: number, warehouseId: number, skuId: number, quantity: number): void {
      queued.push({ orderId, warehouseId, skuId, quantity, at: ctx.now() });
    },
    flush(): void {
      queued.sort((a, b) => a.skuId - b.skuId || a.warehouseId - b.warehouseId);
      for (const q of queued)
        ledger.add({
          warehouseId: q.warehouseId,
          skuId: q.skuId,
          kind: 'reservation',
          onHandDelta: 0,
          reservedDelta: q.quantity,
          reference: orderReference(q.orderId),
          reason: 'allocated',
          actor,
          at: q.at,
        });
      queued = [];
      ledger.flush();
    },
  };
}
export type ReservationWriter = ReturnType<typeof reservationWriter>;

/** Gives back everything an order still holds, e.g. when it is cancelled; returns what it gave back. */
export function releaseOrderReservations(
  ctx: CoreContext,
  orderId: number,
  actor: string,
  reason: string,
): { warehouseId: number; skuId: number; reserved: number }[] {
  const reference = orderReference(orderId);
  const open = openReservations(ctx.sqlite, reference);
  for (const r of open) {
    moveStock(ctx, {
      warehouseId: r.warehouseId,
      skuId: r.skuId,
      kind: 'release',
      reservedDelta: -r.reserved,
      reference,
      reason,
      actor,
    });
  }
  return open;
}

export { stockLevel };
