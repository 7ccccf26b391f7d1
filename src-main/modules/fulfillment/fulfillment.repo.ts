import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';

export interface CandidateOrder {
  id: number;
  placedAt: number;
}

/** Allocated orders of a warehouse, most urgent first (review priority, then oldest). */
export function allocatedOrders(
  sqlite: Sqlite,
  f: { warehouseId: number; carrier: string | null; cutoff: number | null },
): CandidateOrder[] {
  return stmt(
    sqlite,
    `select id, placed_at as placedAt from orders
      where status = 'allocated' and warehouse_id = ?
        and (? is null or carrier = ?) and (? is null or placed_at <= ?)
      order by priority desc, placed_at, id`,
  ).all(f.warehouseId, f.carrier, f.carrier, f.cutoff, f.cutoff) as CandidateOrder[];
}

/** What an order holds in the ledger (reference order:<id>), which is what must be picked. */
export function heldStock(
  sqlite: Sqlite,
  reference: string,
  warehouseId: number,
): { skuId: number; quantity: number }[] {
  return stmt(
    sqlite,
    `select sku_id as skuId, sum(reserved_delta) as quantity from stock_ledger
      where reference = ? and warehouse_id = ? group by sku_id having sum(reserved_delta) > 0 order by sku_id`,
  ).all(reference, warehouseId) as { skuId: number; quantity: number }[];
}

export function insertWave(
  sqlite: Sqlite,
  warehouseId: number,
  filtersJson: string,
  actor: string,
  now: number,
) {
  return Number(
    stmt(sqlite, 'insert into waves (warehouse_id, filters_json, actor, created_at) values (?, ?, ?, ?)').run(
      warehouseId,
      filtersJson,
      actor,
      now,
    ).lastInsertRowid,
  );
}

export function insertWaveOrder(sqlite: Sqlite, waveId: number, orderId: number, slot: number): void {
  stmt(sqlite, 'insert into wave_orders (wave_id, order_id, slot) values (?, ?, ?)').run(
    waveId,
    orderId,
    slot,
  );
}

export function insertWaveLine(sqlite: Sqlite, waveId: number, orderId: number, skuId: number, qty: number) {
  stmt(sqlite, 'insert into wave_lines (wave_id, order_id, sku_id, quantity) values (?, ?, ?, ?)').run(
    waveId,
    orderId,
    skuId,
    qty,
  );
  stmt(
    sqlite,
    'insert into wave_picks (wave_id, sku_id, picked) values (?, ?, 0) on conflict (wave_id, sku_id) do nothing',
  ).run(waveId, skuId);
}

export interface WaveRow {
  id: number;
  warehouse: string;
  warehouseId: number;
  filtersJson: string;
  actor: string;
  createdAt: number;
}

const WAVE_SELECT = `select v.id, w.code as warehouse, v.warehouse_id as warehouseId, v.filters_json as filtersJson,
       v.actor, v.created_at as createdAt from waves v join warehouses w on w.id = v.warehouse_id`;

export const findWave = (sqlite: Sqlite, id: number): WaveRow | undefined =>
  stmt(sqlite, `${WAVE_SELECT} where v.id = ?`).get(id) as WaveRow | undefined;

export const listWaveRows = (sqlite: Sqlite, limit: number): WaveRow[] =>
  stmt(sqlite, `${WAVE_SELECT} order by v.id desc limit ?`).all(limit) as WaveRow[];

export interface WaveOrderRow {
  orderId: number;
  externalId: string;
  slot: number;
  status: string;
  removedAt: number | null;
  removedReason: string | null;
}

export const waveOrderRows = (sqlite: Sqlite, waveId: number): WaveOrderRow[] =>
  stmt(
    sqlite,
    `select wo.order_id as orderId, o.external_id as externalId, wo.slot, o.status,
            wo.removed_at as removedAt, wo.removed_reason as removedReason
       from wave_orders wo join orders o on o.id = wo.order_id where wo.wave_id = ? order by wo.slot`,
  ).all(waveId) as WaveOrderRow[];

export interface WaveLineRow {
  orderId: number;
  slot: number;
  skuId: number;
  sku: string;
  quantity: number;
}

/** Lines of the orders still in the wave (not cancelled meanwhile), in slot order: the order units of a SKU are put away. */
export const activeWaveLines = (sqlite: Sqlite, waveId: number): WaveLineRow[] =>
  stmt(
    sqlite,
    `select l.order_id as orderId, wo.slot, l.sku_id as skuId, s.sku, l.quantity
       from wave_lines l
       join wave_orders wo on wo.wave_id = l.wave_id and wo.order_id = l.order_id and wo.removed_at is null
       join orders o on o.id = l.order_id and o.status <> 'cancelled'
       join skus s on s.id = l.sku_id
      where l.wave_id = ? order by wo.slot, s.sku`,
  ).all(waveId) as WaveLineRow[];

export interface PickRow {
  skuId: number;
  sku: string;
  title: string;
  bin: string | null;
  binSequence: number | null;
  picked: number;
}

/** Per-SKU pick rows in bin walking order; SKUs without a bin come last. */
export const wavePickRows = (sqlite: Sqlite, waveId: number, warehouseId: number): PickRow[] =>
  stmt(
    sqlite,
    `select p.sku_id as skuId, s.sku, s.title, b.code as bin, b.sequence as binSequence, p.picked
       from wave_picks p join skus s on s.id = p.sku_id
       left join sku_bins sb on sb.warehouse_id = ? and sb.sku_id = p.sku_id
       left join bins b on b.id = sb.bin_id
      where p.wave_id = ?
      order by b.id is null, b.sequence, b.code, s.sku`,
  ).all(warehouseId, waveId) as PickRow[];

/** Every barcode of the wave's SKUs (primary and extra), so the picking screen can answer a scan before the core does. */
export function skuBarcodesOfWave(sqlite: Sqlite, waveId: number): Map<number, string[]> {
  const rows = stmt(
    sqlite,
    `select p.sku_id as skuId, b.barcode from wave_picks p join sku_barcodes b on b.sku_id = p.sku_id
      where p.wave_id = ?
     union
     select p.sku_id, s.barcode from wave_picks p join skus s on s.id = p.sku_id
      where p.wave_id = ? and s.barcode is not null
     order by 1, 2`,
  ).all(waveId, waveId) as { skuId: number; barcode: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.skuId, [...(out.get(r.skuId) ?? []), r.barcode]);
  return out;
}

export function addPicked(sqlite: Sqlite, waveId: number, skuId: number, qty: number): void {
  stmt(sqlite, 'update wave_picks set picked = picked + ? where wave_id = ? and sku_id = ?').run(
    qty,
    waveId,
    skuId,
  );
}

export function removeWaveOrder(
  sqlite: Sqlite,
  waveId: number,
  orderId: number,
  reason: string,
  now: number,
) {
  stmt(
    sqlite,
    'update wave_orders set removed_at = ?, removed_reason = ? where wave_id = ? and order_id = ? and removed_at is null',
  ).run(now, reason, waveId, orderId);
}

/** The wave an order is currently being picked in, if any. */
export const activeWaveOf = (sqlite: Sqlite, orderId: number): { waveId: number; slot: number } | undefined =>
  stmt(
    sqlite,
    `select wave_id as waveId, slot from wave_orders where order_id = ? and removed_at is null
      order by wave_id desc limit 1`,
  ).get(orderId) as { waveId: number; slot: number } | undefined;

export const orderInSlot = (sqlite: Sqlite, waveId: number, slot: number): number | undefined =>
  (
    stmt(
      sqlite,
      'select order_id as orderId from wave_orders where wave_id = ? and slot = ? and removed_at is null',
    ).get(waveId, slot) as { orderId: number } | undefined
  )?.orderId;

export const orderIdByExternal = (sqlite: Sqlite, externalId: string): number[] =>
  (
    stmt(sqlite, 'select id from orders where external_id = ? order by id').all(externalId) as {
      id: number;
    }[]
  ).map((r) => r.id);

export const externalIdOf = (sqlite: Sqlite, id: number): string =>
  (stmt(sqlite, 'select external_id as e from orders where id = ?').get(id) as { e: string } | undefined)
    ?.e ?? '';

export const orderStatusOf = (sqlite: Sqlite, id: number): string | undefined =>
  (stmt(sqlite, 'select status from orders where id = ?').get(id) as { status: string } | undefined)?.status;

export interface SkuHit {
  skuId: number;
  sku: string;
  title: string;
  weightGrams: number;
}

/** A scanned barcode: any of the SKU's barcodes, its primary barcode, or its code typed by hand. */
export const skuByBarcode = (sqlite: Sqlite, code: string): SkuHit | undefined =>
  stmt(
    sqlite,
    `select s.id as skuId, s.sku, s.title, s.weight_grams as weightGrams from skus s
      where s.id = coalesce((select sku_id from sku_barcodes where barcode = ?),
                            (select id from skus where barcode = ?), (select id from skus where sku = ?))`,
  ).get(code, code, code) as SkuHit | undefined;

export const binByCode = (
  sqlite: Sqlite,
  warehouseId: number,
  code: string,
): { id: number; code: string } | undefined =>
  stmt(sqlite, 'select id, code from bins where warehouse_id = ? and code = ?').get(warehouseId, code) as
    { id: number; code: string } | undefined;

export const skusInBin = (sqlite: Sqlite, binId: number): number[] =>
  (
    stmt(sqlite, 'select sku_id as skuId from sku_bins where bin_id = ?').all(binId) as { skuId: number }[]
  ).map((r) => r.skuId);

export interface ExpectedLine {
  skuId: number;
  sku: string;
  title: string;
  weightGrams: number;
  quantity: number;
}

/** What a parcel must contain: the order's lines in its current wave. */
export const expectedLines = (sqlite: Sqlite, waveId: number, orderId: number): ExpectedLine[] =>
  stmt(
    sqlite,
    `select l.sku_id as skuId, s.sku, s.title, s.weight_grams as weightGrams, l.quantity
       from wave_lines l join skus s on s.id = l.sku_id where l.wave_id = ? and l.order_id = ? order by s.sku`,
  ).all(waveId, orderId) as ExpectedLine[];

/** The codes that scan as a SKU (what skuByBarcode accepts): its barcodes, then its SKU code. */
export const scanCodesOf = (sqlite: Sqlite, skuId: number): string[] =>
  (
    stmt(
      sqlite,
      `select barcode as code from sku_barcodes where sku_id = @id
       union select barcode from skus where id = @id and barcode is not null
       union select sku from skus where id = @id`,
    ).all({ id: skuId }) as { code: string }[]
  ).map((r) => r.code);

export interface SessionRow {
  id: number;
  orderId: number;
  status: string;
  actor: string;
  openedAt: number;
}

export const findSession = (sqlite: Sqlite, id: number): SessionRow | undefined =>
  stmt(
    sqlite,
    'select id, order_id as orderId, status, actor, opened_at as openedAt from pack_sessions where id = ?',
  ).get(id) as SessionRow | undefined;

export const openSessionOf = (sqlite: Sqlite, orderId: number): SessionRow | undefined =>
  stmt(
    sqlite,
    `select id, order_id as orderId, status, actor, opened_at as openedAt from pack_sessions
      where order_id = ? and status = 'open' order by id desc limit 1`,
  ).get(orderId) as SessionRow | undefined;

export const insertSession = (sqlite: Sqlite, orderId: number, actor: string, now: number): number =>
  Number(
    stmt(sqlite, 'insert into pack_sessions (order_id, actor, opened_at) values (?, ?, ?)').run(
      orderId,
      actor,
      now,
    ).lastInsertRowid,
  );

export function insertScan(
  sqlite: Sqlite,
  s: { sessionId: number; barcode: string; skuId: number | null; result: string; at: number },
): void {
  stmt(sqlite, 'insert into pack_scans (session_id, barcode, sku_id, result, at) values (?, ?, ?, ?, ?)').run(
    s.sessionId,
    s.barcode,
    s.skuId,
    s.result,
    s.at,
  );
}

/** Counted (ok) scans per SKU of a session. */
export const scannedCounts = (sqlite: Sqlite, sessionId: number): Map<number, number> =>
  new Map(
    (
      stmt(
        sqlite,
        `select sku_id as skuId, count(*) as n from pack_scans where session_id = ? and result = 'ok' group by sku_id`,
      ).all(sessionId) as { skuId: number; n: number }[]
    ).map((r) => [r.skuId, r.n]),
  );

/** Refused scans of a session (wrong or extra items), oldest first. */
export const refusedScans = (
  sqlite: Sqlite,
  sessionId: number,
): { barcode: string; sku: string | null; result: string }[] =>
  stmt(
    sqlite,
    `select p.barcode, s.sku, p.result from pack_scans p left join skus s on s.id = p.sku_id
      where p.session_id = ? and p.result <> 'ok' order by p.id`,
  ).all(sessionId) as { barcode: string; sku: string | null; result: string }[];

/** Units scanned into the order's last completed parcel, per SKU; undefined when it was never packed here. */
export function packedCounts(sqlite: Sqlite, orderId: number): Map<number, number> | undefined {
  const last = stmt(
    sqlite,
    `select id from pack_sessions where order_id = ? and status = 'completed' order by id desc limit 1`,
  ).get(orderId) as { id: number } | undefined;
  return last ? scannedCounts(sqlite, last.id) : undefined;
}

export function completeSession(
  sqlite: Sqlite,
  id: number,
  v: { weightGrams: number | null; box: string | null; overrideJson: string | null; now: number },
): void {
  stmt(
    sqlite,
    `update pack_sessions set status = 'completed', completed_at = ?, weight_grams = ?, box = ?, override_json = ?
      where id = ?`,
  ).run(v.now, v.weightGrams, v.box, v.overrideJson, id);
}

export const findShipment = (
  sqlite: Sqlite,
  orderId: number,
): { carrier: string; trackingNumber: string } | undefined =>
  stmt(sqlite, 'select carrier, tracking_number as trackingNumber from shipments where order_id = ?').get(
    orderId,
  ) as { carrier: string; trackingNumber: string } | undefined;

export function insertShipment(
  sqlite: Sqlite,
  s: { orderId: number; carrier: string; trackingNumber: string; actor: string; now: number },
): void {
  stmt(
    sqlite,
    'insert into shipments (order_id, carrier, tracking_number, actor, shipped_at) values (?, ?, ?, ?, ?)',
  ).run(s.orderId, s.carrier, s.trackingNumber, s.actor, s.now);
}

/** Queues an outgoing effect once: a second insert with the same key is a no-op. Returns whether it was new. */
export function enqueueOutboxJob(
  sqlite: Sqlite,
  j: { kind: string; key: string; payload: object; now: number },
): boolean {
  return (
    stmt(
      sqlite,
      `insert into jobs (kind, idempotency_key, payload_json, status, attempts, next_run_at, created_at, updated_at)
       values (?, ?, ?, 'queued', 0, ?, ?, ?) on conflict (idempotency_key) do nothing`,
    ).run(j.kind, j.key, JSON.stringify(j.payload), j.now, j.now, j.now).changes > 0
  );
}

/** Where routing sent an order: its warehouse code and carrier (null while it has none). */
export const routeOf = (
  sqlite: Sqlite,
  orderId: number,
): { warehouse: string | null; carrier: string | null } =>
  (stmt(
    sqlite,
    'select w.code as warehouse, o.carrier from orders o left join warehouses w on w.id = o.warehouse_id where o.id = ?',
  ).get(orderId) as { warehouse: string | null; carrier: string | null } | undefined) ?? {
    warehouse: null,
    carrier: null,
  };
