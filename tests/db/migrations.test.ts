import type Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/adapters/db/open';
import { migrateDatabase, migrationState } from '../../src-main/adapters/db/migrate';
import { migrationsDir } from '../../src-main/adapters/db/paths';

describe('migrations', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const schemaOf = (db: Database.Database) =>
    db
      .prepare(`select type, name, sql from sqlite_master where name not like 'sqlite_%' order by name`)
      .all();

  test('apply to an empty file, creating every table of the foundation', () => {
    const db = openDatabase(join(dir, 'a.db'));
    expect(migrationState(db, migrationsDir()).pending.length).toBeGreaterThan(0);
    migrateDatabase(db, migrationsDir());
    const tables = (
      db.prepare(`select name from sqlite_master where type = 'table'`).all() as { name: string }[]
    ).map((r) => r.name);
    for (const t of [
      'channels',
      'customers',
      'orders',
      'order_lines',
      'skus',
      'warehouses',
      'stock_ledger',
      'stock_levels',
      'audit_log',
      'settings',
      'jobs',
      'orders_search',
    ]) {
      expect(tables).toContain(t);
    }
    const state = migrationState(db, migrationsDir());
    expect(state.pending).toEqual([]);
    expect(state.applied).toBe(readdirSync(migrationsDir()).filter((f) => f.endsWith('.sql')).length);
    db.close();
  });

  test('are idempotent: a second run changes nothing', () => {
    const db = openDatabase(join(dir, 'b.db'));
    migrateDatabase(db, migrationsDir());
    const before = schemaOf(db);
    migrateDatabase(db, migrationsDir());
    expect(schemaOf(db)).toEqual(before);
    expect(migrationState(db, migrationsDir()).applied).toBe(migrationState(db, migrationsDir()).known);
    db.close();
  });

  test('the order search index merges its segments 8 at a time (import speed)', () => {
    const db = openDatabase(join(dir, 'd.db'));
    migrateDatabase(db, migrationsDir());
    expect(db.prepare("select v from orders_search_config where k = 'automerge'").get()).toEqual({ v: 8 });
    db.close();
  });

  test('every connection gets the durability pragmas', () => {
    const db = openDatabase(join(dir, 'c.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    db.close();
  });

  test('the queue query uses an index, not a table scan and sort', () => {
    const db = openDatabase(join(dir, 'd.db'));
    migrateDatabase(db, migrationsDir());
    const plan = (
      db
        .prepare('explain query plan select id from orders order by placed_at desc, id desc limit 100')
        .all() as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/orders_placed_idx/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    db.close();
  });

  test('what an order holds is read from the ledger by its reference, not by scanning the ledger', () => {
    const db = openDatabase(join(dir, 'r.db'));
    migrateDatabase(db, migrationsDir());
    // The shape of openReservations / heldStock (waves, shipping, cancelling, re-routing).
    const plan = (
      db
        .prepare(
          `explain query plan select warehouse_id, sku_id, sum(reserved_delta) from stock_ledger
            where reference = ? and warehouse_id = ? group by warehouse_id, sku_id`,
        )
        .all('order:1', 1) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH stock_ledger USING INDEX stock_ledger_reference_idx \(reference=\?\)/);
    db.close();
  });
});
