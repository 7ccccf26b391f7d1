import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/compose';
import { hasLanToken } from '../../src-main/modules/auth';
import { packdesk } from '../fixtures/cli';

/** A newcomer's slips at the command line: each answered on stderr in one line naming it, never a stack trace. */
describe('packdesk, called wrongly', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-mistakes-'));
    db = join(dir, 'p.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('no command: the command list goes to stderr with exit code 2 (--help: stdout, 0)', async () => {
    const none = await packdesk([]);
    expect(none).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toMatch(/^packdesk: which command\?\n\n.*\n\nUsage: packdesk/);
    const help = await packdesk(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Commands:');
  });

  test('a mistyped command is named with the command it probably meant', async () => {
    expect(await packdesk(['ordres', 'list'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'packdesk: unknown command "ordres". Did you mean `packdesk orders`? Run `packdesk --help` for the list.\n',
    });
    expect((await packdesk(['imprt', 'x.csv'])).stderr).toContain('Did you mean `packdesk import`?');
    expect((await packdesk(['frobnicate'])).stderr).toBe(
      'packdesk: unknown command "frobnicate". Run `packdesk --help` for the list.\n',
    );
  });

  test('`packdesk help [command]` reads as --help', async () => {
    expect(await packdesk(['help'])).toEqual(await packdesk(['--help']));
    const one = await packdesk(['help', 'import']);
    expect(one).toMatchObject({ code: 0, stderr: '' });
    expect(one.stdout).toMatch(/^Usage: packdesk import FILE/);
  });

  test('more arguments than a command takes are refused, not silently dropped', async () => {
    const files = await packdesk([
      '--db',
      db,
      'import',
      'tests/fixtures/files/shopify-orders.csv',
      'tests/fixtures/files/pdd-orders.xlsx',
    ]);
    expect(files).toMatchObject({ code: 2, stdout: '' });
    expect(files.stderr).toMatch(
      /^packdesk import: import takes one FILE, got 2; to import a folder of exports use --watch DIR --once\n/,
    );
    expect((await packdesk(['--db', db, 'import', 'x.csv', '--format', 'shopfy'])).stderr).toMatch(
      /^packdesk import: unknown --format "shopfy"; one of auto, shopify, /,
    );
    expect((await packdesk(['--db', db, 'orders', 'show', '1', '2'])).stderr).toMatch(
      /^packdesk orders: orders show takes one order id, got "1 2"\n/,
    );
    expect((await packdesk(['--db', db, 'label', '1', '2', '--out', join(dir, 'l.pdf')])).stderr).toMatch(
      /^packdesk label: label takes one order ID, got "1 2"\n/,
    );
  });

  test('--db works after the command as --json does', async () => {
    const r = await packdesk(['check', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true });
    expect((await packdesk(['check', '--db'])).stderr).toBe('packdesk: --db needs a file path\n');
  });

  test('with --json a mistake in the command line is a JSON error on stderr too', async () => {
    const sub = await packdesk(['--db', db, '--json', 'orders', 'lst']);
    expect(sub).toMatchObject({ code: 2, stdout: '' });
    expect(JSON.parse(sub.stderr)).toEqual({
      error: {
        code: 'usage',
        message: 'unknown subcommand "orders lst"',
        usage: expect.stringMatching(/^packdesk orders list/),
      },
    });
    const typo = await packdesk(['--json', 'ordrs']);
    expect(JSON.parse(typo.stderr)).toMatchObject({
      error: { code: 'usage', message: expect.stringContaining('Did you mean `packdesk orders`?') },
    });
  });

  test("--db naming a folder or a file that is no database is the caller's mistake, named as such", async () => {
    expect(await packdesk(['--db', dir, 'check'])).toEqual({
      code: 1,
      stdout: '',
      stderr: `packdesk check: cannot open the database ${dir}: it is a folder\n`,
    });
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, 'order_id,placed_at\nA1,2026-03-01\n'.repeat(200));
    const r = await packdesk(['--db', csv, '--json', 'orders', 'list']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr)).toEqual({
      error: { code: 'invalid_input', message: `cannot open the database ${csv}: file is not a database` },
    });
  });

  test('files that are missing or folders are named in words, not errno codes', async () => {
    const missing = await packdesk(['--db', db, 'import', join(dir, 'orders.csv')]);
    expect(missing).toMatchObject({
      code: 1,
      stderr: `packdesk import: ${join(dir, 'orders.csv')}: cannot be read (no such file or folder)\n`,
    });
    expect((await packdesk(['--db', db, 'import', dir])).stderr).toBe(
      `packdesk import: ${dir}: cannot be read (it is a folder, not a file)\n`,
    );
    expect((await packdesk(['--db', db, 'import', '--watch', join(dir, 'drop'), '--once'])).stderr).toBe(
      `packdesk import: ${join(dir, 'drop')}: the watched folder cannot be read (no such file or folder)\n`,
    );
  });

  test('route rates names a missing file, and a binary one in one line instead of pages of its bytes', async () => {
    expect(await packdesk(['--db', db, 'route', 'rates', join(dir, 'rates.csv')])).toEqual({
      code: 1,
      stdout: '',
      stderr: `packdesk route: ${join(dir, 'rates.csv')}: cannot be read (no such file or folder)\n`,
    });
    expect(await packdesk(['--db', db, 'route', 'rates', 'docs/screenshot-orders.png'])).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'packdesk route: docs/screenshot-orders.png is not a CSV text file; save the rate table as CSV UTF-8\n',
    });
  });

  test('a label written into a folder that does not exist says so (and leaves nothing behind)', async () => {
    expect((await packdesk(['--db', db, 'demo', '--orders', '20'])).code).toBe(0);
    const out = join(dir, 'labels', 'l.pdf');
    const r = await packdesk(['--db', db, 'label', '1', '--out', out]);
    expect(r).toMatchObject({
      code: 1,
      stdout: '',
      stderr: `packdesk label: Cannot write the label to ${out}: no such file or folder\n`,
    });
    mkdirSync(join(dir, 'labels'));
    expect((await packdesk(['--db', db, 'label', '1', '--out', out])).code).toBe(0);
  });

  test('ship refuses a carrier the shop does not have (a typo would be recorded and pushed to the channel)', async () => {
    expect((await packdesk(['--db', db, 'demo', '--orders', '300'])).code).toBe(0);
    const [order] = JSON.parse(
      (await packdesk(['--db', db, '--json', 'orders', 'list', '--status', 'packed', '--limit', '1'])).stdout,
    ) as { id: number }[];
    const id = String(order!.id);
    const typo = await packdesk(['--db', db, 'ship', id, '--carrier', 'ZT0', '--tracking', '73123456789012']);
    expect(typo).toMatchObject({ code: 2, stdout: '' });
    expect(typo.stderr).toMatch(/^packdesk ship: unknown carrier "ZT0"; this shop's carriers: .*\bZTO\b/);
    const shown = JSON.parse((await packdesk(['--db', db, '--json', 'orders', 'show', id])).stdout);
    expect(shown.status).toBe('packed');
    const ok = await packdesk(['--db', db, 'ship', id, '--carrier', 'zto', '--tracking', '73123456789012']);
    expect(ok).toEqual({ code: 0, stdout: `Shipped order ${id} with ZTO 73123456789012\n`, stderr: '' });
  });

  describe('serve on a port that is taken', () => {
    let taken: Server;
    let port: number;
    beforeEach(async () => {
      taken = createServer().listen(0, '0.0.0.0');
      await once(taken, 'listening');
      port = (taken.address() as { port: number }).port;
    });
    afterEach(() => void taken.close());

    test('names the port, and issues no LAN token nobody saw', async () => {
      const r = await packdesk(['--db', db, 'serve', '--host', '0.0.0.0', '--port', String(port)]);
      expect(r).toMatchObject({
        code: 1,
        stdout: '',
        stderr: `packdesk serve: port ${port} on 0.0.0.0 is already in use (is Packdesk already serving?); stop that program or choose another --port\n`,
      });
      const core = createCore({ dbPath: db });
      try {
        expect(hasLanToken(core.ctx)).toBe(false);
      } finally {
        core.close();
      }
    });
  });
});

describe('stderr of a one-shot command', () => {
  test('carries no developer "slow call" warnings, which scripts would read as errors', async () => {
    expect(spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' }).status).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'packdesk-quiet-'));
    try {
      const env = { ...process.env };
      delete env.PACKDESK_QUIET;
      const run = (...args: string[]) =>
        spawnSync(process.execPath, ['bin/packdesk.cjs', '--db', join(dir, 'p.db'), ...args], {
          encoding: 'utf8',
          env,
        });
      expect(run('demo', '--orders', '50').status).toBe(0);
      // A PDF label takes far longer than the dispatcher's 40 ms warning threshold.
      const r = run('label', '1', '--out', join(dir, 'l.pdf'));
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
