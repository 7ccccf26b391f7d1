import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import {
  createAppProtocolHandler,
  CSP,
  registerAppScheme,
  resolveAppPath,
} from '../../src-main/app/protocol';
import { fakeElectron } from '../fixtures/electron-fake';

describe('app:// protocol', () => {
  let dir: string;
  let root: string;
  const get = (url: string) => createAppProtocolHandler(root, () => {})(new Request(url));

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-protocol-'));
    root = join(dir, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Packdesk</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    // A file beside the renderer folder that no URL may reach.
    writeFileSync(join(dir, 'secret.txt'), 'secret');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('registers app as a standard, secure, fetch-capable scheme', () => {
    const { protocol } = fakeElectron();
    registerAppScheme(protocol);
    expect(protocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('serves index.html with the strict Content-Security-Policy', async () => {
    const res = await get('app://packdesk/index.html');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toBe(CSP);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    expect(await res.text()).toMatch(/Packdesk/);
    expect((await get('app://packdesk/')).status).toBe(200);
  });

  it('serves assets and falls back to index.html for client-side routes only', async () => {
    const js = await get('app://packdesk/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect(await (await get('app://packdesk/orders/42')).text()).toMatch(/Packdesk/);
    expect((await get('app://packdesk/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://packdesk/%2E%2E%2Fsecret.txt',
    'app://packdesk/assets/..%2f..%2fsecret.txt',
    'app://packdesk/..%5csecret.txt',
    'app://packdesk/index.html%00.js',
    'app://packdesk/%E0%A4%A',
    'app://x/../../etc/passwd',
    'app://evil.example/index.html',
  ])('refuses %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(403);
    expect(await res.text()).not.toMatch(/secret|root:/);
  });

  it.each([
    'app://packdesk/../secret.txt',
    'app://packdesk/%2e%2e/secret.txt',
    'app://packdesk/../../etc/passwd',
    'app://packdesk/%2e%2e/%2e%2e/etc/passwd',
  ])('folds dot segments of %s inside the folder and never reads outside it', async (url) => {
    // The URL parser (like Chromium's) removes ../ and %2e%2e/ segments before we see the path.
    const resolved = resolveAppPath(root, url);
    expect('file' in resolved && resolved.file.startsWith(root + sep)).toBe(true);
    const res = await get(url);
    expect(await res.text()).not.toMatch(/secret|root:/);
  });
});
