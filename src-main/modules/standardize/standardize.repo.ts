import type { Sqlite } from '../../adapters/db/open';

/** The change reason of a line an import matched through a remembered SKU mapping. */
export const REMEMBERED_MAPPING = 'remembered SKU mapping';

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  reason: string;
}

/** Statements an import page uses for every order; prepared once per import. */
export function standardizeStatements(sqlite: Sqlite) {
  return {
    deleteChanges: sqlite.prepare('delete from standardization_changes where order_id = ?'),
    insertChange: sqlite.prepare(
      'insert into standardization_changes (order_id, field, before, after, reason) values (?, ?, ?, ?, ?)',
    ),
  };
}
export type StandardizeStatements = ReturnType<typeof standardizeStatements>;

/**
 * Replaces an order's recorded changes (a newer copy of the order is standardised afresh).
 * `fresh`: the order was inserted just now, so it has none to delete.
 */
export function replaceChanges(
  st: StandardizeStatements,
  orderId: number,
  changes: ChangeRow[],
  fresh = false,
): void {
  if (!fresh) st.deleteChanges.run(orderId);
  for (const c of changes) st.insertChange.run(orderId, c.field, c.before, c.after, c.reason);
}

/** Adds changes made after arrival (a SKU mapped by a person) to what the orders already show. */
export function appendChanges(st: StandardizeStatements, rows: (ChangeRow & { orderId: number })[]): void {
  for (const c of rows) st.insertChange.run(c.orderId, c.field, c.before, c.after, c.reason);
}

export const listChanges = (sqlite: Sqlite, orderId: number): ChangeRow[] =>
  sqlite
    .prepare(
      'select field, before, after, reason from standardization_changes where order_id = ? order by id',
    )
    .all(orderId) as ChangeRow[];

export const listShopSynonyms = (sqlite: Sqlite): { term: string; canonical: string }[] =>
  sqlite.prepare('select term, canonical from spec_synonyms order by term').all() as {
    term: string;
    canonical: string;
  }[];

export function saveSynonym(sqlite: Sqlite, term: string, canonical: string, now: number): void {
  sqlite
    .prepare(
      `insert into spec_synonyms (term, canonical, updated_at) values (?, ?, ?)
       on conflict (term) do update set canonical = excluded.canonical, updated_at = excluded.updated_at`,
    )
    .run(term, canonical, now);
}

export const deleteSynonym = (sqlite: Sqlite, term: string): number =>
  sqlite.prepare('delete from spec_synonyms where term = ?').run(term).changes;

export const listMappings = (
  sqlite: Sqlite,
): { sourceKey: string; title: string; spec: string; sku: string }[] =>
  sqlite
    .prepare('select source_key as sourceKey, title, spec, sku from sku_mappings order by title, spec')
    .all() as {
    sourceKey: string;
    title: string;
    spec: string;
    sku: string;
  }[];

export function saveMapping(
  sqlite: Sqlite,
  m: { sourceKey: string; title: string; spec: string; sku: string },
  now: number,
): void {
  sqlite
    .prepare(
      `insert into sku_mappings (source_key, title, spec, sku, created_at, updated_at) values (@sourceKey, @title, @spec, @sku, @now, @now)
       on conflict (source_key) do update set sku = excluded.sku, title = excluded.title, spec = excluded.spec, updated_at = excluded.updated_at`,
    )
    .run({ ...m, now });
}

/** The catalogue as the matcher needs it (read-only look at the catalog's skus). */
export const catalogueSkus = (sqlite: Sqlite): { sku: string; title: string; spec: string }[] =>
  sqlite.prepare('select sku, title, spec from skus').all() as { sku: string; title: string; spec: string }[];

/** The catalogue SKU a typed code or a scanned barcode names (the code wins), or undefined. */
export const skuForCode = (sqlite: Sqlite, code: string): string | undefined =>
  sqlite
    .prepare(
      `select sku from (select sku, 0 as rank from skus where sku = @code
         union all select s.sku, 1 from sku_barcodes b join skus s on s.id = b.sku_id where b.barcode = @code)
       order by rank limit 1`,
    )
    .pluck()
    .get({ code }) as string | undefined;

export interface UnmatchedLine {
  lineId: number;
  orderId: number;
  /** 1-based position in the order, as "line N" in its reasons and changes. */
  lineNo: number;
  sku: string;
  title: string;
  spec: string;
  quantity: number;
}

/** Order lines whose SKU is not in the catalogue, on orders not yet shipped: the mapping screen's work list. */
export const unmatchedLines = (sqlite: Sqlite, limit: number): UnmatchedLine[] =>
  sqlite
    .prepare(
      `select l.id as lineId, l.order_id as orderId, l.line_no as lineNo, l.sku, l.title, l.spec, l.quantity
       from order_lines l join orders o on o.id = l.order_id
       where not exists (select 1 from skus s where s.sku = l.sku)
         and o.status not in ('shipped','delivered','returned','cancelled')
       order by l.title, l.spec limit ?`,
    )
    .all(limit) as UnmatchedLine[];

/** Remembered mappings with their row ids, oldest first: what a dictionary edit re-keys. */
export const mappingRows = (
  sqlite: Sqlite,
): { id: number; sourceKey: string; title: string; spec: string; sku: string }[] =>
  sqlite
    .prepare('select id, source_key as sourceKey, title, spec, sku from sku_mappings order by id')
    .all() as { id: number; sourceKey: string; title: string; spec: string; sku: string }[];

/**
 * Gives mappings their new keys and removes the ones made redundant. Changed rows are parked on a
 * key no mapping can have first, so a row may take the key another row is leaving.
 */
export function rekeyMappings(
  sqlite: Sqlite,
  moves: { id: number; sourceKey: string }[],
  drop: number[],
): void {
  const del = sqlite.prepare('delete from sku_mappings where id = ?');
  for (const id of drop) del.run(id);
  const park = sqlite.prepare('update sku_mappings set source_key = char(0) || id where id = ?');
  for (const m of moves) park.run(m.id);
  const set = sqlite.prepare('update sku_mappings set source_key = ? where id = ?');
  for (const m of moves) set.run(m.sourceKey, m.id);
}

/** The SKU a title + spec key is mapped to now, if any. */
export const mappedSku = (sqlite: Sqlite, sourceKey: string): string | undefined =>
  sqlite.prepare('select sku from sku_mappings where source_key = ?').pluck().get(sourceKey) as
    string | undefined;

export const deleteMapping = (sqlite: Sqlite, sourceKey: string): boolean =>
  sqlite.prepare('delete from sku_mappings where source_key = ?').run(sourceKey).changes > 0;

export const listMappingsByRecency = (
  sqlite: Sqlite,
): { sourceKey: string; title: string; spec: string; sku: string; updatedAt: number }[] =>
  sqlite
    .prepare(
      'select source_key as sourceKey, title, spec, sku, updated_at as updatedAt from sku_mappings order by updated_at desc, id desc',
    )
    .all() as { sourceKey: string; title: string; spec: string; sku: string; updatedAt: number }[];

/**
 * Lines a mapping gave `sku` (on the mapping screen, or from the remembered mapping on import),
 * on orders not yet shipped or cancelled, with their order's status: what correcting it may move.
 */
export const linesMappedTo = (sqlite: Sqlite, sku: string): (UnmatchedLine & { status: string })[] =>
  sqlite
    .prepare(
      `select l.id as lineId, l.order_id as orderId, l.line_no as lineNo, l.sku, l.title, l.spec, l.quantity, o.status
       from order_lines l join orders o on o.id = l.order_id
       where l.sku = @sku and o.status not in ('shipped','delivered','returned','cancelled')
         and exists (select 1 from standardization_changes c where c.order_id = l.order_id
           and c.field = 'lines.' || l.line_no || '.sku' and c.after = @sku
           and (c.reason = @remembered or c.reason like 'mapped on the SKU mapping screen by %'
                or c.reason like 'mapping corrected on the SKU mapping screen by %'))`,
    )
    .all({ sku, remembered: REMEMBERED_MAPPING }) as (UnmatchedLine & { status: string })[];
