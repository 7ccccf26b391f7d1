// Entry of the utility process started by main (utilityProcess.fork). Deliberately free of
// electron imports: it only needs Node, better-sqlite3 and process.parentPort.
import { defaultDbPath } from '../adapters/db/location';
import { createCore } from '../compose';
import { serveCore, type ParentPortLike } from './core-server';
import { isPrinterReplyMessage } from './printer-messages';
import { isSecretReplyMessage } from './secret-messages';
import { createRelayedSecretStore } from './secret-store.relay';
import { createRelayedSystemPrinters } from './system-printers.relay';

const port = (process as NodeJS.Process & { parentPort?: ParentPortLike }).parentPort;

if (!port) {
  process.stderr.write(
    'core-process: start me with Electron utilityProcess.fork (process.parentPort is missing)\n',
  );
  process.exitCode = 2;
} else {
  // Main resolves the path (userData or $PACKDESK_DB) and passes it in PACKDESK_DB.
  // Credentials are encrypted by safeStorage in main; the core reaches it through the parent port.
  const secrets = createRelayedSecretStore((m) => port.postMessage(m));
  // The OS printers are listed and printed on by main, which owns the webContents.
  const systemPrinters = createRelayedSystemPrinters((m) => port.postMessage(m));
  serveCore(
    port,
    () => {
      const core = createCore({ dbPath: defaultDbPath(), sync: { secrets }, printing: { systemPrinters } });
      // A long-running host: the print queue and channel sync run here (never in one-shot CLI commands).
      core.startBackgroundWork();
      return core;
    },
    (code) => process.exit(code),
    (data) => {
      if (isSecretReplyMessage(data)) secrets.receive(data.secretReply);
      else if (isPrinterReplyMessage(data)) systemPrinters.receive(data.printerReply);
    },
  );
}
