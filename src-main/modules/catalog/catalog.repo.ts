import type { Sqlite } from '../../adapters/db/open';

export interface SkuValues {
  sku: string;
  title: string;
  spec: string;
  barcode: string | null;
  category: string | null;
  weightGrams: number;
  priceMinor: number;
  currency: string;
  lengthMm?: number;
  widthMm?: number;
  heightMm?: number;
  coldChain?: boolean;
  bulky?: boolean;
  fragile?: boolean;
  battery?: boolean;
  liquid?: boolean;
  safetyStock?: number;
  /** Pre-sale expected ship date (YYYY-MM-DD) or null. */
  presaleShipDate?: string | null;
}

export interface SkuRow {
  id: number;
  sku: string;
  title: string;
  spec: string;
  barcode: string | null;
  category: string | null;
  weightGrams: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  coldChain: number;
  bulky: number;
  fragile: number;
  battery: number;
  liquid: number;
  safetyStock: number;
  priceMinor: number;
  currency: string;
  presaleShipDate: string | null;
}

const SKU_COLUMNS = `id, sku, title, spec, barcode, category, weight_grams as weightGrams, length_mm as lengthMm,
  width_mm as widthMm, height_mm as heightMm, cold_chain as coldChain, bulky, fragile, battery, liquid,
  safety_stock as safetyStock, price_minor as priceMinor, currency, presale_ship_date as presaleShipDate`;

const b = (v: boolean | undefined): number => (v ? 1 : 0);

export function upsertSku(sqlite: Sqlite, v: SkuValues, now: number): number {
  const row = sqlite
    .prepare(
      `insert into skus (sku, title, spec, barcode, category, weight_grams, price_minor, currency, length_mm, width_mm, height_mm,
         cold_chain, bulky, fragile, battery, liquid, safety_stock, presale_ship_date, created_at, updated_at)
       values (@sku, @title, @spec, @barcode, @category, @weightGrams, @priceMinor, @currency, @lengthMm, @widthMm, @heightMm,
         @coldChain, @bulky, @fragile, @battery, @liquid, @safetyStock, @presaleShipDate, @now, @now)
       on conflict (sku) do update set title = excluded.title, spec = excluded.spec, barcode = excluded.barcode,
         category = excluded.category, weight_grams = excluded.weight_grams, price_minor = excluded.price_minor,
         currency = excluded.currency, length_mm = excluded.length_mm, width_mm = excluded.width_mm,
         height_mm = excluded.height_mm, cold_chain = excluded.cold_chain, bulky = excluded.bulky,
         fragile = excluded.fragile, battery = excluded.battery, liquid = excluded.liquid,
         safety_stock = excluded.safety_stock, presale_ship_date = excluded.presale_ship_date,
         updated_at = excluded.updated_at
       returning id`,
    )
    .get({
      ...v,
      lengthMm: v.lengthMm ?? 0,
      widthMm: v.widthMm ?? 0,
      heightMm: v.heightMm ?? 0,
      coldChain: b(v.coldChain),
      bulky: b(v.bulky),
      fragile: b(v.fragile),
      battery: b(v.battery),
      liquid: b(v.liquid),
      safetyStock: v.safetyStock ?? 0,
      presaleShipDate: v.presaleShipDate ?? null,
      now,
    }) as { id: number };
  if (v.barcode) {
    sqlite
      .prepare('insert into sku_barcodes (barcode, sku_id) values (?, ?) on conflict (barcode) do nothing')
      .run(v.barcode, row.id);
  }
  return row.id;
}

export const findSkuByCode = (sqlite: Sqlite, code: string): SkuRow | undefined =>
  sqlite.prepare(`select ${SKU_COLUMNS} from skus where sku = ?`).get(code) as SkuRow | undefined;

export const findSkusByIds = (sqlite: Sqlite, ids: number[]): SkuRow[] =>
  ids.length === 0
    ? []
    : (sqlite
        .prepare(`select ${SKU_COLUMNS} from skus where id in (select value from json_each(?))`)
        .all(JSON.stringify(ids)) as SkuRow[]);

/** Every SKU keyed by code: routing reads the whole catalog once per run instead of once per line. */
export const allSkus = (sqlite: Sqlite): SkuRow[] =>
  sqlite.prepare(`select ${SKU_COLUMNS} from skus`).all() as SkuRow[];

export function searchSkus(
  sqlite: Sqlite,
  search: string | undefined,
  offset: number,
  limit: number,
): { rows: SkuRow[]; total: number } {
  const like = search?.trim() ? `%${search.trim()}%` : null;
  const where = like
    ? `where sku like @like or title like @like or id in (select sku_id from sku_barcodes where barcode like @like)`
    : '';
  const rows = sqlite
    .prepare(`select ${SKU_COLUMNS} from skus ${where} order by sku limit @limit offset @offset`)
    .all({ like, limit, offset }) as SkuRow[];
  const { n } = sqlite.prepare(`select count(*) as n from skus ${where}`).get({ like }) as { n: number };
  return { rows, total: n };
}

export function barcodesOf(sqlite: Sqlite, skuIds: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (skuIds.length === 0) return out;
  const rows = sqlite
    .prepare(
      'select sku_id as skuId, barcode from sku_barcodes where sku_id in (select value from json_each(?)) order by rowid',
    )
    .all(JSON.stringify(skuIds)) as { skuId: number; barcode: string }[];
  for (const r of rows) out.set(r.skuId, [...(out.get(r.skuId) ?? []), r.barcode]);
  return out;
}

export const barcodeOwner = (sqlite: Sqlite, barcode: string): { skuId: number; sku: string } | undefined =>
  sqlite
    .prepare(
      'select b.sku_id as skuId, s.sku from sku_barcodes b join skus s on s.id = b.sku_id where b.barcode = ?',
    )
    .get(barcode) as { skuId: number; sku: string } | undefined;

export function replaceBarcodes(sqlite: Sqlite, skuId: number, barcodes: string[]): void {
  sqlite.prepare('delete from sku_barcodes where sku_id = ?').run(skuId);
  const ins = sqlite.prepare('insert into sku_barcodes (barcode, sku_id) values (?, ?)');
  for (const code of barcodes) ins.run(code, skuId);
}

export interface ComponentRow {
  bundleSkuId: number;
  componentSkuId: number;
  componentSku: string;
  quantity: number;
}

export const allComponents = (sqlite: Sqlite): ComponentRow[] =>
  sqlite
    .prepare(
      `select c.bundle_sku_id as bundleSkuId, c.component_sku_id as componentSkuId, s.sku as componentSku, c.quantity
         from sku_components c join skus s on s.id = c.component_sku_id`,
    )
    .all() as ComponentRow[];

export const componentsOf = (sqlite: Sqlite, bundleSkuId: number): ComponentRow[] =>
  sqlite
    .prepare(
      `select c.bundle_sku_id as bundleSkuId, c.component_sku_id as componentSkuId, s.sku as componentSku, c.quantity
         from sku_components c join skus s on s.id = c.component_sku_id where c.bundle_sku_id = ? order by s.sku`,
    )
    .all(bundleSkuId) as ComponentRow[];

/** Bundles that contain this SKU: a bundle of bundles would make reservation recursive, so it is refused. */
export const bundlesContaining = (sqlite: Sqlite, skuId: number): number =>
  (
    sqlite.prepare('select count(*) as n from sku_components where component_sku_id = ?').get(skuId) as {
      n: number;
    }
  ).n;

export function replaceComponents(
  sqlite: Sqlite,
  bundleSkuId: number,
  components: { skuId: number; quantity: number }[],
): void {
  sqlite.prepare('delete from sku_components where bundle_sku_id = ?').run(bundleSkuId);
  const ins = sqlite.prepare(
    'insert into sku_components (bundle_sku_id, component_sku_id, quantity) values (?, ?, ?)',
  );
  for (const c of components) ins.run(bundleSkuId, c.skuId, c.quantity);
}

export const isBundle = (sqlite: Sqlite, skuId: number): boolean =>
  sqlite.prepare('select 1 from sku_components where bundle_sku_id = ? limit 1').get(skuId) !== undefined;

export interface SkuHitRow {
  sku: string;
  title: string;
  spec: string;
  barcode: string | null;
  priceMinor: number;
  currency: string;
  rank: number;
}

/**
 * Search-as-you-type and scan, cheapest first: a whole barcode or code through its unique index,
 * a code prefix through a range on the sku index, and only when those leave room, text contained
 * in code, title or barcode (walked in code order, stopping at `limit`). A scan finds its SKU
 * without the catalogue ever being scanned.
 */
export function findSkusForEntry(sqlite: Sqlite, query: string, limit: number): SkuHitRow[] {
  const hits = new Map<number, { rank: number; barcode: string | null }>();
  const add = (rows: { id: number; barcode?: string | null }[], rank: number) => {
    for (const r of rows) if (!hits.has(r.id)) hits.set(r.id, { rank, barcode: r.barcode ?? null });
  };
  const upper = `${query}\u{10FFFF}`;
  add(
    sqlite
      .prepare(
        'select sku_id as id, barcode from sku_barcodes where barcode = ? union all select id, null from skus where sku = ?',
      )
      .all(query, query) as { id: number; barcode: string | null }[],
    0,
  );
  add(
    sqlite
      .prepare('select id from skus where sku > ? and sku < ? order by sku limit ?')
      .all(query, upper, limit) as { id: number }[],
    1,
  );
  if (hits.size === 0 || (hits.size < limit && ![...hits.values()].some((h) => h.rank === 0))) {
    add(
      sqlite
        .prepare(
          // lower() only when there are letters to fold: it costs a copy of every title scanned.
          /[A-Za-z]/.test(query)
            ? `select id from skus where instr(lower(sku), lower(@q)) > 0 or instr(lower(title), lower(@q)) > 0
               order by sku limit @limit`
            : 'select id from skus where instr(sku, @q) > 0 or instr(title, @q) > 0 order by sku limit @limit',
        )
        .all({ q: query, limit }) as { id: number }[],
      2,
    );
    add(
      sqlite
        .prepare('select sku_id as id, barcode from sku_barcodes where instr(barcode, ?) > 0 limit ?')
        .all(query, limit) as { id: number; barcode: string }[],
      2,
    );
  }
  if (hits.size === 0) return [];
  const rows = sqlite
    .prepare(
      `select id, sku, title, spec, barcode, price_minor as priceMinor, currency from skus
        where id in (select value from json_each(?))`,
    )
    .all(JSON.stringify([...hits.keys()])) as (Omit<SkuHitRow, 'rank'> & { id: number })[];
  return rows
    .map(({ id, ...r }) => {
      const h = hits.get(id)!;
      return { ...r, barcode: h.barcode ?? r.barcode, rank: h.rank };
    })
    .sort((a, b) => a.rank - b.rank || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0))
    .slice(0, limit);
}
