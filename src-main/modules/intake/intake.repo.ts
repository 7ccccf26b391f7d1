import type { Sqlite } from '../../adapters/db/open';
import type { RowProblem } from './intake.types';

export interface RunRow {
  id: number;
  fileHash: string;
  fileName: string;
  format: string;
  channelCode: string;
  totalOrders: number;
  doneOrders: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejectedJson: string;
  status: 'running' | 'done';
  startedAt: number;
  finishedAt: number | null;
}

const RUN_COLUMNS = `id, file_hash as fileHash, file_name as fileName, format, channel_code as channelCode, total_orders as totalOrders,
  done_orders as doneOrders, imported, updated, unchanged, rejected_json as rejectedJson, status, started_at as startedAt,
  finished_at as finishedAt`;

/** An unfinished run of the same bytes, format and channel: a killed import resumes it. */
export const findRunningRun = (
  sqlite: Sqlite,
  fileHash: string,
  format: string,
  channelCode: string,
): RunRow | undefined =>
  sqlite
    .prepare(
      `select ${RUN_COLUMNS} from import_runs where file_hash = ? and format = ? and channel_code = ? and status = 'running' order by id desc limit 1`,
    )
    .get(fileHash, format, channelCode) as RunRow | undefined;

export function insertRun(
  sqlite: Sqlite,
  r: {
    fileHash: string;
    fileName: string;
    format: string;
    channelCode: string;
    totalOrders: number;
    rejected: RowProblem[];
  },
  now: number,
): RunRow {
  return sqlite
    .prepare(
      `insert into import_runs (file_hash, file_name, format, channel_code, total_orders, rejected_json, status, started_at)
       values (?, ?, ?, ?, ?, ?, 'running', ?) returning ${RUN_COLUMNS}`,
    )
    .get(
      r.fileHash,
      r.fileName,
      r.format,
      r.channelCode,
      r.totalOrders,
      JSON.stringify(r.rejected),
      now,
    ) as RunRow;
}

/** Progress committed in the same transaction as the page's orders. */
export function advanceRun(
  sqlite: Sqlite,
  id: number,
  d: {
    done: number;
    imported: number;
    updated: number;
    unchanged: number;
    finished: number | null;
    rejected?: RowProblem[];
  },
): void {
  const { rejected = [], ...counts } = d;
  sqlite
    .prepare(
      `update import_runs set done_orders = @done, imported = imported + @imported, updated = updated + @updated,
         unchanged = unchanged + @unchanged, status = case when @finished is null then 'running' else 'done' end,
         finished_at = @finished where id = @id`,
    )
    .run({ ...counts, id });
  // Problems found while writing (not while parsing) join the run's list in the same transaction.
  if (rejected.length) {
    const row = sqlite.prepare('select rejected_json as j from import_runs where id = ?').get(id) as {
      j: string;
    };
    sqlite
      .prepare('update import_runs set rejected_json = ? where id = ?')
      .run(JSON.stringify([...(JSON.parse(row.j) as RowProblem[]), ...rejected]), id);
  }
}

export const findRun = (sqlite: Sqlite, id: number): RunRow | undefined =>
  sqlite.prepare(`select ${RUN_COLUMNS} from import_runs where id = ?`).get(id) as RunRow | undefined;

export const listRuns = (sqlite: Sqlite, limit: number): RunRow[] =>
  sqlite.prepare(`select ${RUN_COLUMNS} from import_runs order by id desc limit ?`).all(limit) as RunRow[];

export function insertUploadChunk(
  sqlite: Sqlite,
  u: { uploadId: string; seq: number; fileName: string; data: Buffer },
  now: number,
): number {
  // Uploads nobody imported within a day are litter.
  sqlite.prepare('delete from import_uploads where created_at < ?').run(now - 86_400_000);
  sqlite
    .prepare(
      'insert or replace into import_uploads (upload_id, seq, file_name, data, created_at) values (?, ?, ?, ?, ?)',
    )
    .run(u.uploadId, u.seq, u.fileName, u.data, now);
  return (
    sqlite
      .prepare('select coalesce(sum(length(data)), 0) as n from import_uploads where upload_id = ?')
      .get(u.uploadId) as { n: number }
  ).n;
}

export function readUpload(
  sqlite: Sqlite,
  uploadId: string,
): { fileName: string; bytes: Buffer } | undefined {
  const rows = sqlite
    .prepare('select file_name as fileName, data from import_uploads where upload_id = ? order by seq')
    .all(uploadId) as {
    fileName: string;
    data: Buffer;
  }[];
  if (!rows.length) return undefined;
  return {
    fileName: (rows[0] as { fileName: string }).fileName,
    bytes: Buffer.concat(rows.map((r) => r.data)),
  };
}

export const deleteUpload = (sqlite: Sqlite, uploadId: string): void => {
  sqlite.prepare('delete from import_uploads where upload_id = ?').run(uploadId);
};

/** A finished run of these exact bytes for this channel: a watched folder skips the file. */
export const hasDoneRun = (sqlite: Sqlite, fileHash: string, channelCode: string): boolean =>
  Boolean(
    sqlite
      .prepare(
        "select 1 from import_runs where file_hash = ? and channel_code = ? and status = 'done' limit 1",
      )
      .get(fileHash, channelCode),
  );
