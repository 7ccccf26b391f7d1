import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0014 rebuilds `printers` (a wider kind check) while print_jobs point at it: existing printers
// and their jobs must come through unchanged.
describe('migration 0014: Kuaishou and JD print components', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig14-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps printers and their print jobs, and accepts the new kinds', () => {
    const db = databaseBefore(dir, '0014');
    const now = Date.now();
    db.prepare(
      `insert into printers (name, kind, language, host, port, created_at, updated_at)
       values ('Zebra', 'raw_tcp', 'zpl', '10.0.0.5', 9100, ?, ?)`,
    ).run(now, now);
    db.prepare(
      `insert into print_jobs (printer_id, idempotency_key, document, format, next_run_at, actor, created_at, updated_at)
       values (1, 'label:order:1', 'label', 'zpl', ?, 'clerk', ?, ?)`,
    ).run(now, now, now);
    expect(() =>
      db
        .prepare(
          `insert into printers (name, kind, language, created_at, updated_at) values ('JD', 'jd_ws', 'cainiao', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);

    migrateRest(db);
    expect(db.prepare('select id, name, kind, host from printers').all()).toEqual([
      { id: 1, name: 'Zebra', kind: 'raw_tcp', host: '10.0.0.5' },
    ]);
    expect(db.prepare('select printer_id as p from print_jobs').all()).toEqual([{ p: 1 }]);
    for (const kind of ['jd_ws', 'kuaishou_ws'])
      db.prepare(
        `insert into printers (name, kind, language, created_at, updated_at) values (?, ?, 'cainiao', 1, 1)`,
      ).run(kind, kind);
    expect(() =>
      db
        .prepare(
          `insert into printers (name, kind, language, created_at, updated_at) values ('X', 'xhs_ws', 'cainiao', 1, 1)`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
