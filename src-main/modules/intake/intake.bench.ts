// For the `packdesk bench` harness (tests/bench): not exported from index.ts, so the core never
// loads it and compose → intake → compose cannot form a cycle.
import { join } from 'node:path';
import { createCore } from '../../compose';
import { findChannelByCode, insertChannel } from '../channels';
import { splitChineseAddress } from '../standardize';
import { importFile, parseImportFile } from './intake.service';

/** One figure in the shape `packdesk bench --json` prints (DESIGN.md). */
export interface IntakeBenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: string;
  meets: boolean;
  note: string;
}

const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/**
 * File → committed orders (parse, standardise, link customers, upsert with search index, paged
 * commits) against a raw better-sqlite3 insert of the same parsed rows into orders and
 * order_lines in one transaction, both on fresh databases in `dir`, in the same run.
 */
export async function benchImport(dir: string, csv: Uint8Array, orders: number): Promise<IntakeBenchFigure> {
  const { parsed } = await parseImportFile('bench.csv', csv, 'shopify');
  const raw = createCore({ dbPath: join(dir, 'raw.db') });
  const channel =
    findChannelByCode(raw.ctx.db, 'shopify') ??
    insertChannel(
      raw.ctx.db,
      { code: 'shopify', kind: 'shopify', name: 'shopify', currency: 'USD', enabled: true },
      0,
    );
  const db = raw.ctx.sqlite;
  const insOrder = db.prepare(
    `insert into orders (channel_id, external_id, placed_at, source_updated_at, currency, total_minor, shipping_minor, recipient_name, phone,
       country, province, city, detail, postcode, address_raw, created_at, updated_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insLine = db.prepare(
    'insert into order_lines (order_id, line_no, sku, title, spec, quantity, unit_price_minor) values (?,?,?,?,?,?,?)',
  );
  const t0 = performance.now();
  db.transaction(() => {
    for (const o of parsed.orders) {
      const a = o.address;
      const id = Number(
        insOrder.run(
          channel.id,
          o.externalId,
          o.placedAt,
          o.sourceUpdatedAt,
          o.currency,
          o.totalMinor ?? 0,
          o.shippingMinor,
          o.recipientName,
          o.phone,
          a.country,
          a.province,
          a.city,
          a.detail,
          a.postcode,
          a.raw,
          0,
          0,
        ).lastInsertRowid,
      );
      o.lines.forEach((l, i) => insLine.run(id, i + 1, l.sku, l.title, l.spec, l.quantity, l.unitPriceMinor));
    }
  })();
  const rawSeconds = (performance.now() - t0) / 1000;
  raw.close();
  const core = createCore({ dbPath: join(dir, 'import.db') });
  const t1 = performance.now();
  await importFile(core.ctx, { fileName: 'bench.csv', bytes: csv, format: 'shopify', actor: 'bench' });
  const seconds = (performance.now() - t1) / 1000;
  core.close();
  const value = orders / seconds;
  const baseline = orders / rawSeconds;
  return {
    name: 'import.shopify_csv_orders_per_s',
    value: round(value),
    unit: 'orders/s',
    baseline: round(baseline),
    ratio: round(value / baseline, 3),
    target: '≥ 0.5× raw insert',
    meets: value / baseline >= 0.5,
    note: `${orders} orders, ${parsed.orders.reduce((s, o) => s + o.lines.length, 0)} lines; baseline inserts the already-parsed rows without search index, standardisation or customers`,
  };
}

/** Splits labelled addresses; returns seconds against the 10 s budget and the share of correct districts. */
export function benchAddresses(sample: { text: string; district: string }[]): IntakeBenchFigure[] {
  splitChineseAddress('广东省深圳市'); // division index built outside the timing
  const t0 = performance.now();
  let correct = 0;
  for (const a of sample) {
    const r = splitChineseAddress(a.text);
    if (!r.ambiguous && r.district === a.district) correct++;
  }
  const seconds = (performance.now() - t0) / 1000;
  const scaled = (seconds * 100_000) / sample.length;
  const share = correct / sample.length;
  return [
    {
      name: 'standardize.addresses_100k_s',
      value: round(scaled, 3),
      unit: 's',
      baseline: 10,
      ratio: round(10 / scaled, 2),
      target: '≤ 10 s per 100,000',
      meets: scaled <= 10,
      note: `${sample.length} distinct addresses, scaled to 100,000; baseline is the budget`,
    },
    {
      name: 'standardize.district_accuracy',
      value: round(share * 100, 2),
      unit: '%',
      baseline: 95,
      ratio: round((share * 100) / 95, 3),
      target: '≥ 95 %',
      meets: share >= 0.95,
      note: 'labelled sample built from the 2023 division data (full, spaced, short, no-district, no-province forms)',
    },
  ];
}
