#!/usr/bin/env node
'use strict';
// `npm start`: the desktop app when an Electron binary is installed, otherwise the same UI served
// to a browser by `packdesk serve`. Never `require('electron')` here: from plain Node that
// package tries to download its binary (spawnSync of install.js), which hangs or fails offline.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { constants } = require('node:os');
const { dirname, join } = require('node:path');
const { setTimeout } = require('node:timers');

const root = join(__dirname, '..');

/** The Electron executable, or null when its binary was never downloaded. */
function findElectron(env = process.env) {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return null;
  }
  let rel = '';
  try {
    rel = readFileSync(join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: install.js never finished, so there is no binary to run.
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const exe = join(
      env.ELECTRON_OVERRIDE_DIST_PATH,
      rel || (process.platform === 'win32' ? 'electron.exe' : 'electron'),
    );
    return existsSync(exe) ? exe : null;
  }
  if (!rel) return null;
  const exe = join(pkgDir, 'dist', rel);
  return existsSync(exe) ? exe : null;
}

/**
 * The ABI better-sqlite3's native file was compiled for: Node's when it loads here, otherwise
 * the one named in the loader's "compiled against … NODE_MODULE_VERSION n" error.
 */
function sqliteAbi() {
  try {
    const Database = require(require.resolve('better-sqlite3', { paths: [root] }));
    new Database(':memory:').close();
    return process.versions.modules;
  } catch (e) {
    const m = /NODE_MODULE_VERSION (\d+)/.exec(String(e && e.message));
    return m ? m[1] : null;
  }
}

/** Why the desktop app cannot open its database with this Electron, or null when it can. */
function electronAbiProblem() {
  let electronAbi;
  let version;
  try {
    const pkgDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
    electronAbi = readFileSync(join(pkgDir, 'abi_version'), 'utf8').trim();
    version = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
  const built = sqliteAbi();
  if (!built || built === electronAbi) return null;
  return (
    `better-sqlite3 is compiled for Node.js (ABI ${built}) but Electron ${version} needs ABI ${electronAbi}, so the desktop ` +
    'app could not open its database. To run it, rebuild for Electron: `npx electron-rebuild -f -w better-sqlite3` ' +
    '(`npm rebuild better-sqlite3` switches back for the CLI and tests).'
  );
}

/** Builds once if a fresh checkout has no dist yet; the build itself needs no network. */
function ensureBuilt(needed) {
  if (needed.every((f) => existsSync(join(root, f)))) return;
  process.stderr.write('packdesk: building first (npm run build)…\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0) {
    process.stderr.write('packdesk: the build failed; fix the errors above and run `npm start` again.\n');
    process.exit(r.status || 1);
  }
}

/** Runs a child with our terminal, passes signals on and exits with its code. */
function runChild(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  let exited = false;
  const forward = (signal) => {
    if (exited) return;
    // Ctrl+C already reached the child through the terminal's process group; pass SIGINT on
    // only if it is still running a moment later (e.g. `kill -INT` sent to us alone).
    if (signal === 'SIGINT') setTimeout(() => !exited && child.kill(signal), 1500).unref();
    else child.kill(signal);
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => forward(s));
  child.on('error', (e) => {
    process.stderr.write(`packdesk: could not start ${command}: ${e.message}\n`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    exited = true;
    process.exit(code ?? (signal ? 128 + (constants.signals[signal] || 1) : 1));
  });
}

function portOf(args) {
  const i = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
  if (i < 0) return '4780';
  return args[i].includes('=') ? args[i].split('=')[1] : args[i + 1] || '4780';
}

function main(args) {
  const electron = process.env.PACKDESK_NO_ELECTRON === '1' ? null : findElectron();
  const abiProblem = electron ? electronAbiProblem() : null;
  if (electron && abiProblem) process.stderr.write(`packdesk: ${abiProblem}\n`);
  if (electron && !abiProblem) {
    ensureBuilt([
      'dist/main/main.cjs',
      'dist/main/preload.cjs',
      'dist/main/core-process.cjs',
      'dist/renderer/index.html',
    ]);
    const env = { ...process.env };
    // Set by some shells and tools; it would make Electron behave as plain Node and ignore the app.
    delete env.ELECTRON_RUN_AS_NODE;
    runChild(electron, ['.', ...args], env);
    return;
  }
  ensureBuilt(['dist/main/cli.cjs', 'dist/renderer/index.html']);
  const why = electron
    ? 'The desktop app cannot start (see above)'
    : 'Electron is not available on this machine (its binary was not downloaded)';
  process.stderr.write(
    `${why}; serving Packdesk at http://127.0.0.1:${portOf(args)} instead — open it in a browser.\n`,
  );
  runChild(process.execPath, [join(root, 'bin', 'packdesk.cjs'), 'serve', ...args], process.env);
}

module.exports = { findElectron, portOf, runChild, sqliteAbi, electronAbiProblem };
if (require.main === module) main(process.argv.slice(2));
