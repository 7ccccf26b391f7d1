import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/compose';
import { packdesk } from '../fixtures/cli';

/** What a newcomer types wrong around backup, restore and check: each gets one line naming it. */
describe('packdesk backup / restore / check, called wrongly', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-db-cli-'));
    db = join(dir, 'p.db');
    expect((await packdesk(['--db', db, 'demo', '--orders', '20'])).code).toBe(0);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('backup into a folder that does not exist, or onto a folder, names it (no stack trace, no stray file)', async () => {
    const missing = await packdesk(['--db', db, 'backup', '--out', join(dir, 'nope', 'b.db')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      `packdesk backup: Cannot back up to ${join(dir, 'nope', 'b.db')}: the folder ${join(dir, 'nope')} does not exist\n`,
    );
    mkdirSync(join(dir, 'backups'));
    const folder = await packdesk(['--db', db, '--json', 'backup', '--out', join(dir, 'backups')]);
    expect(folder.code).toBe(1);
    expect(JSON.parse(folder.stderr)).toEqual({
      error: {
        code: 'invalid_input',
        message: `Cannot back up to ${join(dir, 'backups')}: it is a folder; name the backup file`,
      },
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('restore from a folder or into a missing folder is refused by name; --db may follow the command', async () => {
    expect((await packdesk(['--db', db, 'backup', '--out', join(dir, 'b.db')])).code).toBe(0);
    const fromFolder = await packdesk(['--db', join(dir, 'r.db'), 'restore', dir]);
    expect(fromFolder).toMatchObject({
      code: 1,
      stderr: `packdesk restore: ${dir} is a folder, not a database file\n`,
    });
    const intoMissing = await packdesk(['restore', join(dir, 'b.db'), '--db', join(dir, 'nope', 'r.db')]);
    expect(intoMissing.code).toBe(1);
    expect(intoMissing.stderr).toContain(`the folder ${join(dir, 'nope')} does not exist`);
    const restored = await packdesk(['restore', join(dir, 'b.db'), '--db', join(dir, 'r.db'), '--json']);
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ db: join(dir, 'r.db'), orders: 20 });
    expect(existsSync(join(dir, 'r.db'))).toBe(true);
  });

  test('restore refuses a database that Packdesk holds open, and leaves it as it was', async () => {
    expect((await packdesk(['--db', db, 'backup', '--out', join(dir, 'b.db')])).code).toBe(0);
    const live = join(dir, 'live.db');
    const serving = createCore({ dbPath: live });
    try {
      const r = await packdesk(['--db', live, '--json', 'restore', join(dir, 'b.db')]);
      expect(r).toMatchObject({ code: 1, stdout: '' });
      expect(JSON.parse(r.stderr)).toEqual({
        error: {
          code: 'conflict',
          message: `${live} is open in Packdesk (the desktop app or packdesk serve); close it, then restore`,
        },
      });
      expect(serving.ctx.sqlite.prepare('select count(*) as n from orders').get()).toEqual({ n: 0 });
    } finally {
      serving.close();
    }
    expect((await packdesk(['--db', live, 'restore', join(dir, 'b.db')])).code).toBe(0);
  });

  test('check takes no arguments', async () => {
    const r = await packdesk(['--db', db, 'check', 'now']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('packdesk check: check takes no arguments, got "now"\nUsage: packdesk check\n');
    expect((await packdesk(['--db', db, 'check'])).code).toBe(0);
  });
});
