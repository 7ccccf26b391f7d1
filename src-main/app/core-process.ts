// Entry of the utility process started by main (utilityProcess.fork). Deliberately free of
// electron imports: it only needs Node, better-sqlite3 and process.parentPort.
import { defaultDbPath } from '../adapters/db/location';
import { createCore } from '../compose';
import { serveCore, type ParentPortLike } from './core-server';

const port = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

if (!port) {
  process.stderr.write('core-process: start me with Electron utilityProcess.fork (process.parentPort is missing)\n');
  process.exitCode = 2;
} else {
  // Main resolves the path (userData or $PACKDESK_DB) and passes it in PACKDESK_DB.
  serveCore(port, () => createCore({ dbPath: defaultDbPath() }), (code) => process.exit(code));
}
