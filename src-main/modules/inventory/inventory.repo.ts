import type { Sqlite } from '../../adapters/db/open';
import { bulkInserter } from '../../adapters/db/bulk-insert';
import { stmt } from '../../adapters/db/statements';

export type LedgerKind =
  'receipt' | 'adjustment' | 'reservation' | 'release' | 'pick' | 'ship' | 'transfer' | 'return';

export interface LedgerEntry {
  warehouseId: number;
  skuId: number;
  kind: LedgerKind;
  onHandDelta: number;
  reservedDelta: number;
  reference: string | null;
  reason: string | null;
  actor: string;
  at: number;
}

// Routing appends one row per reserved SKU for every order: the statement is prepared once per
// connection (stmt), and positional values bind faster than an object's named ones.
export function appendLedger(sqlite: Sqlite, e: LedgerEntry): void {
  stmt(
    sqlite,
    `insert into stock_ledger (warehouse_id, sku_id, kind, on_hand_delta, reserved_delta, reference, reason, actor, at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.warehouseId, e.skuId, e.kind, e.onHandDelta, e.reservedDelta, e.reference, e.reason, e.actor, e.at);
}

type LedgerRow = [
  warehouseId: number,
  skuId: number,
  kind: LedgerKind,
  onHandDelta: number,
  reservedDelta: number,
  reference: string | null,
  reason: string | null,
  actor: string,
  at: number,
];

/**
 * appendLedger for a run that appends many rows (routing's reservations): written many to a
 * statement (bulkInserter), each row still applied and checked by the ledger trigger. The rows
 * reach the ledger and stock_levels only on flush() (or as chunks fill), so flush before reading
 * either back.
 */
export function ledgerWriter(sqlite: Sqlite): { add(e: LedgerEntry): void; flush(): void } {
  const rows = bulkInserter<LedgerRow>(sqlite, 'stock_ledger', [
    'warehouse_id',
    'sku_id',
    'kind',
    'on_hand_delta',
    'reserved_delta',
    'reference',
    'reason',
    'actor',
    'at',
  ]);
  return {
    add: (e) =>
      rows.add([
        e.warehouseId,
        e.skuId,
        e.kind,
        e.onHandDelta,
        e.reservedDelta,
        e.reference,
        e.reason,
        e.actor,
        e.at,
      ]),
    flush: rows.flush,
  };
}

/** Net quantity still reserved per warehouse and SKU under one reference (e.g. `order:42`). */
export function openReservations(
  sqlite: Sqlite,
  reference: string,
): { warehouseId: number; skuId: number; reserved: number }[] {
  return sqlite
    .prepare(
      `select warehouse_id as warehouseId, sku_id as skuId, sum(reserved_delta) as reserved
         from stock_ledger where reference = ? group by warehouse_id, sku_id having sum(reserved_delta) > 0`,
    )
    .all(reference) as { warehouseId: number; skuId: number; reserved: number }[];
}

export function stockLevel(
  sqlite: Sqlite,
  warehouseId: number,
  skuId: number,
): { onHand: number; reserved: number } {
  const row = sqlite
    .prepare('select on_hand as onHand, reserved from stock_levels where warehouse_id = ? and sku_id = ?')
    .get(warehouseId, skuId) as { onHand: number; reserved: number } | undefined;
  return row ?? { onHand: 0, reserved: 0 };
}

/**
 * Where the stock ledger is now (its last entry's id, 0 when empty): a count taken at this mark
 * is compared with the stock as it was then (`movedSince`).
 */
export const ledgerMark = (sqlite: Sqlite): number =>
  sqlite.prepare('select coalesce(max(id), 0) from stock_ledger').pluck().get() as number;

/** On-hand change of one SKU in one warehouse after a ledger mark (stock_ledger_sku_idx covers it). */
export const movedSince = (sqlite: Sqlite, warehouseId: number, skuId: number, mark: number): number =>
  sqlite
    .prepare(
      `select coalesce(sum(on_hand_delta), 0) from stock_ledger
        where sku_id = ? and warehouse_id = ? and id > ?`,
    )
    .pluck()
    .get(skuId, warehouseId, mark) as number;
