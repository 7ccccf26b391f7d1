import type { Sqlite } from '../../adapters/db/open';

export interface LevelRow {
  warehouseId: number;
  skuId: number;
  warehouse: string;
  sku: string;
  title: string;
  bin: string | null;
  binSequence: number | null;
  onHand: number;
  reserved: number;
  available: number;
  threshold: number;
}

const THRESHOLD = 'coalesce(t.min_available, s.safety_stock)';

const LEVELS_FROM = `from stock_levels l
  join warehouses w on w.id = l.warehouse_id
  join skus s on s.id = l.sku_id
  left join sku_bins sb on sb.warehouse_id = l.warehouse_id and sb.sku_id = l.sku_id
  left join bins b on b.id = sb.bin_id
  left join stock_thresholds t on t.warehouse_id = l.warehouse_id and t.sku_id = l.sku_id`;

export interface LevelFilter {
  warehouseId?: number;
  bin?: string;
  search?: string;
  belowThreshold?: boolean;
  skuIds?: number[];
}

function where(f: LevelFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.warehouseId !== undefined) {
    parts.push('l.warehouse_id = @warehouseId');
    params.warehouseId = f.warehouseId;
  }
  if (f.bin) {
    parts.push('b.code = @bin');
    params.bin = f.bin;
  }
  if (f.search?.trim()) {
    // A scanned barcode finds its SKU too (exact, through the barcode's primary key).
    parts.push(
      '(s.sku like @like or s.title like @like or s.id in (select sku_id from sku_barcodes where barcode = @code))',
    );
    params.like = `%${f.search.trim()}%`;
    params.code = f.search.trim();
  }
  if (f.belowThreshold) parts.push(`l.on_hand - l.reserved < ${THRESHOLD}`);
  if (f.skuIds) {
    parts.push('l.sku_id in (select value from json_each(@skuIds))');
    params.skuIds = JSON.stringify(f.skuIds);
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

export function listLevels(
  sqlite: Sqlite,
  f: LevelFilter,
  offset: number,
  limit: number,
): { rows: LevelRow[]; total: number } {
  const w = where(f);
  const rows = sqlite
    .prepare(
      `select l.warehouse_id as warehouseId, l.sku_id as skuId, w.code as warehouse, s.sku, s.title, b.code as bin,
              b.sequence as binSequence, l.on_hand as onHand, l.reserved, l.on_hand - l.reserved as available,
              ${THRESHOLD} as threshold
         ${LEVELS_FROM} ${w.sql}
        order by w.code, coalesce(b.sequence, 1e9), s.sku limit @limit offset @offset`,
    )
    .all({ ...w.params, limit, offset }) as LevelRow[];
  const { n } = sqlite.prepare(`select count(*) as n ${LEVELS_FROM} ${w.sql}`).get(w.params) as { n: number };
  return { rows, total: n };
}

/** Levels of given SKUs in every warehouse, for alert suggestions and routing. */
export function levelsOfSkus(sqlite: Sqlite, skuIds: number[]): LevelRow[] {
  const w = where({ skuIds });
  return sqlite
    .prepare(
      `select l.warehouse_id as warehouseId, l.sku_id as skuId, w.code as warehouse, s.sku, s.title, b.code as bin,
              b.sequence as binSequence, l.on_hand as onHand, l.reserved, l.on_hand - l.reserved as available,
              ${THRESHOLD} as threshold
         ${LEVELS_FROM} ${w.sql}`,
    )
    .all(w.params) as LevelRow[];
}

export const effectiveThreshold = (sqlite: Sqlite, warehouseId: number, skuId: number): number =>
  (
    sqlite
      .prepare(
        `select coalesce(t.min_available, s.safety_stock) as th from skus s left join stock_thresholds t on t.sku_id = s.id and t.warehouse_id = ? where s.id = ?`,
      )
      .get(warehouseId, skuId) as { th: number } | undefined
  )?.th ?? 0;

/** The threshold set for this warehouse itself (stock_thresholds), 0 when there is none. */
export const ownThreshold = (sqlite: Sqlite, warehouseId: number, skuId: number): number =>
  (
    sqlite
      .prepare('select min_available as th from stock_thresholds where warehouse_id = ? and sku_id = ?')
      .get(warehouseId, skuId) as { th: number } | undefined
  )?.th ?? 0;

export interface LedgerRowDb {
  id: number;
  at: number;
  warehouse: string;
  sku: string;
  kind: string;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  reason: string | null;
  actor: string;
}

export function listLedger(
  sqlite: Sqlite,
  skuId: number,
  warehouseId: number | undefined,
  offset: number,
  limit: number,
): { rows: LedgerRowDb[]; total: number } {
  const cond =
    warehouseId === undefined ? 'l.sku_id = @skuId' : 'l.sku_id = @skuId and l.warehouse_id = @warehouseId';
  const params = { skuId, warehouseId: warehouseId ?? null };
  const rows = sqlite
    .prepare(
      `select l.id, l.at, w.code as warehouse, s.sku, l.kind, l.on_hand_delta as onHandDelta, l.reserved_delta as reservedDelta,
              l.reference, l.reason, l.actor
         from stock_ledger l join warehouses w on w.id = l.warehouse_id join skus s on s.id = l.sku_id
        where ${cond} order by l.id desc limit @limit offset @offset`,
    )
    .all({ ...params, limit, offset }) as LedgerRowDb[];
  const { n } = sqlite.prepare(`select count(*) as n from stock_ledger l where ${cond}`).get(params) as {
    n: number;
  };
  return { rows, total: n };
}

export function setThreshold(
  sqlite: Sqlite,
  warehouseId: number,
  skuId: number,
  minAvailable: number | null,
): void {
  if (minAvailable === null)
    sqlite
      .prepare('delete from stock_thresholds where warehouse_id = ? and sku_id = ?')
      .run(warehouseId, skuId);
  else
    sqlite
      .prepare(
        'insert into stock_thresholds (warehouse_id, sku_id, min_available) values (?, ?, ?) on conflict (warehouse_id, sku_id) do update set min_available = excluded.min_available',
      )
      .run(warehouseId, skuId, minAvailable);
}

export interface OffShelf {
  skuId: number;
  sku: string;
  units: number;
}

/**
 * Units picked into totes or packed and not shipped yet, by SKU id, in one warehouse: still on
 * hand, but not on the shelves a clerk counts. A packed order holds all its units at the bench;
 * an order still being picked holds its share of its wave's picks, which fill the wave's orders
 * in slot order (as the picking screen puts them away). Waves are read from fulfillment's tables.
 */
export function offShelfUnits(sqlite: Sqlite, warehouseId: number): OffShelf[] {
  return sqlite
    .prepare(
      `with open_waves as (
         select distinct wo.wave_id as id from orders o
           join wave_orders wo on wo.order_id = o.id and wo.removed_at is null
           join waves w on w.id = wo.wave_id and w.warehouse_id = ?
          where o.status in ('picking', 'packed')
       ), lines as (
         select l.wave_id, l.sku_id, o.status, l.quantity,
                coalesce(sum(l.quantity) over (partition by l.wave_id, l.sku_id order by wo.slot
                  rows between unbounded preceding and 1 preceding), 0) as ahead
           from wave_lines l
           join wave_orders wo on wo.wave_id = l.wave_id and wo.order_id = l.order_id and wo.removed_at is null
           join orders o on o.id = l.order_id and o.status <> 'cancelled'
          where l.wave_id in (select id from open_waves)
       )
       select l.sku_id as skuId, s.sku,
              sum(case when l.status = 'packed' then l.quantity
                       else max(0, min(l.quantity, coalesce(p.picked, 0) - l.ahead)) end) as units
         from lines l join skus s on s.id = l.sku_id
         left join wave_picks p on p.wave_id = l.wave_id and p.sku_id = l.sku_id
        where l.status in ('picking', 'packed')
        group by l.sku_id having units > 0`,
    )
    .all(warehouseId) as OffShelf[];
}
