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
// dependency inlined (see below) instead of left external. The import worker is built on its own
// too (below).
const { preload, 'intake-worker': intakeWorker, ...nodeEntries } = entryPoints;

const node = {
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
};

await build({ ...node, entryPoints: nodeEntries });

/**
 * Our own modules do nothing when loaded but define things, so a bundle may leave out every one
 * it does not use. For the import worker this matters: it reaches the standardiser through the
 * module's index.ts, which also exports its handlers, and with them half the app, the tables and
 * drizzle-orm (about 60 ms of every large import's start, before the first order is parsed).
 */
const unusedModulesLeftOut = {
  name: 'unused-modules-left-out',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return r.errors.length ? { errors: r.errors } : { path: r.path, sideEffects: false };
    });
  },
};

if (intakeWorker)
  await build({ ...node, entryPoints: { 'intake-worker': intakeWorker }, plugins: [unusedModulesLeftOut] });

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
