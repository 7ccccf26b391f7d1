import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src-main/server/http-server';
import { aCore } from '../fixtures/core';

/** Sends a raw request target, as a misbehaving client on the LAN could. */
const raw = (port: number, path: string, method = 'GET'): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path, method, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', reject);
    req.end(method === 'POST' ? '{}' : undefined);
  });

describe('packdesk serve survives malformed request targets', () => {
  let core: ReturnType<typeof aCore>;
  let server: RunningServer;
  beforeEach(async () => {
    core = aCore();
    server = await startServer({
      core,
      host: '127.0.0.1',
      port: 0,
      staticDir: core.dir,
      requireToken: false,
    });
  });
  afterEach(async () => {
    await server.close();
    core.dispose();
  });

  it('answers 400/404 to "//" and a bad percent-escape instead of crashing', async () => {
    expect(await raw(server.port, '//')).toBe(400);
    expect(await raw(server.port, '/api/call/%E0%A4%A', 'POST')).toBe(404);
    expect(await raw(server.port, '/api/health')).toBe(200);
  });
});
