import { createAutoPipeline } from '../../src-main/modules/pipeline';
import { isTrigger } from '../../src-main/modules/pipeline/auto-pipeline';
import type { PushEvent } from '../../src-shared/contract';
import { EventBus } from '../../src-main/event-bus';
import type { Result } from '../../src-shared/result';
import { aCore } from '../fixtures/core';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean) => {
  const end = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await sleep(2);
  }
};
const imported = {
  name: 'orders.changed' as const,
  payload: { ids: [1], reason: 'import a.csv: 1/1', waiting: 'review' as const },
};

/** A pipeline over a real settings table, with a pipeline.pass that takes `stepMs`. */
function harness(stepMs: number) {
  const core = aCore();
  const bus = new EventBus();
  const log: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const call = async (name: string): Promise<Result<unknown>> => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    log.push(name);
    await sleep(stepMs);
    inFlight--;
    return {
      ok: true,
      value: {
        review: { approved: 1, held: 0, blocked: 0, unchanged: 0 },
        routing: { allocated: 1, backordered: 0, exception: 0 },
        reviewSeconds: 0,
        seconds: 0,
      },
    };
  };
  const pipeline = createAutoPipeline({
    ctx: core.ctx,
    call,
    subscribe: (l) => bus.subscribe(l),
    debounceMs: 30,
  });
  return { core, bus, pipeline, log, maxInFlight: () => maxInFlight };
}

describe('auto pipeline scheduling', () => {
  test('a trigger during a run gives exactly one more run afterwards, never two at once', async () => {
    const h = harness(60);
    h.pipeline.start();
    h.bus.emit(imported.name, imported.payload);
    await until(() => h.log.length === 1); // the first run is in its pass
    for (let i = 0; i < 5; i++) h.bus.emit(imported.name, imported.payload);
    const manual = h.pipeline.runNow('clerk');
    await until(() => h.log.length >= 3);
    await sleep(200); // and nothing after
    // auto run, then the button's run (queued behind it), then one auto run for the burst.
    expect(h.log).toEqual(['pipeline.pass', 'pipeline.pass', 'pipeline.pass']);
    expect(h.maxInFlight()).toBe(1);
    expect((await manual).actor).toBe('clerk');
    h.pipeline.stop();
    h.core.dispose();
  });

  test('stop() cancels a pending run and stops listening', async () => {
    const h = harness(5);
    h.pipeline.start();
    h.bus.emit(imported.name, imported.payload);
    h.pipeline.stop();
    h.bus.emit(imported.name, imported.payload);
    await sleep(150);
    expect(h.log).toEqual([]);
    h.core.dispose();
  });

  test('what sets it off: arriving orders, approvals, pulls that brought orders, routing settings', () => {
    const changed = (reason: string, waiting?: 'review' | 'routing') =>
      ({ name: 'orders.changed', payload: { ids: [1], reason, ...(waiting && { waiting }) } }) as PushEvent;
    const pulled = (imported: number, updated: number) =>
      ({
        name: 'sync.progress',
        payload: { channelId: 1, state: 'ok', pages: 1, imported, updated, unchanged: 3, error: null },
      }) as PushEvent;
    const setting = (key?: string) =>
      ({ name: 'settings.changed', payload: { what: 'settings', key } }) as PushEvent;
    for (const e of [
      changed('import taobao.csv: 5000/100000', 'review'),
      changed('order entered by hand', 'review'),
      changed('review: approve', 'routing'),
      changed('status → approved', 'routing'),
      pulled(2, 0),
      pulled(0, 1),
      setting('routing.config'),
      setting('carriers'),
      setting('rates'),
      setting('pipeline.auto'),
    ])
      expect([e.name, isTrigger(e)]).toEqual([e.name, true]);
    for (const e of [
      changed('review rules'),
      changed('routing'),
      changed('merge'),
      changed('review: hold'),
      changed('packed'),
      pulled(0, 0),
      setting('ui.language'),
      setting(),
      { name: 'alert', payload: { level: 'error', message: 'x' } } as PushEvent,
    ])
      expect([e.name, isTrigger(e)]).toEqual([e.name, false]);
  });
});
