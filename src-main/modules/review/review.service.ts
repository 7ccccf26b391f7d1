import type { CoreContext } from '../../core-context';
import type { ParsedRuleInput } from '../../../src-shared/contract/review-rule.schema';
import type { ReviewQueueRow, RuleOutcome } from '../../../src-shared/contract/review.contract';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { runTransitions, type RunTransitions } from '../orders';
import { compileRules, evaluate, type CompiledRule, type RuleDef, type Verdict } from './review-engine';
import { factsBasis, loadFacts, type FactsRow } from './review-facts';
import {
  listWaiting,
  pendingReviewIds,
  reviewWriter,
  type LineRow,
  type ReviewOrderRow,
} from './review-orders.repo';
import { decisionWriter, listRules } from './review.repo';
import { reviewSettings } from './review-rules.service';
import { officialCities } from './review-rule-cities';

/** Review reasons in orders.reasons_json start with this, so a re-run replaces only its own lines. */
export const REVIEW_PREFIX = 'review: ';
export const RULES_ACTOR = 'review-rules';
/**
 * Orders whose facts are loaded and decided together. Small enough that a batch's rows and facts
 * die young: at 2,000 they outlived the young generation and review took ~12 % more CPU.
 */
const BATCH = 500;

type Counts = Record<RuleOutcome, number>;
const zero = (): Counts => ({ approved: 0, held: 0, blocked: 0, unchanged: 0 });
const iso = (ms: number): string => new Date(ms).toISOString();

export const mergeReasons = (existing: string[], review: string[]): string[] => [
  ...existing.filter((r) => !r.startsWith(REVIEW_PREFIX)),
  ...review.map((r) => REVIEW_PREFIX + r),
];

/**
 * mergeReasons on the stored reasons_json text. An order reviewed for the first time holds no
 * review line to replace: the new lines are appended to the text as it is, without parsing and
 * re-writing it (a run of 100,000 orders did that for every one of them).
 */
export function mergedReasonsJson(json: string, review: string[]): string {
  if (json.includes(`"${REVIEW_PREFIX}`) || !json.endsWith(']'))
    return JSON.stringify(mergeReasons(JSON.parse(json) as string[], review));
  if (review.length === 0) return json;
  const added = review.map((r) => JSON.stringify(REVIEW_PREFIX + r)).join(',');
  return json === '[]' ? `[${added}]` : `${json.slice(0, -1)},${added}]`;
}

interface Writers {
  order: ReturnType<typeof reviewWriter>;
  status: RunTransitions;
  decision: ReturnType<typeof decisionWriter>;
  approved: ReviewPass['approved'] | undefined;
}

/** Review as the first half of a pass that routes what it approved (see runPipelinePass). */
export interface ReviewPass {
  /** The pass's transitions, flushed by the pass: approved orders are written once routed. */
  transitions: RunTransitions;
  /** Each order the rules approved, with the priority they gave it and its lines as read. */
  approved(row: ReviewOrderRow, priority: number, lines: LineRow[]): void;
}

function applyVerdict(
  ctx: CoreContext,
  w: Writers,
  { row, facts, lines }: FactsRow,
  v: Verdict,
  actor: string,
): boolean {
  // The facts' tags are the order's tags as read, already parsed.
  const tags = facts.tags;
  if (v.outcome === 'unchanged' && v.reasons.length === 0) return false;
  const added = v.addTags.filter((t) => !tags.includes(t));
  const newTags = added.length ? [...tags, ...added] : tags;
  const priority = v.priority ?? row.priority;
  const reasonsJson = mergedReasonsJson(row.reasonsJson, v.reasons);
  if (v.outcome === 'unchanged') {
    w.order(row.id, reasonsJson, JSON.stringify(newTags), priority, ctx.now());
    return true;
  }
  if (v.outcome === 'approved') w.approved?.(row, priority, lines);
  const why = v.decisive ?? v.approvedBy ?? 'review rules';
  // The status was read with the facts in this transaction, so no second read; the review's own
  // columns go into the same row write as the status.
  w.status.to(
    row.id,
    row.status as OrderStatus,
    v.outcome === 'approved' ? 'approved' : 'held',
    actor,
    why,
    // Most orders gain no tag: their tags text is written back as it was read.
    {
      reasonsJson,
      tagsJson: added.length ? JSON.stringify(newTags) : row.tagsJson,
      priority,
    },
  );
  w.decision.add({
    orderId: row.id,
    at: ctx.now(),
    outcome: v.outcome,
    source: 'rules',
    reasons: v.reasons,
    ruleIds: v.ruleIds,
    actor,
    durationMs: null,
  });
  return true;
}

/**
 * Applies the enabled rules to every pending_review order; the caller's transaction makes it
 * all-or-nothing. In a pass, the status changes wait in the pass's transitions.
 */
export function runReview(
  ctx: CoreContext,
  actor: string,
  pass?: ReviewPass,
): Counts & { seconds: number; changedIds: number[] } {
  const started = performance.now();
  const rules = compileRules(listRules(ctx.db));
  const home = reviewSettings(ctx).effectiveHomeProvince;
  const basis = factsBasis(ctx.sqlite);
  const ids = pendingReviewIds(ctx.sqlite);
  const writers: Writers = {
    order: reviewWriter(ctx.sqlite),
    status: pass?.transitions ?? runTransitions(ctx),
    decision: decisionWriter(ctx.sqlite),
    approved: pass?.approved,
  };
  const counts = zero();
  const changedIds: number[] = [];
  const by = actor === RULES_ACTOR ? actor : `${RULES_ACTOR} (${actor})`;
  // A batch at a time: 100,000 orders' facts held at once made garbage collection a large
  // share of the run. Customer totals do not change during a run, so the basis is read once.
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const scope = { kind: 'range', first: batch[0]!, last: batch[batch.length - 1]! } as const;
    for (const order of loadFacts(ctx.sqlite, scope, home, basis)) {
      const v = evaluate(rules, order.facts);
      counts[v.outcome] += 1;
      if (applyVerdict(ctx, writers, order, v, by)) changedIds.push(order.row.id);
    }
  }
  if (!pass) writers.status.flush();
  writers.decision.flush();
  return { ...counts, seconds: Math.round(performance.now() - started) / 1000, changedIds };
}

/** The saved rules with the draft in place of its saved version (or appended when new). */
function withDraft(saved: RuleDef[], draft: ParsedRuleInput): { rules: RuleDef[]; draftId: number } {
  const draftId = draft.id ?? -1;
  const existing = saved.find((r) => r.id === draftId);
  const position = existing?.position ?? Math.max(0, ...saved.map((r) => r.position)) + 1;
  const rule: RuleDef = {
    id: draftId,
    name: draft.name,
    enabled: draft.enabled,
    position,
    priority: draft.priority,
    condition: draft.condition,
    actions: draft.actions,
  };
  return { rules: [...saved.filter((r) => r.id !== draftId), rule], draftId };
}

/**
 * What the rules would decide for the latest orders with and without the draft. Pure reading:
 * whatever status the orders have now, both passes evaluate them as if they were pending.
 */
export function simulateReview(ctx: CoreContext, draft: ParsedRuleInput, limit: number, sampleSize: number) {
  const saved = listRules(ctx.db);
  const { rules, draftId } = withDraft(saved, officialCities(draft));
  const before: CompiledRule[] = compileRules(saved);
  const after: CompiledRule[] = compileRules(rules);
  const rows = loadFacts(ctx.sqlite, { kind: 'latest', limit }, reviewSettings(ctx).effectiveHomeProvince);
  const countsBefore = zero();
  const countsAfter = zero();
  let matched = 0;
  let changed = 0;
  const sample = [];
  for (const { row, facts } of rows) {
    const b = evaluate(before, facts);
    const a = evaluate(after, facts);
    countsBefore[b.outcome] += 1;
    countsAfter[a.outcome] += 1;
    const hit = a.ruleIds.includes(draftId);
    if (hit) matched += 1;
    if (a.outcome !== b.outcome) changed += 1;
    if ((hit || a.outcome !== b.outcome) && sample.length < sampleSize) {
      sample.push({
        id: row.id,
        externalId: row.externalId,
        status: row.status,
        totalMinor: row.totalMinor,
        currency: row.currency,
        before: b.outcome,
        after: a.outcome,
        reasons: a.reasons,
      });
    }
  }
  // Orders whose outcome changes are the point of a simulation: show them before mere matches.
  sample.sort((x, y) => Number(y.before !== y.after) - Number(x.before !== x.after));
  return { considered: rows.length, matched, changed, before: countsBefore, after: countsAfter, sample };
}

export function reviewQueue(
  ctx: CoreContext,
  status: 'held' | 'pending_review',
  offset: number,
  limit: number,
): { total: number; rows: ReviewQueueRow[] } {
  const { total, rows } = listWaiting(ctx.sqlite, status, offset, limit);
  return {
    total,
    rows: rows.map(({ reasonsJson, tagsJson, placedAt, heldAt, ...r }) => ({
      ...r,
      placedAt: iso(placedAt),
      heldAt: heldAt === null ? null : iso(heldAt),
      reasons: JSON.parse(reasonsJson) as string[],
      tags: JSON.parse(tagsJson) as string[],
    })),
  };
}
