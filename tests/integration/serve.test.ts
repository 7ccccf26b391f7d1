import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';

/** Starts `packdesk serve` as a real process and reads its announced URL from the first line. */
async function serve(
  args: string[],
  dbPath: string,
): Promise<{ proc: ChildProcess; first: string; lines: string[] }> {
  const proc = spawn(
    process.execPath,
    ['bin/packdesk.cjs', '--db', dbPath, 'serve', '--port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const rl = createInterface({ input: proc.stdout! });
  rl.on('line', (l) => lines.push(l));
  const [first] = (await once(rl, 'line')) as [string];
  await new Promise((r) => setTimeout(r, 50));
  return { proc, first, lines };
}

const call = (base: string, op: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(new URL(`/api/call/${op}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('packdesk serve', () => {
  let dir: string;
  const procs: ChildProcess[] = [];
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'packdesk-serve-'))));
  afterAll(async () => {
    for (const p of procs) {
      p.kill('SIGTERM');
      if (p.exitCode === null) await once(p, 'exit');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  test('on 127.0.0.1 answers the contract without a token and pushes events over WebSocket', async () => {
    const { proc, first } = await serve([], join(dir, 'local.db'));
    procs.push(proc);
    const url = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(first)?.[1];
    expect(url).toBeDefined();
    const ws = new WebSocket(new URL('/api/events', url).toString().replace('http', 'ws'));
    await once(ws, 'open');
    const got = once(ws, 'message');
    const saved = await (
      await call(url!, 'channels.save', { code: 'shop', kind: 'shopify', name: 'My shop' })
    ).json();
    expect(saved).toMatchObject({ ok: true, value: { code: 'shop' } });
    const [msg] = (await got) as [Buffer];
    expect(JSON.parse(msg.toString())).toEqual({ name: 'settings.changed', payload: { what: 'channels' } });
    ws.close();

    const invalid = await (
      await call(url!, 'channels.save', { code: '', kind: 'shopify', name: 'x' })
    ).json();
    expect(invalid).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: expect.arrayContaining([expect.objectContaining({ path: 'code' })]),
      },
    });
    const notJson = await fetch(new URL('/api/call/orders.list', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const form = await fetch(new URL('/api/call/orders.list', url), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  test('on 0.0.0.0 refuses API calls and events without the token (401) and accepts them with it', async () => {
    const { proc, first, lines } = await serve(['--host', '0.0.0.0'], join(dir, 'lan.db'));
    procs.push(proc);
    const port = /:(\d+)\/$/.exec(first)?.[1];
    const base = `http://127.0.0.1:${port}/`;
    const token = /token \(shown once[^)]*\): (\S+)/.exec(lines.join('\n'))?.[1];
    expect(token).toBeTruthy();

    expect((await call(base, 'orders.list', {})).status).toBe(401);
    expect((await call(base, 'orders.list', {}, { authorization: 'Bearer wrong-token' })).status).toBe(401);
    const okRes = await call(base, 'orders.list', {}, { authorization: `Bearer ${token}` });
    expect(okRes.status).toBe(200);
    expect(await okRes.json()).toEqual({ ok: true, value: { rows: [] } });

    const refused = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
    const [err] = (await once(refused, 'error')) as [Error];
    expect(err.message).toMatch(/401/);
    const allowed = new WebSocket(`ws://127.0.0.1:${port}/api/events?token=${token}`);
    await once(allowed, 'open');
    allowed.close();
    // The app shell itself is public; only the API is guarded.
    expect((await fetch(base)).status).not.toBe(401);
  });
});
