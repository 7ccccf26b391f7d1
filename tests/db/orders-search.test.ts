import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { aCore } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { migrationsDir } from '../../src-main/adapters/db/paths';
import type { NewOrder } from '../../src-main/modules/orders';
import { SEARCH_BODY_SQL, searchBody } from '../../src-main/modules/orders/orders.repo';
import { countQueue, listQueue } from '../../src-main/modules/orders/orders-queue.repo';
import { foldCase } from '../../src-main/modules/orders/search-text';

/**
 * The order search index keeps only which trigrams each order's text has (detail=none); these
 * tests hold the queue to "finds exactly the orders whose text contains what was typed".
 */
describe('order search over a trigram index without positions', () => {
  let core: ReturnType<typeof aCore>;
  beforeAll(() => (core = aCore()));
  afterAll(() => core.dispose());

  let channels = 0;
  /** Each case writes its orders into a channel of its own and searches only that channel. */
  const seedInOwnChannel = (orders: NewOrder[]) => {
    const channelId = aChannel(core, `search-${++channels}`);
    const ids = seedOrders(
      core,
      orders.map((o, i) => ({ ...o, channelId, externalId: `${o.externalId}#${i}` })),
    );
    return { channelId, ids };
  };
  const storedOrders = (ids: number[]) =>
    core.ctx.sqlite
      .prepare(
        `select o.id, ${SEARCH_BODY_SQL} as body from orders o where o.id in (select value from json_each(?)) order by o.id`,
      )
      .all(JSON.stringify(ids)) as { id: number; body: string }[];
  const search = (channelId: number, text: string) => {
    const filter = { channelIds: [channelId], search: text };
    const rows = listQueue(core.ctx.sqlite, filter, { field: 'placedAt', dir: 'asc' }, 0, 1000);
    expect(countQueue(core.ctx.sqlite, filter)).toBe(rows.length);
    return rows.map((r) => r.id).sort((a, b) => a - b);
  };

  // Few letters, so bodies share trigrams often; case pairs (ASCII and not), Chinese, digits,
  // and the characters LIKE and FTS5 queries treat specially.
  const letter = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'abcAB '.split('')) },
    { weight: 1, arbitrary: fc.constantFrom(...'dX张伟王芳1380üÜé-_%"\\'.split('')) },
  );
  const word = (max: number) => fc.array(letter, { maxLength: max }).map((cs) => cs.join(''));
  const line = fc.record({ sku: word(6), title: word(8) });
  const order = fc
    .record({
      externalId: word(5),
      recipientName: word(4),
      phone: fc.array(fc.constantFrom(...'0123456789'.split('')), { maxLength: 11 }).map((d) => d.join('')),
      province: word(3),
      city: word(3),
      district: fc.constantFrom('', '南山区'),
      street: word(3),
      detail: word(6),
      addressRaw: word(10),
      lines: fc.array(line, { maxLength: 4 }),
    })
    .map(({ lines, ...fields }) =>
      anOrder({ ...fields, lines: lines.map((l) => ({ ...l, spec: '', quantity: 1, unitPriceMinor: 100 })) }),
    );

  test('SEARCH_BODY_SQL is searchBody, for any order (no lines, several, no standardised address)', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 4 }), (orders) => {
        const { ids } = seedInOwnChannel(orders);
        expect(storedOrders(ids).map((r) => r.body)).toEqual(
          orders.map((o, i) => searchBody({ ...o, externalId: `${o.externalId}#${i}` })),
        );
      }),
      { numRuns: 150 },
    );
  });

  test('three characters or more find exactly the orders whose text holds them, in any case', () => {
    // Queries: a piece of some order's text, two pieces put together (each trigram is likely in
    // some order, the whole often in none), or letters at random; in the typed case or changed.
    const piece = fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 2, max: 12 }));
    const casesFor = fc.tuple(
      piece,
      piece,
      fc.constantFrom('piece', 'spliced', 'random'),
      fc.constantFrom('same', 'upper', 'lower'),
      word(6),
    );
    fc.assert(
      fc.property(
        fc.array(order, { minLength: 1, maxLength: 6 }),
        fc.array(casesFor, { minLength: 1, maxLength: 8 }),
        (orders, cases) => {
          const { channelId, ids } = seedInOwnChannel(orders);
          const stored = storedOrders(ids);
          const cut = ([which, start, length]: [number, number, number]) => {
            const body = [...(stored[which % stored.length] as { body: string }).body];
            const from = start % Math.max(1, body.length);
            return body.slice(from, from + length).join('');
          };
          for (const [a, b, kind, kase, random] of cases) {
            const raw = kind === 'piece' ? cut(a) : kind === 'spliced' ? cut(a) + cut(b) : random;
            const text = kase === 'upper' ? raw.toUpperCase() : kase === 'lower' ? raw.toLowerCase() : raw;
            const q = text.trim();
            if ([...q].length < 3) continue;
            const expected = stored
              .filter((r) => r.body.toLowerCase().includes(q.toLowerCase()))
              .map((r) => r.id);
            expect(search(channelId, text), JSON.stringify({ q, stored })).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test('all trigrams of the query in one order, but not side by side, is not a match', () => {
    const { channelId, ids } = seedInOwnChannel([
      anOrder({ recipientName: 'abcXbcd', lines: [] }),
      anOrder({ recipientName: 'zabcdz', lines: [] }),
      anOrder({
        recipientName: '王芳',
        phone: '13800000000',
        lines: [{ sku: 'CUP-1', title: '杯 子', spec: '', quantity: 1, unitPriceMinor: 1 }],
      }),
    ]);
    expect(search(channelId, 'abcd')).toEqual([ids[1]]);
    expect(search(channelId, 'ABCD')).toEqual([ids[1]]);
    // Across the space joining the fields and the lines.
    expect(search(channelId, '0000 广东')).toEqual([ids[2]]);
    expect(search(channelId, '88 号 CUP-1 杯')).toEqual([ids[2]]);
    expect(search(channelId, 'CUP-1 杯子')).toEqual([]);
    // Three characters are one trigram: the index alone answers.
    expect(search(channelId, 'bcd')).toEqual([ids[0], ids[1]]);
  });

  test('case folds beyond ASCII as the index folds it: MÜLLER is found as müller and Müller', () => {
    const { channelId, ids } = seedInOwnChannel([
      anOrder({ recipientName: 'MÜLLER', lines: [] }),
      anOrder({ recipientName: 'Mueller', lines: [] }),
      anOrder({ recipientName: 'ΟΔΟΣ ΑΘΗΝΑΣ', lines: [] }),
    ]);
    expect(search(channelId, 'müller')).toEqual([ids[0]]);
    expect(search(channelId, 'Müll')).toEqual([ids[0]]);
    expect(search(channelId, 'mueller')).toEqual([ids[1]]);
    // Greek final sigma folds like σ, as in the index.
    expect(search(channelId, 'οδος αθ')).toEqual([ids[2]]);
    expect(foldCase('ΟΔΟΣ')).toBe('οδοσ');
  });

  test('foldCase puts together every pair of characters the trigram tokenizer folds together (all of the BMP)', () => {
    const sqlite = core.ctx.sqlite;
    sqlite.exec(`create virtual table temp.fold_probe using fts5(body, detail=none, tokenize='trigram');
      create virtual table temp.fold_probe_terms using fts5vocab(temp, fold_probe, instance)`);
    const insert = sqlite.prepare('insert into temp.fold_probe (rowid, body) values (?, ?)');
    sqlite.transaction(() => {
      for (let cp = 0x21; cp < 0xfffe; cp++) {
        if (cp < 0xd800 || cp > 0xdfff) insert.run(cp, `\u0001${String.fromCodePoint(cp)}\u0001`);
      }
    })();
    const apart: string[] = [];
    for (const r of sqlite.prepare('select doc, term from temp.fold_probe_terms').iterate() as Iterable<{
      doc: number;
      term: string;
    }>) {
      const typed = String.fromCodePoint(r.doc);
      const indexed = [...r.term][1] as string;
      if (foldCase(typed) !== foldCase(indexed)) apart.push(`${typed}→${indexed}`);
    }
    sqlite.exec('drop table temp.fold_probe_terms; drop table temp.fold_probe');
    expect(apart).toEqual([]);
    expect(foldCase('Straße ǅ K')).toBe('straße ǆ k');
  });

  test('migration 0024 builds the index again from SEARCH_BODY_SQL: the same trigrams per order as searchBody', () => {
    const orders = [
      anOrder({ lines: [] }),
      anOrder({
        province: '',
        city: '',
        district: '',
        street: '',
        detail: '',
        addressRaw: 'Rua Augusta 10, Lisboa',
      }),
      anOrder({
        recipientName: 'Ana MÜLLER',
        lines: [
          { sku: 'SKU-B', title: '第二', spec: '', quantity: 1, unitPriceMinor: 1 },
          { sku: 'SKU-A', title: 'First line', spec: '', quantity: 2, unitPriceMinor: 1 },
        ],
      }),
    ];
    const { ids } = seedInOwnChannel(orders);
    const sqlite = core.ctx.sqlite;
    sqlite.exec(
      'create virtual table if not exists temp.search_instances using fts5vocab(main, orders_search, instance)',
    );
    const termsOf = (id: number) =>
      (
        sqlite
          .prepare('select distinct term from temp.search_instances where doc = ? order by term')
          .all(id) as {
          term: string;
        }[]
      ).map((r) => r.term);
    const before = ids.map(termsOf);

    const file = readdirOne(migrationsDir(), '0024_');
    const migration = readFileSync(join(migrationsDir(), file), 'utf8');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(squash(migration)).toContain(squash(SEARCH_BODY_SQL));
    for (const statement of migration.split('--> statement-breakpoint')) sqlite.exec(statement);

    const trigrams = (s: string) => {
      const cps = [...s.toLowerCase()];
      return [...new Set(cps.slice(0, -2).map((_, i) => cps.slice(i, i + 3).join('')))].sort();
    };
    const stored = storedOrders(ids);
    expect(ids.map(termsOf)).toEqual(before);
    expect(ids.map(termsOf)).toEqual(stored.map((r) => trigrams(r.body)));
    expect(stored.map((r) => r.body)).toEqual(
      orders.map((o, i) => searchBody({ ...o, externalId: `${o.externalId}#${i}` })),
    );
    const table = sqlite.prepare("select sql from sqlite_master where name = 'orders_search'").get() as {
      sql: string;
    };
    expect(table.sql).toContain('detail=none');
    expect(sqlite.prepare("select v from orders_search_config where k = 'automerge'").get()).toEqual({
      v: 8,
    });
    const total = sqlite.prepare('select count(*) as n from orders').get() as { n: number };
    expect(sqlite.prepare('select count(*) as n from orders_search_docsize').get()).toEqual(total);
  });
});

function readdirOne(dir: string, prefix: string): string {
  const found = readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.sql'));
  if (found.length !== 1) throw new Error(`expected one ${prefix}*.sql in ${dir}, found ${found.join(', ')}`);
  return found[0] as string;
}
