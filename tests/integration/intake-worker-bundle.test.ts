import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const worker = 'dist/main/intake-worker.cjs';

// The import worker parses and standardises; it never opens the database. Its bundle leaves out
// what it reaches only through a module's index.ts (handlers, tables, drizzle-orm): loading those
// held up the start of every large import. (Large imports through this bundle: import-cli.test.ts.)
describe('the import worker bundle', () => {
  beforeAll(() => {
    if (!existsSync(worker) || process.env.PACKDESK_REBUILD === '1')
      spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' });
  });

  it('loads no database code', () => {
    const required = [...readFileSync(worker, 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(required).toContain('papaparse');
    expect(required.filter((r) => /drizzle|better-sqlite3/.test(r ?? ''))).toEqual([]);
  });
});
