import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseBefore, migrateRest } from '../fixtures/migrated-before';

// 0020 rebuilds print_jobs so its status may be 'cancelled' and records who cancelled and why:
// every job that existed before keeps its id, key, bytes and state.
describe('migration 0020: cancelled print jobs', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-mig20-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every existing job and accepts cancelled, still refusing unknown states', () => {
    const db = databaseBefore(dir, '0020');
    db.prepare(
      `insert into printers (name, kind, language, host, port, created_at, updated_at) values ('Zebra', 'raw_tcp', 'zpl', '10.0.0.5', 9100, 1, 1)`,
    ).run();
    const job = db.prepare(
      `insert into print_jobs (printer_id, idempotency_key, document, format, payload, status, attempts, next_run_at, last_fault, maybe_printed, actor, created_at, updated_at)
       values (1, ?, 'label', 'zpl', ?, ?, ?, 5, ?, ?, 'clerk', 1, 1)`,
    );
    job.run('label:order:1', Buffer.from('^XA^XZ'), 'queued', 2, 'unreachable', 0);
    job.run('label:order:2', null, 'failed', 1, 'interrupted', 1);
    job.run('label:order:3', Buffer.from('^XA1^XZ'), 'done', 1, null, 0);
    expect(() => db.prepare(`update print_jobs set status = 'cancelled' where id = 1`).run()).toThrow(
      /CHECK constraint failed/,
    );

    migrateRest(db);
    expect(
      db
        .prepare(
          `select id, idempotency_key as k, payload, status, attempts, last_fault as f, maybe_printed as m,
                  cancelled_by as by, cancel_reason as why, cancelled_at as at from print_jobs order by id`,
        )
        .all(),
    ).toEqual([
      {
        id: 1,
        k: 'label:order:1',
        payload: Buffer.from('^XA^XZ'),
        status: 'queued',
        attempts: 2,
        f: 'unreachable',
        m: 0,
        by: null,
        why: null,
        at: null,
      },
      {
        id: 2,
        k: 'label:order:2',
        payload: null,
        status: 'failed',
        attempts: 1,
        f: 'interrupted',
        m: 1,
        by: null,
        why: null,
        at: null,
      },
      {
        id: 3,
        k: 'label:order:3',
        payload: Buffer.from('^XA1^XZ'),
        status: 'done',
        attempts: 1,
        f: null,
        m: 0,
        by: null,
        why: null,
        at: null,
      },
    ]);
    db.prepare(
      `update print_jobs set status = 'cancelled', cancelled_by = 'clerk', cancel_reason = 'printer off', cancelled_at = 9 where id = 1`,
    ).run();
    expect(db.prepare('select status from print_jobs where id = 1').get()).toEqual({ status: 'cancelled' });
    expect(() => db.prepare(`update print_jobs set status = 'lost' where id = 3`).run()).toThrow(
      /CHECK constraint failed/,
    );
    // The key is still unique, the printer still referenced and the queue's index still there.
    expect(() => job.run('label:order:1', null, 'queued', 0, null, 0)).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `insert into print_jobs (printer_id, idempotency_key, document, format, next_run_at, actor, created_at, updated_at) values (99, 'x', 'label', 'zpl', 1, 'c', 1, 1)`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect((db.pragma('index_list(print_jobs)') as { name: string }[]).map((i) => i.name)).toEqual(
      expect.arrayContaining(['print_jobs_due_idx', 'print_jobs_created_idx', 'print_jobs_order_idx']),
    );
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
