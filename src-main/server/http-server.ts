import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { HTTP } from '../../src-shared/contract/bridge';
import type { Result } from '../../src-shared/result';
import type { Core } from '../compose';
import { verifyLanToken } from '../modules/auth';
import { serveStatic } from './static-files';

export interface ServerOptions {
  core: Core;
  host: string;
  port: number;
  staticDir: string;
  /** Required on every API call and event stream when serving beyond this machine. */
  requireToken: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
export const isLoopback = (host: string): boolean => LOOPBACK.has(host);

function sendJson(res: ServerResponse, status: number, body: Result<unknown> | object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

const failure = (code: string, message: string) => ({ ok: false, error: { code, message } });

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error(`request body is larger than ${MAX_BODY / 1024 / 1024} MiB`));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function tokenOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers[HTTP.tokenHeader];
  if (typeof header === 'string' && header.startsWith('Bearer ')) return header.slice(7).trim();
  return url.searchParams.get(HTTP.tokenQuery);
}

/** The request's URL; null for a target that is not one (e.g. "//"), which must not crash the server. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? '/', 'http://local');
  } catch {
    return null;
  }
}

/**
 * Serves the contract over HTTP and WebSocket plus the built renderer. On loopback the Host header
 * must name this machine (no DNS rebinding); on a LAN address every API request carries a token.
 */
export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const { core } = opts;
  let boundPort = opts.port;
  const allowed = (req: IncomingMessage, url: URL): 'ok' | 'host' | 'token' => {
    if (opts.requireToken) return verifyLanToken(core.ctx, tokenOf(req, url)) ? 'ok' : 'token';
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    return isLoopback(host) ? 'ok' : 'host';
  };

  const server = createServer((req, res) => {
    const url = requestUrl(req);
    if (!url) return sendJson(res, 400, failure('invalid_input', 'That is not a valid request address'));
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD')
        return sendJson(res, 405, failure('invalid_input', 'Only GET here'));
      return serveStatic(opts.staticDir, url.pathname, res);
    }
    if (url.pathname === '/api/health') return sendJson(res, 200, { ok: true, value: { status: 'up' } });
    const access = allowed(req, url);
    if (access === 'token')
      return sendJson(res, 401, failure('unauthorized', 'This Packdesk server needs its access token'));
    if (access === 'host')
      return sendJson(
        res,
        403,
        failure('forbidden', 'Requests must address this machine by 127.0.0.1 or localhost'),
      );
    const m = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
    if (!m || req.method !== 'POST')
      return sendJson(res, 404, failure('unknown_operation', `No API at ${req.method} ${url.pathname}`));
    // A JSON content type forces a CORS preflight, which we never grant: other web pages cannot call us.
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, failure('invalid_input', 'Send the input as application/json'));
    }
    void (async () => {
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() ? JSON.parse(body) : {};
      } catch (e) {
        return sendJson(
          res,
          400,
          failure('invalid_input', `The request body is not valid JSON: ${(e as Error).message}`),
        );
      }
      const actor = opts.requireToken ? `lan:${req.socket.remoteAddress ?? '?'}` : 'local';
      let name: string;
      try {
        name = decodeURIComponent(m[1] ?? '');
      } catch {
        return sendJson(res, 404, failure('unknown_operation', `No API at ${url.pathname}`));
      }
      const result = await core.call(name, input, { actor });
      sendJson(res, 200, result);
    })();
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = requestUrl(req);
    if (!url || url.pathname !== HTTP.eventsPath || allowed(req, url) !== 'ok') {
      socket.write('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = core.subscribe((event) => ws.send(JSON.stringify(event)));
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      boundPort = (server.address() as AddressInfo).port;
      const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolveStart({
        url: `http://${shownHost}:${boundPort}/`,
        port: boundPort,
        close: () =>
          new Promise((done) => {
            for (const client of wss.clients) client.terminate();
            wss.close();
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
