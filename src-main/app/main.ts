// The Electron main process: thin by design. It owns windows, the app:// protocol and the IPC
// gate; all database work happens in the core utility process (core-process.ts).
import { app, BrowserWindow, ipcMain, protocol, safeStorage, session, utilityProcess } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { PushEvent } from '../../src-shared/contract';
import { createCoreHost, type CoreHost } from './core-host';
import { registerIpc } from './ipc';
import { APP_SCHEME, IPC, isAppUrl } from './ipc-channels';
import { appRootFor, dbPathFor, rendererRootFor } from './paths';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { answerSecretRequest } from './safe-storage';
import { openPrintWindow, PRINT_PARTITION } from './print-window';
import { denyAllPermissions, hardenWebContents } from './security';
import { createSystemPrinterHost } from './system-printers';
import { createMainWindow } from './window';

// Both must happen before 'ready': privileges and the sandbox cannot be granted afterwards.
registerAppScheme(protocol);
app.enableSandbox();
// Same folder as the CLI's default (adapters/db/location.ts), whatever package.json calls us.
app.setPath('userData', join(app.getPath('appData'), 'Packdesk'));

const actorName = (): string => {
  try {
    return `desktop:${userInfo().username}`;
  } catch {
    return 'desktop';
  }
};

/** Push events go only to windows showing our own pages. */
function broadcast(event: PushEvent): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (win.isDestroyed() || !isAppUrl(win.webContents.getURL())) continue;
    win.webContents.send(IPC.event, event);
  }
}

function boot(): void {
  let mainWindow: BrowserWindow | null = null;
  let core: CoreHost | null = null;
  let quitting = false;

  const openWindow = (): void => {
    mainWindow = createMainWindow({
      preload: join(__dirname, 'preload.cjs'),
      locales: app.getPreferredSystemLanguages(),
      devTools: !app.isPackaged,
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.whenReady().then(
    () => {
      const appRoot = appRootFor(app);
      const dbPath = dbPathFor(app);
      process.env.PACKDESK_APP_ROOT = appRoot;
      denyAllPermissions(session.defaultSession);
      denyAllPermissions(session.fromPartition(PRINT_PARTITION));
      const printers = createSystemPrinterHost({ openWindow: openPrintWindow });
      protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererRootFor(app)));
      core = createCoreHost({
        spawn: () =>
          utilityProcess.fork(join(__dirname, 'core-process.cjs'), [], {
            serviceName: 'Packdesk database',
            env: { ...process.env, PACKDESK_APP_ROOT: appRoot, PACKDESK_DB: dbPath },
            stdio: 'inherit',
          }),
        onEvent: broadcast,
        // Channel credentials: encrypted here with the OS keychain, refused on a plain-text backend.
        onSecretRequest: (request) => answerSecretRequest(safeStorage, request),
        // System printers: listed and printed on silently from a hidden window (system-printers.ts).
        onPrinterRequest: (request) => printers.answer(request),
      });
      registerIpc(ipcMain, core, actorName());
      openWindow();
      app.on('activate', () => {
        if (!mainWindow) openWindow();
      });
    },
    (e: unknown) => {
      console.error('[packdesk] could not start:', e);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Give the core a moment to close SQLite cleanly (WAL checkpoint) before the process ends.
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    event.preventDefault();
    quitting = true;
    void core.stop().finally(() => app.quit());
  });
}

if (app.requestSingleInstanceLock()) boot();
else app.quit();
