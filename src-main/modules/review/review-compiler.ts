import { fieldDef, type OrderFacts, type ReviewField } from '../../../src-shared/contract/review-fields';
import type { Condition, Leaf } from '../../../src-shared/contract/review-rule.schema';

export type Predicate = (f: OrderFacts) => boolean;

const lower = (v: unknown): string => String(v).toLowerCase();

/**
 * Turns a condition tree into one closure, once per run, so evaluating 100,000 orders costs
 * plain function calls instead of walking JSON for every order. Semantics (the reference
 * interpreter in tests/unit/review-compiler.test.ts states the same thing slowly):
 * - an unknown value (undefined) fails every test, including ≠ and "not in";
 * - text and list comparisons ignore case; enum values are exact codes;
 * - a list field matches =, in, contains when ANY element does; ≠ and "not in" when NONE does.
 * The condition must have passed `checkCondition` (rules are checked when saved).
 */
export function compileCondition(c: Condition): Predicate {
  if ('all' in c) {
    const parts = c.all.map(compileCondition);
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (const p of parts) if (!p(f)) return false;
      return true;
    };
  }
  if ('any' in c) {
    const parts = c.any.map(compileCondition);
    if (parts.length === 1) return parts[0]!;
    return (f) => {
      for (const p of parts) if (p(f)) return true;
      return false;
    };
  }
  if ('not' in c) {
    const inner = compileCondition(c.not);
    return (f) => !inner(f);
  }
  return compileLeaf(c);
}

function compileLeaf(leaf: Leaf): Predicate {
  const key: ReviewField = leaf.field;
  const kind = fieldDef(key).kind;
  const get = (f: OrderFacts): unknown => f[key];
  if (kind === 'list') return compileList(get as (f: OrderFacts) => readonly string[], leaf);
  if (kind === 'number') return compileNumber(get as (f: OrderFacts) => number | undefined, leaf);
  if (kind === 'boolean') {
    const want = leaf.value === true;
    return leaf.op === 'eq' ? (f) => get(f) === want : (f) => get(f) !== want;
  }
  // Text fields compare case-insensitively ("cod" finds "COD"); enum codes are exact.
  const norm = kind === 'string' ? lower : (v: unknown) => v as string;
  const read =
    kind === 'string'
      ? (f: OrderFacts) => {
          const v = get(f);
          return v === undefined ? undefined : lower(v);
        }
      : (f: OrderFacts) => get(f) as string | undefined;
  switch (leaf.op) {
    case 'eq': {
      const v = norm(leaf.value);
      return (f) => read(f) === v;
    }
    case 'ne': {
      const v = norm(leaf.value);
      return (f) => {
        const x = read(f);
        return x !== undefined && x !== v;
      };
    }
    case 'in': {
      const set = new Set((leaf.value as string[]).map(norm));
      return (f) => {
        const x = read(f);
        return x !== undefined && set.has(x);
      };
    }
    case 'not_in': {
      const set = new Set((leaf.value as string[]).map(norm));
      return (f) => {
        const x = read(f);
        return x !== undefined && !set.has(x);
      };
    }
    case 'contains': {
      const v = norm(leaf.value);
      return (f) => {
        const x = read(f);
        return x !== undefined && x.includes(v);
      };
    }
    case 'exists':
      return (f) => {
        const x = read(f);
        return x !== undefined && x !== '';
      };
    default:
      throw new Error(`operator ${leaf.op} cannot apply to ${key}`);
  }
}

function compileNumber(get: (f: OrderFacts) => number | undefined, leaf: Leaf): Predicate {
  const v = leaf.value as number;
  // Comparisons with undefined are false in JS already; ≠ and "not in" need the explicit check.
  switch (leaf.op) {
    case 'eq':
      return (f) => get(f) === v;
    case 'ne':
      return (f) => {
        const x = get(f);
        return x !== undefined && x !== v;
      };
    case 'lt':
      return (f) => (get(f) as number) < v;
    case 'lte':
      return (f) => (get(f) as number) <= v;
    case 'gt':
      return (f) => (get(f) as number) > v;
    case 'gte':
      return (f) => (get(f) as number) >= v;
    case 'in': {
      const set = new Set(leaf.value as number[]);
      return (f) => {
        const x = get(f);
        return x !== undefined && set.has(x);
      };
    }
    case 'not_in': {
      const set = new Set(leaf.value as number[]);
      return (f) => {
        const x = get(f);
        return x !== undefined && !set.has(x);
      };
    }
    case 'exists':
      return (f) => get(f) !== undefined;
    default:
      throw new Error(`operator ${leaf.op} cannot apply to ${leaf.field}`);
  }
}

function compileList(get: (f: OrderFacts) => readonly string[], leaf: Leaf): Predicate {
  const some = (f: OrderFacts, test: (e: string) => boolean): boolean => {
    for (const e of get(f)) if (test(e.toLowerCase())) return true;
    return false;
  };
  switch (leaf.op) {
    case 'eq': {
      const v = lower(leaf.value);
      return (f) => some(f, (e) => e === v);
    }
    case 'ne': {
      const v = lower(leaf.value);
      return (f) => !some(f, (e) => e === v);
    }
    case 'in': {
      const set = new Set((leaf.value as string[]).map(lower));
      return (f) => some(f, (e) => set.has(e));
    }
    case 'not_in': {
      const set = new Set((leaf.value as string[]).map(lower));
      return (f) => !some(f, (e) => set.has(e));
    }
    case 'contains': {
      const v = lower(leaf.value);
      return (f) => some(f, (e) => e.includes(v));
    }
    case 'exists':
      return (f) => get(f).length > 0;
    default:
      throw new Error(`operator ${leaf.op} cannot apply to ${leaf.field}`);
  }
}
