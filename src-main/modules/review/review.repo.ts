import { asc, desc, eq, sql } from 'drizzle-orm';
import { bulkInserter } from '../../adapters/db/bulk-insert';
import type { Sqlite } from '../../adapters/db/open';
import type { Db } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import type { Condition, RuleAction } from '../../../src-shared/contract/review-rule.schema';
import { reviewDecisions, reviewRules } from './review.table';
import type { RuleDef } from './review-engine';

type RuleRow = typeof reviewRules.$inferSelect;

export interface StoredRule extends RuleDef {
  updatedAt: number;
}

/** A stored rule's JSON, or a failure naming the rule, so a damaged row says which one to fix. */
function parsed<T>(r: RuleRow, what: 'condition' | 'actions', json: string): T {
  try {
    return JSON.parse(json) as T;
  } catch (e) {
    throw new AppFailure(
      'internal',
      `Review rule #${r.id} "${r.name}" cannot be read: its ${what} is damaged (${(e as Error).message}); save it again or delete it under Review rules`,
    );
  }
}

const toRule = (r: RuleRow): StoredRule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  position: r.position,
  priority: r.priority,
  condition: parsed<Condition>(r, 'condition', r.conditionJson),
  actions: parsed<RuleAction[]>(r, 'actions', r.actionsJson),
  updatedAt: r.updatedAt,
});

export const listRules = (db: Db): StoredRule[] =>
  db.select().from(reviewRules).orderBy(asc(reviewRules.position), asc(reviewRules.id)).all().map(toRule);

export const findRule = (db: Db, id: number): StoredRule | undefined => {
  const r = db.select().from(reviewRules).where(eq(reviewRules.id, id)).get();
  return r ? toRule(r) : undefined;
};

export interface RuleValues {
  name: string;
  enabled: boolean;
  priority: number;
  condition: Condition;
  actions: RuleAction[];
}

const columns = (v: RuleValues) => ({
  name: v.name,
  enabled: v.enabled,
  priority: v.priority,
  conditionJson: JSON.stringify(v.condition),
  actionsJson: JSON.stringify(v.actions),
});

/** A new rule goes last. */
export function insertRule(db: Db, v: RuleValues, now: number): StoredRule {
  const { next } = db
    .select({ next: sql<number>`coalesce(max(${reviewRules.position}), 0) + 1` })
    .from(reviewRules)
    .get()!;
  return toRule(
    db
      .insert(reviewRules)
      .values({ ...columns(v), position: next, createdAt: now, updatedAt: now })
      .returning()
      .get(),
  );
}

export const updateRule = (db: Db, id: number, v: RuleValues, now: number): StoredRule =>
  toRule(
    db
      .update(reviewRules)
      .set({ ...columns(v), updatedAt: now })
      .where(eq(reviewRules.id, id))
      .returning()
      .get(),
  );

export const deleteRule = (db: Db, id: number): boolean =>
  db.delete(reviewRules).where(eq(reviewRules.id, id)).run().changes > 0;

export const setRulePosition = (db: Db, id: number, position: number, now: number): void => {
  db.update(reviewRules).set({ position, updatedAt: now }).where(eq(reviewRules.id, id)).run();
};

export interface DecisionValues {
  orderId: number;
  at: number;
  outcome: string;
  source: 'rules' | 'manual';
  reasons: string[];
  ruleIds: number[];
  actor: string;
  durationMs: number | null;
}

export function insertDecision(db: Db, d: DecisionValues): void {
  db.insert(reviewDecisions)
    .values({
      orderId: d.orderId,
      at: d.at,
      outcome: d.outcome,
      source: d.source,
      reasonsJson: JSON.stringify(d.reasons),
      ruleIdsJson: JSON.stringify(d.ruleIds),
      actor: d.actor,
      durationMs: d.durationMs,
    })
    .run();
}

type DecisionRow = [
  orderId: number,
  at: number,
  outcome: string,
  source: string,
  reasonsJson: string,
  ruleIdsJson: string,
  actor: string,
  durationMs: number | null,
];

/**
 * For a run, which may record 100,000 decisions: written many to a statement (bulkInserter);
 * flush() at the end of the run, inside its transaction.
 */
export function decisionWriter(sqlite: Sqlite): { add(d: DecisionValues): void; flush(): void } {
  const rows = bulkInserter<DecisionRow>(sqlite, 'review_decisions', [
    'order_id',
    'at',
    'outcome',
    'source',
    'reasons_json',
    'rule_ids_json',
    'actor',
    'duration_ms',
  ]);
  return {
    add: (d) =>
      rows.add([
        d.orderId,
        d.at,
        d.outcome,
        d.source,
        JSON.stringify(d.reasons),
        JSON.stringify(d.ruleIds),
        d.actor,
        d.durationMs,
      ]),
    flush: rows.flush,
  };
}

export const listDecisions = (db: Db, orderId: number) =>
  db
    .select()
    .from(reviewDecisions)
    .where(eq(reviewDecisions.orderId, orderId))
    .orderBy(desc(reviewDecisions.id))
    .all()
    .map((d) => ({
      at: d.at,
      outcome: d.outcome,
      source: d.source,
      reasons: JSON.parse(d.reasonsJson) as string[],
      ruleIds: JSON.parse(d.ruleIdsJson) as number[],
      actor: d.actor,
      durationMs: d.durationMs,
    }));
