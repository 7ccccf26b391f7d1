import type { Sqlite } from './open';
import { stmt } from './statements';

/** Rows per multi-row INSERT: past ~64 the saving levels off, and the statement stays small. */
const CHUNK = 64;

export interface BulkInserter<Row extends readonly unknown[]> {
  /** Queues one row (values in the order of the columns); writes a full chunk as soon as there is one. */
  add(row: Row): void;
  /** Writes whatever is queued. Call before reading the table back and at the end of the run. */
  flush(): void;
}

/**
 * Appends rows to one table CHUNK at a time with a single multi-row INSERT. Bulk runs (review,
 * routing) append hundreds of thousands of history rows, and one statement per row spent about a
 * third of each insert on the statement itself. Rows reach the table only when a chunk fills or on
 * flush(), still inside the caller's transaction, so the run stays all-or-nothing.
 */
export function bulkInserter<Row extends readonly unknown[]>(
  sqlite: Sqlite,
  table: string,
  columns: readonly string[],
): BulkInserter<Row> {
  const one = `(${columns.map(() => '?').join(', ')})`;
  const head = `insert into ${table} (${columns.join(', ')}) values `;
  const many = stmt(sqlite, head + Array<string>(CHUNK).fill(one).join(', '));
  const single = stmt(sqlite, head + one);
  let queued: unknown[] = [];
  let rows = 0;
  return {
    add(row) {
      for (const v of row) queued.push(v);
      if (++rows === CHUNK) {
        many.run(queued);
        queued = [];
        rows = 0;
      }
    },
    flush() {
      const width = columns.length;
      for (let i = 0; i < queued.length; i += width) single.run(queued.slice(i, i + width));
      queued = [];
      rows = 0;
    },
  };
}
