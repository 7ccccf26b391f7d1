import type { Sqlite } from './open';

export type Statement = ReturnType<Sqlite['prepare']> & {
  all(...params: unknown[]): unknown[];
  get(...params: unknown[]): unknown;
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
};

const caches = new WeakMap<Sqlite, Map<string, Statement>>();

/**
 * Prepares a statement once per connection and hands back the same one afterwards: preparing
 * costs far more than running, and hot paths (review, routing, the queue) run the same SQL
 * hundreds of thousands of times.
 */
export function stmt(sqlite: Sqlite, sql: string): Statement {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) {
    st = sqlite.prepare(sql) as Statement;
    // Dynamic queries (filters) make new shapes; keep the cache bounded.
    if (cache.size >= 500) cache.clear();
    cache.set(sql, st);
  }
  return st;
}
