import type { CoreContext } from '../../core-context';
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

export interface OutboxPolicy {
  /** Retry n waits between half and all of min(cap, base·2^(n-1)): 30 s, 1 min, 2 min … 30 min. */
  baseMs: number;
  capMs: number;
  /** After this many tries that failed for a passing reason the job is 'dead' and waits for a person. */
  maxAttempts: number;
  /** Offline pause: first wait, doubled on each failed probe, up to the cap (as channel sync does). */
  offlineBaseMs: number;
  offlineCapMs: number;
  /** How often a started worker looks for jobs queued by other processes (packdesk ship, serve). */
  pollMs: number;
}

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
export class OutboxWorker {
  private stopped = true;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private offlineState: { since: number; retryAt: number; probes: number; reason: string } | null = null;
  /** This host cannot read credentials: only the poll looks again (a due job must not wake it at once, forever). */
  private noKeychain = false;
  private readonly policy: OutboxPolicy;

  constructor(
    private readonly ctx: CoreContext,
    private readonly deps: OutboxDeps,
  ) {
    this.policy = { ...DEFAULT_OUTBOX_POLICY, ...deps.policy };
  }

  get running(): boolean {
    return !this.stopped;
  }

  offline() {
    return this.offlineState;
  }

  /** Re-queues what a crash left running, then pushes whatever is due. */
  start(): number[] {
    this.stopped = false;
    const ids = this.recover();
    this.poll = setInterval(() => void this.drain(), this.policy.pollMs);
    this.poll.unref();
    this.kick();
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

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    this.timer = this.poll = null;
  }

  /** Called after jobs are queued or retried; runs after the surrounding transaction commits. */
  kick(): void {
    if (this.stopped) return;
    setImmediate(() => void this.drain());
  }

  /** Works through every due job; resolves when none is left (tests call it without start). */
  drain(): Promise<void> {
    this.current ??= this.loop()
      .catch((e: unknown) => console.error('[packdesk] outbox failed:', e))
      .finally(() => {
        this.current = null;
        this.schedule();
      });
    return this.current;
  }

  private async loop(): Promise<void> {
    // Channels that refused their credentials (or have none) in this pass: their other jobs fail
    // with the same reason without another request, instead of one refused request per job.
    const refused = new Map<number, string>();
    // A host without a keychain (packdesk serve) cannot read the credentials: it leaves every job
    // to the desktop app on the same database instead of failing them (channel sync does the same).
    this.noKeychain = !(await this.deps.secrets.status()).available;
    if (this.noKeychain) return;
    for (;;) {
      if (this.offlineState && this.ctx.now() < this.offlineState.retryAt) return;
      const due = nextDueJob(this.ctx.sqlite, this.ctx.now());
      if (!due) return;
      await this.process(due.id, refused);
    }
  }

  private schedule(): void {
    if (this.stopped || this.noKeychain) return;
    if (this.timer) clearTimeout(this.timer);
    const at = Math.max(earliestQueued(this.ctx.sqlite) ?? Infinity, this.offlineState?.retryAt ?? 0);
    if (at === Infinity) return;
    this.timer = setTimeout(() => void this.drain(), Math.max(0, at - this.ctx.now()));
    this.timer.unref();
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
      const probes = (this.offlineState?.probes ?? 0) + 1;
      const retryAt = now + Math.min(policy.offlineCapMs, policy.offlineBaseMs * 2 ** (probes - 1));
      this.offlineState = { since: this.offlineState?.since ?? now, retryAt, probes, reason: message };
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

  /** Equal jitter: never a zero wait (that would hammer), never all workers at the same instant. */
  private backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.capMs, this.policy.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + (this.deps.random ?? Math.random)() * (ceiling / 2));
  }
}
