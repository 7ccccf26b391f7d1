import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';

export const PUSH_TRACKING = 'channel.pushTracking';
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead', 'export'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** A push-tracking job with the order and channel it is about (payload written by shipping.confirm). */
export interface PushJobRow {
  id: number;
  kind: string;
  status: JobStatus;
  attempts: number;
  nextRunAt: number;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
  orderId: number;
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
  channelId: number;
  channelName: string;
  channelKind: string;
  carrierName: string | null;
}

const SELECT = `select j.id, j.kind, j.status, j.attempts, j.next_run_at as nextRunAt, j.last_error as lastError,
       j.created_at as createdAt, j.updated_at as updatedAt,
       json_extract(j.payload_json, '$.orderId') as orderId,
       coalesce(json_extract(j.payload_json, '$.externalId'), o.external_id) as orderNumber,
       json_extract(j.payload_json, '$.carrier') as carrier,
       json_extract(j.payload_json, '$.trackingNumber') as trackingNumber,
       c.id as channelId, c.name as channelName, c.kind as channelKind,
       k.name as carrierName
  from jobs j
  join orders o on o.id = json_extract(j.payload_json, '$.orderId')
  join channels c on c.id = o.channel_id
  left join carriers k on k.code = json_extract(j.payload_json, '$.carrier')`;

export const findPushJob = (sqlite: Sqlite, id: number): PushJobRow | undefined =>
  stmt(sqlite, `${SELECT} where j.id = ? and j.kind = '${PUSH_TRACKING}'`).get(id) as PushJobRow | undefined;

export interface JobFilter {
  status: JobStatus[];
  channelId: number | null;
  limit: number;
  offset: number;
}

/** Newest first; filters by status and channel. */
export function listPushJobs(sqlite: Sqlite, f: JobFilter): PushJobRow[] {
  const statuses = f.status.length ? f.status : [...JOB_STATUSES];
  return sqlite
    .prepare(
      `${SELECT} where j.kind = '${PUSH_TRACKING}' and j.status in (${statuses.map(() => '?').join(',')})
         and (? is null or c.id = ?)
       order by j.updated_at desc, j.id desc limit ? offset ?`,
    )
    .all(...statuses, f.channelId, f.channelId, f.limit, f.offset) as PushJobRow[];
}

/** Jobs per status (for the tabs), for one channel or all. */
export function countPushJobs(sqlite: Sqlite, channelId: number | null): Record<JobStatus, number> {
  const rows = stmt(
    sqlite,
    `select j.status, count(*) as n from jobs j
       join orders o on o.id = json_extract(j.payload_json, '$.orderId')
      where j.kind = '${PUSH_TRACKING}' and (? is null or o.channel_id = ?) group by j.status`,
  ).all(channelId, channelId) as { status: JobStatus; n: number }[];
  const out = Object.fromEntries(JOB_STATUSES.map((s) => [s, 0])) as Record<JobStatus, number>;
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** The next queued job due now, oldest first. */
export const nextDueJob = (sqlite: Sqlite, now: number): { id: number } | undefined =>
  stmt(
    sqlite,
    `select id from jobs where status = 'queued' and next_run_at <= ? and kind = '${PUSH_TRACKING}'
      order by next_run_at, id limit 1`,
  ).get(now) as { id: number } | undefined;

export const earliestQueued = (sqlite: Sqlite): number | null =>
  (
    stmt(
      sqlite,
      `select min(next_run_at) as at from jobs where status = 'queued' and kind = '${PUSH_TRACKING}'`,
    ).get() as { at: number | null }
  ).at;

/** queued → running with one more attempt; false when another worker took it first. */
export const claimJob = (sqlite: Sqlite, id: number, now: number): boolean =>
  stmt(
    sqlite,
    `update jobs set status = 'running', attempts = attempts + 1, updated_at = ? where id = ? and status = 'queued'`,
  ).run(now, id).changes === 1;

/** Only a job this worker holds (still 'running') is settled, so a recovered job is never overwritten. */
export const settleJob = (
  sqlite: Sqlite,
  id: number,
  s: { status: JobStatus; lastError: string | null; nextRunAt?: number; uncount?: boolean },
  now: number,
): boolean =>
  stmt(
    sqlite,
    `update jobs set status = ?, last_error = ?, next_run_at = coalesce(?, next_run_at),
            attempts = attempts - ?, updated_at = ? where id = ? and status = 'running'`,
  ).run(s.status, s.lastError, s.nextRunAt ?? null, s.uncount ? 1 : 0, now, id).changes === 1;

/** A queued job whose order or channel is gone (or whose payload is unreadable) can never be pushed. */
export const failOrphan = (sqlite: Sqlite, id: number, now: number): void => {
  stmt(
    sqlite,
    `update jobs set status = 'failed', last_error = 'The order this push belongs to no longer exists', updated_at = ?
      where id = ? and status = 'queued'`,
  ).run(now, id);
};

/** After a crash or restart: jobs left running go back to the queue (the push re-reads the channel first). */
export function recoverRunning(sqlite: Sqlite, now: number): number[] {
  const ids = (
    stmt(sqlite, `select id from jobs where status = 'running' and kind = '${PUSH_TRACKING}'`).all() as {
      id: number;
    }[]
  ).map((r) => r.id);
  if (ids.length)
    stmt(
      sqlite,
      `update jobs set status = 'queued', next_run_at = ?, updated_at = ? where status = 'running' and kind = '${PUSH_TRACKING}'`,
    ).run(now, now);
  return ids;
}

/** A person asked to try again: a fresh set of attempts, due now. */
export const requeueJob = (sqlite: Sqlite, id: number, now: number): void => {
  stmt(
    sqlite,
    `update jobs set status = 'queued', attempts = 0, next_run_at = ?, last_error = null, updated_at = ? where id = ?`,
  ).run(now, now, id);
};

/** Jobs waiting for a channel's bulk-shipping file: parked in 'export', or queued and not yet looked at. */
export const exportableJobs = (sqlite: Sqlite, channelId: number): PushJobRow[] =>
  stmt(
    sqlite,
    `${SELECT} where j.kind = '${PUSH_TRACKING}' and j.status in ('export', 'queued') and c.id = ? order by j.id`,
  ).all(channelId) as PushJobRow[];

/** Per channel, the pushes waiting for a file or not yet looked at (the caller keeps the channels without an API). */
export const waitingByChannel = (
  sqlite: Sqlite,
): { channelId: number; channelName: string; waiting: number }[] =>
  stmt(
    sqlite,
    `select c.id as channelId, c.name as channelName, count(*) as waiting from jobs j
       join orders o on o.id = json_extract(j.payload_json, '$.orderId') join channels c on c.id = o.channel_id
      where j.kind = '${PUSH_TRACKING}' and j.status in ('export', 'queued') group by c.id order by c.name`,
  ).all() as { channelId: number; channelName: string; waiting: number }[];

/** Jobs parked for export whose channel has an API by now: back to the queue, to be pushed. */
export function requeueExportOf(sqlite: Sqlite, channelIds: number[], now: number): number[] {
  if (!channelIds.length) return [];
  const ids = (
    sqlite
      .prepare(
        `select j.id from jobs j join orders o on o.id = json_extract(j.payload_json, '$.orderId')
          where j.kind = '${PUSH_TRACKING}' and j.status = 'export' and o.channel_id in (${channelIds.map(() => '?').join(',')})`,
      )
      .all(...channelIds) as { id: number }[]
  ).map((r) => r.id);
  for (const id of ids)
    stmt(
      sqlite,
      `update jobs set status = 'queued', next_run_at = ?, updated_at = ? where id = ? and status = 'export'`,
    ).run(now, now, id);
  return ids;
}

export const markExported = (sqlite: Sqlite, id: number, now: number): void => {
  stmt(
    sqlite,
    `update jobs set status = 'done', last_error = null, updated_at = ? where id = ? and status in ('export', 'queued')`,
  ).run(now, id);
};

export const findChannel = (
  sqlite: Sqlite,
  id: number,
): { id: number; code: string; name: string; kind: string; configJson: string } | undefined =>
  stmt(sqlite, 'select id, code, name, kind, config_json as configJson from channels where id = ?').get(
    id,
  ) as { id: number; code: string; name: string; kind: string; configJson: string } | undefined;
