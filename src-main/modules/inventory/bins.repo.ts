import type { Sqlite } from '../../adapters/db/open';

export interface BinDb {
  id: number;
  code: string;
  sequence: number;
  active: boolean;
}

const toBin = (
  r: { id: number; code: string; sequence: number; active: number } | undefined,
): BinDb | undefined => r && { id: r.id, code: r.code, sequence: r.sequence, active: r.active === 1 };

export const findBin = (sqlite: Sqlite, warehouseId: number, code: string): BinDb | undefined =>
  toBin(
    sqlite
      .prepare('select id, code, sequence, active from bins where warehouse_id = ? and code = ?')
      .get(warehouseId, code) as { id: number; code: string; sequence: number; active: number } | undefined,
  );

/** Walking order; retired bins after the active ones. */
export const binsOfWarehouse = (sqlite: Sqlite, warehouseId: number): BinDb[] =>
  (
    sqlite
      .prepare(
        'select id, code, sequence, active from bins where warehouse_id = ? order by active desc, sequence, code',
      )
      .all(warehouseId) as { id: number; code: string; sequence: number; active: number }[]
  ).map((r) => toBin(r)!);

export const insertBin = (
  sqlite: Sqlite,
  warehouseId: number,
  code: string,
  sequence: number,
  active: boolean,
): number =>
  Number(
    sqlite
      .prepare('insert into bins (warehouse_id, code, sequence, active) values (?, ?, ?, ?)')
      .run(warehouseId, code, sequence, active ? 1 : 0).lastInsertRowid,
  );

export function updateBin(
  sqlite: Sqlite,
  id: number,
  change: { code?: string; sequence?: number; active?: boolean },
): void {
  sqlite
    .prepare(
      'update bins set code = coalesce(@code, code), sequence = coalesce(@sequence, sequence), active = coalesce(@active, active) where id = @id',
    )
    .run({
      id,
      code: change.code ?? null,
      sequence: change.sequence ?? null,
      active: change.active === undefined ? null : change.active ? 1 : 0,
    });
}

/** SKUs whose default bin is this one, and their stock in the bin's warehouse. */
export const binContents = (
  sqlite: Sqlite,
  warehouseId: number,
): { binId: number; sku: string; title: string; onHand: number; reserved: number }[] =>
  sqlite
    .prepare(
      `select sb.bin_id as binId, s.sku, s.title, coalesce(l.on_hand, 0) as onHand, coalesce(l.reserved, 0) as reserved
         from sku_bins sb join skus s on s.id = sb.sku_id
         left join stock_levels l on l.warehouse_id = sb.warehouse_id and l.sku_id = sb.sku_id
        where sb.warehouse_id = ? order by s.sku`,
    )
    .all(warehouseId) as { binId: number; sku: string; title: string; onHand: number; reserved: number }[];

export const skuCodesInBin = (sqlite: Sqlite, binId: number): string[] =>
  sqlite
    .prepare(
      'select s.sku from sku_bins sb join skus s on s.id = sb.sku_id where sb.bin_id = ? order by s.sku',
    )
    .pluck()
    .all(binId) as string[];

export function assignBin(sqlite: Sqlite, warehouseId: number, skuId: number, binId: number): void {
  sqlite
    .prepare(
      'insert into sku_bins (warehouse_id, sku_id, bin_id) values (?, ?, ?) on conflict (warehouse_id, sku_id) do update set bin_id = excluded.bin_id',
    )
    .run(warehouseId, skuId, binId);
}

export const unassignBin = (sqlite: Sqlite, warehouseId: number, skuId: number): void =>
  void sqlite.prepare('delete from sku_bins where warehouse_id = ? and sku_id = ?').run(warehouseId, skuId);
