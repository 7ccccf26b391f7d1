// Runs Electronegativity on the Electron host and fails (exit 1) on any HIGH-severity finding.
// Electronegativity's own CLI always exits 0, so we call its runner, write the findings to a
// JSON report in a temp folder and decide from that. Usage: node … [input folder or file].
// Offline by construction: its only network use ('got', for fresh translations and Electron
// release data) is replaced by a stub that fails at once, and the release-data check is off.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const input = resolve(process.argv[2] ?? join(root, 'src-main', 'app'));
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity/dist/runner.js');
const electronVersion = JSON.parse(
  readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

// Pre-seed the module cache so every `require('got')` inside Electronegativity gets the stub.
const fromRunner = createRequire(runnerPath);
for (const from of [runnerPath, fromRunner.resolve('./locales/i18n.js')]) {
  const gotPath = createRequire(from).resolve('got');
  const offline = () => Promise.reject(new Error('offline: network disabled by electronegativity-check'));
  offline.head = offline;
  require.cache[gotPath] = {
    id: gotPath,
    filename: gotPath,
    loaded: true,
    exports: Object.assign(offline, { default: offline }),
  };
}

// Its translations are looked up by $LANG; the bundled en-US ones are what we want.
process.env.LANG = 'en-US';
const run = fromRunner('./runner.js');

// The runner logs progress and the failed translation download; keep our output to one line.
const log = console.log;
const warn = console.warn;
console.log = () => {};
console.warn = () => {};
let result;
try {
  result = await run({
    input,
    customScan: [],
    // Needs the internet (Electron release feed); the Electron version is pinned by package.json.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
} finally {
  console.log = log;
  console.warn = warn;
}

const findings = result.issues.map((i) => ({
  id: i.id,
  severity: i.severity?.name ?? String(i.severity),
  confidence: i.confidence?.name ?? String(i.confidence),
  file: i.file === 'N/A' ? 'N/A' : relative(root, i.file),
  line: i.location?.line ?? 0,
  column: i.location?.column ?? 0,
  manualReview: Boolean(i.manualReview),
  description: i.description,
}));
const reportPath = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.json');
writeFileSync(
  reportPath,
  JSON.stringify({ input, electronVersion, errors: result.errors, findings }, null, 2),
);

// Read back what we wrote: the decision is made from the report file, like a CI step would.
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const high = report.findings.filter((f) => f.severity === 'HIGH');
const unparsed = report.errors.filter((e) => !e.tolerable);
for (const f of high) process.stderr.write(`HIGH ${f.id} ${f.file}:${f.line}:${f.column} ${f.description}\n`);
for (const e of unparsed) process.stderr.write(`could not parse ${relative(root, e.file)}: ${e.message}\n`);
const bySeverity = Object.entries(
  report.findings.reduce((acc, f) => ({ ...acc, [f.severity]: (acc[f.severity] ?? 0) + 1 }), {}),
).map(([s, n]) => `${n} ${s}`);
const ok = high.length === 0 && unparsed.length === 0;
log(
  `electronegativity: ${ok ? 'ok' : 'FAILED'} — ${relative(root, input) || '.'}: ` +
    `${bySeverity.length ? bySeverity.join(', ') : 'no findings'}` +
    `${unparsed.length ? `, ${unparsed.length} unparsable file(s)` : ''} (report ${reportPath})`,
);
process.exit(ok ? 0 : 1);
