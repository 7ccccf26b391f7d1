import type { CoreContext } from './core-context';

export interface RetryPolicy {
  /** Retry n waits between half and all of min(cap, base·2^(n-1)). */
  baseMs: number;
  capMs: number;
  /** After this many passing failures the work waits for a person. */
  maxAttempts: number;
  /** Offline pause: first wait, doubled on each failed probe, up to the cap. */
  offlineBaseMs: number;
  offlineCapMs: number;
  /** How often a started worker looks for work other processes queued (packdesk ship, serve). */
  pollMs: number;
}

export interface OfflineState {
  since: number;
  retryAt: number;
  probes: number;
  reason: string;
}

/**
 * The life of a background queue worker (tracking pushes, e-waybill numbers), written once:
 * one run at a time, and a call during a run gives one more run after it; woken after commits
 * (`kick`), by a poll for work other processes queued, and by a timer at the next due row. While
 * the network is down it pauses and probes with doubling waits, spending nobody's attempts. A
 * host without a keychain (packdesk serve) cannot do the work: it only polls, so a due row never
 * wakes it again and again.
 */
export abstract class BackgroundWorker {
  protected stopped = true;
  /** Set by `loop` when this host cannot read credentials: then only the poll looks again. */
  protected noKeychain = false;
  protected offlineState: OfflineState | null = null;
  private timer: NodeJS.Timeout | null = null;
  private poll: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private again = false;

  protected constructor(
    protected readonly ctx: CoreContext,
    protected readonly policy: RetryPolicy,
    private readonly random: () => number,
    /** For the log line when a run fails unexpectedly. */
    private readonly label: string,
  ) {}

  /** One pass over the due work; returns when none is left or the worker must wait. */
  protected abstract loop(): Promise<void>;

  /** When the next row falls due (epoch ms), Infinity for none; the offline pause applies on top. */
  protected abstract nextWakeAt(now: number): number;

  get running(): boolean {
    return !this.stopped;
  }

  offline(): OfflineState | null {
    return this.offlineState;
  }

  start(): void {
    this.stopped = false;
    this.poll = setInterval(() => void this.drain(), this.policy.pollMs);
    this.poll.unref();
    this.kick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.poll) clearInterval(this.poll);
    this.timer = this.poll = null;
  }

  /** After work is queued or changed; runs after the surrounding transaction commits. */
  kick(): void {
    if (this.stopped) return;
    setImmediate(() => void this.drain());
  }

  /** Works through every due row; resolves when none is left (tests call it without start). */
  drain(): Promise<void> {
    if (this.current) {
      this.again = true;
      return this.current;
    }
    this.current = (async () => {
      do {
        this.again = false;
        await this.loop();
      } while (this.again);
    })()
      .catch((e: unknown) => console.error(`[packdesk] ${this.label} failed:`, e))
      .finally(() => {
        this.current = null;
        this.schedule();
      });
    return this.current;
  }

  private schedule(): void {
    if (this.stopped || this.noKeychain) return;
    if (this.timer) clearTimeout(this.timer);
    const now = this.ctx.now();
    const at = Math.max(this.nextWakeAt(now), this.offlineState?.retryAt ?? 0);
    if (at === Infinity) return;
    this.timer = setTimeout(() => void this.drain(), Math.max(0, at - now));
    this.timer.unref();
  }

  /** The network is down: the next probe comes after a doubling wait. Returns when. */
  protected wentOffline(reason: string): number {
    const now = this.ctx.now();
    const probes = (this.offlineState?.probes ?? 0) + 1;
    const retryAt = now + Math.min(this.policy.offlineCapMs, this.policy.offlineBaseMs * 2 ** (probes - 1));
    this.offlineState = { since: this.offlineState?.since ?? now, retryAt, probes, reason };
    return retryAt;
  }

  /** Inside the offline pause: nothing is tried until the next probe. */
  protected pausedOffline(): boolean {
    return this.offlineState !== null && this.ctx.now() < this.offlineState.retryAt;
  }

  /** Equal jitter: never a zero wait (that would hammer), never every row at the same instant. */
  protected backoff(attempt: number): number {
    const ceiling = Math.min(this.policy.capMs, this.policy.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + this.random() * (ceiling / 2));
  }
}
