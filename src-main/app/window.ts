import { BrowserWindow } from 'electron';
import { APP_START_URL, LOCALES_ARG } from './ipc-channels';
import { hardenWebContents } from './security';

export interface MainWindowOptions {
  preload: string;
  locales: readonly string[];
  /** DevTools stay available in development only. */
  devTools: boolean;
}

/**
 * Every security-relevant preference is spelled out even where it is Electron's default, so a
 * future default change or a careless edit shows up in review. The options stay literal inside
 * `new BrowserWindow(…)` because that is the shape Electronegativity's checks can read.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Packdesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: opts.devTools,
      // A sandboxed preload cannot ask main synchronously; the OS languages travel in argv.
      additionalArguments: [LOCALES_ARG + opts.locales.join(',')],
    },
  });
  hardenWebContents(win.webContents);
  // Shown once painted, so the user never sees a blank white frame.
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
