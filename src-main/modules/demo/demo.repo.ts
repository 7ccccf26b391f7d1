import type { Sqlite } from '../../adapters/db/open';

/**
 * Demo orders arrive already routed and shipped, as an import of a shop's history would. The
 * orders repo has no writer for these columns yet (routing and fulfilment will own them), so the
 * demo keeps its one statement here, prepared once per run.
 */
export function demoStatements(sqlite: Sqlite) {
  return {
    setFulfilment: sqlite.prepare(
      'update orders set warehouse_id = ?, carrier = ?, tracking_number = ?, shipped_at = ? where id = ?',
    ),
  };
}
export type DemoStatements = ReturnType<typeof demoStatements>;

/**
 * A bulk load touches index pages all over the file (external ids and phones arrive in no
 * particular order); with the everyday 64 MiB page cache SQLite spills and re-reads pages
 * constantly. A bigger cache for the duration of the load, then back to the usual size.
 */
export function withBulkCache<T>(sqlite: Sqlite, mebibytes: number, fn: () => T): T {
  const previous = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma(`cache_size = ${-Math.round(mebibytes * 1024)}`);
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${previous}`);
  }
}
