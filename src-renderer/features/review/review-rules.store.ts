import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import { describeIssues } from '../../../src-shared/contract/define';
import { ruleInput } from '../../../src-shared/contract/review-rule.schema';
import type { ReviewRule } from '../../../src-shared/contract/review.contract';
import type { AppError } from '../../../src-shared/result';
import { fromCondition, newDraft, toPayload, updateAt, type RuleDraft, type UiNode } from './rule-draft';

export type Simulation = OpOutput<'review.simulate'>;

export interface RulesState {
  rules: ReviewRule[];
  draft: RuleDraft | null;
  /** Field problems by path, from the shared schema (before sending) or from the server. */
  issues: Record<string, string>;
  simulation: Simulation | null;
  /** How many of the latest orders a simulation runs the draft against (the shop picks N). */
  simulateLimit: number;
  error: AppError | null;
  busy: boolean;
}

export interface RulesActions {
  load(): Promise<void>;
  edit(rule: ReviewRule | null): void;
  close(): void;
  change(patch: Partial<RuleDraft>): void;
  editCondition(path: (string | number)[], fn: (n: UiNode) => UiNode | null): void;
  simulate(): Promise<void>;
  setSimulateLimit(n: number): void;
  save(): Promise<boolean>;
  remove(id: number): Promise<void>;
  move(id: number, delta: -1 | 1): Promise<void>;
  toggle(rule: ReviewRule): Promise<void>;
}

export type RulesStore = StoreApi<RulesState & RulesActions>;

export const SIMULATE_DEFAULT = 1000;
export const SIMULATE_MAX = 20_000;

const byPath = (issues: { path: string; message: string }[], prefix = ''): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = prefix && i.path.startsWith(prefix) ? i.path.slice(prefix.length) : i.path;
    out[path] ??= i.message;
  }
  return out;
};

const asSaved = (r: ReviewRule) => ({
  id: r.id,
  name: r.name,
  enabled: r.enabled,
  priority: r.priority,
  condition: r.condition,
  actions: r.actions,
});

export function createRulesStore(api: Api): RulesStore {
  return createStore<RulesState & RulesActions>()((set, get) => {
    /** The same schema the core applies: a rule that cannot be evaluated never leaves the editor. */
    const checked = () => {
      const d = get().draft;
      if (!d) return null;
      const payload = toPayload(d);
      const local = ruleInput.safeParse(payload);
      if (!local.success) {
        set({ issues: byPath(describeIssues(local.error)), simulation: null });
        return null;
      }
      return payload;
    };
    const serverFailed = (error: AppError, prefix = ''): void => {
      const issues = byPath(error.issues ?? [], prefix);
      set({ issues, error: Object.keys(issues).length ? null : error });
    };

    return {
      rules: [],
      draft: null,
      issues: {},
      simulation: null,
      simulateLimit: SIMULATE_DEFAULT,
      error: null,
      busy: false,
      async load() {
        const r = await api.call('review.rules.list', {});
        if (r.ok) set({ rules: r.value.rows });
        else set({ error: r.error });
      },
      edit(rule) {
        const draft = rule
          ? {
              id: rule.id,
              name: rule.name,
              enabled: rule.enabled,
              priority: rule.priority,
              condition: fromCondition(rule.condition),
              actions: rule.actions,
            }
          : newDraft();
        set({ draft, issues: {}, simulation: null, error: null });
      },
      close() {
        set({ draft: null, issues: {}, simulation: null });
      },
      change(patch) {
        set((s) => ({ draft: s.draft && { ...s.draft, ...patch }, simulation: null }));
      },
      editCondition(path, fn) {
        set((s) => ({
          draft: s.draft && { ...s.draft, condition: updateAt(s.draft.condition, path, fn) },
          simulation: null,
        }));
      },
      async simulate() {
        const rule = checked();
        if (!rule) return;
        set({ busy: true, issues: {}, error: null });
        const r = await api.call('review.simulate', { rule, limit: get().simulateLimit, sample: 20 });
        set({ busy: false });
        if (r.ok) set({ simulation: r.value });
        else serverFailed(r.error, 'rule.');
      },
      setSimulateLimit(n) {
        // The core takes 1–20,000; a blank or odd entry falls back inside that range.
        const limit = Number.isInteger(n) ? Math.min(SIMULATE_MAX, Math.max(1, n)) : SIMULATE_DEFAULT;
        set({ simulateLimit: limit, simulation: null });
      },
      async save() {
        const rule = checked();
        if (!rule) return false;
        set({ busy: true, issues: {}, error: null });
        const r = await api.call('review.rules.save', rule);
        set({ busy: false });
        if (!r.ok) {
          serverFailed(r.error);
          return false;
        }
        set({ draft: null, simulation: null });
        await get().load();
        return true;
      },
      async remove(id) {
        const r = await api.call('review.rules.delete', { id });
        if (!r.ok) set({ error: r.error });
        await get().load();
      },
      async move(id, delta) {
        const ids = get().rules.map((r) => r.id);
        const i = ids.indexOf(id);
        const j = i + delta;
        if (i < 0 || j < 0 || j >= ids.length) return;
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
        const r = await api.call('review.rules.reorder', { ids });
        if (r.ok) set({ rules: r.value.rows });
        else set({ error: r.error });
      },
      async toggle(rule) {
        const r = await api.call('review.rules.save', { ...asSaved(rule), enabled: !rule.enabled });
        if (!r.ok) set({ error: r.error });
        await get().load();
      },
    };
  });
}
