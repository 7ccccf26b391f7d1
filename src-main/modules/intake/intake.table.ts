import { sqliteTable, integer, text, blob, index, primaryKey, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/**
 * One file import. Its progress is committed with each page of orders, so an import killed half
 * way resumes where it stopped and counts every order exactly once.
 */
export const importRuns = sqliteTable(
  'import_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** sha256 of the file's bytes: the same file resumes its unfinished run. */
    fileHash: text('file_hash').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(),
    channelCode: text('channel_code').notNull(),
    totalOrders: integer('total_orders').notNull(),
    doneOrders: integer('done_orders').notNull().default(0),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejectedJson: text('rejected_json').notNull().default('[]'),
    status: text('status').notNull().default('running'),
    startedAt: integer('started_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    index('import_runs_file_idx').on(t.fileHash, t.format, t.channelCode, t.status),
    check('import_runs_status', sql`${t.status} in ('running','done')`),
    check('import_runs_progress', sql`${t.doneOrders} >= 0 and ${t.doneOrders} <= ${t.totalOrders}`),
  ],
);

/** A file uploaded from a browser in chunks before it is imported (the LAN/HTTP host has no file path). */
export const importUploads = sqliteTable(
  'import_uploads',
  {
    uploadId: text('upload_id').notNull(),
    seq: integer('seq').notNull(),
    fileName: text('file_name').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.seq] })],
);
