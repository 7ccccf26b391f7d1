import type { CoreContext } from '../../core-context';
import type { ReviewRule } from '../../../src-shared/contract/review.contract';
import type { ParsedRuleInput } from '../../../src-shared/contract/review-rule.schema';
import { provinceShortName } from '../../../src-shared/domain/china-regions';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { listWarehouses } from '../inventory';
import { readSettings, writeSetting } from '../settings';
import { officialCities } from './review-rule-cities';
import {
  deleteRule,
  findRule,
  insertRule,
  listRules,
  setRulePosition,
  updateRule,
  type StoredRule,
} from './review.repo';

const iso = (ms: number): string => new Date(ms).toISOString();

export const toContractRule = (r: StoredRule): ReviewRule => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  position: r.position,
  priority: r.priority,
  condition: r.condition,
  actions: r.actions,
  updatedAt: iso(r.updatedAt),
});

export const listReviewRules = (ctx: CoreContext): ReviewRule[] => listRules(ctx.db).map(toContractRule);

/** The input was checked against ruleInput (field/operator/value types) by the dispatcher. */
export function saveReviewRule(ctx: CoreContext, given: ParsedRuleInput, actor: string): ReviewRule {
  const input = officialCities(given);
  const values = {
    name: input.name,
    enabled: input.enabled,
    priority: input.priority,
    condition: input.condition,
    actions: input.actions,
  };
  let saved: StoredRule;
  if (input.id !== undefined) {
    if (!findRule(ctx.db, input.id))
      throw new AppFailure('not_found', `Review rule ${input.id} does not exist; it may have been deleted`);
    saved = updateRule(ctx.db, input.id, values, ctx.now());
  } else {
    saved = insertRule(ctx.db, values, ctx.now());
  }
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'review_rule',
    entityId: saved.id,
    action: input.id ? 'update' : 'create',
    data: values,
  });
  return toContractRule(saved);
}

export function deleteReviewRule(ctx: CoreContext, id: number, actor: string): void {
  const rule = findRule(ctx.db, id);
  if (!rule || !deleteRule(ctx.db, id)) throw new AppFailure('not_found', `Review rule ${id} does not exist`);
  recordAudit(ctx.db, {
    at: ctx.now(),
    actor,
    entity: 'review_rule',
    entityId: id,
    action: 'delete',
    data: rule,
  });
}

/** Takes the complete order, so two editors reordering at once cannot leave gaps or duplicates. */
export function reorderReviewRules(ctx: CoreContext, ids: number[]): ReviewRule[] {
  const existing = listRules(ctx.db).map((r) => r.id);
  const given = new Set(ids);
  const missing = existing.filter((id) => !given.has(id));
  const unknown = ids.filter((id) => !existing.includes(id));
  if (given.size !== ids.length || missing.length || unknown.length) {
    const parts = [
      given.size !== ids.length ? 'an id appears twice' : '',
      missing.length ? `missing rules ${missing.join(', ')}` : '',
      unknown.length ? `unknown rules ${unknown.join(', ')}` : '',
    ].filter(Boolean);
    throw new AppFailure(
      'invalid_input',
      `The new order must list every rule exactly once: ${parts.join('; ')}. Reload the rules and try again.`,
      [{ path: 'ids', message: parts.join('; ') }],
    );
  }
  ids.forEach((id, i) => setRulePosition(ctx.db, id, i + 1, ctx.now()));
  return listReviewRules(ctx);
}

const HOME_KEY = 'review.homeProvince';

/** The setting, else the first active warehouse's province: where the shop ships from. */
export function reviewSettings(ctx: CoreContext): { homeProvince: string; effectiveHomeProvince: string } {
  const stored = readSettings(ctx.db, [HOME_KEY])[HOME_KEY];
  const homeProvince = typeof stored === 'string' ? stored : '';
  const fallback = listWarehouses(ctx.db).find((w) => w.active && w.province)?.province ?? '';
  return { homeProvince, effectiveHomeProvince: provinceShortName(homeProvince || fallback) };
}

export function saveReviewSettings(ctx: CoreContext, homeProvince: string) {
  writeSetting(ctx.db, HOME_KEY, homeProvince, ctx.now());
  return reviewSettings(ctx);
}
