// Bundles the Node side (CLI, Electron main, preload, core process) into dist/main as CommonJS.
// Dependencies stay external: better-sqlite3 is native and everything else ships in node_modules.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = {
  cli: 'src-main/cli/main.ts',
  main: 'src-main/app/main.ts',
  preload: 'src-main/app/preload.ts',
  'core-process': 'src-main/app/core-process.ts',
  // The import's parse worker (worker_threads), loaded beside whichever bundle runs the core.
  'intake-worker': 'src-main/modules/intake/intake.worker.ts',
};
const entryPoints = Object.fromEntries(Object.entries(entries).filter(([, file]) => existsSync(file)));
// A sandboxed preload can require only 'electron', so it is built on its own with every other
// dependency inlined (see below) instead of left external.
const { preload, ...nodeEntries } = entryPoints;

await build({
  entryPoints: nodeEntries,
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
  define: { __PACKDESK_VERSION__: JSON.stringify(pkg.version) },
});

if (preload) {
  await build({
    entryPoints: { preload },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  });
}
