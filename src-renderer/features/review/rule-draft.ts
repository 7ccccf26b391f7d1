import {
  OPERATORS_BY_KIND,
  REVIEW_FIELDS,
  type Operator,
  type ReviewField,
} from '../../../src-shared/contract/review-fields';
import type { RuleAction } from '../../../src-shared/contract/review-rule.schema';
import { formatMajor, parseMajor } from '../../../src-shared/domain/money';

/**
 * The editor's copy of a condition: the same tree as the stored JSON (so the server's issue
 * paths such as "condition.all.1.value" point at the same row), but leaf values are the text as
 * typed, converted only when the rule is simulated or saved.
 */
export type UiNode =
  | { kind: 'all' | 'any'; children: UiNode[] }
  | { kind: 'not'; child: UiNode }
  | { kind: 'leaf'; field: ReviewField; op: Operator; text: string };

export interface RuleDraft {
  id?: number;
  name: string;
  enabled: boolean;
  priority: number;
  condition: UiNode;
  actions: RuleAction[];
}

export const newLeaf = (field: ReviewField = 'total'): UiNode => ({
  kind: 'leaf',
  field,
  op: OPERATORS_BY_KIND[REVIEW_FIELDS[field].kind][0]!,
  text: '',
});

export const newDraft = (): RuleDraft => ({
  name: '',
  enabled: true,
  priority: 0,
  condition: { kind: 'all', children: [newLeaf()] },
  actions: [{ type: 'hold', reason: '' }],
});

const isMoney = (field: ReviewField): boolean => (REVIEW_FIELDS[field] as { unit?: string }).unit === 'minor';
const split = (text: string): string[] =>
  text
    .split(/[,，;；]/)
    .map((s) => s.trim())
    .filter(Boolean);

function numberOf(field: ReviewField, text: string): number | string {
  const t = text.trim();
  // Money is typed in yuan and stored in fen; anything unreadable goes through as typed, so the
  // shared validation names the field instead of the editor guessing.
  if (isMoney(field)) {
    try {
      return parseMajor(t, 'CNY');
    } catch {
      return t;
    }
  }
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
}

function leafValue(field: ReviewField, op: Operator, text: string): unknown {
  if (op === 'exists') return undefined;
  const kind = REVIEW_FIELDS[field].kind;
  if (op === 'in' || op === 'not_in')
    return kind === 'number' ? split(text).map((p) => numberOf(field, p)) : split(text);
  if (kind === 'number') return numberOf(field, text);
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

export function toCondition(n: UiNode): unknown {
  switch (n.kind) {
    case 'all':
      return { all: n.children.map(toCondition) };
    case 'any':
      return { any: n.children.map(toCondition) };
    case 'not':
      return { not: toCondition(n.child) };
    default: {
      const value = leafValue(n.field, n.op, n.text);
      return value === undefined ? { field: n.field, op: n.op } : { field: n.field, op: n.op, value };
    }
  }
}

const textOf = (field: ReviewField, v: unknown): string => {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => textOf(field, x)).join(', ');
  if (typeof v === 'number' && isMoney(field)) return formatMajor(v, 'CNY');
  return String(v);
};

export function fromCondition(c: unknown): UiNode {
  const n = c as Record<string, unknown>;
  if (Array.isArray(n.all)) return { kind: 'all', children: n.all.map(fromCondition) };
  if (Array.isArray(n.any)) return { kind: 'any', children: n.any.map(fromCondition) };
  if ('not' in n) return { kind: 'not', child: fromCondition(n.not) };
  const field = n.field as ReviewField;
  return { kind: 'leaf', field, op: n.op as Operator, text: textOf(field, n.value) };
}

export const toPayload = (d: RuleDraft) => ({
  ...(d.id !== undefined ? { id: d.id } : {}),
  name: d.name,
  enabled: d.enabled,
  priority: d.priority,
  condition: toCondition(d.condition),
  actions: d.actions,
});

/** Replaces the node at `path` (["all", 1, "not"]…) with `fn(node)`; null removes it from its group. */
export function updateAt(root: UiNode, path: (string | number)[], fn: (n: UiNode) => UiNode | null): UiNode {
  if (path.length === 0) return fn(root) ?? root;
  const [head, ...rest] = path;
  if ((root.kind === 'all' || root.kind === 'any') && typeof rest[0] === 'number') {
    const i = rest[0];
    const children = root.children
      .map((c, k) => (k === i ? (rest.length === 1 ? fn(c) : updateAt(c, rest.slice(1), fn)) : c))
      .filter((c): c is UiNode => c !== null);
    return { ...root, children };
  }
  if (root.kind === 'not' && head === 'not')
    return { ...root, child: rest.length ? updateAt(root.child, rest, fn) : (fn(root.child) ?? root.child) };
  return root;
}
