import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { UPLOAD_CHUNK_BYTES } from '../../src-shared/contract/intake.contract';
import { shopifyExport } from '../fixtures/shopify-gen';

/** The browser path end to end: a real `packdesk serve` on 127.0.0.1, chunks over HTTP, then the import. */
describe('import over HTTP (packdesk serve)', () => {
  let dir: string;
  let proc: ChildProcess;
  let base: string;
  beforeAll(async () => {
    if (!existsSync('dist/main/cli.cjs'))
      spawnSync(process.execPath, ['build/build-main.mjs'], { stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'packdesk-import-http-'));
    proc = spawn(process.execPath, ['bin/packdesk.cjs', '--db', join(dir, 'h.db'), 'serve', '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const rl = createInterface({ input: proc.stdout! });
    const [first] = (await once(rl, 'line')) as [string];
    base = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(first)![1]!;
  });
  afterAll(async () => {
    proc.kill('SIGTERM');
    if (proc.exitCode === null) await once(proc, 'exit');
    rmSync(dir, { recursive: true, force: true });
  });

  const call = async (op: string, input: unknown) =>
    (
      await fetch(new URL(`/api/call/${op}`, base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      })
    ).json();

  test('a 2.5 MiB Shopify export uploaded in 1 MiB chunks imports once; the same upload again changes nothing', async () => {
    const bytes = Buffer.from(shopifyExport(6000, { seed: 2 }));
    expect(bytes.length).toBeGreaterThan(2 * UPLOAD_CHUNK_BYTES);
    const send = async (uploadId: string) => {
      for (let seq = 0; seq * UPLOAD_CHUNK_BYTES < bytes.length; seq++) {
        const chunk = bytes
          .subarray(seq * UPLOAD_CHUNK_BYTES, (seq + 1) * UPLOAD_CHUNK_BYTES)
          .toString('base64');
        expect(
          await call('intake.upload', { uploadId, seq, fileName: 'orders_export.csv', chunkBase64: chunk }),
        ).toMatchObject({ ok: true });
      }
      return call('intake.import', { uploadId });
    };
    expect(await send('http-upload-1')).toMatchObject({
      ok: true,
      value: { imported: 6000, updated: 0, unchanged: 0, rejected: [], format: 'shopify' },
    });
    expect(await send('http-upload-2')).toMatchObject({ ok: true, value: { imported: 0, unchanged: 6000 } });
    const runs = await call('intake.runs', {});
    expect(
      runs.value.rows.map((r: { status: string; doneOrders: number }) => [r.status, r.doneOrders]),
    ).toEqual([
      ['done', 6000],
      ['done', 6000],
    ]);
    expect((await call('orders.count', {})).value.total).toBe(6000);
  });

  test('a damaged file is refused with file, row and column, and an unknown upload is not_found', async () => {
    const bad = readFileSync('tests/fixtures/files/packdesk-template.csv').subarray(0, 260); // header + part of row 2
    await call('intake.upload', {
      uploadId: 'http-bad-0001',
      seq: 0,
      fileName: 'cut.csv',
      chunkBase64: bad.toString('base64'),
    });
    expect(await call('intake.import', { uploadId: 'http-bad-0001' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^cut\.csv: row \d+/) },
    });
    expect(await call('intake.import', { uploadId: 'never-uploaded' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
