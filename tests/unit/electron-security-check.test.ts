import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const check = (input?: string) =>
  spawnSync(
    process.execPath,
    [join(root, 'tests', 'security', 'electronegativity-check.mjs'), ...(input ? [input] : [])],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );

describe('electronegativity check', () => {
  it('fails on a deliberately insecure Electron app and lists the HIGH findings', () => {
    const r = check(join(root, 'tests', 'fixtures', 'insecure-electron'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^electronegativity: FAILED/m);
    expect(r.stderr).toMatch(/HIGH CONTEXT_ISOLATION_JS_CHECK .*main\.js:\d+/);
    expect(r.stderr).toMatch(/HIGH LIMIT_NAVIGATION_GLOBAL_CHECK/);
  });

  it('passes on the Packdesk Electron host with no HIGH finding', () => {
    const r = check();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^electronegativity: ok — src-main\/app: /m);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });
});
