import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './ipc-channels';

/**
 * Policy for every app:// response. Same rules as the one vite writes into index.html:
 * our own files only, no eval or inline script, no remote hosts, no plugins, no framing.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Must run before `app` is ready: privileges cannot be granted later. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export type Resolved = { file: string } | { refuse: 403 | 404; why: string };

/**
 * Maps an app:// URL to a file strictly inside `root`. Percent-decoding happens before the
 * containment check, so `%2e%2e%2f` cannot climb out; the URL parser already folds plain `../`.
 */
export function resolveAppPath(root: string, url: string): Resolved {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { refuse: 403, why: 'unparsable URL' };
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return { refuse: 403, why: 'foreign origin' };
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return { refuse: 403, why: 'bad percent-encoding' };
  }
  if (path.includes('\0')) return { refuse: 403, why: 'NUL byte' };
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const file = resolve(join(base, path));
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel))
    return { refuse: 403, why: 'outside the app folder' };
  return { file };
}

const refusal = (status: 403 | 404, text: string): Response =>
  new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CSP },
  });

/**
 * The app:// handler: serves the built renderer from `root`. Unknown extension-less paths get
 * index.html so client-side routes survive a reload; missing assets are a plain 404.
 */
export function createAppProtocolHandler(root: string, log: (m: string) => void = console.warn) {
  return async (request: Request): Promise<Response> => {
    const resolved = resolveAppPath(root, request.url);
    if ('refuse' in resolved) {
      log(`[packdesk] app:// refused ${request.url}: ${resolved.why}`);
      return refusal(resolved.refuse, 'Forbidden');
    }
    let file = resolved.file;
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) {
      if (extname(file) !== '') return refusal(404, 'Not found');
      file = join(resolve(root), 'index.html');
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return refusal(404, `The user interface is not built: run \`npm run build\` (looked in ${root}).`);
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-cache',
      },
    });
  };
}
