import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Sqlite } from './open';

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

const readJournal = (dir: string): Journal =>
  JSON.parse(readFileSync(join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;

/** Applies pending drizzle-kit migrations; safe to call on every start. */
export function migrateDatabase(db: Sqlite, dir: string): void {
  migrate(drizzle(db), { migrationsFolder: dir });
}

export interface MigrationState {
  applied: number;
  known: number;
  pending: string[];
}

export function migrationState(db: Sqlite, dir: string): MigrationState {
  const journal = readJournal(dir);
  const hasTable = db
    .prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
    .get();
  const appliedAt = new Set<number>(
    hasTable
      ? (db.prepare('select created_at as at from __drizzle_migrations').all() as { at: number }[]).map((r) =>
          Number(r.at),
        )
      : [],
  );
  const pending = journal.entries.filter((e) => !appliedAt.has(e.when)).map((e) => e.tag);
  return { applied: appliedAt.size, known: journal.entries.length, pending };
}
