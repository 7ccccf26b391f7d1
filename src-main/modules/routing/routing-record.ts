import type { CoreContext } from '../../core-context';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { RunTransitions } from '../orders';
import { encodeAlternatives } from './alternatives-codec';
import type { Plan } from './routing-plan';
import { allocationWriter, type AllocationValues } from './routing.repo';

/** A decision whose order-row writes wait for the next flush (see runRecord). */
interface Settled {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  auditReason: string;
  warehouseId: number | null;
  carrier: string | null;
  allocation: Omit<AllocationValues, 'orderId' | 'at' | 'actor' | 'warehouseId' | 'carrier'>;
}

export type Settleable = Plan | { outcome: 'exception'; reasons: string[]; alternatives: [] };

/**
 * What a routing run records about its decisions: the order's route and status change (audited),
 * and the allocation row with reasons and alternatives (the order's detail shows those reasons). The stock reservation is
 * written at once by the run; these writes wait in memory until flush(), which hands the status
 * changes to the run's transitions (they write order rows in id order, folded with a change review
 * made in the same pass) and writes the allocation rows many to a statement. All of it stays
 * inside the run's one transaction.
 */
export function runRecord(ctx: CoreContext, status: RunTransitions) {
  let settled: Settled[] = [];
  const settledIds = new Set<number>();
  const allocations = allocationWriter(ctx.sqlite);
  return {
    settle(
      orderId: number,
      from: OrderStatus,
      plan: Settleable,
      auditReason: string,
      currency: string,
    ): void {
      const allocated = plan.outcome === 'allocated' ? plan : null;
      settled.push({
        orderId,
        from,
        to: plan.outcome,
        auditReason,
        warehouseId: plan.outcome === 'exception' ? null : plan.warehouseId,
        carrier: allocated?.quote.carrier ?? null,
        allocation: {
          outcome: plan.outcome,
          shippingMinor: allocated?.quote.shippingMinor ?? null,
          handlingMinor: allocated?.handlingMinor ?? null,
          currency: allocated?.quote.currency ?? currency,
          reasonsJson: JSON.stringify(plan.reasons),
          alternativesJson: encodeAlternatives(plan.alternatives),
        },
      });
      settledIds.add(orderId);
    },
    /** An allocation row written with the next flush (splits and pre-sale waits, which change no route). */
    allocation(values: AllocationValues): void {
      allocations.add(values);
    },
    /** Whether this order's decision still waits in memory (flush before reading it back). */
    pending: (orderId: number): boolean => settledIds.has(orderId),
    get size(): number {
      return settled.length;
    },
    /** Writes this order's row now, with any change still waiting for it (see RunTransitions.land). */
    land: (orderId: number): void => status.land(orderId),
    flush(actor: string): void {
      for (const d of settled) {
        const now = ctx.now();
        // Route and status in one row write.
        status.to(d.orderId, d.from, d.to, actor, d.auditReason, {
          warehouseId: d.warehouseId,
          carrier: d.carrier,
        });
        allocations.add({
          orderId: d.orderId,
          at: now,
          actor,
          warehouseId: d.warehouseId,
          carrier: d.carrier,
          ...d.allocation,
        });
      }
      status.flush();
      allocations.flush();
      settled = [];
      settledIds.clear();
    },
  };
}
export type RunRecord = ReturnType<typeof runRecord>;
