import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkInserter } from '../../src-main/adapters/db/bulk-insert';
import { openDatabase, type Sqlite } from '../../src-main/adapters/db/open';

describe('bulkInserter', () => {
  let dir: string;
  let db: Sqlite;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-bulk-'));
    db = openDatabase(join(dir, 'bulk.db'));
    db.exec('create table t (id integer primary key, n integer not null check (n >= 0), label text)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const rows = () => db.prepare('select n, label from t order by id').raw(true).all();

  test('writes full chunks as they fill, the rest on flush, in the order they were added', () => {
    const t = bulkInserter<[number, string | null]>(db, 't', ['n', 'label']);
    for (let i = 0; i < 63; i++) t.add([i, i % 2 ? `#${i}` : null]);
    expect(rows()).toHaveLength(0);
    t.add([63, 'last of the chunk']);
    expect(rows()).toHaveLength(64);
    for (let i = 64; i < 200; i++) t.add([i, null]);
    expect(rows()).toHaveLength(192);
    t.flush();
    const all = rows() as [number, string | null][];
    expect(all.map(([n]) => n)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(all[1]).toEqual([1, '#1']);
    expect(all[63]).toEqual([63, 'last of the chunk']);
    t.flush();
    expect(rows()).toHaveLength(200);
  });

  test('a bad row fails its statement, and the caller transaction takes everything back', () => {
    const t = bulkInserter<[number, string | null]>(db, 't', ['n', 'label']);
    const run = db.transaction(() => {
      for (let i = 0; i < 70; i++) t.add([i, null]);
      t.add([-1, 'breaks the check']);
      t.flush();
    });
    expect(run).toThrow(/CHECK constraint failed/);
    expect(rows()).toHaveLength(0);
  });
});
