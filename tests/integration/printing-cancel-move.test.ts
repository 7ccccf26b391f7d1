import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../src-main/compose';
import { value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, freePort, until, type FakePrinter } from '../fixtures/tcp-printer';

// The label printer is off for the day: a clerk cancels its waiting jobs or moves them to another
// printer. Real fake printers on 127.0.0.1 count what reaches them.
const FAST = {
  rawTcp: { connectTimeoutMs: 1_000, closeGraceMs: 200, statusTimeoutMs: 300 },
  // A failed attempt waits a minute: long enough to be seen waiting for its retry.
  backoff: { baseMs: 60_000, maxMs: 60_000 },
};

describe('cancelling and moving waiting print jobs', () => {
  let dir: string;
  let core: Core;
  let orders: number[];
  const servers: FakePrinter[] = [];
  const open = (printing = FAST) =>
    (core = createCore({ dbPath: join(dir, 'p.db'), validateOutput: true, printing }));
  const job = (id: number) => core.printQueue.job(id)!;
  const addPrinter = async (name: string, port: number, extra: Record<string, unknown> = {}) =>
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
  const label = async (orderId: number, printerId: number) =>
    (await value(core.call('printing.print', { document: 'label', orderIds: [orderId], printerId })))
      .jobs[0]!;
  const printer = async (opts: Parameters<typeof fakePrinter>[0] = {}) => {
    const p = await fakePrinter(opts);
    servers.push(p);
    return p;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-cancel-'));
    open();
    aChannel(core);
    orders = seedOrders(core, [anOrder(), anOrder(), anOrder(), anOrder()]);
  });
  afterEach(async () => {
    core.close();
    await Promise.all(servers.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a cancelled job never reaches the printer, also not after a restart; it keeps who and why and can be reprinted', async () => {
    const port = await freePort(); // the Zebra is switched off: nothing listens
    const z = await addPrinter('Zebra', port);
    core.printQueue.start();
    const waiting = await label(orders[0]!, z.id);
    await until(() => job(waiting.id).lastFault === 'unreachable');
    expect(job(waiting.id)).toMatchObject({ status: 'queued', attempts: 1 });
    core.printQueue.stop();
    const queued = await label(orders[1]!, z.id); // never tried yet
    const kept = await label(orders[2]!, z.id);

    const r = await value(
      core.call(
        'printing.jobs.cancel',
        { jobIds: [waiting.id, queued.id], reason: 'label printer off today' },
        { actor: 'clerk' },
      ),
    );
    expect(r.rows).toMatchObject([
      { id: waiting.id, status: 'cancelled', cancelledBy: 'clerk', cancelReason: 'label printer off today' },
      { id: queued.id, status: 'cancelled', cancelledBy: 'clerk', cancelledAt: expect.any(String) },
    ]);
    // A second click changes nothing (still the first who and why).
    const again = await value(
      core.call('printing.jobs.cancel', { jobIds: [queued.id], reason: 'twice' }, { actor: 'lead' }),
    );
    expect(again.rows).toMatchObject([{ cancelledBy: 'clerk', cancelReason: 'label printer off today' }]);

    // The Zebra comes back and Packdesk restarts: only the job nobody cancelled prints.
    core.close();
    const zebra = await printer({ port });
    open();
    expect(core.printQueue.start()).toEqual({ requeued: [], uncertain: [] });
    await until(() => job(kept.id).status === 'done');
    await core.printQueue.drain();
    expect(zebra.jobs).toHaveLength(1);
    expect(job(waiting.id).status).toBe('cancelled');
    expect(job(queued.id).status).toBe('cancelled');
    // Asking to print the cancelled label again finds the cancelled job; it is not printed.
    expect(
      await value(
        core.call('printing.print', { document: 'label', orderIds: [orders[1]!], printerId: z.id }),
      ),
    ).toMatchObject({ created: 0, jobs: [{ id: queued.id, status: 'cancelled' }] });
    expect(await core.call('printing.jobs.retry', { jobId: queued.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    await core.printQueue.drain();
    expect(zebra.jobs).toHaveLength(1);
    // The history lists them under their own status.
    const cancelled = await value(core.call('printing.jobs.list', { status: ['cancelled'] }));
    expect(cancelled.rows.map((j: { id: number }) => j.id)).toEqual([queued.id, waiting.id]);

    // Later, from history, someone prints it after all: a reprint with a reason.
    const re = await value(
      core.call(
        'printing.reprint',
        { jobId: queued.id, reason: 'customer still waiting' },
        { actor: 'lead' },
      ),
    );
    await until(() => job(re.id).status === 'done');
    expect(zebra.jobs).toHaveLength(2);
    expect(job(queued.id).status).toBe('cancelled');
  });

  it('a job being sent right now cannot be cancelled or moved; nothing else in the request changes', async () => {
    // The printer takes the connection but never answers its status query, so the job stays in
    // printing until the (long) status wait ends.
    const silent = await printer({ zplStatus: () => null });
    const other = await printer();
    core.close();
    open({ ...FAST, rawTcp: { ...FAST.rawTcp, statusTimeoutMs: 3_000 } });
    const s = await addPrinter('Silent', silent.port);
    const o = await addPrinter('Other', other.port);
    const sending = await label(orders[0]!, s.id);
    const queued = await label(orders[1]!, s.id);
    core.printQueue.start();
    await until(() => silent.statusQueries.length === 1);
    expect(job(sending.id).status).toBe('printing');

    const cancel = await core.call('printing.jobs.cancel', {
      jobIds: [queued.id, sending.id],
      reason: 'printer off',
    });
    expect(cancel).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Nothing was cancelled: print job ${sending.id} (label · order ${orders[0]}) is being sent to the printer right now; only a job waiting to print or failed can be cancelled`,
      },
    });
    expect(job(queued.id)).toMatchObject({ status: 'queued', cancelledBy: null });
    const move = await core.call('printing.jobs.move', { jobIds: [sending.id], printerId: o.id });
    expect(move).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: /being sent to the printer right now/ },
    });
    expect(job(sending.id)).toMatchObject({ status: 'printing', printerId: s.id });
    expect(other.connections).toBe(0);
  });

  it('moved jobs print once on the new printer (drawn again in its language) and never on the old one', async () => {
    const port = await freePort();
    const z = await addPrinter('Zebra', port);
    const zebra2 = await printer();
    const tsc = await printer();
    const z2 = await addPrinter('Zebra 2', zebra2.port);
    const t = await addPrinter('TSC', tsc.port, { language: 'tspl' });
    const off = await addPrinter('Spare', (await printer()).port, { active: false });
    core.printQueue.start();
    const a = await label(orders[0]!, z.id);
    const b = await label(orders[1]!, z.id);
    const done = await label(orders[2]!, z2.id);
    await until(
      () =>
        job(a.id).lastFault === 'unreachable' &&
        job(b.id).lastFault === 'unreachable' &&
        job(done.id).status === 'done',
    );
    const zplBytes = job(b.id).payload!;
    expect(zplBytes.toString('latin1')).toMatch(/^\^XA/);

    // Refused, all or nothing: a printed job in the selection, a switched-off or unknown printer.
    expect(
      await core.call('printing.jobs.move', { jobIds: [b.id, done.id], printerId: z2.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining(`print job ${done.id}`) },
    });
    expect(await core.call('printing.jobs.move', { jobIds: [b.id], printerId: off.id })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: 'Printer "Spare" is switched off in Packdesk; turn it on in the printer list first',
      },
    });
    expect(await core.call('printing.jobs.move', { jobIds: [b.id], printerId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(job(b.id)).toMatchObject({ printerId: z.id, status: 'queued' });

    const toTsc = await value(core.call('printing.jobs.move', { jobIds: [a.id], printerId: t.id }));
    expect(toTsc.rows).toMatchObject([
      { id: a.id, printerName: 'TSC', format: 'tspl', attempts: 0, lastFault: null },
    ]);
    const toZebra2 = await value(core.call('printing.jobs.move', { jobIds: [b.id], printerId: z2.id }));
    expect(toZebra2.rows).toMatchObject([{ id: b.id, printerName: 'Zebra 2', format: 'zpl' }]);
    await until(() => job(a.id).status === 'done' && job(b.id).status === 'done');

    expect(tsc.jobs).toHaveLength(1);
    expect(tsc.jobs[0]!.toString('latin1')).toMatch(/^SIZE 100 mm,150 mm/);
    // Same language and label: the bytes already drawn are sent as they are.
    expect(zebra2.jobs).toHaveLength(2);
    expect(zebra2.jobs[1]!.equals(zplBytes)).toBe(true);

    // The Zebra comes back on; after a restart nothing moved away reaches it, nor prints again.
    const zebra = await printer({ port });
    core.close();
    open();
    core.printQueue.start();
    expect(
      await value(
        core.call('printing.print', {
          document: 'label',
          orderIds: [orders[0]!, orders[1]!],
          printerId: z.id,
        }),
      ),
    ).toMatchObject({
      created: 0,
      jobs: [
        { id: a.id, status: 'done' },
        { id: b.id, status: 'done' },
      ],
    });
    await core.printQueue.drain();
    expect(zebra.connections).toBe(0);
    expect(tsc.jobs).toHaveLength(1);
    expect(zebra2.jobs).toHaveLength(2);
  });

  it('a failed job (given up) can be moved, then prints once there, or cancelled; one that may have printed is only cancelled', async () => {
    core.close();
    open({ ...FAST, backoff: { baseMs: 20, maxMs: 20 } });
    const port = await freePort(); // the Zebra is off all morning
    const z = await addPrinter('Zebra', port);
    const spare = await printer();
    const s = await addPrinter('Spare', spare.port);
    const gaveUp = await label(orders[0]!, z.id);
    const dropped = await label(orders[1]!, z.id);
    const maybe = await label(orders[2]!, z.id);
    // Packdesk stopped while this one was being sent: it may have printed.
    core.ctx.sqlite
      .prepare("update print_jobs set status = 'printing', attempts = 1, send_started_at = 1 where id = ?")
      .run(maybe.id);
    expect(core.printQueue.start().uncertain).toEqual([maybe.id]);
    await until(() => job(gaveUp.id).status === 'failed' && job(dropped.id).status === 'failed', 15_000);
    expect(job(gaveUp.id)).toMatchObject({ attempts: 5, maybePrinted: false, lastFault: 'unreachable' });
    expect(job(maybe.id)).toMatchObject({ status: 'failed', maybePrinted: true });

    // Moving the one that may have printed would send it again: refused, and nothing else moves.
    expect(
      await core.call('printing.jobs.move', { jobIds: [gaveUp.id, maybe.id], printerId: s.id }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: `Nothing was moved: print job ${maybe.id} (label · order ${orders[2]}) may already have printed; check the printer and, if nothing came out, reprint it with a reason; only a job waiting to print or failed can be moved`,
      },
    });
    expect(job(gaveUp.id)).toMatchObject({ status: 'failed', printerId: z.id });

    const moved = await value(core.call('printing.jobs.move', { jobIds: [gaveUp.id], printerId: s.id }));
    expect(moved.rows).toMatchObject([
      { id: gaveUp.id, status: 'queued', printerName: 'Spare', attempts: 0, lastError: null },
    ]);
    await until(() => job(gaveUp.id).status === 'done');
    const cancelled = await value(
      core.call('printing.jobs.cancel', { jobIds: [dropped.id, maybe.id], reason: 'printed by hand' }),
    );
    expect(cancelled.rows).toMatchObject([
      { id: dropped.id, status: 'cancelled', cancelReason: 'printed by hand' },
      { id: maybe.id, status: 'cancelled', cancelReason: 'printed by hand' },
    ]);

    // The Zebra comes back and Packdesk restarts: nothing reaches it, the spare printed one label.
    const zebra = await printer({ port });
    core.close();
    open();
    core.printQueue.start();
    await value(
      core.call('printing.print', { document: 'label', orderIds: [orders[0]!, orders[1]!], printerId: z.id }),
    );
    await core.printQueue.drain();
    expect(zebra.connections).toBe(0);
    expect(spare.jobs).toHaveLength(1);
    expect(job(gaveUp.id).status).toBe('done');
  });

  it('a move to a printer of the same language but another label size draws the label again for it', async () => {
    const z = await addPrinter('Zebra', await freePort());
    const small = await printer();
    const s = await addPrinter('Zebra 76', small.port, { labelSize: '76x130' });
    core.printQueue.start();
    const a = await label(orders[0]!, z.id);
    await until(() => job(a.id).lastFault === 'unreachable');
    expect(job(a.id).payload!.toString('latin1')).toMatch(/^\^XA\^CI28\^PW800\^LL1200/);
    await value(core.call('printing.jobs.move', { jobIds: [a.id], printerId: s.id }));
    await until(() => job(a.id).status === 'done');
    expect(small.jobs).toHaveLength(1);
    expect(small.jobs[0]!.toString('latin1')).toMatch(/^\^XA\^CI28\^PW6\d\d\^LL10\d\d/);
  });

  it('refuses to move a label to a platform print component or a test page to another printer', async () => {
    const port = await freePort();
    const z = await addPrinter('Zebra', port);
    const c = await addPrinter('Cainiao', 13528, { kind: 'cainiao_ws', language: 'cainiao' });
    const z2 = await addPrinter('Zebra 2', (await printer()).port);
    const a = await label(orders[0]!, z.id);
    const test = await value(core.call('printing.printers.test', { id: z.id }));
    expect(await core.call('printing.jobs.move', { jobIds: [a.id], printerId: c.id })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'Printer "Cainiao" prints platform e-waybills only; choose a label printer',
      },
    });
    expect(
      await core.call('printing.jobs.move', { jobIds: [a.id, test.id], printerId: z2.id }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^Nothing was moved: a test page/) },
    });
    expect(job(a.id).printerId).toBe(z.id);
  });
});
