import type { Sqlite } from '../../adapters/db/open';
import { stmt } from '../../adapters/db/statements';
import { SEARCH_BODY_SQL } from './orders.repo';
import { codePoints, foldCase, trigramsOf } from './search-text';

/** A filter with channel codes already resolved and dates already in epoch milliseconds. */
export interface QueueFilter {
  statuses?: string[];
  channelIds?: number[];
  types?: string[];
  /** Customer regions set on arrival (cn_east…, or a country code abroad). */
  regions?: string[];
  fromMs?: number;
  toMs?: number;
  search?: string;
}

export type QueueSortField = 'placedAt' | 'totalMinor' | 'status' | 'externalId';
const SORT_COLUMN: Record<QueueSortField, string> = {
  placedAt: 'o.placed_at',
  totalMinor: 'o.total_minor',
  status: 'o.status',
  externalId: 'o.external_id',
};

export interface QueueRow {
  id: number;
  channel: string;
  externalId: string;
  status: string;
  type: string;
  placedAt: number;
  currency: string;
  totalMinor: number;
  recipientName: string;
  province: string;
  city: string;
  lineCount: number;
  warehouse: string | null;
  carrier: string | null;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

const ftsMatch = 'o.id in (select rowid from orders_search where orders_search match ?)';
const quoted = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/** The search index's own term list (fts5vocab), made once per connection in its temp schema. */
const vocabReady = new WeakSet<Sqlite>();
function termsStartingWith(sqlite: Sqlite, prefix: string): { term: string; doc: number }[] {
  if (!vocabReady.has(sqlite)) {
    sqlite.exec(
      'create virtual table if not exists temp.orders_search_terms using fts5vocab(main, orders_search, row)',
    );
    vocabReady.add(sqlite);
  }
  return stmt(
    sqlite,
    'select term, doc from temp.orders_search_terms where term >= ? and term < ? limit 501',
  ).all(prefix, `${prefix}\u{10FFFF}`) as { term: string; doc: number }[];
}

/**
 * Gives a connection `packdesk_fold` (foldCase), which the queue's check of a longer query calls;
 * once per connection. Exported for a bare connection replaying the queue's SQL (packdesk bench).
 */
const foldReady = new WeakSet<Sqlite>();
export function withSearchFold(sqlite: Sqlite): Sqlite {
  if (!foldReady.has(sqlite)) {
    sqlite.function('packdesk_fold', { deterministic: true }, (s: unknown) => foldCase(String(s)));
    foldReady.add(sqlite);
  }
  return sqlite;
}

/** The order's own text (SEARCH_BODY_SQL) holds the query, case folded as the index folds it. */
function bodyContains(sqlite: Sqlite, text: string, params: unknown[]): string {
  withSearchFold(sqlite);
  params.push(foldCase(text));
  return `instr(packdesk_fold(${SEARCH_BODY_SQL}), ?) > 0`;
}

/**
 * The index keeps which trigrams each order's text has, not where (detail=none: far cheaper to
 * write on import), so three characters or more are looked up as all of their trigrams, and a
 * longer query is then checked against the order's text itself ("abcd" must not find "abcXbcd").
 * Two (a Chinese given name such as 张伟, very common) are looked up as every indexed trigram that
 * starts with them: fields are joined by spaces, so a pair inside a name or phone is always
 * followed by something. When that pair is common a newest-first scan fills a page sooner than
 * the index would; one character always scans.
 */
function searchClause(sqlite: Sqlite, text: string, params: unknown[]): string {
  const q = text.trim();
  const length = codePoints(q).length;
  if (length >= 3) {
    params.push(trigramsOf(q).map(quoted).join(' AND '));
    return length === 3 ? ftsMatch : `(${ftsMatch} and ${bodyContains(sqlite, q, params)})`;
  }
  if (length === 2) {
    // The trigram tokenizer folds case, so its terms are lower case.
    const terms = termsStartingWith(sqlite, q.toLowerCase());
    if (terms.length === 0) return '0';
    if (terms.length <= 500 && terms.reduce((n, t) => n + t.doc, 0) <= 20_000) {
      params.push(terms.map((t) => quoted(t.term)).join(' OR '));
      return ftsMatch;
    }
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  params.push(like, like, like);
  return `(o.recipient_name like ? escape '\\' or o.phone like ? escape '\\' or o.external_id like ? escape '\\')`;
}

function whereClause(sqlite: Sqlite, f: QueueFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.statuses?.length) {
    parts.push(`o.status in (${placeholders(f.statuses.length)})`);
    params.push(...f.statuses);
  }
  if (f.channelIds) {
    parts.push(`o.channel_id in (${placeholders(f.channelIds.length) || 'null'})`);
    params.push(...f.channelIds);
  }
  if (f.types?.length) {
    parts.push(`o.type in (${placeholders(f.types.length)})`);
    params.push(...f.types);
  }
  if (f.regions?.length) {
    parts.push(`o.region in (${placeholders(f.regions.length)})`);
    params.push(...f.regions);
  }
  if (f.fromMs !== undefined) {
    parts.push('o.placed_at >= ?');
    params.push(f.fromMs);
  }
  if (f.toMs !== undefined) {
    parts.push('o.placed_at < ?');
    params.push(f.toMs);
  }
  if (f.search?.trim()) parts.push(searchClause(sqlite, f.search, params));
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

/**
 * The inner query picks the page of ids using the indexes alone; the outer one joins names only
 * for those rows, so a page costs the same at row 10 as at row 100,000.
 * `cross join` pins that order: with LIMIT/OFFSET bound as parameters the planner otherwise
 * prefers to walk all of `orders` in index order to skip the final sort, probing the page with
 * an automatic index — 0.2 ms became 500 ms on a million orders (packdesk bench).
 */
export function listQueue(
  sqlite: Sqlite,
  f: QueueFilter,
  sort: { field: QueueSortField; dir: 'asc' | 'desc' },
  offset: number,
  limit: number,
): QueueRow[] {
  const w = whereClause(sqlite, f);
  const dir = sort.dir === 'asc' ? 'asc' : 'desc';
  const order = `${SORT_COLUMN[sort.field]} ${dir}, o.id ${dir}`;
  const sql = `select o.id, c.code as channel, o.external_id as externalId, o.status, o.type, o.placed_at as placedAt,
      o.currency, o.total_minor as totalMinor, o.recipient_name as recipientName, o.province, o.city,
      (select count(*) from order_lines l where l.order_id = o.id) as lineCount, wh.code as warehouse, o.carrier
    from (select o.id from orders o ${w.sql} order by ${order} limit ? offset ?) page
    cross join orders o on o.id = page.id
    join channels c on c.id = o.channel_id
    left join warehouses wh on wh.id = o.warehouse_id
    order by ${order}`;
  return stmt(sqlite, sql).all(...w.params, limit, offset) as QueueRow[];
}

export function countQueue(sqlite: Sqlite, f: QueueFilter): number {
  const w = whereClause(sqlite, f);
  return (stmt(sqlite, `select count(*) as n from orders o ${w.sql}`).get(...w.params) as { n: number }).n;
}

export function statusCounts(sqlite: Sqlite): Record<string, number> {
  const rows = stmt(sqlite, 'select status, count(*) as n from orders group by status').all() as {
    status: string;
    n: number;
  }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Orders per customer region (unknown '' left out), read off orders_region_placed_idx like the status counts. */
export function regionCounts(sqlite: Sqlite): { code: string; count: number }[] {
  return stmt(
    sqlite,
    "select region as code, count(*) as count from orders where region <> '' group by region order by count desc, region",
  ).all() as { code: string; count: number }[];
}
