import type { Sqlite } from '../../adapters/db/open';

export type AlertKind = 'low_stock' | 'backorder';

export interface AlertRow {
  id: number;
  kind: AlertKind;
  warehouse: string;
  sku: string;
  available: number;
  threshold: number;
  suggestionsJson: string;
  createdAt: number;
  resolvedAt: number | null;
}

export const findOpenAlert = (
  sqlite: Sqlite,
  warehouseId: number,
  skuId: number,
  kind: AlertKind,
): { id: number } | undefined =>
  sqlite
    .prepare(
      'select id from stock_alerts where warehouse_id = ? and sku_id = ? and kind = ? and resolved_at is null',
    )
    .get(warehouseId, skuId, kind) as { id: number } | undefined;

export function insertAlert(
  sqlite: Sqlite,
  a: {
    kind: AlertKind;
    warehouseId: number;
    skuId: number;
    available: number;
    threshold: number;
    suggestionsJson: string;
    now: number;
  },
): number {
  return (
    sqlite
      .prepare(
        `insert into stock_alerts (kind, warehouse_id, sku_id, available, threshold, suggestions_json, created_at, updated_at)
         values (@kind, @warehouseId, @skuId, @available, @threshold, @suggestionsJson, @now, @now) returning id`,
      )
      .get(a) as { id: number }
  ).id;
}

export function updateAlert(
  sqlite: Sqlite,
  id: number,
  a: { available: number; threshold: number; suggestionsJson: string; now: number },
): void {
  sqlite
    .prepare(
      'update stock_alerts set available = @available, threshold = @threshold, suggestions_json = @suggestionsJson, updated_at = @now where id = @id',
    )
    .run({ ...a, id });
}

export function resolveAlerts(
  sqlite: Sqlite,
  warehouseId: number,
  skuId: number,
  kind: AlertKind,
  now: number,
): void {
  sqlite
    .prepare(
      'update stock_alerts set resolved_at = ? where warehouse_id = ? and sku_id = ? and kind = ? and resolved_at is null',
    )
    .run(now, warehouseId, skuId, kind);
}

export function listAlerts(
  sqlite: Sqlite,
  open: boolean,
  offset: number,
  limit: number,
): { rows: AlertRow[]; total: number } {
  const cond = open ? 'a.resolved_at is null' : '1 = 1';
  const rows = sqlite
    .prepare(
      `select a.id, a.kind, w.code as warehouse, s.sku, a.available, a.threshold, a.suggestions_json as suggestionsJson,
              a.created_at as createdAt, a.resolved_at as resolvedAt
         from stock_alerts a join warehouses w on w.id = a.warehouse_id join skus s on s.id = a.sku_id
        where ${cond} order by a.updated_at desc, a.id desc limit ? offset ?`,
    )
    .all(limit, offset) as AlertRow[];
  const { n } = sqlite.prepare(`select count(*) as n from stock_alerts a where ${cond}`).get() as {
    n: number;
  };
  return { rows, total: n };
}
