import type { CallContext, CoreContext } from '../../core-context';
import type { EventListener } from '../../event-bus';
import type { PushEvent } from '../../../src-shared/contract';
import type { PipelineRun } from '../../../src-shared/contract/pipeline.contract';
import type { Result } from '../../../src-shared/result';
import { readSettings } from '../settings';

export const PIPELINE_SETTING = 'pipeline.auto';

export interface AutoPipelineOptions {
  ctx: CoreContext;
  /** The core's dispatcher: a pass is one write transaction, audited under the run's actor. */
  call: (name: string, input: unknown, call: CallContext) => Promise<Result<unknown>>;
  subscribe: (listener: EventListener) => () => void;
  /** Quiet time after the last trigger before a run starts; a 100k-row import becomes one run. */
  debounceMs?: number;
}

export interface AutoPipeline {
  start(): void;
  stop(): void;
  /** Runs now (after any run going on); the button in the review screen. */
  runNow(actor: string): Promise<PipelineRun>;
  status(): { auto: boolean; running: boolean; last: PipelineRun | null };
}

/**
 * Which events mean "there may be work": orders the emitter marks as `waiting` (arrivals from a
 * file, a watched folder, typed by hand or demo data wait for review; approved ones for routing),
 * a channel pull that brought orders, and a change to routing (its config, carriers, rate
 * tables) or to this switch. Other settings (the language, packing tolerances) do not move
 * orders. The pipeline's own results (review rules, routing, merge) are never marked waiting, so
 * a run never sets off the next.
 */
const TRIGGER_SETTINGS = new Set(['routing.config', 'carriers', 'rates', PIPELINE_SETTING]);

export function isTrigger(e: PushEvent): boolean {
  if (e.name === 'settings.changed')
    return TRIGGER_SETTINGS.has((e.payload as PushEvent<'settings.changed'>['payload']).key ?? '');
  if (e.name === 'sync.progress') {
    const p = e.payload as PushEvent<'sync.progress'>['payload'];
    return p.imported + p.updated > 0;
  }
  return (
    e.name === 'orders.changed' && (e.payload as PushEvent<'orders.changed'>['payload']).waiting !== undefined
  );
}

export const pipelineAutoEnabled = (ctx: CoreContext): boolean =>
  readSettings(ctx.db, [PIPELINE_SETTING])[PIPELINE_SETTING] !== 'off';

/**
 * New order → reviewed → allocated without a human: pipeline.pass (review, then routing, in one
 * transaction) through the dispatcher, debounced, one run at a time. A failed run is logged and raised as an `alert`; it is
 * not retried on its own (the next trigger or the button runs again), so a broken rate table
 * cannot spin the core.
 */
export function createAutoPipeline(opts: AutoPipelineOptions): AutoPipeline {
  const { ctx, call } = opts;
  const debounceMs = opts.debounceMs ?? 1500;
  let started = false;
  /** Set by stop(): the host is closing, so a run going on does not start its next step. */
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let tail: Promise<unknown> = Promise.resolve();
  let busy = 0;
  /** A trigger came while a run was going on: run again once it is done. */
  let dirty = false;
  let last: PipelineRun | null = null;

  const schedule = () => {
    if (!started) return;
    if (busy > 0) {
      dirty = true;
      return;
    }
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (started && pipelineAutoEnabled(ctx)) void enqueue('auto');
    }, debounceMs);
  };

  const enqueue = (actor: string): Promise<PipelineRun> => {
    busy++;
    const run = tail.then(() => runOnce(actor));
    tail = run.catch(() => undefined);
    void run.finally(() => {
      busy--;
      if (busy === 0 && dirty) {
        dirty = false;
        schedule();
      }
    });
    return run;
  };

  async function runOnce(actor: string): Promise<PipelineRun> {
    const out: PipelineRun = {
      at: new Date(ctx.now()).toISOString(),
      actor,
      review: { approved: 0, held: 0, blocked: 0, unchanged: 0 },
      routing: { allocated: 0, backordered: 0, exception: 0 },
      error: null,
    };
    if (stopped) return out;
    try {
      const pass = await call('pipeline.pass', {}, { actor });
      if (!pass.ok) throw new Error(pass.error.message);
      const { review, routing } = pass.value as Pick<PipelineRun, 'review' | 'routing'>;
      out.review = review;
      out.routing = routing;
    } catch (e) {
      out.error = (e as Error).message;
      console.error('[packdesk] automatic review and routing failed:', out.error);
      ctx.emit('alert', { level: 'error', message: `Automatic review and routing failed: ${out.error}` });
    }
    last = out;
    return out;
  }

  return {
    start() {
      if (started) return;
      started = true;
      stopped = false;
      unsubscribe = opts.subscribe((e) => {
        if (isTrigger(e)) schedule();
      });
    },
    stop() {
      started = false;
      stopped = true;
      dirty = false;
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      timer = null;
    },
    runNow: (actor) => enqueue(actor),
    status: () => ({ auto: pipelineAutoEnabled(ctx), running: busy > 0, last }),
  };
}
