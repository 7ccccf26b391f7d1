import type { OrderFacts } from '../../../src-shared/contract/review-fields';
import type { Condition, RuleAction } from '../../../src-shared/contract/review-rule.schema';
import type { RuleOutcome } from '../../../src-shared/contract/review.contract';
import { compileCondition, type Predicate } from './review-compiler';

export interface RuleDef {
  id: number;
  name: string;
  enabled: boolean;
  position: number;
  priority: number;
  condition: Condition;
  actions: RuleAction[];
}

export interface CompiledRule extends Omit<RuleDef, 'condition'> {
  test: Predicate;
}

export interface Verdict {
  outcome: RuleOutcome;
  /** One line per matching rule, in the order the rules ran. */
  reasons: string[];
  ruleIds: number[];
  /** The reason that decided a hold or block, for the audit entry. */
  decisive: string | null;
  /** The first approving rule, for the audit entry of an approval. */
  approvedBy: string | null;
  addTags: string[];
  priority: number | null;
}

/** Only enabled rules in the order they run (higher priority first, then their order), each compiled once. */
export const compileRules = (rules: readonly RuleDef[]): CompiledRule[] =>
  rules
    .filter((r) => r.enabled)
    .sort((a, b) => b.priority - a.priority || a.position - b.position || a.id - b.id)
    .map(({ condition, ...r }) => ({ ...r, test: compileCondition(condition) }));

const DOCUMENT_PRESENT: Record<string, (f: OrderFacts) => boolean> = { id_number: (f) => f.hasIdNumber };

/**
 * Rules run in order (priority, then position). Every matching rule contributes its reasons; the
 * first blocking result (block, hold, document required) decides, so a shop that wants its
 * blacklist to win over a manual-review hold gives it the higher priority or the earlier place.
 * With no blocking result an approving rule approves; with none the order stays pending_review
 * for a person.
 */
export function evaluate(rules: readonly CompiledRule[], f: OrderFacts): Verdict {
  let blocking: 'blocked' | 'held' | null = null;
  let decisive: string | null = null;
  let approvedBy: string | null = null;
  let priority: number | null = null;
  const reasons: string[] = [];
  const ruleIds: number[] = [];
  const addTags: string[] = [];
  for (const rule of rules) {
    if (!rule.test(f)) continue;
    ruleIds.push(rule.id);
    const parts: string[] = [];
    for (const a of rule.actions) {
      let said: string;
      let result: 'blocked' | 'held' | null = null;
      switch (a.type) {
        case 'approve':
          said = 'approve';
          approvedBy ??= `${rule.name}: approve`;
          break;
        case 'hold':
          result = 'held';
          said = `hold: ${a.reason}`;
          break;
        case 'block':
          result = 'blocked';
          said = `blocked: ${a.reason}`;
          break;
        case 'require_document':
          if (DOCUMENT_PRESENT[a.document]?.(f)) said = `${a.document} on file`;
          else {
            result = 'held';
            said = `document required: ${a.document}`;
          }
          break;
        case 'add_tag':
          if (!addTags.includes(a.tag)) addTags.push(a.tag);
          said = `tag ${a.tag}`;
          break;
        case 'set_priority':
          priority = Math.max(priority ?? 0, a.priority);
          said = `priority ${a.priority}`;
          break;
      }
      parts.push(said);
      if (result && !blocking) {
        blocking = result;
        decisive = `${rule.name}: ${said}`;
      }
    }
    reasons.push(`${rule.name}: ${parts.join('; ')}`);
  }
  const outcome: RuleOutcome = blocking ?? (approvedBy ? 'approved' : 'unchanged');
  return { outcome, reasons, ruleIds, decisive, approvedBy, addTags, priority };
}
