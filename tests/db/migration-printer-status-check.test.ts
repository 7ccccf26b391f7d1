import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0017 adds printers.status_check: printers that existed before keep asking their status before
// each job (as they did), and their jobs still point at them.
describe('migration 0017: per-printer status check', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig17-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('switches the check on for every existing printer and keeps their jobs', () => {
    const db = databaseBefore(dir, '0017');
    const cols = () => (db.pragma('table_info(printers)') as { name: string }[]).map((c) => c.name);
    expect(cols()).not.toContain('status_check');
    const insert = db.prepare(
      `insert into printers (name, kind, language, host, port, created_at, updated_at) values (?, ?, ?, ?, 9100, 1, 1)`,
    );
    insert.run('Zebra', 'raw_tcp', 'zpl', '10.0.0.5');
    insert.run('TSC', 'raw_tcp', 'tspl', '10.0.0.6');
    insert.run('Cainiao', 'cainiao_ws', 'cainiao', '127.0.0.1');
    db.prepare(
      `insert into print_jobs (printer_id, idempotency_key, document, format, next_run_at, actor, created_at, updated_at)
       values (1, 'label:order:1', 'label', 'zpl', 1, 'clerk', 1, 1)`,
    ).run();

    migrateRest(db);
    expect(db.prepare('select id, name, status_check as s from printers order by id').all()).toEqual([
      { id: 1, name: 'Zebra', s: 1 },
      { id: 2, name: 'TSC', s: 1 },
      { id: 3, name: 'Cainiao', s: 1 },
    ]);
    expect(db.prepare('select printer_id as p from print_jobs').all()).toEqual([{ p: 1 }]);
    // A printer added afterwards without saying gets the check too; it can be switched off.
    insert.run('New', 'raw_tcp', 'zpl', '10.0.0.7');
    db.prepare(`update printers set status_check = 0 where name = 'TSC'`).run();
    expect(
      db.prepare('select name, status_check as s from printers where id in (2, 4) order by id').all(),
    ).toEqual([
      { name: 'TSC', s: 0 },
      { name: 'New', s: 1 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
