// Forked by import-kill.test.ts: imports one file (parsed in the import worker or in-thread), reporting each
// committed page, until it is done or killed.
import { readFileSync } from 'node:fs';
import { createCore } from '../../src-main/compose';
import { importFile } from '../../src-main/modules/intake';

const [dbPath, file, parse] = process.argv.slice(2) as [string, string, 'worker' | 'in-thread'];

async function main(): Promise<void> {
  const core = createCore({ dbPath });
  process.send?.({ started: true });
  const r = await importFile(core.ctx, {
    fileName: 'orders.csv',
    bytes: readFileSync(file),
    format: 'auto',
    actor: 'test',
    pageSize: 1500,
    worker: parse === 'worker',
    // Sent only after the page's transaction committed: an acknowledgement the test may rely on.
    onPage: (p) => process.send?.({ done: p.done }),
  });
  process.send?.({ result: r });
  core.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
