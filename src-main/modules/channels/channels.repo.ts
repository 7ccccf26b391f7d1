import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core-context';
import type { Sqlite } from '../../adapters/db/open';
import { channels } from './channels.table';
import type { IMPORT_FORMAT_NAMES } from '../../../src-shared/contract/intake.contract';

type ImportFormatName = (typeof IMPORT_FORMAT_NAMES)[number];

export type ChannelRow = typeof channels.$inferSelect;
export type ChannelValues = Pick<
  typeof channels.$inferInsert,
  'code' | 'kind' | 'name' | 'currency' | 'enabled'
>;

export const listChannels = (db: Db): ChannelRow[] =>
  db.select().from(channels).orderBy(asc(channels.id)).all();
export const findChannel = (db: Db, id: number): ChannelRow | undefined =>
  db.select().from(channels).where(eq(channels.id, id)).get();
export const findChannelByCode = (db: Db, code: string): ChannelRow | undefined =>
  db.select().from(channels).where(eq(channels.code, code)).get();

export const insertChannel = (db: Db, v: ChannelValues, now: number): ChannelRow =>
  db
    .insert(channels)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning()
    .get();

export const updateChannel = (db: Db, id: number, v: ChannelValues, now: number): ChannelRow =>
  db
    .update(channels)
    .set({ ...v, updatedAt: now })
    .where(eq(channels.id, id))
    .returning()
    .get();

export function orderCountsByChannel(sqlite: Sqlite): Map<number, number> {
  const rows = sqlite
    .prepare('select channel_id as id, count(*) as n from orders group by channel_id')
    .all() as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/** The drop folder a channel keeps in channels.config_json under `watch` (the core polls it). */
export interface WatchConfig {
  dir: string;
  format: ImportFormatName;
  enabled: boolean;
}

export function watchConfigOf(configJson: string): WatchConfig | null {
  try {
    const w = (JSON.parse(configJson) as { watch?: Partial<WatchConfig> }).watch;
    if (!w || typeof w.dir !== 'string' || !w.dir) return null;
    return { dir: w.dir, format: w.format ?? 'auto', enabled: w.enabled !== false };
  } catch {
    return null;
  }
}

/** Merges `watch` into the channel's config (null removes it), keeping what other features store there. */
export function saveWatchConfig(
  sqlite: Sqlite,
  channelId: number,
  watch: WatchConfig | null,
  now: number,
): void {
  const json = sqlite
    .prepare('select config_json from channels where id = ?')
    .pluck()
    .get(channelId) as string;
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(json) as Record<string, unknown>;
  } catch {
    // A damaged config is replaced rather than blocking the save.
  }
  if (watch) config.watch = watch;
  else delete config.watch;
  sqlite
    .prepare('update channels set config_json = ?, updated_at = ? where id = ?')
    .run(JSON.stringify(config), now, channelId);
}

export interface WatchedChannel {
  id: number;
  code: string;
  name: string;
  enabled: boolean;
  watch: WatchConfig;
}

/** Channels that have a watched folder configured (enabled or not). */
export const watchedChannels = (sqlite: Sqlite): WatchedChannel[] =>
  (
    sqlite
      .prepare(
        "select id, code, name, enabled, config_json as configJson from channels where json_extract(config_json, '$.watch.dir') is not null order by id",
      )
      .all() as { id: number; code: string; name: string; enabled: number; configJson: string }[]
  ).flatMap((r) => {
    const watch = watchConfigOf(r.configJson);
    return watch ? [{ id: r.id, code: r.code, name: r.name, enabled: r.enabled === 1, watch }] : [];
  });
