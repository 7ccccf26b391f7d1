import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `packdesk import --watch DIR` as staff leave it running: a real process, stopped with SIGINT. */
describe('packdesk import --watch (running)', () => {
  let dir: string;
  beforeAll(() => {
    // The loop never ends, so it runs as the built CLI: build it from the current source first.
    expect(spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' }).status).toBe(0);
  });
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-watch-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('says what it watches, reports each import with its counts, and a damaged file once, not every pass', async () => {
    const drop = join(dir, 'drop');
    mkdirSync(drop);
    copyFileSync('tests/fixtures/files/taobao-orders-gbk.csv', join(drop, 'a-taobao.csv'));
    writeFileSync(
      join(drop, 'b-broken.csv'),
      'order_id,placed_at,quantity,unit_price,title\nA1,2026-03-01,1,"10\n',
    );
    const p = spawn(
      process.execPath,
      ['bin/packdesk.cjs', '--db', join(dir, 'p.db'), 'import', '--watch', drop, '--interval', '1'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PACKDESK_QUIET: '1' } },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Three passes at least: the first imports, the next two find the same damaged file.
    await new Promise((r) => setTimeout(r, 3500));
    p.kill('SIGINT');
    await once(p, 'exit');
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe(`Watching ${drop} every 1 s for new exports (Ctrl+C stops)`);
    expect(lines.filter((l) => l.includes('a-taobao.csv'))).toEqual([
      expect.stringMatching(/ a-taobao\.csv: imported \(3 imported, 0 updated, 0 rejected\)$/),
    ]);
    expect(lines.filter((l) => l.includes('b-broken.csv'))).toEqual([
      expect.stringMatching(/ b-broken\.csv: failed \(b-broken\.csv: row 2: a quoted cell is never closed/),
    ]);
  }, 30_000);
});
