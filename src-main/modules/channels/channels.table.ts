import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const channels = sqliteTable('channels', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  currency: text('currency').notNull().default('CNY'),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  /** Non-secret connection settings (shop domain, watched folder…); secrets live elsewhere, encrypted. */
  configJson: text('config_json').notNull().default('{}'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * What the core's watcher last did with a channel's drop folder (the folder itself and its layout
 * live in channels.config_json). Which files were imported is remembered by their content hash in
 * import_runs, so this row is only for the screen.
 */
export const channelFolderState = sqliteTable('channel_folder_state', {
  channelId: integer('channel_id')
    .primaryKey()
    .references(() => channels.id, { onDelete: 'cascade' }),
  lastScanAt: integer('last_scan_at'),
  lastFile: text('last_file'),
  /** 'imported' | 'skipped' | 'failed' for the last file, or 'error' when the folder itself could not be read. */
  lastStatus: text('last_status'),
  lastMessage: text('last_message'),
  filesImported: integer('files_imported').notNull().default(0),
  filesFailed: integer('files_failed').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
});
