import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core-context';
import type { Sqlite } from '../../adapters/db/open';
import { channels } from './channels.table';

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
