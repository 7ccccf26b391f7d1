import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { Sqlite } from './adapters/db/open';
import type * as schema from './adapters/db/schema';
import type { EventName, EventPayload } from '../src-shared/contract';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

/** What every module gets from compose: the database, time and a way to announce changes. */
export interface CoreContext {
  db: Db;
  sqlite: Sqlite;
  /** Milliseconds since the epoch; tests pass a fixed clock. */
  now: () => number;
  /** Queued until the surrounding write commits; dropped if it rolls back. */
  emit: <K extends EventName>(name: K, payload: EventPayload<K>) => void;
}

/** Who is calling: recorded in the audit log for every change. */
export interface CallContext {
  actor: string;
}
