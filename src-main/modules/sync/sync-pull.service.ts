import type { CoreContext } from '../../core-context';
import type { ChannelClient } from '../../adapters/channels/channel-order';
import { findSyncState, patchSyncState, type SyncStateRow } from './sync.repo';
import type { OrderSink } from './sync-write';

export interface PullPolicy {
  /** Re-read this much before the checkpoint: clock skew and same-second updates are not missed. */
  overlapMs: number;
  /** How often a full reconciliation re-reads the recent window regardless of the checkpoint. */
  fullEveryMs: number;
  /** How far back a full reconciliation (and the very first pull) reaches. */
  fullWindowMs: number;
  /** Re-runs of a sweep when paging drifted (the same order seen twice); each is cheap, nothing changes twice. */
  maxRechecks: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/**
 * Overlap 10 min: covers clock skew between the shop and this computer and same-second edits.
 * Full reconciliation daily over 30 days: catches anything a checkpoint can miss (orders deleted
 * from a page mid-sweep, restored backups, a shop clock jump) while staying well inside Shopify's
 * 60-day window for apps without read_all_orders. The first pull of a channel is such a full one.
 */
export const DEFAULT_PULL: PullPolicy = {
  overlapMs: 10 * MINUTE,
  fullEveryMs: DAY,
  fullWindowMs: 30 * DAY,
  maxRechecks: 2,
};

export interface PullCounts {
  imported: number;
  updated: number;
  unchanged: number;
  pages: number;
  kind: 'incremental' | 'full';
}

export interface PullHooks {
  onPage?(counts: PullCounts): void;
}

interface Sweep {
  kind: 'incremental' | 'full';
  since: number | null;
  cursor: string | null;
  startedAt: number;
  maxAt: number | null;
}

/** Continue a sweep a killed run left behind, else start an incremental one or a due full one. */
function planSweep(
  state: SyncStateRow | undefined,
  now: number,
  p: PullPolicy,
  forceFull: boolean,
): { sweep: Sweep; resumed: boolean } {
  if (state?.sweepKind && state.sweepStartedAt !== null) {
    return {
      resumed: true,
      sweep: {
        kind: state.sweepKind,
        since: state.sweepSince,
        cursor: state.sweepCursor,
        startedAt: state.sweepStartedAt,
        maxAt: state.sweepMaxAt,
      },
    };
  }
  const fullDue =
    forceFull ||
    state?.cursorAt == null ||
    state.lastFullAt === null ||
    now - state.lastFullAt >= p.fullEveryMs;
  const since = fullDue ? now - p.fullWindowMs : Math.max(0, (state?.cursorAt ?? 0) - p.overlapMs);
  return {
    resumed: false,
    sweep: { kind: fullDue ? 'full' : 'incremental', since, cursor: null, startedAt: now, maxAt: null },
  };
}

/**
 * Pulls one channel page by page. Each page's orders and the sweep's progress commit in one
 * transaction, so a run killed between pages resumes exactly there; the checkpoint timestamp moves
 * only when the sweep's last page commits, to min(newest change seen, sweep start), so orders
 * changed while paging are read by the next run. A sweep over numbered pages that saw an order twice
 * (the pages shifted under it) is read again from the same point, up to maxRechecks times.
 */
export async function pullChannel(
  ctx: CoreContext,
  channelId: number,
  client: ChannelClient,
  sink: OrderSink,
  opts: { policy?: PullPolicy; forceFull?: boolean; hooks?: PullHooks } = {},
): Promise<PullCounts> {
  const policy = opts.policy ?? DEFAULT_PULL;
  const tx = <T>(fn: () => T): T => ctx.sqlite.transaction(fn).immediate();
  const state = findSyncState(ctx.sqlite, channelId);
  const { sweep, resumed } = planSweep(state, ctx.now(), policy, opts.forceFull ?? false);
  const counts: PullCounts = { imported: 0, updated: 0, unchanged: 0, pages: 0, kind: sweep.kind };
  tx(() =>
    patchSyncState(
      ctx.sqlite,
      channelId,
      {
        sweepKind: sweep.kind,
        sweepSince: sweep.since,
        sweepCursor: sweep.cursor,
        sweepStartedAt: sweep.startedAt,
        sweepMaxAt: sweep.maxAt,
        state: 'running',
        lastRunAt: ctx.now(),
      },
      ctx.now(),
    ),
  );
  /** The shop's clock at this run's first answer: the checkpoint never passes it. */
  let shopStart: number | undefined;
  const seen = new Map<string, number>();
  let drifted = false;
  let rechecks = 0;
  let retriedStaleCursor = false;
  for (;;) {
    let page;
    try {
      page = await client.fetchOrdersPage(sweep.since, sweep.cursor);
    } catch (e) {
      // A cursor saved hours ago may have expired: start the same sweep again instead of failing forever.
      if (
        resumed &&
        !retriedStaleCursor &&
        sweep.cursor !== null &&
        (e as { kind?: string }).kind === 'client'
      ) {
        retriedStaleCursor = true;
        sweep.cursor = null;
        continue;
      }
      throw e;
    }
    shopStart ??= page.shopTime;
    for (const o of page.orders) {
      const before = seen.get(o.externalId);
      if (before !== undefined && !client.keysetPaging) drifted = true;
      seen.set(o.externalId, Math.max(before ?? 0, o.sourceUpdatedAt));
    }
    const pageMax = page.orders.reduce<number | null>(
      (m, o) => (m === null || o.sourceUpdatedAt > m ? o.sourceUpdatedAt : m),
      null,
    );
    const last = page.next === null;
    const recheck = last && drifted && rechecks < policy.maxRechecks;
    const pageCounts = { imported: 0, updated: 0, unchanged: 0 };
    tx(() => {
      for (const o of page.orders) {
        const outcome = sink.write(o);
        pageCounts[outcome === 'inserted' ? 'imported' : outcome] += 1;
      }
      const maxAt = pageMax === null ? sweep.maxAt : Math.max(sweep.maxAt ?? pageMax, pageMax);
      sweep.maxAt = maxAt;
      if (!last || recheck) {
        sweep.cursor = recheck ? null : page.next;
        patchSyncState(ctx.sqlite, channelId, { sweepCursor: sweep.cursor, sweepMaxAt: maxAt }, ctx.now());
        return;
      }
      // Nothing changed in the whole window: everything up to the sweep's start has been seen. The
      // shop stamps changes with its own clock, so this computer's clock, hours ahead when its time
      // zone is set wrong, must not carry the checkpoint past the shop's "now" (that would skip the
      // orders of those hours); this also mends a checkpoint an earlier run put in the shop's future.
      const reached = Math.min(maxAt ?? sweep.startedAt, sweep.startedAt);
      const cursorAt = Math.min(Math.max(state?.cursorAt ?? reached, reached), shopStart ?? Infinity);
      patchSyncState(
        ctx.sqlite,
        channelId,
        {
          cursorAt,
          ...(sweep.kind === 'full' ? { lastFullAt: sweep.startedAt } : {}),
          sweepKind: null,
          sweepSince: null,
          sweepCursor: null,
          sweepStartedAt: null,
          sweepMaxAt: null,
        },
        ctx.now(),
      );
    });
    counts.imported += pageCounts.imported;
    counts.updated += pageCounts.updated;
    counts.unchanged += pageCounts.unchanged;
    counts.pages += 1;
    opts.hooks?.onPage?.({ ...counts });
    if (recheck) {
      rechecks += 1;
      drifted = false;
      seen.clear();
      continue;
    }
    if (last) return counts;
  }
}
