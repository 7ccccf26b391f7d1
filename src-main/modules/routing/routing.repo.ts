import type { Sqlite } from '../../adapters/db/open';
import { bulkInserter } from '../../adapters/db/bulk-insert';
import { stmt } from '../../adapters/db/statements';

export interface RoutableOrder {
  id: number;
  status: string;
  country: string;
  province: string;
  paymentMethod: string | null;
  currency: string;
  warehouseId: number | null;
}

export interface RoutableLine {
  orderId: number;
  lineNo: number;
  sku: string;
  quantity: number;
}

/** Prepared once per run: routing 100k orders must not re-prepare statements per order. */
export function routingStatements(sqlite: Sqlite) {
  return {
    wasAllocated: sqlite.prepare(
      `select 1 from allocations where order_id = ? and outcome = 'allocated' limit 1`,
    ),
    setRoute: sqlite.prepare(`update orders set warehouse_id = ?, carrier = ?, updated_at = ? where id = ?`),
  };
}
export type RoutingStatements = ReturnType<typeof routingStatements>;

export interface AllocationValues {
  orderId: number;
  at: number;
  actor: string;
  outcome: 'allocated' | 'backordered' | 'exception' | 'split';
  warehouseId: number | null;
  carrier: string | null;
  shippingMinor: number | null;
  handlingMinor: number | null;
  currency: string;
  reasonsJson: string;
  alternativesJson: string;
}

type AllocationRow = [
  orderId: number,
  at: number,
  actor: string,
  outcome: string,
  warehouseId: number | null,
  carrier: string | null,
  shippingMinor: number | null,
  handlingMinor: number | null,
  currency: string,
  reasonsJson: string,
  alternativesJson: string,
];

/** Allocation rows of a run, written many to a statement (bulkInserter); flush() inside the run's transaction. */
export function allocationWriter(sqlite: Sqlite): { add(a: AllocationValues): void; flush(): void } {
  const rows = bulkInserter<AllocationRow>(sqlite, 'allocations', [
    'order_id',
    'at',
    'actor',
    'outcome',
    'warehouse_id',
    'carrier',
    'shipping_minor',
    'handling_minor',
    'currency',
    'reasons_json',
    'alternatives_json',
  ]);
  return {
    add: (a) =>
      rows.add([
        a.orderId,
        a.at,
        a.actor,
        a.outcome,
        a.warehouseId,
        a.carrier,
        a.shippingMinor,
        a.handlingMinor,
        a.currency,
        a.reasonsJson,
        a.alternativesJson,
      ]),
    flush: rows.flush,
  };
}

/** A line with its own expected ship date (pre-sale), if it has one; its SKU's date is in the catalog. */
export interface BatchLine extends RoutableLine {
  shipDate: string | null;
}

const ROUTABLE_COLUMNS = 'id, status, country, province, payment_method, currency, warehouse_id';
type RoutableRaw = [number, string, string, string, string | null, string, number | null];

/**
 * Rows come as arrays given one object shape here: for a run's 100,000 orders that costs about
 * half of better-sqlite3 building row objects.
 */
const toRoutable = (r: RoutableRaw): RoutableOrder => ({
  id: r[0],
  status: r[1],
  country: r[2],
  province: r[3],
  paymentMethod: r[4],
  currency: r[5],
  warehouseId: r[6],
});

/** An approved order with what decides when routing serves it. */
export interface ServingOrder extends RoutableOrder {
  priority: number;
  placedAt: number;
  /** Its lines, when the caller read them already (the pipeline's review did). */
  lines?: BatchLine[];
}

/**
 * The order routing serves orders in: the priority review gave them (set_priority) first, then
 * oldest first, so scarce stock goes to urgent orders before old ones.
 */
export const servingOrder = (a: ServingOrder, b: ServingOrder): number =>
  b.priority - a.priority || a.placedAt - b.placedAt || a.id - b.id;

/**
 * Approved orders in serving order, read with what routing needs of them, as finding them visits
 * those rows anyway (a second read per batch cost another pass over 100,000 rows in random order).
 */
export const approvedInServingOrder = (sqlite: Sqlite): ServingOrder[] =>
  (
    stmt(
      sqlite,
      `select ${ROUTABLE_COLUMNS}, priority, placed_at from orders where status = 'approved' order by priority desc, placed_at, id`,
    )
      .raw(true)
      .all() as [...RoutableRaw, number, number][]
  ).map((r) => Object.assign(toRoutable(r as unknown as RoutableRaw), { priority: r[7], placedAt: r[8] }));

/** Orders by id (in no particular order), in one query. */
export const routableOrders = (sqlite: Sqlite, ids: readonly number[]): RoutableOrder[] =>
  ids.length === 0
    ? []
    : (
        stmt(sqlite, `select ${ROUTABLE_COLUMNS} from orders where id in (select value from json_each(?))`)
          .raw(true)
          .all(JSON.stringify(ids)) as RoutableRaw[]
      ).map(toRoutable);

/**
 * The lines of a batch of orders in one query, read inside the run's transaction: routing 100,000
 * orders with a point query each cost more than planning them. No join with skus for their
 * pre-sale dates: the run has the catalog in memory, and the join was a third of this read.
 */
export const batchLines = (sqlite: Sqlite, ids: readonly number[]): BatchLine[] =>
  (
    stmt(
      sqlite,
      `select order_id, line_no, sku, quantity, presale_ship_date from order_lines
        where order_id in (select value from json_each(?)) order by order_id, line_no`,
    )
      .raw(true)
      .all(JSON.stringify(ids)) as [number, number, string, number, string | null][]
  ).map((r) => ({ orderId: r[0], lineNo: r[1], sku: r[2], quantity: r[3], shipDate: r[4] }));

/**
 * Approved orders that may be merged, grouped by channel, currency, buyer, phone and full address.
 * COD orders and orders tagged do-not-merge never take part.
 */
export const mergeableGroups = (sqlite: Sqlite): number[][] =>
  (
    sqlite
      .prepare(
        `select json_group_array(id) as ids from (
           select id, channel_id, currency, recipient_name, phone, country, province, city, district, street, detail from orders
            where status = 'approved' and lower(coalesce(payment_method, '')) <> 'cod'
              and not exists (select 1 from json_each(orders.tags_json) where value = 'do-not-merge')
            order by placed_at, id)
          group by channel_id, currency, recipient_name, phone, country, province, city, district, street, detail
         having count(*) > 1`,
      )
      .all() as { ids: string }[]
  ).map((r) => (JSON.parse(r.ids) as number[]).sort((a, b) => a - b));

/** Backordered orders that contain any of these SKUs (directly or through a bundle), by priority then age. */
export const backorderedWithSkus = (sqlite: Sqlite, skus: string[]): number[] =>
  sqlite
    .prepare(
      `select distinct o.id from orders o join order_lines l on l.order_id = o.id
        where o.status = 'backordered' and (l.sku in (select value from json_each(@skus))
          or l.sku in (select b.sku from sku_components c join skus b on b.id = c.bundle_sku_id join skus p on p.id = c.component_sku_id
                        where p.sku in (select value from json_each(@skus))))
        order by o.priority desc, o.placed_at, o.id`,
    )
    .pluck()
    .all({ skus: JSON.stringify(skus) }) as number[];

export interface AllocationRowDb {
  at: number;
  actor: string;
  outcome: 'allocated' | 'backordered' | 'exception' | 'split';
  warehouse: string | null;
  carrier: string | null;
  shippingMinor: number | null;
  handlingMinor: number | null;
  currency: string;
  reasonsJson: string;
  alternativesJson: string;
}

export const allocationsOf = (sqlite: Sqlite, orderId: number): AllocationRowDb[] =>
  sqlite
    .prepare(
      `select a.at, a.actor, a.outcome, w.code as warehouse, a.carrier, a.shipping_minor as shippingMinor, a.handling_minor as handlingMinor,
              a.currency, a.reasons_json as reasonsJson, a.alternatives_json as alternativesJson
         from allocations a left join warehouses w on w.id = a.warehouse_id where a.order_id = ? order by a.id desc`,
    )
    .all(orderId) as AllocationRowDb[];

export const insertLink = (
  sqlite: Sqlite,
  kind: 'merge' | 'split',
  sourceOrderId: number,
  targetOrderId: number,
  at: number,
): void =>
  void sqlite
    .prepare('insert into order_links (kind, source_order_id, target_order_id, at) values (?, ?, ?, ?)')
    .run(kind, sourceOrderId, targetOrderId, at);

export const linksOf = (
  sqlite: Sqlite,
  orderId: number,
): { kind: 'merge' | 'split'; sourceOrderId: number; targetOrderId: number }[] =>
  sqlite
    .prepare(
      'select kind, source_order_id as sourceOrderId, target_order_id as targetOrderId from order_links where source_order_id = ? or target_order_id = ? order by id',
    )
    .all(orderId, orderId) as { kind: 'merge' | 'split'; sourceOrderId: number; targetOrderId: number }[];

export const regionPreferences = (
  sqlite: Sqlite,
): { region: string; warehouseId: number; code: string; rank: number }[] =>
  sqlite
    .prepare(
      'select r.region, r.warehouse_id as warehouseId, w.code, r.rank from region_warehouses r join warehouses w on w.id = r.warehouse_id order by r.region, r.rank',
    )
    .all() as { region: string; warehouseId: number; code: string; rank: number }[];

export function replaceRegionPreferences(
  sqlite: Sqlite,
  rows: { region: string; warehouseId: number; rank: number }[],
): void {
  sqlite.prepare('delete from region_warehouses').run();
  const ins = sqlite.prepare('insert into region_warehouses (region, warehouse_id, rank) values (?, ?, ?)');
  for (const r of rows) ins.run(r.region, r.warehouseId, r.rank);
}

export interface WarehouseForRouting {
  id: number;
  code: string;
  province: string;
  handlingMinor: number;
}

export const activeWarehouses = (sqlite: Sqlite): WarehouseForRouting[] =>
  sqlite
    .prepare(
      'select id, code, province, handling_minor as handlingMinor from warehouses where active = 1 order by id',
    )
    .all() as WarehouseForRouting[];

export const setWarehouseHandling = (sqlite: Sqlite, warehouseId: number, handlingMinor: number): void =>
  void sqlite
    .prepare('update warehouses set handling_minor = ? where id = ?')
    .run(handlingMinor, warehouseId);

export const readRoutingSettings = (sqlite: Sqlite): Map<string, string> =>
  new Map(
    (sqlite.prepare('select key, value from routing_settings').all() as { key: string; value: string }[]).map(
      (r) => [r.key, r.value],
    ),
  );

export const writeRoutingSetting = (sqlite: Sqlite, key: string, value: string): void =>
  void sqlite
    .prepare(
      'insert into routing_settings (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    )
    .run(key, value);

/** Available stock of every warehouse and SKU, loaded once per run and kept in step as the run reserves. */
export const availableStock = (sqlite: Sqlite): { warehouseId: number; skuId: number; available: number }[] =>
  sqlite
    .prepare(
      'select warehouse_id as warehouseId, sku_id as skuId, on_hand - reserved as available from stock_levels',
    )
    .all() as {
    warehouseId: number;
    skuId: number;
    available: number;
  }[];
