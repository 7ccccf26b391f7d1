import type { CoreContext } from '../../core-context';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import type { RunTransitions } from '../orders';
import { encodeAlternatives } from './alternatives-codec';
import type { Plan } from './routing-plan';
import { allocationWriter, type AllocationValues } from './routing.repo';

export type Settleable = Plan | { outcome: 'exception'; reasons: string[]; alternatives: [] };

/**
 * What a routing run records about its decisions: the order's route and status change (audited),
 * and the allocation row with reasons and alternatives (the order's detail shows those reasons).
 * The status change goes to the run's transitions, which write order rows in id order at the end,
 * folded with a change review made in the same pass; allocation rows go many to a statement. A
 * decision's rows reach the tables at the latest on flush(), inside the run's one transaction.
 */
export function runRecord(ctx: CoreContext, status: RunTransitions, actor: string) {
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
      const warehouseId = plan.outcome === 'exception' ? null : plan.warehouseId;
      const carrier = allocated?.quote.carrier ?? null;
      // Route and status in one row write.
      status.to(orderId, from, plan.outcome, actor, auditReason, { warehouseId, carrier });
      allocations.add({
        orderId,
        at: ctx.now(),
        actor,
        outcome: plan.outcome,
        warehouseId,
        carrier,
        shippingMinor: allocated?.quote.shippingMinor ?? null,
        handlingMinor: allocated?.handlingMinor ?? null,
        currency: allocated?.quote.currency ?? currency,
        reasonsJson: JSON.stringify(plan.reasons),
        alternativesJson: encodeAlternatives(plan.alternatives),
      });
      settledIds.add(orderId);
    },
    /** An allocation row of a split or a pre-sale wait (which change no route). */
    allocation(values: AllocationValues): void {
      allocations.add(values);
    },
    /** Whether this order's decision may not have reached the tables yet (flush before reading it back). */
    pending: (orderId: number): boolean => settledIds.has(orderId),
    get size(): number {
      return settledIds.size;
    },
    /** Writes this order's row now, with any change still waiting for it (see RunTransitions.land). */
    land: (orderId: number): void => status.land(orderId),
    flush(): void {
      status.flush();
      allocations.flush();
      settledIds.clear();
    },
  };
}
export type RunRecord = ReturnType<typeof runRecord>;
