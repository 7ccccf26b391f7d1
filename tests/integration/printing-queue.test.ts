import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/compose';
import { value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, freePort, until, type FakePrinter } from '../fixtures/tcp-printer';

const FAST = {
  rawTcp: { connectTimeoutMs: 1_000, closeGraceMs: 300, statusTimeoutMs: 300 },
  backoff: { baseMs: 100, maxMs: 400 },
};

describe('print queue over raw TCP 9100', () => {
  let dir: string;
  let core: Core;
  let orders: number[];
  const servers: FakePrinter[] = [];

  const addPrinter = (name: string, port: number, extra: Record<string, unknown> = {}) =>
    value(
      core.call('printing.printers.save', {
        name,
        kind: 'raw_tcp',
        language: 'zpl',
        host: '127.0.0.1',
        port,
        ...extra,
      }),
    );
  const job = (id: number) => core.printQueue.job(id)!;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-print-'));
    core = createCore({ dbPath: join(dir, 'p.db'), validateOutput: true, printing: FAST });
    aChannel(core);
    orders = seedOrders(core, [
      anOrder({ recipientName: '王小明' }),
      anOrder(),
      anOrder({ paymentMethod: 'cod' }),
    ]);
    core.ctx.sqlite
      .prepare("update orders set carrier = 'zto', tracking_number = '73100000000001' where id = ?")
      .run(orders[0]);
  });
  afterEach(async () => {
    core.close();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints a label once; asking again returns the same job; a reprint needs a reason and sends the same bytes', async () => {
    const zebra = await fakePrinter();
    servers.push(zebra);
    await addPrinter('Zebra 1', zebra.port, { defaultFor: 'label' });
    core.printQueue.start();
    const first = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0]] }, { actor: 'clerk' }),
    );
    expect(first.created).toBe(1);
    await until(() => job(first.jobs[0].id).status === 'done');
    expect(zebra.jobs).toHaveLength(1);
    const zpl = zebra.jobs[0]!.toString('utf8');
    expect(zpl).toMatch(/^\^XA\^CI28\^PW800\^LL1200/);
    expect(zpl).toContain('^FD73100000000001^FS');

    const again = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0]] }, { actor: 'clerk' }),
    );
    expect(again).toMatchObject({ created: 0, jobs: [{ id: first.jobs[0].id, status: 'done' }] });
    await core.printQueue.drain();
    expect(zebra.jobs).toHaveLength(1);

    const noReason = await core.call('printing.reprint', { jobId: first.jobs[0].id, reason: ' ' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const re = await value(
      core.call('printing.reprint', { jobId: first.jobs[0].id, reason: 'label torn' }, { actor: 'lead' }),
    );
    expect(re).toMatchObject({ reprintOf: first.jobs[0].id, reprintReason: 'label torn', actor: 'lead' });
    await until(() => job(re.id).status === 'done');
    expect(zebra.jobs).toHaveLength(2);
    expect(zebra.jobs[1]!.equals(zebra.jobs[0]!)).toBe(true);

    const missing = await core.call('printing.print', { document: 'label', orderIds: [orders[1], 999_999] });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'Nothing was queued: order 999999 does not exist' },
    });
    expect((await value(core.call('printing.jobs.list', {}))).rows).toHaveLength(2);

    const history = await value(core.call('printing.jobs.list', { orderId: orders[0] }));
    expect(history.rows.map((r: any) => [r.status, r.reprintReason])).toEqual([
      ['done', 'label torn'],
      ['done', null],
    ]);
  });

  it('refuses a default that cannot print its role (a ZPL printer for A4 documents), naming the field', async () => {
    const r = await core.call('printing.printers.save', {
      name: 'Xprinter',
      kind: 'raw_tcp',
      language: 'tspl',
      host: '127.0.0.1',
      port: 9100,
      defaultFor: 'document',
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', issues: [{ path: 'defaultFor', message: 'needs a pdf printer' }] },
    });
    expect(await value(core.call('printing.printers.list', {}))).toMatchObject({ rows: [] });
    // The same printer is fine for labels, and an ESC/POS one for receipts.
    expect((await addPrinter('Xprinter', 9100, { language: 'tspl', defaultFor: 'label' })).defaultFor).toBe(
      'label',
    );
    expect(
      (await addPrinter('Receipt', 9101, { language: 'escpos', defaultFor: 'receipt' })).defaultFor,
    ).toBe('receipt');
  });

  it('retries with backoff while the printer refuses connections, then prints once it is on', async () => {
    const port = await freePort();
    const p = await addPrinter('Zebra off', port);
    core.printQueue.start();
    const { jobs } = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[1]], printerId: p.id }),
    );
    await until(() => job(jobs[0].id).attempts >= 1 && job(jobs[0].id).status === 'queued');
    const waiting = job(jobs[0].id);
    expect(waiting.lastError).toBe(
      `printer "Zebra off" at 127.0.0.1:${port} is off or unreachable (connection refused); switch it on or check its address`,
    );
    expect(waiting.nextRunAt).toBeGreaterThan(Date.now() - 50);
    expect(waiting.lastFault).toBe('unreachable');
    const zebra = await fakePrinter({ port });
    servers.push(zebra);
    await until(() => job(jobs[0].id).status === 'done');
    expect(job(jobs[0].id).attempts).toBeGreaterThanOrEqual(2);
    expect(zebra.jobs).toHaveLength(1);
  });

  it('gives up after the last attempt with the reason, and a person can retry it', async () => {
    const port = await freePort();
    const p = await addPrinter('Zebra gone', port);
    core.ctx.sqlite.prepare('update print_jobs set max_attempts = 2').run();
    core.printQueue.start();
    const { jobs } = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[1]], printerId: p.id }),
    );
    core.ctx.sqlite.prepare('update print_jobs set max_attempts = 2 where id = ?').run(jobs[0].id);
    await until(() => job(jobs[0].id).status === 'failed');
    expect(job(jobs[0].id).lastError).toMatch(
      /is off or unreachable \(connection refused\).*gave up after 2 attempts/,
    );
    const zebra = await fakePrinter({ port });
    servers.push(zebra);
    await value(core.call('printing.jobs.retry', { jobId: jobs[0].id }));
    await until(() => job(jobs[0].id).status === 'done');
    expect(zebra.jobs).toHaveLength(1);
  });

  it('a printer that closes mid-job fails the job as "may have printed" and never resends it by itself', async () => {
    const bad = await fakePrinter({
      onData: (socket, _chunk, received) => {
        if (received.length > 0) socket.destroy();
      },
    });
    servers.push(bad);
    const p = await addPrinter('Flaky', bad.port);
    const { jobs } = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[2]], printerId: p.id }),
    );
    // A big job, so the printer hangs up while bytes are still flowing.
    core.ctx.sqlite
      .prepare('update print_jobs set payload = ? where id = ?')
      .run(Buffer.alloc(16 * 1024 * 1024, 0x41), jobs[0].id);
    core.printQueue.start();
    await until(() => job(jobs[0].id).status === 'failed');
    expect(job(jobs[0].id).lastError).toMatch(
      /^printer "Flaky" at 127\.0\.0\.1:\d+ closed the connection (in the middle of the job|before taking the whole job)/,
    );
    expect(job(jobs[0].id).attempts).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(job(jobs[0].id).attempts).toBe(1);
    expect(bad.connections).toBe(1);
  });

  it('after a crash: a job that never started sending is printed, one that was sending waits for a person', async () => {
    const zebra = await fakePrinter();
    servers.push(zebra);
    const p = await addPrinter('Zebra 2', zebra.port);
    const { jobs } = await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0], orders[1]], printerId: p.id }),
    );
    // Simulate a crash mid-queue: both were 'printing'; only the second had started sending.
    core.ctx.sqlite.prepare("update print_jobs set status = 'printing', attempts = 1").run();
    core.ctx.sqlite
      .prepare('update print_jobs set send_started_at = ? where id = ?')
      .run(Date.now(), jobs[1].id);
    const restarted = core.printQueue.start();
    expect(restarted).toEqual({ requeued: [jobs[0].id], uncertain: [jobs[1].id] });
    await until(() => job(jobs[0].id).status === 'done');
    expect(job(jobs[1].id)).toMatchObject({ status: 'failed' });
    expect(job(jobs[1].id).lastError).toContain('it may or may not have printed');
    expect(job(jobs[1].id).lastFault).toBe('interrupted');
    expect(zebra.jobs).toHaveLength(1);
  });

  it('ESC/POS: reports paper out from DLE EOT 4, keeps the job, prints when paper is back', async () => {
    let paper = 0x7e; // roll sensor: paper out
    const receipt = await fakePrinter({
      onData: (socket, chunk) => {
        if (chunk.length === 3 && chunk[0] === 0x10 && chunk[1] === 0x04)
          socket.write(Buffer.from([chunk[2] === 4 ? paper : 0x12]));
      },
    });
    servers.push(receipt);
    const p = await value(
      core.call('printing.printers.save', {
        name: 'Xprinter',
        kind: 'raw_tcp',
        language: 'escpos',
        host: '127.0.0.1',
        port: receipt.port,
        defaultFor: 'receipt',
      }),
    );
    core.printQueue.start();
    const { jobs } = await value(
      core.call('printing.print', { document: 'sales_receipt', orderIds: [orders[2]] }),
    );
    await until(() => job(jobs[0].id).lastError !== null);
    expect(job(jobs[0].id)).toMatchObject({
      status: 'queued',
      lastError: `printer "Xprinter" at 127.0.0.1:${receipt.port} is out of paper; load a new roll and the job will print`,
    });
    expect(job(jobs[0].id).lastFault).toBe('paper_out');
    paper = 0x12;
    await until(() => job(jobs[0].id).status === 'done');
    const bytes = receipt.jobs.at(-1)!;
    expect(bytes.subarray(0, 6)).toEqual(Buffer.from([0x10, 0x04, 0x04, 0x10, 0x04, 0x02]));
    expect(bytes.includes(Buffer.from([0x1d, 0x56, 66, 3]))).toBe(true);
    expect(p.defaultFor).toBe('receipt');
  });

  it('test print sends a test page in the printer language; system printers say they need the desktop app', async () => {
    const zebra = await fakePrinter();
    servers.push(zebra);
    const z = await addPrinter('Zebra T', zebra.port);
    const sys = await value(
      core.call('printing.printers.save', {
        name: 'Office laser',
        kind: 'system',
        language: 'pdf',
        deviceName: 'HP',
        defaultFor: 'document',
      }),
    );
    core.printQueue.start();
    const t1 = await value(core.call('printing.printers.test', { id: z.id }));
    const t2 = await value(core.call('printing.printers.test', { id: sys.id }));
    await until(() => job(t1.id).status === 'done' && job(t2.id).status === 'failed');
    expect(zebra.jobs[0]!.toString()).toContain('^FDPACKDESK-TEST^FS');
    expect(job(t2.id).lastError).toContain(
      'System printers are only reachable from the Packdesk desktop app',
    );
    expect(await value(core.call('printing.system.list', {}))).toEqual({ available: false, printers: [] });
  });

  it('rejects a network printer without a host and a language its kind cannot speak, changing nothing', async () => {
    const r1 = await core.call('printing.printers.save', { name: 'x', kind: 'raw_tcp', language: 'zpl' });
    expect(r1).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'host: a network printer needs its IP address or host name' },
    });
    const r2 = await core.call('printing.printers.save', {
      name: 'y',
      kind: 'raw_tcp',
      language: 'pdf',
      host: '127.0.0.1',
    });
    expect(r2).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await value(core.call('printing.printers.list', {}))).rows).toEqual([]);
  });
});
