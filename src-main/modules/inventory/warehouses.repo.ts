import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../core-context';
import { warehouses } from './inventory.table';

export type WarehouseRow = typeof warehouses.$inferSelect;
export type WarehouseValues = Omit<typeof warehouses.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>;

export const listWarehouses = (db: Db): WarehouseRow[] =>
  db.select().from(warehouses).orderBy(asc(warehouses.id)).all();

export const findWarehouse = (db: Db, id: number): WarehouseRow | undefined =>
  db.select().from(warehouses).where(eq(warehouses.id, id)).get();

export const findWarehouseByCode = (db: Db, code: string): WarehouseRow | undefined =>
  db.select().from(warehouses).where(eq(warehouses.code, code)).get();

export const insertWarehouse = (db: Db, v: WarehouseValues, now: number): WarehouseRow =>
  db
    .insert(warehouses)
    .values({ ...v, createdAt: now, updatedAt: now })
    .returning()
    .get();

export const updateWarehouse = (db: Db, id: number, v: WarehouseValues, now: number): WarehouseRow =>
  db
    .update(warehouses)
    .set({ ...v, updatedAt: now })
    .where(eq(warehouses.id, id))
    .returning()
    .get();
