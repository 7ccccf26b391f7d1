import { aCore, value } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { fakePrinter, until, type FakePrinter } from '../fixtures/tcp-printer';

// The per-printer "check status before each job" switch, against real TCP printers on 127.0.0.1.
// The status timeout is set far beyond the test's waits: a job that asked a silent printer would
// still be waiting when `until` gives up, so "it printed" also proves "it did not wait".
const SLOW_STATUS = { connectTimeoutMs: 1_000, statusTimeoutMs: 60_000, closeGraceMs: 200 };
const FAST = { connectTimeoutMs: 1_000, statusTimeoutMs: 300, closeGraceMs: 200 };

describe('printers: check status before each job', () => {
  const servers: FakePrinter[] = [];
  const cores: { dispose(): void }[] = [];
  const printer = async (opts: Parameters<typeof fakePrinter>[0]) => {
    const p = await fakePrinter(opts);
    servers.push(p);
    return p;
  };
  const core = (statusTimeout: typeof FAST) => {
    const c = aCore({ printing: { rawTcp: statusTimeout, backoff: { baseMs: 100, maxMs: 200 } } });
    cores.push(c);
    c.printQueue.start();
    return c;
  };
  afterEach(async () => {
    cores.splice(0).forEach((c) => c.dispose());
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  const raw = (name: string, language: 'zpl' | 'tspl', port: number, extra: object = {}) => ({
    name,
    kind: 'raw_tcp' as const,
    language,
    host: '127.0.0.1',
    port,
    ...extra,
  });

  it('is on by default, kept when saved off, and returned by the printer list', async () => {
    const c = core(FAST);
    const p = await value(c.call('printing.printers.save', raw('Zebra', 'zpl', 9100)));
    expect(p.statusCheck).toBe(true);
    const off = await value(c.call('printing.printers.save', { ...p, statusCheck: false }));
    expect(off).toMatchObject({ id: p.id, statusCheck: false });
    expect((await value(c.call('printing.printers.list', {}))).rows).toMatchObject([
      { id: p.id, statusCheck: false },
    ]);
  });

  it('off: a silent Zebra gets the label with no ~HS before it, and the job does not wait for an answer', async () => {
    const zebra = await printer({ zplStatus: () => null });
    const tsc = await printer({ tsplStatus: () => null });
    const c = core(SLOW_STATUS);
    aChannel(c);
    const [orderId] = seedOrders(c, [anOrder()]);
    const z = await value(
      c.call('printing.printers.save', raw('Zebra', 'zpl', zebra.port, { statusCheck: false })),
    );
    const t = await value(
      c.call('printing.printers.save', raw('TSC', 'tspl', tsc.port, { statusCheck: false })),
    );
    const a = await value(
      c.call('printing.print', { document: 'label', orderIds: [orderId], printerId: z.id }),
    );
    const b = await value(c.call('printing.printers.test', { id: t.id }));
    await until(
      () => c.printQueue.job(a.jobs[0].id)!.status === 'done' && c.printQueue.job(b.id)!.status === 'done',
    );
    expect(zebra.statusQueries).toEqual([]);
    expect(tsc.statusQueries).toEqual([]);
    expect(zebra.jobs).toHaveLength(1);
    // The connection carried the label and nothing before it.
    expect(zebra.jobs[0]!.toString('latin1')).toMatch(/^\^XA/);
    expect(tsc.jobs).toHaveLength(1);
    expect(tsc.jobs[0]![0]).not.toBe(0x1b);
    expect(tsc.jobs[0]!.toString('latin1')).toMatch(/^SIZE /);
  });

  it('off: "Check status" still asks, because a person asked', async () => {
    const zebra = await printer({});
    const c = core(FAST);
    const z = await value(
      c.call('printing.printers.save', raw('Zebra', 'zpl', zebra.port, { statusCheck: false })),
    );
    expect(await value(c.call('printing.printers.status', { id: z.id }))).toMatchObject({ state: 'ready' });
    expect(zebra.statusQueries).toEqual(['~HS']);
    await new Promise((r) => setTimeout(r, 50));
    expect(zebra.jobs).toEqual([]);
  });

  it('on: the query goes first as today, and a silent Zebra holds the job back', async () => {
    const tsc = await printer({});
    const silentZebra = await printer({ zplStatus: () => null });
    const c = core(FAST);
    const t = await value(c.call('printing.printers.save', raw('TSC', 'tspl', tsc.port)));
    const z = await value(c.call('printing.printers.save', raw('Zebra', 'zpl', silentZebra.port)));
    const a = await value(c.call('printing.printers.test', { id: t.id }));
    const b = await value(c.call('printing.printers.test', { id: z.id }));
    await until(() => c.printQueue.job(a.id)!.status === 'done');
    expect(tsc.statusQueries).toEqual(['<ESC>!?']);
    expect(tsc.jobs).toHaveLength(1);
    await until(() => c.printQueue.job(b.id)!.attempts >= 1 && c.printQueue.job(b.id)!.status === 'queued');
    expect(c.printQueue.job(b.id)).toMatchObject({
      lastFault: 'not_answering',
      lastError: expect.stringMatching(
        /If this printer never answers, turn off "Check status before each job"/,
      ),
    });
    expect(silentZebra.statusQueries[0]).toBe('~HS');
    expect(silentZebra.jobs).toEqual([]);
  });
});
