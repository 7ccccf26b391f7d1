import type { CoreContext } from '../../core-context';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { transitionOrder } from '../orders';
import { readOrderBrief, setOrderReasons } from './review-orders.repo';
import { insertDecision, listDecisions } from './review.repo';
import { REVIEW_PREFIX } from './review.service';

export type ManualDecision = 'approve' | 'reject' | 'hold';

const TARGET: Record<ManualDecision, OrderStatus> = {
  approve: 'approved',
  reject: 'cancelled',
  hold: 'held',
};
const WAITING: readonly string[] = ['pending_review', 'held'];
/** A tab left open over lunch is not review time. */
const MAX_REVIEW_MS = 4 * 60 * 60 * 1000;

/**
 * A reviewer's bulk decision. Unknown ids refuse the whole call (nothing changes); orders no longer
 * waiting for review (another reviewer got there first) are skipped and reported. The time since
 * `openedAt`, shared equally among the decided orders, is recorded as each order's review time.
 */
export function decideReview(
  ctx: CoreContext,
  input: { ids: number[]; decision: ManualDecision; reason?: string; openedAt?: string },
  actor: string,
) {
  const orders = input.ids.map((id) => readOrderBrief(ctx.sqlite, id));
  const missing = input.ids.filter((_, i) => !orders[i]);
  if (missing.length)
    throw new AppFailure('not_found', `Orders ${missing.join(', ')} do not exist; nothing was changed`, [
      { path: 'ids', message: `unknown: ${missing.join(', ')}` },
    ]);
  const todo = orders.filter((o) => o && WAITING.includes(o.status)) as NonNullable<
    (typeof orders)[number]
  >[];
  const skipped = orders
    .filter((o) => o && !WAITING.includes(o.status))
    .map((o) => ({ id: o!.id, message: `order ${o!.id} is ${o!.status}, no longer waiting for review` }));
  const elapsed =
    input.openedAt === undefined
      ? null
      : Math.min(MAX_REVIEW_MS, Math.max(0, ctx.now() - Date.parse(input.openedAt)));
  const durationMs = elapsed === null || todo.length === 0 ? null : Math.round(elapsed / todo.length);
  const to = TARGET[input.decision];
  const why = input.reason || `manual ${input.decision}`;
  for (const o of todo) {
    if (o.status === to) {
      // Holding an order that is already held just records the new reason.
      recordAudit(ctx.db, {
        at: ctx.now(),
        actor,
        entity: 'order',
        entityId: o.id,
        action: 'review_note',
        from: o.status,
        to,
        reason: why,
      });
    } else {
      transitionOrder(ctx, o.id, to, actor, why);
    }
    const reasons = JSON.parse(o.reasonsJson) as string[];
    setOrderReasons(
      ctx.sqlite,
      o.id,
      [...reasons, `${REVIEW_PREFIX}${actor}: ${input.decision} — ${why}`],
      ctx.now(),
    );
    insertDecision(ctx.db, {
      orderId: o.id,
      at: ctx.now(),
      outcome: to,
      source: 'manual',
      reasons: [why],
      ruleIds: [],
      actor,
      durationMs,
    });
  }
  return { changed: todo.map((o) => o.id), skipped };
}

export const orderDecisions = (ctx: CoreContext, orderId: number) =>
  listDecisions(ctx.db, orderId).map((d) => ({ ...d, at: new Date(d.at).toISOString() }));
