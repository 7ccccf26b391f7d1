import type { CoreContext } from '../../core-context';
import { runTransitions } from '../orders';
import { runReview } from '../review';
import { runRouting, type ServingOrder } from '../routing';

/**
 * One pass of the automatic pipeline, inside the caller's transaction: review the pending
 * orders, then route every approved order (approved earlier, or by this review) in serving order.
 * Review and routing share the pass's transitions, so an order the rules approve and routing
 * allocates is checked and audited twice (pending_review → approved → allocated) but its row is
 * written once, and routing takes the orders review approved from memory instead of reading them
 * back: for 100,000 orders that is most of a second less than review.run then routing.run.
 * All or nothing: a pass that fails leaves the orders as they were, for the next pass.
 */
export function runPipelinePass(ctx: CoreContext, actor: string) {
  const started = performance.now();
  const transitions = runTransitions(ctx);
  const approved: ServingOrder[] = [];
  const {
    changedIds,
    seconds: reviewSeconds,
    ...review
  } = runReview(ctx, actor, {
    transitions,
    approved: (row, priority, lines) =>
      approved.push({
        id: row.id,
        status: 'approved',
        country: row.country,
        province: row.province,
        paymentMethod: row.paymentMethod,
        currency: row.currency,
        warehouseId: row.warehouseId,
        priority,
        placedAt: row.placedAt,
        lines,
      }),
  });
  if (changedIds.length) ctx.emit('orders.changed', { ids: changedIds, reason: 'review rules' });
  const routed = runRouting(ctx, undefined, actor, { transitions, approved });
  transitions.flush();
  return {
    review,
    routing: {
      allocated: routed.allocated.length,
      backordered: routed.backordered.length,
      exception: routed.exception.length,
    },
    reviewSeconds,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}
