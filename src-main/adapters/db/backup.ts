import Database from 'better-sqlite3';
import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppFailure } from '../../../src-shared/result';
import { openDatabase, type Sqlite } from './open';

/** `PRAGMA integrity_check` lines; `['ok']` when the file is sound. */
export function integrityCheck(db: Sqlite): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
}

const fsyncFile = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

const tempBeside = (target: string): string =>
  join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);

/** Checks that a file is a sound SQLite database that Packdesk wrote; throws a clear error if not. */
export function verifyDatabaseFile(path: string): void {
  if (!existsSync(path)) throw new AppFailure('not_found', `No file at ${path}`);
  if (statSync(path).isDirectory())
    throw new AppFailure('invalid_input', `${path} is a folder, not a database file`);
  let db: Sqlite | undefined;
  try {
    db = openDatabase(path, { readonly: true });
    const lines = integrityCheck(db);
    if (lines.length !== 1 || lines[0] !== 'ok') {
      throw new AppFailure('invalid_input', `${path} is damaged: ${lines.slice(0, 5).join('; ')}`);
    }
    const isOurs = db.prepare(`select 1 from sqlite_master where name = 'orders'`).get();
    if (!isOurs)
      throw new AppFailure('invalid_input', `${path} is a SQLite file but not a Packdesk database`);
  } catch (e) {
    if (e instanceof AppFailure) throw e;
    throw new AppFailure('invalid_input', `${path} is not a readable database: ${(e as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Online backup (readers and writers carry on), verified before it takes the target's name,
 * so a crash or a bad copy never leaves a half-written backup where a good one was expected.
 */
export async function backupTo(db: Sqlite, target: string): Promise<{ path: string; bytes: number }> {
  // Named before any copying: SQLite's own errors ("directory does not exist") name no path.
  if (!existsSync(dirname(target)))
    throw new AppFailure(
      'not_found',
      `Cannot back up to ${target}: the folder ${dirname(target)} does not exist`,
    );
  if (existsSync(target) && statSync(target).isDirectory())
    throw new AppFailure(
      'invalid_input',
      `Cannot back up to ${target}: it is a folder; name the backup file`,
    );
  const tmp = tempBeside(target);
  rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    // A backup is one self-contained file: switch the copy out of WAL before checking it.
    const copy = new Database(tmp);
    copy.pragma('journal_mode = DELETE');
    const lines = integrityCheck(copy);
    copy.close();
    if (lines.length !== 1 || lines[0] !== 'ok')
      throw new AppFailure('internal', `Backup failed its integrity check: ${lines[0]}`);
    fsyncFile(tmp);
    renameSync(tmp, target);
    return { path: target, bytes: statSync(target).size };
  } finally {
    rmSync(tmp, { force: true });
  }
}

/**
 * Refuses to replace a database another connection holds open (the desktop app, `packdesk serve`):
 * it would go on writing to the replaced file, and the removed -wal would take its last commits.
 * A WAL connection keeps a shared lock, so an exclusive one is refused at once while it is open.
 */
function assertNotInUse(target: string): void {
  if (!existsSync(target)) return;
  const probe = new Database(target, { timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY'))
      throw new AppFailure(
        'conflict',
        `${target} is open in Packdesk (the desktop app or packdesk serve); close it, then restore`,
      );
    // Not a database at all (a damaged file): nothing holds it, and the restore replaces it.
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database at `target` with a verified copy of `source`. The caller must have closed
 * every connection to `target` first.
 */
export function restoreFrom(source: string, target: string): void {
  verifyDatabaseFile(source);
  if (!existsSync(dirname(target)))
    throw new AppFailure(
      'not_found',
      `Cannot restore to ${target}: the folder ${dirname(target)} does not exist`,
    );
  assertNotInUse(target);
  const tmp = tempBeside(target);
  copyFileSync(source, tmp);
  try {
    verifyDatabaseFile(tmp);
    fsyncFile(tmp);
    for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { force: true });
  }
}
