import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type Sqlite = Database.Database;

/** Durability settings of DESIGN.md invariant 5; every connection gets them. */
export function applyPragmas(db: Sqlite): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // No checkpoint inside a commit: copying the WAL into the database file then added about 0.17 s
  // to a 100,000-order review and routing pass before its answer. startCheckpoints() does it
  // after the write, and SQLite does it when the last connection closes. A commit is durable in
  // the WAL either way (synchronous = FULL).
  db.pragma('wal_autocheckpoint = 0');
}

/**
 * Checkpoints the WAL (PASSIVE: never waits for, nor blocks, other connections) every `everyMs`
 * while the connection is open, between calls rather than inside one; nearly free when there is
 * nothing to copy. Returns the function that stops it (before closing the connection).
 */
export function startCheckpoints(db: Sqlite, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next tick, or the close, checkpoints.
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

export function openDatabase(path: string, opts: { readonly?: boolean } = {}): Sqlite {
  if (!opts.readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) applyPragmas(db);
  else {
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
  }
  return db;
}
