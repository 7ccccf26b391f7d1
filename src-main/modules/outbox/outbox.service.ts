import type { CoreContext } from '../../core-context';
import type { OpOutput, OpParsedInput } from '../../../src-shared/contract';
import type { OutboxJob } from '../../../src-shared/contract/outbox.contract';
import { AppFailure } from '../../../src-shared/result';
import { recordAudit } from '../audit';
import { listApiChannels } from '../sync';
import { bulkShippingCsv } from './bulk-shipping-file';
import { carrierNameFor } from './carrier-names';
import {
  countPushJobs,
  exportableJobs,
  findChannel,
  findPushJob,
  listPushJobs,
  markExported,
  requeueJob,
  waitingByChannel,
  type PushJobRow,
} from './outbox.repo';
import { routeOf } from './push-tracking';

const iso = (ms: number) => new Date(ms).toISOString();

/** Channels that push through their API (a Shopify/WooCommerce channel with a shop address). */
const apiChannelIds = (ctx: CoreContext) =>
  new Set(
    listApiChannels(ctx.sqlite)
      .filter((c) => c.api)
      .map((c) => c.id),
  );

function view(j: PushJobRow, api: Set<number>): OutboxJob {
  return {
    id: j.id,
    status: j.status,
    orderId: j.orderId,
    orderNumber: j.orderNumber,
    channelId: j.channelId,
    channelName: j.channelName,
    channelKind: j.channelKind,
    route: api.has(j.channelId) ? 'api' : 'export',
    carrier: j.carrier,
    carrierName: carrierNameFor(j.channelKind, j.carrier, j.carrierName),
    trackingNumber: j.trackingNumber,
    attempts: j.attempts,
    nextRunAt: j.status === 'queued' ? iso(j.nextRunAt) : null,
    lastError: j.lastError,
    createdAt: iso(j.createdAt),
    updatedAt: iso(j.updatedAt),
  };
}

export function listOutbox(
  ctx: CoreContext,
  input: OpParsedInput<'outbox.list'>,
  offline: { since: number; retryAt: number; reason: string } | null,
): OpOutput<'outbox.list'> {
  const api = apiChannelIds(ctx);
  const rows = listPushJobs(ctx.sqlite, {
    status: input.status ?? [],
    channelId: input.channelId ?? null,
    limit: input.limit,
    offset: input.offset,
  });
  return {
    rows: rows.map((r) => view(r, api)),
    counts: countPushJobs(ctx.sqlite, input.channelId ?? null),
    exportable: waitingByChannel(ctx.sqlite).filter((w) => !api.has(w.channelId)),
    offline: offline
      ? { since: iso(offline.since), retryAt: iso(offline.retryAt), reason: offline.reason }
      : null,
  };
}

/** Failed and dead jobs go back to the queue with fresh attempts; anything else is refused by id. */
export function retryOutbox(ctx: CoreContext, ids: number[], actor: string): OpOutput<'outbox.retry'> {
  const api = apiChannelIds(ctx);
  const now = ctx.now();
  const rows = [...new Set(ids)].map((id) => {
    const job = findPushJob(ctx.sqlite, id);
    if (!job) throw new AppFailure('not_found', `Nothing was retried: push job ${id} does not exist`);
    if (job.status !== 'failed' && job.status !== 'dead')
      throw new AppFailure(
        'conflict',
        `Nothing was retried: push job ${id} (order ${job.orderNumber}) is ${job.status}; only failed or dead jobs can be retried`,
      );
    requeueJob(ctx.sqlite, id, now);
    recordAudit(ctx.db, {
      at: now,
      actor,
      entity: 'order',
      entityId: job.orderId,
      action: 'tracking-push-retry',
      reason: job.lastError,
      data: { jobId: id },
    });
    return view(findPushJob(ctx.sqlite, id)!, api);
  });
  ctx.emit('outbox.changed', { ids: rows.map((r) => r.id) });
  return { rows };
}

/** The bulk-shipping file of a channel without an API; its waiting jobs become done in the same transaction. */
export function exportOutbox(ctx: CoreContext, channelId: number, actor: string): OpOutput<'outbox.export'> {
  const channel = findChannel(ctx.sqlite, channelId);
  if (!channel) throw new AppFailure('not_found', `Channel ${channelId} does not exist`);
  if (routeOf(ctx, channelId).kind === 'api')
    throw new AppFailure(
      'conflict',
      `Channel "${channel.name}" pushes tracking numbers through its API; there is no file to export`,
    );
  const jobs = exportableJobs(ctx.sqlite, channelId);
  if (!jobs.length)
    throw new AppFailure('not_found', `Channel "${channel.name}" has no shipped orders waiting for export`);
  const now = ctx.now();
  for (const j of jobs) markExported(ctx.sqlite, j.id, now);
  recordAudit(ctx.db, {
    at: now,
    actor,
    entity: 'channel',
    entityId: channelId,
    action: 'tracking-export',
    data: { jobIds: jobs.map((j) => j.id), orders: jobs.map((j) => j.orderNumber) },
  });
  const { content, layout } = bulkShippingCsv(channel.kind, jobs);
  const stamp = new Date(now).toISOString().slice(0, 16).replace(/[-:T]/g, '');
  ctx.emit('outbox.changed', { ids: jobs.map((j) => j.id) });
  return {
    fileName: `${channel.code}-bulk-shipping-${stamp}.csv`,
    content,
    count: jobs.length,
    jobIds: jobs.map((j) => j.id),
    layout,
  };
}
