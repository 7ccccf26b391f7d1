import type { CoreContext } from '../../core-context';
import { ChannelError, isNetworkDown, type ChannelIo } from '../../adapters/channels/channel-http';
import type { ChannelClient } from '../../adapters/channels/channel-order';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { AppFailure } from '../../../src-shared/result';
import { clientFor, type Credentials } from './sync-clients';
import { connectChannel } from './sync-credentials.service';
import { DEFAULT_PULL, pullChannel, type PullCounts, type PullPolicy } from './sync-pull.service';
import { orderSink } from './sync-write';
import { listApiChannels, patchSyncState, secretChannelIds, type ApiChannelRow } from './sync.repo';

export interface SchedulerOptions {
  ctx: CoreContext;
  secrets: SecretStore;
  io: ChannelIo;
  policy?: PullPolicy;
  /** How often the timer looks for due channels. */
  tickMs?: number;
  /** Offline pauses: first wait, doubled on each failed probe, up to the cap. */
  offlineBaseMs?: number;
  offlineCapMs?: number;
  /** Tests swap the HTTP clients for fakes. */
  makeClient?: (channel: ApiChannelRow, creds: Credentials, io: ChannelIo) => ChannelClient;
}

/** How one run ended: 'down' when the shop could not be reached at all (offline, timeout). */
type Outcome = 'ok' | 'error' | 'down';

export interface OfflineState {
  since: number;
  retryAt: number;
  probes: number;
  reason: string;
}

export interface SyncScheduler {
  start(): void;
  stop(): void;
  /** One pass: runs every due channel (or only a probe while offline). */
  tick(): Promise<void>;
  /** Runs the given channels (all API channels when omitted) now, ignoring their schedule and any offline pause. */
  runNow(channelIds?: number[]): Promise<void>;
  /**
   * The channel's address or credentials changed: it is due at the next tick, whatever its last
   * failure put off (an interval after a refused token, a long pause for an address that did not answer).
   */
  reconnected(channelId: number): void;
  nextRunAt(channelId: number): number | null;
  isRunning(channelId: number): boolean;
  offline(): OfflineState | null;
  clientFor(channel: ApiChannelRow): Promise<ChannelClient>;
  /** A client on credentials that are not stored (the connection form's "test" before saving). */
  clientWith(channel: ApiChannelRow, creds: Credentials): ChannelClient;
}

/**
 * Runs each enabled API channel every N minutes. When the network is down it enters one
 * 'offline' state and probes with a growing pause instead of failing every channel every minute.
 */
export function createSyncScheduler(opts: SchedulerOptions): SyncScheduler {
  const { ctx, secrets, io } = opts;
  const tickMs = opts.tickMs ?? 15_000;
  const offlineBase = opts.offlineBaseMs ?? 30_000;
  const offlineCap = opts.offlineCapMs ?? 15 * 60_000;
  const makeClient = opts.makeClient ?? clientFor;
  const next = new Map<number, number>();
  /** Network failures in a row per channel: a shop that cannot be reached backs off on its own. */
  const downStreak = new Map<number, number>();
  const running = new Map<number, Promise<Outcome>>();
  let offline: OfflineState | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let firstTick: ReturnType<typeof setTimeout> | undefined;
  let ticking: Promise<void> | null = null;

  const progress = (
    channelId: number,
    state: 'running' | 'ok' | 'error' | 'offline',
    c: Partial<PullCounts>,
    error: string | null,
  ) =>
    ctx.emit('sync.progress', {
      channelId,
      state,
      pages: c.pages ?? 0,
      imported: c.imported ?? 0,
      updated: c.updated ?? 0,
      unchanged: c.unchanged ?? 0,
      error,
    });
  const save = (channelId: number, patch: Parameters<typeof patchSyncState>[2]) =>
    ctx.sqlite.transaction(() => patchSyncState(ctx.sqlite, channelId, patch, ctx.now())).immediate();

  const makeFor = (channel: ApiChannelRow): Promise<ChannelClient> =>
    connectChannel(ctx, secrets, channel, (creds) => makeClient(channel, creds, io));

  const pause = (n: number) => Math.min(offlineCap, offlineBase * 2 ** (n - 1));

  async function runOne(channel: ApiChannelRow): Promise<Outcome> {
    const interval = (channel.api?.intervalMinutes ?? 15) * 60_000;
    progress(channel.id, 'running', {}, null);
    try {
      const client = await makeFor(channel);
      const counts = await pullChannel(ctx, channel.id, client, orderSink(ctx, channel, 'sync'), {
        ...(opts.policy ? { policy: opts.policy } : {}),
        hooks: { onPage: (c) => progress(channel.id, 'running', c, null) },
      });
      offline = null;
      downStreak.delete(channel.id);
      const now = ctx.now();
      save(channel.id, {
        state: 'ok',
        lastSuccessAt: now,
        lastError: null,
        imported: counts.imported,
        updated: counts.updated,
        unchanged: counts.unchanged,
      });
      next.set(channel.id, now + interval);
      progress(channel.id, 'ok', counts, null);
      return 'ok';
    } catch (e) {
      const message = (e as Error)?.message ?? String(e);
      const now = ctx.now();
      if (isNetworkDown(e)) {
        const probes = (offline?.probes ?? 0) + 1;
        const streak = (downStreak.get(channel.id) ?? 0) + 1;
        downStreak.set(channel.id, streak);
        // The computer may be offline; tickOnce lifts this at once if another shop answers.
        offline = { since: offline?.since ?? now, retryAt: now + pause(probes), probes, reason: message };
        // One state, overwritten: a day offline leaves one line, not a thousand errors.
        save(channel.id, { state: 'offline', lastError: message });
        next.set(channel.id, now + pause(Math.max(probes, streak)));
        progress(channel.id, 'offline', {}, message);
        return 'down';
      }
      if (!(e instanceof ChannelError) && !(e instanceof AppFailure))
        console.error('[packdesk] sync failed unexpectedly:', e);
      save(channel.id, { state: 'error', lastError: message });
      // A 429, or a 503 during maintenance, may say how long to stay away (Retry-After).
      const wait = e instanceof ChannelError ? Math.max(interval, e.retryAfterMs ?? 0) : interval;
      next.set(channel.id, now + wait);
      progress(channel.id, 'error', {}, message);
      return 'error';
    }
  }

  /** One in-flight pull per channel: a second request joins the first. */
  function run(channel: ApiChannelRow): Promise<Outcome> {
    const current = running.get(channel.id);
    if (current) return current;
    const p = runOne(channel).finally(() => running.delete(channel.id));
    running.set(channel.id, p);
    return p;
  }

  /**
   * Another shop answered on its last run: a shop that was already down then, and is down again,
   * is down alone; that is no sign of the computer being offline.
   */
  const othersAnswer = (c: ApiChannelRow, all: ApiChannelRow[]) =>
    all.some((o) => o.id !== c.id && !downStreak.has(o.id));

  const runnable = (): ApiChannelRow[] => {
    const withSecrets = secretChannelIds(ctx.sqlite);
    return listApiChannels(ctx.sqlite).filter((c) => c.enabled && c.api?.enabled && withSecrets.has(c.id));
  };

  async function tickOnce(): Promise<void> {
    // A host without a keychain (packdesk serve) cannot read the credentials: it stays quiet rather
    // than writing an error every few minutes next to the desktop app that syncs the same database.
    const channels = runnable();
    if (!channels.length || !(await secrets.status()).available) return;
    if (offline && ctx.now() < offline.retryAt) return;
    // Shops that answered last time go first: one shop that cannot be reached (an address typed
    // wrong, its host down) must neither hold up the others nor make the computer look offline.
    const order = [...channels].sort((a, b) => (downStreak.get(a.id) ?? 0) - (downStreak.get(b.id) ?? 0));
    // While offline the first one is the probe, due or not; the others follow once it gets through.
    let probe = offline !== null;
    let reached = false;
    for (const c of order) {
      if (!probe && (next.get(c.id) ?? 0) > ctx.now()) continue;
      probe = false;
      const wasDown = downStreak.has(c.id);
      const outcome = await run(c);
      if (outcome !== 'down') reached = true;
      // Only this shop is unreachable when another one answered in this tick, or it was already
      // down while the others answered; else the computer is offline and runOne paused everything.
      else if (!reached && !(wasDown && othersAnswer(c, order))) return;
      offline = null;
    }
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void this.tick(), tickMs);
      timer.unref?.();
      // The first look comes a second after start, not a whole tick later; stop() cancels it too.
      firstTick = setTimeout(() => void this.tick(), 1_000);
      firstTick.unref?.();
    },
    stop() {
      if (timer) clearInterval(timer);
      clearTimeout(firstTick);
      timer = null;
    },
    tick() {
      ticking ??= tickOnce()
        .catch((e: unknown) => console.error('[packdesk] sync tick failed:', e))
        .finally(() => (ticking = null));
      return ticking;
    },
    async runNow(channelIds) {
      const all = listApiChannels(ctx.sqlite).filter((c) => c.api);
      // Asked for by id: run it even if automatic sync is off. "All": only the connected, enabled ones.
      const chosen = channelIds ? all.filter((c) => channelIds.includes(c.id)) : runnable();
      const others = runnable();
      await Promise.all(
        chosen.map(async (c) => {
          const wasDown = downStreak.has(c.id);
          // Pressing "sync now" on a shop that is down alone must not pause the others.
          if ((await run(c)) === 'down' && wasDown && othersAnswer(c, others)) offline = null;
        }),
      );
    },
    reconnected(id) {
      next.delete(id);
      downStreak.delete(id);
      // The pause may have come from this channel's old address; the next tick tries again.
      offline = null;
    },
    // While offline nothing runs before the next probe, however long ago a channel was due.
    nextRunAt: (id) => {
      const at = next.get(id);
      return at === undefined ? null : Math.max(at, offline?.retryAt ?? at);
    },
    isRunning: (id) => running.has(id),
    offline: () => offline,
    clientFor: makeFor,
    clientWith: (channel, creds) => makeClient(channel, creds, io),
  };
}

export { DEFAULT_PULL };
