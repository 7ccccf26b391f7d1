import { HAND_STATE, keepHandCorrections, type HandState, type KeptCorrection } from './hand-corrections';
import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import type { OrderStatus } from '../../../src-shared/domain/order-status';

export interface NewOrderLine {
  sku: string;
  title: string;
  spec: string;
  quantity: number;
  unitPriceMinor: number;
  /** Pre-sale (预售) expected ship date YYYY-MM-DD when the channel says so; routing waits for it. */
  presaleShipDate?: string | null;
}

export interface NewOrder {
  channelId: number;
  externalId: string;
  status?: OrderStatus;
  type: string;
  placedAt: number;
  sourceUpdatedAt: number;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  paymentMethod: string | null;
  buyerMessage: string | null;
  customerId: number | null;
  recipientName: string;
  phone: string;
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
  addressRaw: string;
  addressMasked: boolean;
  addressAmbiguous: boolean;
  tags: string[];
  reasons: string[];
  lines: NewOrderLine[];
  /** Customer region (华东…, or the country code abroad); '' when unknown. */
  region?: string;
  buyerIdNumber?: string | null;
  /**
   * Fingerprint of the channel's copy. Two copies with the same source_updated_at are told apart
   * by it (the larger wins), so importing them in any order gives the same database.
   */
  sourceHash?: string;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/** Raw row of `orders` as the repo reads it (snake_case mapped to camelCase in SQL). */
export interface OrderRow {
  id: number;
  channelCode: string;
  externalId: string;
  status: OrderStatus;
  type: string;
  placedAt: number;
  currency: string;
  totalMinor: number;
  shippingMinor: number;
  paymentMethod: string | null;
  buyerMessage: string | null;
  customerId: number | null;
  recipientName: string;
  phone: string;
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
  addressRaw: string;
  addressMasked: number;
  addressAmbiguous: number;
  warehouseCode: string | null;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: number | null;
  tagsJson: string;
  reasonsJson: string;
  /** The reasons of the order's latest routing decision (allocations), if routing decided. */
  routingJson: string | null;
  /** Set by review rules (set_priority); routing and waves serve higher first. */
  priority: number;
}

const ORDER_COLUMNS = `channel_id, external_id, status, type, placed_at, source_updated_at, currency, total_minor,
  shipping_minor, payment_method, buyer_message, customer_id, recipient_name, phone, country, province, city,
  district, street, detail, postcode, address_raw, address_masked, address_ambiguous, tags_json, reasons_json,
  region, buyer_id_number, source_hash, created_at, updated_at`;
/** One `?` per column of ORDER_COLUMNS: positional binding skips building a named-parameter object per order. */
const ORDER_PARAMS = ORDER_COLUMNS.split(',')
  .map(() => '?')
  .join(', ');

type SearchFields = Pick<
  NewOrder,
  | 'externalId'
  | 'recipientName'
  | 'phone'
  | 'province'
  | 'city'
  | 'district'
  | 'street'
  | 'detail'
  | 'addressRaw'
> & { lines: readonly { sku: string; title: string }[] };

/**
 * The text the queue's search matches. The address goes in once: the standardised form when
 * there is one (it holds the full names people type), else the original text. Indexing both
 * cost about a third of every order write for no extra matches.
 */
export const searchBody = (o: SearchFields): string =>
  [
    o.externalId,
    o.recipientName,
    o.phone,
    `${o.province}${o.city}${o.district}${o.street}${o.detail}` || o.addressRaw,
    ...o.lines.map((l) => `${l.sku} ${l.title}`),
  ].join(' ');

/**
 * `searchBody` as an SQL expression over `orders o` (its lines read in line_no order). The search
 * index keeps only which trigrams a body has, so the queue checks a longer query against this
 * text; migration 0024 fills the index with it. Keep the two in step (a property test compares them).
 */
export const SEARCH_BODY_SQL = `o.external_id || ' ' || o.recipient_name || ' ' || o.phone || ' ' ||
  coalesce(nullif(o.province || o.city || o.district || o.street || o.detail, ''), o.address_raw) ||
  coalesce((select group_concat(' ' || l.sku || ' ' || l.title, '' order by l.line_no)
    from order_lines l where l.order_id = o.id), '')`;

/** Prepared statements, made once per connection. */
export function ordersStatements(sqlite: Sqlite) {
  return {
    find: sqlite.prepare(
      `select id, source_updated_at as sourceUpdatedAt, source_hash as sourceHash, ${HAND_STATE}
       from orders where channel_id = ? and external_id = ?`,
    ),
    /** `find` for many external ids of one channel at once (an import page), as a JSON array. */
    findMany: sqlite.prepare(
      `select id, external_id as externalId, source_updated_at as sourceUpdatedAt, source_hash as sourceHash,
         ${HAND_STATE}
       from orders where channel_id = ? and external_id in (select value from json_each(?))`,
    ),
    /** The id the next inserted order gets (AUTOINCREMENT: past every id ever used). */
    nextId: sqlite
      .prepare(
        `select max(coalesce((select seq from sqlite_sequence where name = 'orders'), 0),
                    coalesce((select max(id) from orders), 0)) + 1`,
      )
      .pluck(),
    insert: rowsInsert(sqlite, `insert into orders (id, ${ORDER_COLUMNS})`, ORDER_ROW, BULK_ORDERS),
    // A newer copy without the buyer's ID keeps the one on file (a reviewer may have added it).
    update: sqlite.prepare(
      `update orders set type = @type, placed_at = @placedAt, source_updated_at = @sourceUpdatedAt, currency = @currency,
         total_minor = @totalMinor, shipping_minor = @shippingMinor, payment_method = @paymentMethod,
         buyer_message = @buyerMessage, customer_id = @customerId, recipient_name = @recipientName, phone = @phone,
         country = @country, province = @province, city = @city, district = @district, street = @street,
         detail = @detail, postcode = @postcode, address_raw = @addressRaw, address_masked = @addressMasked,
         address_ambiguous = @addressAmbiguous, tags_json = @tagsJson, reasons_json = @reasonsJson, region = @region,
         buyer_id_number = coalesce(@buyerIdNumber, buyer_id_number), source_hash = @sourceHash, updated_at = @now
       where id = @id`,
    ),
    deleteLines: sqlite.prepare('delete from order_lines where order_id = ?'),
    insertLines: rowsInsert(sqlite, LINES_INSERT, LINE_ROW, BULK_LINES),
    insertLine: sqlite.prepare(`${LINES_INSERT} values ${LINE_ROW}`),
    deleteSearch: sqlite.prepare('delete from orders_search where rowid = ?'),
    insertSearches: rowsInsert(sqlite, 'insert into orders_search (rowid, body)', '(?, ?)', BULK_ORDERS),
    insertSearch: sqlite.prepare('insert into orders_search (rowid, body) values (?, ?)'),
  };
}

/**
 * Rows per multi-row insert: one statement for many rows saves most of each row's call overhead.
 * 100 orders (3,200 values) and 250 lines took the main thread about 0.23 s less per 100,000
 * imported orders than 50 and 100 (six alternating pairs); 250 and 500 gained nothing more.
 */
const BULK_ORDERS = 100;
const BULK_LINES = 250;
const ORDER_ROW = `(?, ${ORDER_PARAMS})`;
const LINE_ROW = '(?, ?, ?, ?, ?, ?, ?, ?)';
const LINES_INSERT =
  'insert into order_lines (order_id, line_no, sku, title, spec, quantity, unit_price_minor, presale_ship_date)';

/** `insert … values` for `per` rows at once and for one row; `run` takes the rows' values flat. */
function rowsInsert(sqlite: Sqlite, head: string, row: string, per: number) {
  const many = sqlite.prepare(`${head} values ${Array.from({ length: per }, () => row).join(', ')}`);
  const one = sqlite.prepare(`${head} values ${row}`);
  const width = row.split('?').length - 1;
  return {
    run(values: unknown[]): void {
      const n = values.length / width;
      const full = n - (n % per);
      for (let i = 0; i < full; i += per) many.run(values.slice(i * width, (i + per) * width));
      for (let i = full; i < n; i++) one.run(values.slice(i * width, (i + 1) * width));
    },
  };
}
export type OrdersStatements = ReturnType<typeof ordersStatements>;

/** What `find` reads: enough to decide whether a copy of the order is newer than the stored one. */
export interface StoredOrderVersion {
  id: number;
  sourceUpdatedAt: number;
  sourceHash: string;
  /** HAND_STATE's JSON when a reviewer corrected the order by hand, else null/absent. */
  hand?: string | null;
}

/**
 * The stored copy wins unless the incoming one is newer; equal times are broken by the larger
 * fingerprint, so any arrival order of the same copies ends the same.
 */
export const storedIsCurrent = (
  existing: Pick<StoredOrderVersion, 'sourceUpdatedAt' | 'sourceHash'>,
  sourceUpdatedAt: number,
  hash: string,
): boolean =>
  existing.sourceUpdatedAt > sourceUpdatedAt ||
  (existing.sourceUpdatedAt === sourceUpdatedAt && existing.sourceHash >= hash);

/**
 * Inserts an order, or updates it in place when the channel's copy is newer: an order is unique
 * by (channel, external id), so re-importing never doubles it. Call inside a transaction.
 * `existing` is what the caller already looked up (null: known to be absent), saving a query.
 */
export function upsertOrder(
  st: OrdersStatements,
  o: NewOrder,
  now: number,
  existing: StoredOrderVersion | null = (st.find.get(o.channelId, o.externalId) as
    StoredOrderVersion | undefined) ?? null,
): { id: number; outcome: UpsertOutcome; kept: KeptCorrection[] } {
  const hash = o.sourceHash ?? '';
  if (existing && storedIsCurrent(existing, o.sourceUpdatedAt, hash)) {
    return { id: existing.id, outcome: 'unchanged', kept: [] };
  }
  if (!existing) {
    const id = st.nextId.get() as number;
    insertOrders(st, [o], id, now);
    return { id, outcome: 'inserted', kept: [] };
  }
  let kept: KeptCorrection[] = [];
  if (existing.hand) ({ order: o, kept } = keepHandCorrections(o, JSON.parse(existing.hand) as HandState));
  const id = existing.id;
  const { lines: _lines, ...fields } = o;
  st.update.run({
    ...fields,
    region: o.region ?? '',
    buyerIdNumber: o.buyerIdNumber ?? null,
    sourceHash: hash,
    addressMasked: o.addressMasked ? 1 : 0,
    addressAmbiguous: o.addressAmbiguous ? 1 : 0,
    tagsJson: JSON.stringify(o.tags),
    reasonsJson: JSON.stringify(o.reasons),
    now,
    id,
  });
  st.deleteLines.run(id);
  st.deleteSearch.run(id);
  o.lines.forEach((l, i) =>
    st.insertLine.run(
      id,
      i + 1,
      l.sku,
      l.title,
      l.spec,
      l.quantity,
      l.unitPriceMinor,
      l.presaleShipDate ?? null,
    ),
  );
  st.insertSearch.run(id, searchBody(o));
  return { id, outcome: 'updated', kept };
}

/** The values of ORDER_COLUMNS for a new order, in that order, after its explicit id. */
function pushOrderValues(into: unknown[], id: number, o: NewOrder, now: number): void {
  into.push(
    id,
    o.channelId,
    o.externalId,
    o.status ?? 'pending_review',
    o.type,
    o.placedAt,
    o.sourceUpdatedAt,
    o.currency,
    o.totalMinor,
    o.shippingMinor,
    o.paymentMethod,
    o.buyerMessage,
    o.customerId,
    o.recipientName,
    o.phone,
    o.country,
    o.province,
    o.city,
    o.district,
    o.street,
    o.detail,
    o.postcode,
    o.addressRaw,
    o.addressMasked ? 1 : 0,
    o.addressAmbiguous ? 1 : 0,
    JSON.stringify(o.tags),
    JSON.stringify(o.reasons),
    o.region ?? '',
    o.buyerIdNumber ?? null,
    o.sourceHash ?? '',
    now,
    now,
  );
}

/**
 * Inserts new orders with the ids `firstId`, `firstId + 1`…, their lines and search rows, a few
 * dozen rows per statement (an import's new orders go in together). The caller knows none of them
 * is stored, and took `firstId` from `st.nextId` in the same transaction.
 */
export function insertOrders(
  st: OrdersStatements,
  orders: readonly NewOrder[],
  firstId: number,
  now: number,
): void {
  const values: unknown[] = [];
  const lines: unknown[] = [];
  const search: unknown[] = [];
  orders.forEach((o, k) => {
    const id = firstId + k;
    pushOrderValues(values, id, o, now);
    o.lines.forEach((l, i) =>
      lines.push(id, i + 1, l.sku, l.title, l.spec, l.quantity, l.unitPriceMinor, l.presaleShipDate ?? null),
    );
    search.push(id, searchBody(o));
  });
  st.insert.run(values);
  st.insertLines.run(lines);
  st.insertSearches.run(search);
}

export function findOrderRow(sqlite: Sqlite, id: number): OrderRow | undefined {
  return stmt(
    sqlite,
    `select o.id, c.code as channelCode, o.external_id as externalId, o.status, o.type, o.placed_at as placedAt,
         o.currency, o.total_minor as totalMinor, o.shipping_minor as shippingMinor, o.payment_method as paymentMethod,
         o.buyer_message as buyerMessage, o.customer_id as customerId, o.recipient_name as recipientName, o.phone,
         o.country, o.province, o.city, o.district, o.street, o.detail, o.postcode, o.address_raw as addressRaw,
         o.address_masked as addressMasked, o.address_ambiguous as addressAmbiguous, w.code as warehouseCode,
         o.carrier, o.tracking_number as trackingNumber, o.shipped_at as shippedAt, o.tags_json as tagsJson,
         o.reasons_json as reasonsJson, o.priority,
         (select a.reasons_json from allocations a where a.order_id = o.id order by a.id desc limit 1) as routingJson
       from orders o join channels c on c.id = o.channel_id left join warehouses w on w.id = o.warehouse_id
       where o.id = ?`,
  ).get(id) as OrderRow | undefined;
}

export function findOrderLines(sqlite: Sqlite, orderId: number): NewOrderLine[] {
  return stmt(
    sqlite,
    `select sku, title, spec, quantity, unit_price_minor as unitPriceMinor,
            presale_ship_date as presaleShipDate
       from order_lines where order_id = ? order by line_no`,
  ).all(orderId) as NewOrderLine[];
}

/** Points lines at another SKU (a person mapped the channel's text to the catalogue). */
export function remapLineSku(sqlite: Sqlite, lineIds: number[], sku: string): void {
  const st = stmt(sqlite, 'update order_lines set sku = ? where id = ? returning order_id as orderId');
  const orders = new Set<number>();
  for (const id of lineIds) {
    const row = st.get(sku, id) as { orderId: number } | undefined;
    if (row) orders.add(row.orderId);
  }
  // The new SKU is searchable, the old one no longer matches.
  const drop = stmt(sqlite, 'delete from orders_search where rowid = ?');
  const index = stmt(
    sqlite,
    `insert into orders_search (rowid, body) select o.id, ${SEARCH_BODY_SQL} from orders o where o.id = ?`,
  );
  for (const id of orders) {
    drop.run(id);
    index.run(id);
  }
}

/**
 * Drops the reasons `stale` picks out of the given orders (a fix made after arrival, e.g. a SKU
 * mapped, leaves no outdated "not in the catalogue" behind): one read for all, one write per
 * order that changes.
 */
export function dropOrderReasons(
  sqlite: Sqlite,
  ids: number[],
  stale: (orderId: number, reason: string) => boolean,
): void {
  if (!ids.length) return;
  const rows = stmt(
    sqlite,
    'select id, reasons_json as reasonsJson from orders where id in (select value from json_each(?))',
  ).all(JSON.stringify(ids)) as { id: number; reasonsJson: string }[];
  const write = stmt(sqlite, 'update orders set reasons_json = ? where id = ?');
  for (const r of rows) {
    const reasons = JSON.parse(r.reasonsJson) as string[];
    const kept = reasons.filter((reason) => !stale(r.id, reason));
    if (kept.length !== reasons.length) write.run(JSON.stringify(kept), r.id);
  }
}

/** Moves every order of one customer profile to another (duplicate profiles merged). */
export function reassignCustomerOrders(sqlite: Sqlite, fromId: number, toId: number): number {
  return stmt(sqlite, 'update orders set customer_id = ? where customer_id = ?').run(toId, fromId).changes;
}

/**
 * Replaces an order's lines with a more exact list (Taobao's item report after its order report),
 * keeping the search index in step; the same lines again change nothing.
 */
export function replaceOrderLines(
  sqlite: Sqlite,
  st: OrdersStatements,
  id: number,
  lines: NewOrderLine[],
  now: number,
): 'updated' | 'unchanged' {
  const same = (a: NewOrderLine[], b: NewOrderLine[]) =>
    a.length === b.length &&
    a.every(
      (l, i) =>
        l.sku === b[i]?.sku &&
        l.title === b[i]?.title &&
        l.spec === b[i]?.spec &&
        l.quantity === b[i]?.quantity &&
        l.unitPriceMinor === b[i]?.unitPriceMinor,
    );
  const before = findOrderLines(sqlite, id);
  if (same(before, lines)) return 'unchanged';
  const o = findOrderRow(sqlite, id);
  if (!o) return 'unchanged';
  // A pre-sale date the shop set by hand survives a newer copy of the order that carries none.
  const dated = new Map(
    before.flatMap((l) => (l.presaleShipDate ? [[l.sku, l.presaleShipDate] as const] : [])),
  );
  st.deleteLines.run(id);
  lines.forEach((l, i) =>
    st.insertLine.run(
      id,
      i + 1,
      l.sku,
      l.title,
      l.spec,
      l.quantity,
      l.unitPriceMinor,
      l.presaleShipDate ?? dated.get(l.sku) ?? null,
    ),
  );
  st.deleteSearch.run(id);
  st.insertSearch.run(id, searchBody({ ...o, lines }));
  sqlite.prepare('update orders set updated_at = ? where id = ?').run(now, id);
  return 'updated';
}
