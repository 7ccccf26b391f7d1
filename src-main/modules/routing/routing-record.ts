import type { CoreContext } from '../../core-context';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { RunTransitions } from '../orders';
import { encodeAlternatives } from './alternatives-codec';
import type { Plan } from './routing-plan';
import { allocationWriter, type AllocationValues } from './routing.repo';

export type Settleable = Plan | { outcome: 'exception'; reasons: string[]; alternatives: [] };

/** A decision whose writes wait for the next flush (see runRecord). */
interface Settled {
  orderId: number;
  from: OrderStatus;
  to: OrderStatus;
  auditReason: string;
  allocation: Omit<AllocationValues, 'orderId' | 'at' | 'actor'>;
}

/**
 * What a routing run records about its decisions: the order's route and status change (audited),
 * and the allocation row with reasons and alternatives (the order's detail shows those reasons).
 * The stock reservation is written at once by the run; these writes wait in memory until flush(),
 * which makes them in order-id order: a run decides by priority then age, and appending 100,000
 * allocation and audit rows in that (random) order cost over half as much again as in id order,
 * their indexes being keyed by order id. The status changes go to the run's transitions (which
 * write order rows in id order too, folded with a change review made in the same pass).
 */
export function runRecord(ctx: CoreContext, status: RunTransitions, actor: string) {
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
        allocation: {
          outcome: plan.outcome,
          warehouseId: plan.outcome === 'exception' ? null : plan.warehouseId,
          carrier: allocated?.quote.carrier ?? null,
          shippingMinor: allocated?.quote.shippingMinor ?? null,
          handlingMinor: allocated?.handlingMinor ?? null,
          currency: allocated?.quote.currency ?? currency,
          reasonsJson: JSON.stringify(plan.reasons),
          alternativesJson: encodeAlternatives(plan.alternatives),
        },
      });
      settledIds.add(orderId);
    },
    /** An allocation row of a split or a pre-sale wait (which change no route), written at once. */
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
    flush(): void {
      settled.sort((a, b) => a.orderId - b.orderId);
      for (const d of settled) {
        const a = d.allocation;
        // Route and status in one row write.
        status.to(d.orderId, d.from, d.to, actor, d.auditReason, {
          warehouseId: a.warehouseId,
          carrier: a.carrier,
        });
        allocations.add({ orderId: d.orderId, at: ctx.now(), actor, ...a });
      }
      status.flush();
      allocations.flush();
      settled = [];
      settledIds.clear();
    },
  };
}
export type RunRecord = ReturnType<typeof runRecord>;
