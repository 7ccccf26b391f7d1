import Database from 'better-sqlite3';
import { createCore, type Core } from '../../src-main/compose';
import { withSearchFold } from '../../src-main/modules/orders/orders-queue.repo';
import { figure, percentile, type BenchContext, type Figure } from './harness';

type ListInput = {
  filter?: Record<string, unknown>;
  offset?: number;
  limit?: number;
  sort?: { field: string; dir: string };
};
interface Shape {
  name: string;
  input: ListInput;
}

const ROUNDS = 7;

const day = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * What people do with the queue: open it, drag the scrollbar deep into it, filter by status,
 * channel and date, and type a name, a phone fragment or an order number they were given.
 * Search terms come from real rows of the demo database so each one finds something.
 */
function realisticMix(db: Database.Database, total: number): Shape[] {
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const newest = one<{ at: number }>('select max(placed_at) as at from orders').at;
  // Names, a phone and an order number of real rows spread through the table, so each term finds something.
  const at = (k: number, where: string) =>
    one<{ externalId: string; name: string; phone: string; city: string }>(
      `select external_id as externalId, recipient_name as name, phone, city from orders where id >= ? and ${where} order by id limit 1`,
      1 + Math.floor((total * k) / 7),
    );
  const a = at(1, `country = 'CN' and address_masked = 0`);
  const b = at(3, `country = 'CN' and address_masked = 0`);
  const name3 = at(5, `country = 'CN' and address_masked = 0 and length(recipient_name) = 3`).name;
  const name2 = at(2, `country = 'CN' and address_masked = 0 and length(recipient_name) = 2`).name;
  const english = at(4, `country in ('US', 'GB', 'CA', 'AU')`).name;
  const count = (status: string) =>
    one<{ n: number }>('select count(*) as n from orders where status = ?', status).n;
  const shapes: Shape[] = [
    { name: 'first page', input: {} },
    { name: 'offset 1%', input: { offset: Math.floor(total * 0.01) } },
    { name: 'offset 10%', input: { offset: Math.floor(total * 0.1) } },
    { name: 'offset 50%', input: { offset: Math.floor(total * 0.5) } },
    { name: 'offset 90%', input: { offset: Math.floor(total * 0.9) } },
    { name: 'status pending_review', input: { filter: { status: ['pending_review'] } } },
    { name: 'status approved+allocated', input: { filter: { status: ['approved', 'allocated'] } } },
    {
      name: 'status delivered, deep',
      input: { filter: { status: ['delivered'] }, offset: Math.floor(count('delivered') * 0.4) },
    },
    { name: 'channel taobao', input: { filter: { channel: ['taobao'] } } },
    { name: 'channel pdd, deep', input: { filter: { channel: ['pdd'] }, offset: Math.floor(total * 0.05) } },
    { name: 'channel amazon+shopify', input: { filter: { channel: ['amazon', 'shopify'] } } },
    { name: 'last 7 days', input: { filter: { from: day(newest - 6 * 86_400_000), to: day(newest) } } },
    {
      name: 'one day a month ago',
      input: { filter: { from: day(newest - 30 * 86_400_000), to: day(newest - 30 * 86_400_000) } },
    },
    {
      name: 'pending, last 3 days',
      input: { filter: { status: ['pending_review', 'held'], from: day(newest - 2 * 86_400_000) } },
    },
    { name: 'search order number', input: { filter: { search: a.externalId } } },
    { name: 'search phone last 4', input: { filter: { search: b.phone.slice(-4) } } },
    { name: 'search Chinese name, 3 chars', input: { filter: { search: name3 } } },
    { name: 'search Chinese name, 2 chars', input: { filter: { search: name2 } } },
    { name: 'search English name', input: { filter: { search: english } } },
    { name: 'search city', input: { filter: { search: b.city } } },
  ];
  return shapes.map((s) => ({ ...s, input: { limit: 100, ...s.input } }));
}

/**
 * Runs each shape once through a second core whose connection records the SQL and parameters
 * the queue repo actually sends, so the bare baseline runs the identical statement.
 */
function captureSql(dbPath: string, shapes: Shape[]): Promise<{ sql: string; args: unknown[] }[]> {
  const core = createCore({ dbPath });
  const sqlite = core.ctx.sqlite;
  const prepare = sqlite.prepare.bind(sqlite);
  let last: { sql: string; args: unknown[] } | null = null;
  (sqlite as { prepare: unknown }).prepare = (sql: string) => {
    const st = prepare(sql);
    if (/from\s+\(select o\.id from orders/i.test(sql)) {
      const all = st.all.bind(st);
      (st as { all: unknown }).all = (...args: unknown[]) => {
        last = { sql, args };
        return all(...args);
      };
    }
    return st;
  };
  return (async () => {
    const out: { sql: string; args: unknown[] }[] = [];
    for (const s of shapes) {
      last = null;
      const r = await core.call('orders.list', s.input);
      if (!r.ok || !last)
        throw new Error(`could not capture the queue SQL for "${s.name}": ${JSON.stringify(r)}`);
      out.push(last);
    }
    core.close();
    return out;
  })();
}

async function timeOurs(core: Core, input: ListInput): Promise<number> {
  const t = performance.now();
  const r = await core.call('orders.list', input);
  const ms = performance.now() - t;
  if (!r.ok) throw new Error(`orders.list failed: ${r.error.message}`);
  return ms;
}

/** Figure (b): a page of the order queue through the contract, against the same SQL on a bare connection. */
export async function benchQueueQuery(ctx: BenchContext, dbPath: string): Promise<Figure[]> {
  const bare = new Database(dbPath, { readonly: true });
  // The app's read pragmas (adapters/db/open.ts), so both sides sort and cache alike.
  bare.pragma('cache_size = -65536');
  bare.pragma('temp_store = MEMORY');
  withSearchFold(bare); // the queue's check of searches longer than 3 characters calls it
  const total = (bare.prepare('select count(*) as n from orders').get() as { n: number }).n;
  const shapes = realisticMix(bare, total);
  const captured = await captureSql(dbPath, shapes);
  const statements = captured.map((c) => bare.prepare(c.sql));
  const core = createCore({ dbPath });
  const ours: number[] = [];
  const base: number[] = [];
  const perShape = shapes.map(() => ({ ours: [] as number[], bare: [] as number[] }));
  const slow: string[] = [];
  ctx.log(
    `orders.list: ${shapes.length} query shapes × ${ROUNDS} rounds on ${total.toLocaleString('en-US')} orders…`,
  );
  // One untimed round warms both connections' caches and prepares every statement.
  for (let round = 0; round <= ROUNDS; round++) {
    for (let i = 0; i < shapes.length; i++) {
      const shape = shapes[i] as Shape;
      const o = await timeOurs(core, shape.input);
      const t = performance.now();
      statements[i]!.all(...captured[i]!.args);
      const b = performance.now() - t;
      if (round === 0) continue;
      ours.push(o);
      base.push(b);
      perShape[i]!.ours.push(o);
      perShape[i]!.bare.push(b);
      if (round === ROUNDS && o > 20) slow.push(`${shape.name} ${o.toFixed(1)} ms`);
    }
  }
  core.close();
  bare.close();
  shapes.forEach((s, i) => {
    const p = perShape[i]!;
    ctx.log(
      `  ${s.name.padEnd(32)} ours ${percentile(p.ours, 50).toFixed(2).padStart(8)} ms   bare ${percentile(p.bare, 50).toFixed(2).padStart(8)} ms (median)`,
    );
  });
  const make = (p: number): Figure => {
    const value = percentile(ours, p);
    const baseline = percentile(base, p);
    return figure({
      name: `orders.list p${p}`,
      value,
      unit: 'ms',
      baseline,
      target: '≤ 20 ms and ≤ 2× bare',
      meets: value <= 20 && value <= 2 * baseline,
      note: `bare = the identical SQL and parameters on a plain better-sqlite3 connection; ${shapes.length} shapes × ${ROUNDS} rounds${p === 95 && slow.length ? `; over 20 ms: ${slow.join(', ')}` : ''}`,
    });
  };
  return [make(50), make(95)];
}
