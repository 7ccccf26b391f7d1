import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src-main/adapters/db/open';
import { migrateDatabase } from '../../src-main/adapters/db/migrate';
import { migrationsDir } from '../../src-main/adapters/db/paths';

// 0019 adds print_jobs.maybe_printed: failed jobs that a crash or a hang-up interrupted while
// sending are marked (they are reprinted, never retried); every other job is not.
describe('migration 0019: print jobs that may have printed', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig19-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('marks failed interrupted and hung-up jobs, and only those', () => {
    const before = join(dir, 'before');
    cpSync(migrationsDir(), before, { recursive: true });
    const journalPath = join(before, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.startsWith('0019_'));
    expect(at).toBeGreaterThan(0);
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));

    const db = openDatabase(join(dir, 'p.db'));
    migrateDatabase(db, before);
    db.prepare(
      `insert into printers (name, kind, language, host, created_at, updated_at) values ('Zebra', 'raw_tcp', 'zpl', '10.0.0.5', 1, 1)`,
    ).run();
    const job = db.prepare(
      `insert into print_jobs (printer_id, idempotency_key, document, format, status, last_fault, next_run_at, actor, created_at, updated_at)
       values (1, ?, 'label', 'zpl', ?, ?, 1, 'clerk', 1, 1)`,
    );
    job.run('a', 'failed', 'interrupted');
    job.run('b', 'failed', 'closed_mid_job');
    job.run('c', 'failed', 'unreachable');
    job.run('d', 'done', null);
    job.run('e', 'queued', 'paper_out');

    migrateDatabase(db, migrationsDir());
    expect(
      db.prepare('select idempotency_key as k, maybe_printed as m from print_jobs order by id').all(),
    ).toEqual([
      { k: 'a', m: 1 },
      { k: 'b', m: 1 },
      { k: 'c', m: 0 },
      { k: 'd', m: 0 },
      { k: 'e', m: 0 },
    ]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
