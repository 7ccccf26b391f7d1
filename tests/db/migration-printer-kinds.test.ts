import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/adapters/db/open';
import { migrateDatabase } from '../../src-main/adapters/db/migrate';
import { migrationsDir } from '../../src-main/adapters/db/paths';

// 0014 rebuilds `printers` (a wider kind check) while print_jobs point at it: existing printers
// and their jobs must come through unchanged.
describe('migration 0014: Kuaishou and JD print components', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig14-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps printers and their print jobs, and accepts the new kinds', () => {
    // The migrations as shipped before 0014.
    const before = join(dir, 'before');
    cpSync(migrationsDir(), before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.startsWith('0014_'));
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));

    const db = openDatabase(join(dir, 'p.db'));
    migrateDatabase(db, before);
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

    migrateDatabase(db, migrationsDir());
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
