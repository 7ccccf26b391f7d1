import type { Condition, ParsedRuleInput } from '../../../src-shared/contract/review-rule.schema';
import { divisionIndex } from '../standardize';

/**
 * Orders carry the official city name intake stored (深圳市, 恩施土家族苗族自治州, 北京市 for the
 * municipality), and text comparisons are exact, so "city = 深圳" would silently match nothing.
 * A city given by a name the division data knows (深圳, 恩施州) is saved as the official one;
 * anything it does not know (a city abroad, a pinyin name) is kept as typed. The province has the
 * same treatment in the shared schema; the division data lives in the core, so cities are done here.
 */
export function officialCities(rule: ParsedRuleInput): ParsedRuleInput {
  return { ...rule, condition: walk(rule.condition) };
}

function walk(c: Condition): Condition {
  if ('all' in c) return { all: c.all.map(walk) };
  if ('any' in c) return { any: c.any.map(walk) };
  if ('not' in c) return { not: walk(c.not) };
  if (c.field !== 'city' || !['eq', 'ne', 'in', 'not_in'].includes(c.op)) return c;
  const value = c.value;
  if (typeof value === 'string') return { ...c, value: officialCity(value) };
  if (Array.isArray(value)) return { ...c, value: (value as string[]).map(officialCity) };
  return c;
}

function officialCity(typed: string): string {
  const names = new Set((divisionIndex().cities.get(typed.trim()) ?? []).map((p) => p.name));
  // Every short city name in the 2023 data points at one city; were one ever shared, it stays as typed.
  return names.size === 1 ? ([...names][0] as string) : typed;
}
