import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../core-context';
import { settings } from './settings.table';

export function readSettings(db: Db, keys: string[]): Record<string, unknown> {
  const rows = db.select().from(settings).where(inArray(settings.key, keys)).all();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.valueJson) as unknown]));
}

export function writeSetting(db: Db, key: string, value: unknown, now: number): void {
  db.insert(settings)
    .values({ key, valueJson: JSON.stringify(value), updatedAt: now })
    .onConflictDoUpdate({
      target: settings.key,
      set: { valueJson: sql`excluded.value_json`, updatedAt: now },
    })
    .run();
}
