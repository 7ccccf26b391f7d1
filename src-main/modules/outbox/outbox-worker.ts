import type { CoreContext } from '../../core-context';
import { BackgroundWorker, type RetryPolicy } from '../../background-worker';
import { ChannelError, isPermanent } from '../../adapters/channels/channel-http';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import {
  claimJob,
  earliestQueued,
  failOrphan,
  findPushJob,
  nextDueJob,
  recoverRunning,
  requeueExportOf,
  settleJob,
} from './outbox.repo';
import { listApiChannels } from '../sync';
import { pushJob, routeOf, type PushDeps } from './push-tracking';

/** Retry n waits 30 s, 1 min, 2 min … 30 min; after 10 passing failures a job is 'dead'. */
export type OutboxPolicy = RetryPolicy;

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = {
  baseMs: 30_000,
  capMs: 30 * 60_000,
  maxAttempts: 10,
  offlineBaseMs: 30_000,
  offlineCapMs: 15 * 60_000,
  pollMs: 60_000,
};

export interface OutboxDeps extends PushDeps {
  policy?: Partial<OutboxPolicy>;
  random?: () => number;
}

/**
 * Pushes tracking numbers to the channels, one job at a time, from the `jobs` table.
 *
 * Nothing is pushed twice because (1) a job is claimed by a conditional update (queued → running),
 * so two workers never hold the same job; (2) every push reads the channel first and counts a
 * tracking number already there as done, so a retry after a timeout or a crash (which finds the
 * job 'running' at start and re-queues it) finds its own earlier write. Failures the shop will
 * repeat (userErrors, 4xx other than 429, refused credentials, missing settings) fail at once;
 * passing ones (429, 5xx, timeouts, bad answers) retry with backoff and jitter, honouring
 * Retry-After, until the attempts run out ('dead'). While the network is down the worker pauses
 * and probes, as channel sync does, without spending the jobs' attempts.
 *
 * Start-up recovery cannot tell a live peer's running job from a crashed one, so, as with the
 * print queue, run one pushing host per database (the desktop app or `packdesk serve`).
 */
export class OutboxWorker extends BackgroundWorker {
  constructor(
    ctx: CoreContext,
    private readonly deps: OutboxDeps,
  ) {
    super(ctx, { ...DEFAULT_OUTBOX_POLICY, ...deps.policy }, deps.random ?? Math.random, 'outbox');
  }

  /** Re-queues what a crash left running, then pushes whatever is due. */
  override start(): number[] {
    const ids = this.recover();
    super.start();
    return ids;
  }

  /**
   * Jobs found 'running' belong to no live worker of this process: back to the queue. So do jobs
   * parked for export whose channel has been connected to its API since.
   */
  recover(): number[] {
    const { ctx } = this;
    const api = listApiChannels(ctx.sqlite)
      .filter((c) => c.api)
      .map((c) => c.id);
    const ids = ctx.sqlite
      .transaction(() => [
        ...recoverRunning(ctx.sqlite, ctx.now()),
        ...requeueExportOf(ctx.sqlite, api, ctx.now()),
      ])
      .immediate();
    if (ids.length) this.ctx.emit('outbox.changed', { ids });
    return ids;
  }

  protected async loop(): Promise<void> {
    // Channels that refused their credentials (or have none) in this pass: their other jobs fail
    // with the same reason without another request, instead of one refused request per job.
    const refused = new Map<number, string>();
    // A host without a keychain (packdesk serve) cannot read the credentials: it leaves every job
    // to the desktop app on the same database instead of failing them (channel sync does the same).
    this.noKeychain = !(await this.deps.secrets.status()).available;
    if (this.noKeychain) return;
    for (;;) {
      if (this.pausedOffline()) return;
      const due = nextDueJob(this.ctx.sqlite, this.ctx.now());
      if (!due) return;
      await this.process(due.id, refused);
    }
  }

  protected nextWakeAt(): number {
    return earliestQueued(this.ctx.sqlite) ?? Infinity;
  }

  private settle(id: number, s: Parameters<typeof settleJob>[2]): void {
    const { ctx } = this;
    ctx.sqlite.transaction(() => settleJob(ctx.sqlite, id, s, ctx.now())).immediate();
    ctx.emit('outbox.changed', { ids: [id] });
  }

  private async process(id: number, refused: Map<number, string>): Promise<void> {
    const { ctx } = this;
    const job = findPushJob(ctx.sqlite, id);
    if (!job) {
      ctx.sqlite.transaction(() => failOrphan(ctx.sqlite, id, ctx.now())).immediate();
      ctx.emit('outbox.changed', { ids: [id] });
      return;
    }
    if (!claimJob(ctx.sqlite, id, ctx.now())) return;
    ctx.emit('outbox.changed', { ids: [id] });
    const route = routeOf(ctx, job.channelId);
    if (route.kind === 'export') {
      // Not an attempt: the job waits for the user's bulk-shipping file.
      this.settle(id, { status: 'export', lastError: null, uncount: true });
      return;
    }
    const blocked = refused.get(job.channelId);
    if (blocked !== undefined) {
      this.settle(id, { status: 'failed', lastError: blocked, uncount: true });
      return;
    }
    const attempt = job.attempts + 1;
    try {
      const result = await pushJob(ctx, this.deps, job, route.channel);
      this.offlineState = null;
      ctx.sqlite
        .transaction(() => {
          if (!settleJob(ctx.sqlite, id, { status: 'done', lastError: null }, ctx.now())) return;
          recordAudit(ctx.db, {
            at: ctx.now(),
            actor: 'outbox',
            entity: 'order',
            entityId: job.orderId,
            action: 'tracking-pushed',
            reason: `${route.channel.name}: ${job.carrier} ${job.trackingNumber}`,
            data: { jobId: id, outcome: result.outcome, detail: result.detail },
          });
        })
        .immediate();
      ctx.emit('outbox.changed', { ids: [id] });
    } catch (e) {
      this.failed(id, attempt, e, (reason) => refused.set(job.channelId, reason));
    }
  }

  private failed(id: number, attempt: number, e: unknown, refuseChannel: (reason: string) => void): void {
    const { ctx, policy } = this;
    const now = ctx.now();
    const message = (e as Error)?.message ?? String(e);
    if (e instanceof ChannelError && e.kind === 'offline') {
      const retryAt = this.wentOffline(message);
      // Unreachable is nobody's fault and says nothing about this job: the try is not counted.
      this.settle(id, { status: 'queued', lastError: message, nextRunAt: retryAt, uncount: true });
      return;
    }
    if (!(e instanceof ChannelError) && !(e instanceof AppFailure))
      console.error('[packdesk] tracking push failed unexpectedly:', e);
    if (isPermanent(e) || e instanceof AppFailure) {
      if (e instanceof AppFailure || e.kind === 'auth') refuseChannel(message);
      this.settle(id, { status: 'failed', lastError: message });
      ctx.emit('alert', { level: 'error', message });
      return;
    }
    if (attempt >= policy.maxAttempts) {
      this.settle(id, { status: 'dead', lastError: `Gave up after ${attempt} attempts: ${message}` });
      ctx.emit('alert', { level: 'error', message });
      return;
    }
    // A timeout may have reached the shop: the next try reads the order before writing anything.
    const wait =
      e instanceof ChannelError && e.retryAfterMs !== undefined ? e.retryAfterMs : this.backoff(attempt);
    this.settle(id, { status: 'queued', lastError: message, nextRunAt: now + wait });
  }
}
