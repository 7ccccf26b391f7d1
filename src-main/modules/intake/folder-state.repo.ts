import type { Sqlite } from '../../adapters/db/open';

export interface FolderStateRow {
  channelId: number;
  lastScanAt: number | null;
  lastFile: string | null;
  lastStatus: 'imported' | 'skipped' | 'failed' | 'error' | null;
  lastMessage: string | null;
  filesImported: number;
  filesFailed: number;
}

export const folderStates = (sqlite: Sqlite): Map<number, FolderStateRow> =>
  new Map(
    (
      sqlite
        .prepare(
          `select channel_id as channelId, last_scan_at as lastScanAt, last_file as lastFile, last_status as lastStatus,
                  last_message as lastMessage, files_imported as filesImported, files_failed as filesFailed
             from channel_folder_state`,
        )
        .all() as FolderStateRow[]
    ).map((r) => [r.channelId, r]),
  );

/** Records a scan of the folder (file null) or what happened to one file of it. */
export function recordFolderEvent(
  sqlite: Sqlite,
  e: {
    channelId: number;
    at: number;
    file: string | null;
    status: 'imported' | 'skipped' | 'failed' | 'error' | null;
    message: string | null;
  },
): void {
  const imported = e.status === 'imported' ? 1 : 0;
  const failed = e.status === 'failed' ? 1 : 0;
  // A scan that found nothing new keeps the last file's story; an unreadable folder replaces it.
  const touchesFile = e.file !== null || e.status === 'error';
  sqlite
    .prepare(
      `insert into channel_folder_state (channel_id, last_scan_at, last_file, last_status, last_message, files_imported, files_failed, updated_at)
       values (@channelId, @at, @file, @status, @message, @imported, @failed, @at)
       on conflict (channel_id) do update set
         last_scan_at = excluded.last_scan_at,
         last_file = case when @touchesFile then excluded.last_file else last_file end,
         last_status = case when @touchesFile then excluded.last_status else last_status end,
         last_message = case when @touchesFile then excluded.last_message else last_message end,
         files_imported = files_imported + excluded.files_imported,
         files_failed = files_failed + excluded.files_failed,
         updated_at = excluded.updated_at`,
    )
    .run({ ...e, imported, failed, touchesFile: touchesFile ? 1 : 0 });
}
