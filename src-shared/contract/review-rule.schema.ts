import { z } from 'zod';
import {
  fieldDef,
  isReviewField,
  OPERATORS,
  OPERATORS_BY_KIND,
  OPERATOR_SYMBOLS,
  REVIEW_FIELD_NAMES,
  type Operator,
  type ReviewField,
} from './review-fields';
import { provinceFullName } from '../domain/china-regions';

export type ConditionValue = string | number | boolean | string[] | number[];
export interface Leaf {
  field: ReviewField;
  op: Operator;
  value?: ConditionValue;
}
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Leaf;

export const MAX_DEPTH = 8;
const MAX_CHILDREN = 50;
const MAX_LIST = 500;
const MAX_NODES = 200;

const isInt = (v: unknown): boolean => typeof v === 'number' && Number.isSafeInteger(v);

function checkValue(field: ReviewField, op: Operator, value: unknown): string | null {
  const def = fieldDef(field);
  if (op === 'exists') return value === undefined ? null : `"exists" takes no value`;
  if (op === 'in' || op === 'not_in') {
    if (!Array.isArray(value) || value.length === 0)
      return `${field} ${OPERATOR_SYMBOLS[op]} needs a list of values`;
    if (value.length > MAX_LIST) return `${field} ${OPERATOR_SYMBOLS[op]} takes at most ${MAX_LIST} values`;
    for (const v of value) {
      const one = checkScalar(field, v);
      if (one) return one;
    }
    return null;
  }
  if (def.kind === 'list' && op === 'contains')
    return typeof value === 'string' && value !== '' ? null : `${field} contains needs some text`;
  if (def.kind === 'string' && op === 'contains')
    return typeof value === 'string' && value !== '' ? null : `${field} contains needs some text`;
  return checkScalar(field, value);
}

function checkScalar(field: ReviewField, v: unknown): string | null {
  const def = fieldDef(field);
  switch (def.kind) {
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${field} needs a number`;
      return def.integer && !isInt(v)
        ? `${field} needs a whole number${def.unit === 'minor' ? ' of minor units (分/cents)' : ''}`
        : null;
    case 'boolean':
      return typeof v === 'boolean' ? null : `${field} needs true or false`;
    case 'enum':
      return typeof v === 'string' && def.options?.includes(v)
        ? null
        : `${field} needs one of: ${def.options?.join(', ')}`;
    default:
      return typeof v === 'string' && v.length <= 200 ? null : `${field} needs text (up to 200 characters)`;
  }
}

type Path = (string | number)[];
export interface PathIssue {
  path: Path;
  message: string;
}

const LEAF_KEYS = new Set(['field', 'op', 'value']);

/**
 * Can this condition be evaluated? Bad structure, unknown fields, operators that do not fit the
 * field's kind and values of the wrong type are reported at their own path ("all.1.value"), so
 * a rule that could never run is refused when it is saved, not discovered during the run.
 */
export function checkCondition(node: unknown, path: Path = [], budget = { nodes: MAX_NODES }): PathIssue[] {
  if (--budget.nodes < 0)
    return budget.nodes === -1 ? [{ path, message: `a rule may test at most ${MAX_NODES} conditions` }] : [];
  if (path.filter((p) => typeof p === 'string').length > MAX_DEPTH)
    return [{ path, message: `conditions may nest at most ${MAX_DEPTH} levels deep` }];
  if (typeof node !== 'object' || node === null || Array.isArray(node))
    return [{ path, message: 'needs a condition: all, any, not or a field test' }];
  const n = node as Record<string, unknown>;
  const keys = Object.keys(n);
  for (const key of ['all', 'any'] as const) {
    if (key in n) {
      if (keys.length > 1)
        return [
          { path, message: `"${key}" stands alone; found also ${keys.filter((k) => k !== key).join(', ')}` },
        ];
      const kids = n[key];
      if (!Array.isArray(kids) || kids.length === 0)
        return [{ path: [...path, key], message: 'needs at least one condition' }];
      if (kids.length > MAX_CHILDREN)
        return [{ path: [...path, key], message: `may hold at most ${MAX_CHILDREN} conditions` }];
      return kids.flatMap((k, i) => checkCondition(k, [...path, key, i], budget));
    }
  }
  if ('not' in n) {
    if (keys.length > 1)
      return [
        { path, message: `"not" stands alone; found also ${keys.filter((k) => k !== 'not').join(', ')}` },
      ];
    return checkCondition(n.not, [...path, 'not'], budget);
  }
  const stray = keys.filter((k) => !LEAF_KEYS.has(k));
  if (stray.length)
    return [
      {
        path: [...path, stray[0]!],
        message: `unknown key "${stray[0]}"; a condition is all, any, not or field/op/value`,
      },
    ];
  if (!isReviewField(n.field)) {
    return [
      {
        path: [...path, 'field'],
        message: `unknown field "${String(n.field ?? '')}"; one of: ${REVIEW_FIELD_NAMES.join(', ')}`,
      },
    ];
  }
  const field = n.field;
  const kind = fieldDef(field).kind;
  if (typeof n.op !== 'string' || !(OPERATORS as readonly string[]).includes(n.op)) {
    return [
      {
        path: [...path, 'op'],
        message: `unknown operator "${String(n.op ?? '')}"; one of: ${OPERATORS.join(', ')}`,
      },
    ];
  }
  const op = n.op as Operator;
  if (!OPERATORS_BY_KIND[kind].includes(op)) {
    const allowed = OPERATORS_BY_KIND[kind].map((o) => OPERATOR_SYMBOLS[o]).join(' ');
    return [
      {
        path: [...path, 'op'],
        message: `${field} is ${kind === 'enum' ? 'a choice' : `a ${kind}`} and cannot use "${OPERATOR_SYMBOLS[op]}"; use one of: ${allowed}`,
      },
    ];
  }
  const problem = checkValue(field, op, n.value);
  return problem ? [{ path: [...path, 'value'], message: problem }] : [];
}

/**
 * Orders carry the official province name intake stored ("广东省", "广西壮族自治区"), and text
 * comparisons are exact, so "province = 广东" would silently match nothing. A mainland province
 * given by its short or pinyin name is saved as the official one; anything else (a state abroad,
 * 香港) is kept as typed.
 */
function officialProvinces(c: Condition): Condition {
  if ('all' in c) return { all: c.all.map(officialProvinces) };
  if ('any' in c) return { any: c.any.map(officialProvinces) };
  if ('not' in c) return { not: officialProvinces(c.not) };
  if (c.field !== 'province' || !['eq', 'ne', 'in', 'not_in'].includes(c.op)) return c;
  const official = (v: string) => provinceFullName(v) || v;
  const value = c.value;
  if (typeof value === 'string') return { ...c, value: official(value) };
  if (Array.isArray(value)) return { ...c, value: (value as string[]).map(official) };
  return c;
}

/** A condition tree, validated by `checkCondition` so the UI and the core refuse the same rules. */
export const conditionSchema = z
  .unknown()
  .superRefine((node, ctx) => {
    for (const issue of checkCondition(node))
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .transform((node) => officialProvinces(node as Condition));

const text = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const DOCUMENTS = ['id_number'] as const;
export type DocumentKind = (typeof DOCUMENTS)[number];

export const ruleAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('approve') }).strict(),
  z.object({ type: z.literal('hold'), reason: text(200) }).strict(),
  z.object({ type: z.literal('require_document'), document: z.enum(DOCUMENTS) }).strict(),
  z.object({ type: z.literal('add_tag'), tag: text(40) }).strict(),
  z.object({ type: z.literal('set_priority'), priority: z.number().int().min(0).max(9) }).strict(),
  z.object({ type: z.literal('block'), reason: text(200) }).strict(),
]);
export type RuleAction = z.infer<typeof ruleAction>;
export const ACTION_TYPES = [
  'approve',
  'hold',
  'require_document',
  'add_tag',
  'set_priority',
  'block',
] as const;

/** A rule as the editor sends it: checked the same way in the UI and in the core. */
export const ruleInput = z
  .object({
    id: z.number().int().positive().optional(),
    name: text(80),
    enabled: z.boolean().default(true),
    priority: z.number().int().min(0).max(100).default(0),
    condition: conditionSchema,
    actions: z.array(ruleAction).min(1, 'a rule needs at least one action').max(10),
  })
  .strict();
export type RuleInput = z.input<typeof ruleInput>;
export type ParsedRuleInput = z.output<typeof ruleInput>;
