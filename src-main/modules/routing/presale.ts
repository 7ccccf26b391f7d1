import type { CoreContext } from '../../core-context';
import type { Sqlite } from '../../adapters/db/open';
import { readSettings } from '../settings';

/**
 * Pre-sale (预售): a line whose expected ship date (its own, from the channel or set by hand, else
 * its SKU's) is still in the future is not shipped now. Dates are calendar days in the shop's time
 * zone (setting shop.timezone, else Asia/Shanghai), so "ships 2026-12-01" means from that morning.
 */
export const PRESALE_TAG = 'pre-sale';

export function shopToday(ctx: CoreContext): string {
  const tz = readSettings(ctx.db, ['shop.timezone'])['shop.timezone'];
  const format = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      ctx.now(),
    );
  try {
    return format(typeof tz === 'string' && tz ? tz : 'Asia/Shanghai');
  } catch {
    return format('Asia/Shanghai'); // an unknown zone name must not stop routing
  }
}

/** Lines grouped for a pre-sale split: the lines that ship now first, then one group per ship date. */
export function presaleGroups(lineCount: number, presale: Map<number, string>): number[][] {
  const now: number[] = [];
  const byDate = new Map<string, number[]>();
  for (let n = 1; n <= lineCount; n++) {
    const date = presale.get(n);
    if (date === undefined) now.push(n);
    else byDate.set(date, [...(byDate.get(date) ?? []), n]);
  }
  return [now, ...[...byDate].sort(([a], [b]) => a.localeCompare(b)).map(([, lines]) => lines)].filter(
    (g) => g.length > 0,
  );
}

export const tagPresale = (sqlite: Sqlite, orderId: number): void =>
  void sqlite
    .prepare(
      `update orders set tags_json = json_insert(tags_json, '$[#]', @tag)
        where id = @id and not exists (select 1 from json_each(orders.tags_json) where value = @tag)`,
    )
    .run({ id: orderId, tag: PRESALE_TAG });

/** Pre-sale orders waiting as backordered: a routing run looks at them again once their day may have come. */
export const waitingPresaleOrders = (sqlite: Sqlite): number[] =>
  sqlite
    .prepare(
      `select id from orders where status = 'backordered'
          and exists (select 1 from json_each(orders.tags_json) where value = ?) order by placed_at, id`,
    )
    .pluck()
    .all(PRESALE_TAG) as number[];

/** Sets (or clears with null) the pre-sale ship date of some lines of an order. */
export function setLinePresale(
  sqlite: Sqlite,
  orderId: number,
  lineNos: number[],
  date: string | null,
): number {
  const st = sqlite.prepare(
    'update order_lines set presale_ship_date = ? where order_id = ? and line_no = ?',
  );
  let changed = 0;
  for (const n of lineNos) changed += st.run(date, orderId, n).changes;
  return changed;
}

/** Merges and splits copy lines into new orders: line n of the target keeps sources[n-1]'s own pre-sale date. */
export function copyLinePresale(
  sqlite: Sqlite,
  sources: { orderId: number; lineNo: number }[],
  targetOrderId: number,
): void {
  const read = sqlite
    .prepare('select presale_ship_date from order_lines where order_id = ? and line_no = ?')
    .pluck();
  const dates = sources.map((src) => read.get(src.orderId, src.lineNo) as string | null);
  dates.forEach((date, i) => {
    if (date !== null) setLinePresale(sqlite, targetOrderId, [i + 1], date);
  });
}
