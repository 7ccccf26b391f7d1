import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
const requireFromRoot = createRequire(join(root, 'package.json'));
const start = requireFromRoot('./bin/start.cjs') as {
  findElectron(env?: NodeJS.ProcessEnv): string | null;
  portOf(args: string[]): string;
};

describe('npm start (bin/start.cjs)', () => {
  it('never loads the electron package, whose index.js would try to download the binary', () => {
    const electronIndex = requireFromRoot.resolve('electron');
    expect(Object.keys(requireFromRoot.cache)).not.toContain(electronIndex);
    start.findElectron();
    expect(Object.keys(requireFromRoot.cache)).not.toContain(electronIndex);
  });

  it('finds the Electron binary only where it really exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packdesk-electron-'));
    try {
      expect(start.findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBeNull();
      const pathTxt = join(dirname(requireFromRoot.resolve('electron/package.json')), 'path.txt');
      const rel = existsSync(pathTxt)
        ? readFileSync(pathTxt, 'utf8').trim()
        : process.platform === 'win32'
          ? 'electron.exe'
          : 'electron';
      const exe = join(dir, rel);
      mkdirSync(dirname(exe), { recursive: true });
      writeFileSync(exe, '#!/bin/sh\nexit 0\n');
      chmodSync(exe, 0o755);
      expect(start.findElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir })).toBe(exe);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports the port the browser fallback will use', () => {
    expect(start.portOf([])).toBe('4780');
    expect(start.portOf(['--port', '4999'])).toBe('4999');
    expect(start.portOf(['--host', '0.0.0.0', '--port=5000'])).toBe('5000');
  });

  it('exits with the child process exit code', () => {
    const r = spawnSync(
      process.execPath,
      ['-e', `require('./bin/start.cjs').runChild(process.execPath, ['-e', 'process.exit(7)'], process.env)`],
      { cwd: root, encoding: 'utf8', timeout: 20_000 },
    );
    expect(r.status).toBe(7);
  });
});

describe('npm start native-module check', () => {
  const s = requireFromRoot('./bin/start.cjs') as {
    sqliteAbi(): string | null;
    electronAbiProblem(): string | null;
  };

  it('knows which ABI better-sqlite3 was compiled for', () => {
    // The test suite itself runs SQLite under Node, so the module must be built for this Node.
    expect(s.sqliteAbi()).toBe(process.versions.modules);
  });

  it('explains how to rebuild when Electron needs another ABI than the one SQLite was built for', () => {
    const abiFile = join(dirname(requireFromRoot.resolve('electron/package.json')), 'abi_version');
    const electronAbi = readFileSync(abiFile, 'utf8').trim();
    const problem = s.electronAbiProblem();
    if (electronAbi === process.versions.modules) expect(problem).toBeNull();
    else
      expect(problem).toMatch(
        new RegExp(`ABI ${process.versions.modules}.*ABI ${electronAbi}.*electron-rebuild`),
      );
  });
});
