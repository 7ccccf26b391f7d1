import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { decideReview, orderDecisions } from './review-decide.service';
import {
  deleteReviewRule,
  listReviewRules,
  reorderReviewRules,
  reviewSettings,
  saveReviewRule,
  saveReviewSettings,
} from './review-rules.service';
import { reviewQueue, runReview, simulateReview } from './review.service';

export const reviewHandlers = (ctx: CoreContext) =>
  ({
    'review.rules.list': () => ({ rows: listReviewRules(ctx) }),
    'review.rules.save': (input, call) => saveReviewRule(ctx, input, call.actor),
    'review.rules.delete': ({ id }, call) => {
      deleteReviewRule(ctx, id, call.actor);
      return { id };
    },
    'review.rules.reorder': ({ ids }) => ({ rows: reorderReviewRules(ctx, ids) }),
    'review.simulate': ({ rule, limit, sample }) => simulateReview(ctx, rule, limit, sample),
    'review.run': (_input, call) => {
      const { changedIds, ...counts } = runReview(ctx, call.actor);
      if (changedIds.length) ctx.emit('orders.changed', { ids: changedIds, reason: 'review rules' });
      return counts;
    },
    'review.queue': ({ status, offset, limit }) => reviewQueue(ctx, status, offset, limit),
    'review.decide': (input, call) => {
      const out = decideReview(ctx, input, call.actor);
      if (out.changed.length)
        ctx.emit('orders.changed', {
          ids: out.changed,
          reason: `review: ${input.decision}`,
          ...(input.decision === 'approve' && { waiting: 'routing' as const }),
        });
      return out;
    },
    'review.decisions': ({ orderId }) => ({ rows: orderDecisions(ctx, orderId) }),
    'review.settings.get': () => reviewSettings(ctx),
    'review.settings.save': ({ homeProvince }) => saveReviewSettings(ctx, homeProvince),
  }) satisfies Partial<Handlers>;
