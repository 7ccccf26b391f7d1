import { createCoreHost } from '../../src-main/app/core-host';
import { serveCore } from '../../src-main/app/core-server';
import type { FromCore } from '../../src-main/app/core-messages';
import { FakeUtilityProcess } from '../fixtures/electron-fake';
import { aCore } from '../fixtures/core';

function setup(opts: { timeoutMs?: number; restartDelaysMs?: number[] } = {}) {
  const children: FakeUtilityProcess[] = [];
  const events: unknown[] = [];
  const host = createCoreHost({
    spawn: () => {
      const c = new FakeUtilityProcess('core-process.cjs', {});
      children.push(c);
      return c;
    },
    onEvent: (e) => events.push(e),
    log: () => {},
    ...opts,
  });
  const last = () => children[children.length - 1]!;
  return { host, children, events, last };
}

describe('core relay (main side)', () => {
  afterEach(() => vi.useRealTimers());

  it('holds calls until the core is ready, then matches answers by request id', async () => {
    const { host, last } = setup();
    const a = host.call('orders.get', { id: 1 }, 'desktop:t');
    const b = host.call('orders.get', { id: 2 }, 'desktop:t');
    expect(last().posted).toEqual([]);
    last().emit('message', { ready: true });
    expect(last().posted).toEqual([
      { id: 1, op: 'orders.get', input: { id: 1 }, actor: 'desktop:t' },
      { id: 2, op: 'orders.get', input: { id: 2 }, actor: 'desktop:t' },
    ]);
    // Answers may come back in any order.
    last().emit('message', { id: 2, result: { ok: true, value: 'two' } });
    last().emit('message', { id: 1, result: { ok: true, value: 'one' } });
    expect(await a).toEqual({ ok: true, value: 'one' });
    expect(await b).toEqual({ ok: true, value: 'two' });
  });

  it('forwards push events from the core', () => {
    const { events, last } = setup();
    last().emit('message', { event: { name: 'jobs.changed', payload: { ids: [1] } } });
    expect(events).toEqual([{ name: 'jobs.changed', payload: { ids: [1] } }]);
  });

  it('fails in-flight calls with unavailable when the core dies, restarts it and serves again', async () => {
    vi.useFakeTimers();
    const { host, children, last } = setup({ restartDelaysMs: [10, 10] });
    last().emit('message', { ready: true });
    const inFlight = host.call('settings.set', { key: 'x', value: null }, 'desktop:t');
    last().emit('exit', 9);
    const r = await inFlight;
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/stopped.*exit code 9/) },
    });
    expect(children).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10);
    expect(children).toHaveLength(2);
    const again = host.call('orders.get', { id: 1 }, 'desktop:t');
    last().emit('message', { ready: true });
    last().emit('message', { id: (last().posted[0] as { id: number }).id, result: { ok: true, value: 1 } });
    expect(await again).toEqual({ ok: true, value: 1 });
  });

  it('answers with unavailable when the core does not answer in time', async () => {
    vi.useFakeTimers();
    const { host, last } = setup({ timeoutMs: 1_000 });
    last().emit('message', { ready: true });
    const slow = host.call('orders.list', {}, 'desktop:t');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await slow).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/did not answer/) },
    });
    // A late answer for a timed-out call is ignored.
    last().emit('message', { id: 1, result: { ok: true, value: 'late' } });
  });

  it('stops restarting a core that keeps failing and says why', async () => {
    vi.useFakeTimers();
    const { host, children, last } = setup({ restartDelaysMs: [0] });
    last().emit('message', { fatal: 'The database could not be opened: file is not a database' });
    last().emit('exit', 1);
    await vi.advanceTimersByTimeAsync(0);
    expect(children).toHaveLength(2);
    last().emit('message', { fatal: 'The database could not be opened: file is not a database' });
    last().emit('exit', 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(children).toHaveLength(2);
    expect(await host.call('orders.list', {}, 'desktop:t')).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/keeps stopping.*not a database/) },
    });
  });

  it('asks the core to shut down cleanly and fails later calls', async () => {
    const { host, last } = setup();
    last().emit('message', { ready: true });
    const stopped = host.stop(5_000);
    expect(last().posted).toContainEqual({ shutdown: true });
    last().emit('exit', 0);
    await stopped;
    expect(last().killed).toBe(false);
    expect(await host.call('orders.list', {}, 'desktop:t')).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('core server (utility-process side)', () => {
  function port() {
    const sent: FromCore[] = [];
    let onMessage: (e: { data: unknown }) => void = () => {};
    return {
      sent,
      on: (_: 'message', l: (e: { data: unknown }) => void) => (onMessage = l),
      postMessage: (m: FromCore) => sent.push(m),
      deliver: (data: unknown) => onMessage({ data }),
    };
  }

  it('answers requests by id from a real core, forwards its events and closes on shutdown', async () => {
    const core = aCore();
    const p = port();
    const exit = vi.fn();
    try {
      serveCore(p, () => core, exit);
      expect(p.sent[0]).toEqual({ ready: true });
      p.deliver({ id: 41, op: 'orders.get', input: { id: 'x' }, actor: 'desktop:t' });
      p.deliver({
        id: 42,
        op: 'settings.set',
        input: { key: 'shop.name', value: 'Relay test' },
        actor: 'desktop:t',
      });
      p.deliver({ nonsense: true });
      await vi.waitFor(() => expect(p.sent.filter((m) => 'id' in m)).toHaveLength(2));
      expect(p.sent).toContainEqual({
        id: 41,
        result: expect.objectContaining({
          ok: false,
          error: expect.objectContaining({ code: 'invalid_input' }),
        }),
      });
      expect(p.sent).toContainEqual({ id: 42, result: expect.objectContaining({ ok: true }) });
      expect(p.sent).toContainEqual({
        event: { name: 'settings.changed', payload: { what: 'settings', key: 'shop.name' } },
      });
      p.deliver({ shutdown: true });
      expect(exit).toHaveBeenCalledWith(0);
    } finally {
      core.dispose();
    }
  });

  it('reports why the core could not start, then exits non-zero', () => {
    const p = port();
    const exit = vi.fn();
    serveCore(
      p,
      () => {
        throw new Error('file is not a database');
      },
      exit,
    );
    expect(p.sent).toEqual([{ fatal: expect.stringMatching(/could not be opened: file is not a database/) }]);
    expect(exit).toHaveBeenCalledWith(1);
  });
});
