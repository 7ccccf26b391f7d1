import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, until, type FakePrinter } from '../fixtures/tcp-printer';

// Rough edges a clerk meets on the printers screen and in the print history.
const FAST = {
  rawTcp: { connectTimeoutMs: 1_000, closeGraceMs: 200, statusTimeoutMs: 300 },
  backoff: { baseMs: 100, maxMs: 200 },
};

/**
 * A host that never completes a TCP handshake, like a switched-off printer behind a switch: a
 * child process listens with a backlog of 1 and never accepts (its event loop is blocked); once
 * the kernel's accept queue is full, further connection attempts hang.
 */
async function silentHost(): Promise<{ port: number; close(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer().listen({port:0,host:'127.0.0.1',backlog:1},()=>{process.stdout.write(s.address().port+'\\n');Atomics.wait(new Int32Array(new SharedArrayBuffer(4)),0,0);});",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) =>
    child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))),
  );
  const fillers: Socket[] = [];
  for (;;) {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => undefined);
    fillers.push(s);
    const accepted = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 300);
      s.once('connect', () => {
        clearTimeout(t);
        resolve(true);
      });
    });
    if (!accepted) break;
  }
  return {
    port,
    close() {
      fillers.forEach((s) => s.destroy());
      child.kill();
    },
  };
}

describe('printing as a clerk uses it', () => {
  const servers: FakePrinter[] = [];
  const cores: { dispose(): void }[] = [];
  afterEach(async () => {
    cores.splice(0).forEach((c) => c.dispose());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const aPrintingCore = () => {
    const c = aCore({ printing: FAST });
    cores.push(c);
    return c;
  };

  it('a printer that never answers the connection (switched off) is reported as off or unreachable, not "out of paper"', async () => {
    const off = await silentHost();
    try {
      const core = aPrintingCore();
      const p = await value(
        core.call('printing.printers.save', {
          name: 'Zebra off',
          kind: 'raw_tcp',
          language: 'zpl',
          host: '127.0.0.1',
          port: off.port,
        }),
      );
      core.printQueue.start();
      const t = await value(core.call('printing.printers.test', { id: p.id }));
      await until(() => core.printQueue.job(t.id)!.lastFault !== null);
      expect(core.printQueue.job(t.id)).toMatchObject({
        status: 'queued',
        lastFault: 'unreachable',
        lastError: `printer "Zebra off" at 127.0.0.1:${off.port} is not answering (no connection within 1 s); check it is switched on and on the network`,
      });
    } finally {
      off.close();
    }
  });

  it('test print on a platform print component says to use Check status instead of queueing a job that cannot print', async () => {
    const core = aPrintingCore();
    const p = await value(
      core.call('printing.printers.save', {
        name: 'Cainiao',
        kind: 'cainiao_ws',
        language: 'cainiao',
        host: '127.0.0.1',
        port: 13528,
      }),
    );
    expect(await core.call('printing.printers.test', { id: p.id })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(
          /^Printer "Cainiao" is a platform print component: .*use Check status/,
        ),
      },
    });
    expect((await value(core.call('printing.jobs.list', {}))).rows).toEqual([]);
  });

  it('a job that may have printed is not retried (it could print twice) but can be reprinted with a reason', async () => {
    const zebra = await fakePrinter();
    // Takes the first bytes, then stops reading: the rest of a big job never leaves.
    const stuck = await fakePrinter({ onData: (socket) => socket.pause(), hold: true });
    servers.push(zebra, stuck);
    const core = aCore({ printing: { ...FAST, rawTcp: { ...FAST.rawTcp, writeTimeoutMs: 500 } } });
    cores.push(core);
    aChannel(core);
    const orders = seedOrders(core, [anOrder(), anOrder()]);
    const printer = (name: string, port: number) =>
      value(
        core.call('printing.printers.save', {
          name,
          kind: 'raw_tcp',
          language: 'zpl',
          host: '127.0.0.1',
          port,
        }),
      );
    const z = await printer('Zebra', zebra.port);
    const s = await printer('Stuck', stuck.port);
    const [crashed] = (
      await value(core.call('printing.print', { document: 'label', orderIds: [orders[0]], printerId: z.id }))
    ).jobs;
    const [stalled] = (
      await value(core.call('printing.print', { document: 'label', orderIds: [orders[1]], printerId: s.id }))
    ).jobs;
    // Packdesk stopped while the first was being sent.
    core.ctx.sqlite
      .prepare("update print_jobs set status = 'printing', attempts = 1, send_started_at = 1 where id = ?")
      .run(crashed.id);
    core.ctx.sqlite
      .prepare('update print_jobs set payload = ? where id = ?')
      .run(Buffer.alloc(16 * 1024 * 1024, 0x41), stalled.id);
    expect(core.printQueue.start().uncertain).toEqual([crashed.id]);
    await until(() => core.printQueue.job(stalled.id)!.status === 'failed');
    expect(core.printQueue.job(stalled.id)).toMatchObject({
      lastFault: 'not_answering',
      lastError: expect.stringContaining('stopped taking data'),
    });
    for (const id of [crashed.id, stalled.id]) {
      expect(core.printQueue.job(id)).toMatchObject({ status: 'failed', maybePrinted: true });
      expect(await core.call('printing.jobs.retry', { jobId: id })).toMatchObject({
        ok: false,
        error: {
          code: 'conflict',
          message: `Print job ${id} may already have printed (it failed while its bytes were being sent); check the printer and, if nothing came out, reprint it with a reason`,
        },
      });
      expect(core.printQueue.job(id)!.status).toBe('failed');
    }
    expect((await value(core.call('printing.jobs.list', {}))).rows).toMatchObject([
      { id: stalled.id, maybePrinted: true },
      { id: crashed.id, maybePrinted: true },
    ]);
    const again = await value(
      core.call('printing.reprint', { jobId: crashed.id, reason: 'nothing came out' }),
    );
    await until(() => core.printQueue.job(again.id)!.status === 'done');
    expect(core.printQueue.job(again.id)!.maybePrinted).toBe(false);
    expect(zebra.jobs).toHaveLength(1);
    expect(stuck.connections).toBe(1);

    // The stuck printer is still stuck: the clerk reprints its label on a TSPL printer instead,
    // which gets the label drawn in its own language.
    const tsc = await fakePrinter();
    servers.push(tsc);
    const t = await value(
      core.call('printing.printers.save', {
        name: 'TSC',
        kind: 'raw_tcp',
        language: 'tspl',
        host: '127.0.0.1',
        port: tsc.port,
      }),
    );
    const moved = await value(
      core.call('printing.reprint', { jobId: stalled.id, reason: 'printer jammed', printerId: t.id }),
    );
    expect(moved).toMatchObject({ printerName: 'TSC', format: 'tspl', reprintOf: stalled.id });
    await until(() => core.printQueue.job(moved.id)!.status === 'done');
    expect(tsc.jobs).toHaveLength(1);
    expect(tsc.jobs[0]!.toString('latin1')).toMatch(/^SIZE 100 mm,150 mm/);
    expect(stuck.connections).toBe(1);
  });
});
