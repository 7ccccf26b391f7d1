import { z } from 'zod';
import { read, write } from './define';
import { currency, id, isoDate, minor } from './common.schema';
import { ruleAction, ruleInput } from './review-rule.schema';
import { PROVINCE_SHORT_NAMES } from '../domain/china-regions';

export const reviewRule = z.object({
  id,
  name: z.string(),
  enabled: z.boolean(),
  position: z.number().int(),
  priority: z.number().int(),
  condition: z.unknown(),
  actions: z.array(ruleAction),
  updatedAt: isoDate,
});
export type ReviewRule = z.infer<typeof reviewRule>;

/** What the rules decided for one order; `unchanged` = no rule held or approved it. */
export const RULE_OUTCOMES = ['approved', 'held', 'blocked', 'unchanged'] as const;
export const ruleOutcome = z.enum(RULE_OUTCOMES);
export type RuleOutcome = z.infer<typeof ruleOutcome>;

const outcomeCounts = z.object({
  approved: z.number().int(),
  held: z.number().int(),
  blocked: z.number().int(),
  unchanged: z.number().int(),
});

export const simulatedOrder = z.object({
  id,
  externalId: z.string(),
  status: z.string(),
  totalMinor: minor,
  currency,
  before: ruleOutcome,
  after: ruleOutcome,
  reasons: z.array(z.string()),
});

export const queueRow = z.object({
  id,
  channel: z.string(),
  externalId: z.string(),
  placedAt: isoDate,
  currency,
  totalMinor: minor,
  recipientName: z.string(),
  province: z.string(),
  city: z.string(),
  type: z.string(),
  reasons: z.array(z.string()),
  tags: z.array(z.string()),
  heldAt: isoDate.nullable(),
});
export type ReviewQueueRow = z.infer<typeof queueRow>;

export const REVIEW_DECISIONS = ['approve', 'reject', 'hold'] as const;

export const reviewSettings = z
  .object({
    /** The shop's home province: orders there are "local". Empty = the first active warehouse's province. */
    homeProvince: z
      .string()
      .trim()
      .refine(
        (p) => p === '' || PROVINCE_SHORT_NAMES.some((s) => p.startsWith(s)),
        'must be a province of China such as 广东 or 浙江省',
      )
      .default(''),
  })
  .strict();

export const reviewContract = {
  'review.rules.list': read(
    'Review rules in evaluation order',
    z.object({}).strict(),
    z.object({ rows: z.array(reviewRule) }),
  ),
  'review.rules.save': write(
    'Create or edit a review rule; a rule that cannot be evaluated is refused',
    ruleInput,
    reviewRule,
  ),
  'review.rules.delete': write('Delete a review rule', z.object({ id }).strict(), z.object({ id })),
  'review.rules.reorder': write(
    'Set the evaluation order: every rule id, first to last',
    z.object({ ids: z.array(id).min(1).max(1000) }).strict(),
    z.object({ rows: z.array(reviewRule) }),
  ),
  'review.simulate': read(
    'Run the rules with a draft rule (not saved) over the last N orders and show what would change',
    z
      .object({
        rule: ruleInput,
        limit: z.number().int().min(1).max(20_000).default(1000),
        sample: z.number().int().min(0).max(200).default(50),
      })
      .strict(),
    z.object({
      considered: z.number().int(),
      matched: z.number().int(),
      changed: z.number().int(),
      before: outcomeCounts,
      after: outcomeCounts,
      sample: z.array(simulatedOrder),
    }),
  ),
  'review.run': write(
    'Apply the review rules to every pending_review order',
    z.object({}).strict(),
    outcomeCounts.extend({ seconds: z.number() }),
  ),
  'review.queue': read(
    'Orders waiting for a reviewer, oldest first: held by a rule (with its reasons), or pending with no rule deciding',
    z
      .object({
        status: z.enum(['held', 'pending_review']).default('held'),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({ total: z.number().int(), rows: z.array(queueRow) }),
  ),
  'review.decide': write(
    'Approve, reject (cancel) or hold orders by hand; records the review time',
    z
      .object({
        ids: z.array(id).min(1).max(5000),
        decision: z.enum(REVIEW_DECISIONS),
        reason: z.string().trim().max(500).optional(),
        // When the reviewer opened these orders in the queue: the elapsed time, shared equally
        // among the orders decided together, is recorded as each order's review time.
        openedAt: isoDate.optional(),
      })
      .strict()
      .refine((d) => d.decision === 'approve' || (d.reason ?? '') !== '', {
        path: ['reason'],
        message: 'is required to reject or hold',
      }),
    z.object({ changed: z.array(id), skipped: z.array(z.object({ id, message: z.string() })) }),
  ),
  'review.decisions': read(
    'The review decisions of one order, newest first',
    z.object({ orderId: id }).strict(),
    z.object({
      rows: z.array(
        z.object({
          at: isoDate,
          outcome: z.string(),
          source: z.string(),
          reasons: z.array(z.string()),
          ruleIds: z.array(id),
          actor: z.string(),
          durationMs: z.number().int().nullable(),
        }),
      ),
    }),
  ),
  'review.settings.get': read(
    'Review settings',
    z.object({}).strict(),
    z.object({ homeProvince: z.string(), effectiveHomeProvince: z.string() }),
  ),
  'review.settings.save': write(
    'Change review settings',
    reviewSettings,
    z.object({ homeProvince: z.string(), effectiveHomeProvince: z.string() }),
  ),
} as const;
