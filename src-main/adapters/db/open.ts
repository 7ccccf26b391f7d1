import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
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

/** Connections whose checkpoints wait: how many bulk writes hold them (`holdCheckpoints`). */
const held = new WeakMap<Sqlite, number>();

/** Past this much WAL a held checkpoint runs anyway: a huge import must not grow it without end. */
const HELD_WAL_LIMIT = 512 * 1024 * 1024;

/**
 * Makes the checkpointer wait while a bulk write (an import) goes on in several transactions: a
 * checkpoint between its pages copies pages the next one rewrites, and holds up its end (0.18 s
 * of a 100,000-order import). The first tick after the release copies everything. Returns the
 * release; calling it more than once is harmless.
 */
export function holdCheckpoints(db: Sqlite): () => void {
  held.set(db, (held.get(db) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.set(db, (held.get(db) ?? 1) - 1);
  };
}

function walBytes(db: Sqlite): number {
  try {
    return statSync(`${db.name}-wal`).size;
  } catch {
    return 0;
  }
}

/**
 * Checkpoints the WAL (PASSIVE: never waits for, nor blocks, other connections) every `everyMs`
 * while the connection is open, between calls rather than inside one; nearly free when there is
 * nothing to copy. Returns the function that stops it (before closing the connection).
 */
export function startCheckpoints(db: Sqlite, everyMs = 1000): () => void {
  const timer = setInterval(() => {
    if ((held.get(db) ?? 0) > 0 && walBytes(db) < HELD_WAL_LIMIT) return;
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
