import { BrowserWindow } from 'electron';
import { hardenWebContents } from './security';

/** The in-memory session the print windows share: no cookies, cache or storage of the app's. */
export const PRINT_PARTITION = 'packdesk-print';

/**
 * A hidden window that only ever shows one PDF for a silent print (system-printers.ts). Same
 * locked-down preferences as the main window, minus the preload, plus `plugins` (Chromium's
 * PDF viewer is a plugin). The options stay literal so Electronegativity can read them.
 */
export function openPrintWindow(): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: 800,
    height: 1100,
    // Hidden windows must still render, or the PDF prints blank.
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition: PRINT_PARTITION,
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
      devTools: false,
      plugins: true,
    },
  });
  hardenWebContents(win.webContents);
  return win;
}
