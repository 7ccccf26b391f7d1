import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0019 adds print_jobs.maybe_printed: failed jobs that a crash or a hang-up interrupted while
// sending are marked (they are reprinted, never retried); every other job is not.
describe('migration 0019: print jobs that may have printed', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig19-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('marks failed interrupted and hung-up jobs, and only those', () => {
    const db = databaseBefore(dir, '0019');
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

    migrateRest(db);
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
