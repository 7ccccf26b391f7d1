// Runs sandboxed in the window before the page: it can only require 'electron' (this file is
// bundled), so nothing else is imported at runtime. Only the narrow bridge is exposed;
// ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, readLocales } from './preload-bridge';

// Module scope `navigator` exists in the preload's renderer world; guard for tests.
const languages = typeof navigator === 'undefined' ? undefined : navigator.languages;
contextBridge.exposeInMainWorld('packdesk', createBridge(ipcRenderer, readLocales(process.argv, languages)));
