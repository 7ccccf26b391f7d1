#!/usr/bin/env node
'use strict';
// The packdesk command: runs the bundled CLI (built by `npm install` through the prepare script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'main', 'cli.cjs');
if (!existsSync(cli)) {
  process.stderr.write(
    'packdesk: the CLI is not built yet. Run `npm run build` in ' + join(__dirname, '..') + '\n',
  );
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
