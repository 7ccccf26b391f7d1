import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// A cheap, always-on guard next to Electronegativity: greps the Electron host for settings and
// calls that must never appear, whatever a refactor does to the code around them.
const APP_DIR = join(__dirname, '..', '..', 'src-main', 'app');

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'nodeIntegration: true', pattern: /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/ },
  { name: 'contextIsolation: false', pattern: /contextIsolation\s*:\s*false/ },
  { name: 'sandbox: false', pattern: /sandbox\s*:\s*false/ },
  { name: 'webSecurity: false', pattern: /webSecurity\s*:\s*false/ },
  { name: 'allowRunningInsecureContent', pattern: /allowRunningInsecureContent/ },
  { name: 'webviewTag: true', pattern: /webviewTag\s*:\s*true/ },
  { name: 'experimentalFeatures: true', pattern: /experimentalFeatures\s*:\s*true/ },
  { name: 'enableBlinkFeatures', pattern: /enableBlinkFeatures/ },
  {
    name: 'exposeInMainWorld(…, ipcRenderer) or an object holding it',
    pattern: /exposeInMainWorld\(\s*[^,]+,\s*(ipcRenderer\s*\)|\{[^}]*\bipcRenderer\s*[,}])/,
  },
  {
    name: 'a raw ipcRenderer method handed to the page',
    pattern: /:\s*ipcRenderer\.(invoke|send|sendSync|on|postMessage)\s*[,}]/,
  },
  {
    name: 'shell.openExternal with a non-literal URL',
    pattern: /openExternal\(\s*(?!['"])|openExternal\(\s*`[^`]*\$\{/,
  },
  { name: 'file:// pages', pattern: /loadFile\(|loadURL\(\s*['"`]file:/ },
  { name: 'eval or new Function', pattern: /\beval\(|new Function\(/ },
  {
    name: 'certificate errors ignored',
    pattern: /certificate-error|setCertificateVerifyProc|ignore-certificate-errors/,
  },
];

function violations(source: string): string[] {
  return FORBIDDEN.filter(({ pattern }) => pattern.test(source)).map(({ name }) => name);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(ts|cts|mts|js|cjs)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('static security check of src-main/app', () => {
  const files = sourceFiles(APP_DIR);

  it('finds the host files', () => {
    expect(files.map((f) => relative(APP_DIR, f))).toEqual(
      expect.arrayContaining(['main.ts', 'preload.ts', 'window.ts', 'ipc.ts']),
    );
  });

  it.each(files.map((f) => [relative(APP_DIR, f), f]))('%s has no forbidden pattern', (_name, file) => {
    expect(violations(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('keeps the core process and its relay free of electron', () => {
    for (const name of [
      'core-process.ts',
      'core-server.ts',
      'core-messages.ts',
      'core-host.ts',
      'printer-messages.ts',
      'system-printers.relay.ts',
    ]) {
      expect(readFileSync(join(APP_DIR, name), 'utf8'), name).not.toMatch(
        /from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/,
      );
    }
  });

  it('loads a file:// URL in one place only: the hidden print window’s temp PDF', () => {
    // Chromium's PDF viewer loads neither custom schemes nor data: URLs over 2 MB (see
    // system-printers.ts); every other window shows our app:// bundle only.
    const users = files.filter((f) =>
      /pathToFileURL|file:\/\//.test(readFileSync(f, 'utf8').replace(/^\s*(\*|\/\/).*$/gm, '')),
    );
    expect(users.map((f) => relative(APP_DIR, f))).toEqual(['system-printers.ts']);
  });

  it('bites: every pattern catches its insecure example', () => {
    const insecure = [
      `new BrowserWindow({ webPreferences: { nodeIntegration: true } })`,
      `webPreferences: { contextIsolation: false }`,
      `{ sandbox: false }`,
      `{ webSecurity: false }`,
      `{ allowRunningInsecureContent: true }`,
      `{ webviewTag: true }`,
      `{ experimentalFeatures: true }`,
      `{ enableBlinkFeatures: 'x' }`,
      `contextBridge.exposeInMainWorld('ipc', ipcRenderer)`,
      `contextBridge.exposeInMainWorld('api', { ipcRenderer })`,
      `contextBridge.exposeInMainWorld('api', { invoke: ipcRenderer.invoke })`,
      `shell.openExternal(url)`,
      'shell.openExternal(`https://x/${id}`)',
      `win.loadFile('index.html')`,
      `eval(code)`,
      `app.on('certificate-error', allow)`,
    ];
    for (const snippet of insecure) expect(violations(snippet), snippet).not.toEqual([]);
    expect(
      violations(`contextBridge.exposeInMainWorld('packdesk', createBridge(ipcRenderer, locales))`),
    ).toEqual([]);
    expect(violations(`shell.openExternal('https://packdesk.example/help')`)).toEqual([]);
  });
});
