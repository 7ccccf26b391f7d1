import { sqliteTable, integer, text, blob, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { channels } from '../channels/channels.table';

/**
 * API credentials of a channel, encrypted by the OS keychain (Electron safeStorage) before they
 * reach this table. The plain text never touches the database or the renderer.
 */
export const channelSecrets = sqliteTable('channel_secrets', {
  channelId: integer('channel_id')
    .primaryKey()
    .references(() => channels.id, { onDelete: 'cascade' }),
  /** Which keychain encrypted it (e.g. "keychain", "dpapi", "gnome_libsecret"): another one cannot decrypt it. */
  backend: text('backend').notNull(),
  ciphertext: blob('ciphertext', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * Per-channel pull state. `cursor_at` is the checkpoint: it is written in the same transaction as
 * the page of orders it covers, so a pull killed between pages resumes without loss or doubles.
 */
export const syncState = sqliteTable(
  'sync_state',
  {
    channelId: integer('channel_id')
      .primaryKey()
      .references(() => channels.id, { onDelete: 'cascade' }),
    /** Largest source updated_at (ms) stored so far; null before the first pull. */
    cursorAt: integer('cursor_at'),
    /** When the last full reconciliation (re-pull of the window, ignoring the cursor) finished. */
    lastFullAt: integer('last_full_at'),
    lastRunAt: integer('last_run_at'),
    lastSuccessAt: integer('last_success_at'),
    imported: integer('imported').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    lastError: text('last_error'),
    state: text('state').notNull().default('idle'),
    /**
     * The sweep in progress ('incremental' or 'full'), its lower bound, the next page's cursor and
     * the newest change seen: committed with each page, so a killed pull continues where it stopped.
     */
    sweepKind: text('sweep_kind'),
    sweepSince: integer('sweep_since'),
    sweepCursor: text('sweep_cursor'),
    sweepStartedAt: integer('sweep_started_at'),
    sweepMaxAt: integer('sweep_max_at'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [check('sync_state_state', sql`${t.state} in ('idle','running','ok','error','offline')`)],
);
