import fc from 'fast-check';
import Papa from 'papaparse';
import { importFile } from '../../src-main/modules/intake';
import { RowsApart } from '../../src-main/modules/intake/cell-parse';
import { parseInChunks, readImportTable, parseTable } from '../../src-main/modules/intake/import-parse';
import type { Table } from '../../src-main/modules/intake/intake.types';
import { openTable, type TableReader } from '../../src-main/adapters/files/table-read.adapter';
import { aCore } from '../fixtures/core';
import { canonicalOrders } from '../fixtures/db-snapshot';
import { shopifyExport } from '../fixtures/shopify-gen';

const NOW = Date.UTC(2026, 2, 20);

/** A reader handing out `table`'s rows in chunks that end at the given row counts. */
const chunked = (table: Table, cuts: number[]): TableReader => ({
  head: { ...table, rows: [], rowNumbers: [] },
  eachChunk: (onRows) => {
    let from = 0;
    for (const to of [
      ...cuts.filter((c) => c > 0 && c < table.rows.length).sort((a, b) => a - b),
      table.rows.length,
    ]) {
      if (to > from) onRows(table.rows.slice(from, to), table.rowNumbers.slice(from, to));
      from = to;
    }
  },
});

describe('an export read in chunks', () => {
  test('any cut into chunks gives the orders and rejected rows of the whole file, in file order', async () => {
    const { table, layout } = await readImportTable(
      'x.csv',
      Buffer.from(shopifyExport(60, { seed: 21, linesPerOrder: 3 })),
      'shopify',
    );
    // Bad rows: one without an order id, one with a negative quantity (its order is rejected).
    (table.rows[3] as string[])[table.headers.indexOf('Name')] = '';
    (table.rows[10] as string[])[table.headers.indexOf('Lineitem quantity')] = '-2';
    const whole = parseTable(structuredClone(table), layout);
    expect(whole.rejected.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: table.rows.length }), { maxLength: 12 }), async (cuts) => {
        const orders: unknown[] = [];
        const rejected = parseInChunks(chunked(structuredClone(table), cuts), layout, (o) => orders.push(o));
        expect(orders).toEqual(whole.orders);
        expect(rejected).toEqual([...whole.rejected].sort((a, b) => a.row - b.row));
      }),
      { numRuns: 60 },
    );
  });

  test('an order whose rows are apart across chunks is refused to the chunked parse (RowsApart)', async () => {
    const lines = shopifyExport(40, { seed: 2 }).split('\n');
    // The second line of the first order moves to the end of the file.
    lines.push(...lines.splice(2, 1));
    const { table, layout } = await readImportTable('apart.csv', Buffer.from(lines.join('\n')), 'shopify');
    expect(() => parseInChunks(chunked(table, [20]), layout, () => undefined)).toThrow(RowsApart);
    // Within one chunk the layout groups them itself.
    const orders: { externalId: string; lines: unknown[] }[] = [];
    parseInChunks(chunked(table, []), layout, (o) => orders.push(o as (typeof orders)[number]));
    expect(orders[0]?.lines).toHaveLength(2);
  });

  test('a large export whose rows of one order are apart imports in the worker exactly as in-thread', async () => {
    // 3,000 orders: over 1 MiB of text, so the worker reads it in more than one chunk.
    const lines = shopifyExport(3000, { seed: 7 }).split('\n');
    lines.push(...lines.splice(2, 1));
    const bytes = Buffer.from(lines.join('\n'));
    expect(bytes.length).toBeGreaterThan(1 << 20);
    const inWorker = aCore({ now: () => NOW });
    const inThread = aCore({ now: () => NOW });
    try {
      const args = { fileName: 'apart.csv', bytes, format: 'auto' as const, actor: 't', pageSize: 700 };
      const a = await importFile(inWorker.ctx, { ...args, worker: true });
      const b = await importFile(inThread.ctx, { ...args, worker: false });
      expect(a).toMatchObject({ imported: 3000, rejected: [] });
      expect({ ...a, runId: 0 }).toEqual({ ...b, runId: 0 });
      expect(canonicalOrders(inWorker)).toEqual(canonicalOrders(inThread));
      const first = inWorker.ctx.sqlite
        .prepare(
          "select count(*) as n from order_lines l join orders o on o.id = l.order_id where o.external_id = '#100000'",
        )
        .get() as { n: number };
      expect(first.n).toBe(2);
    } finally {
      inWorker.dispose();
      inThread.dispose();
    }
  });
});

describe('a CSV read in chunks', () => {
  test('rows come out as one parse of the whole text gives them: quoted newlines, cells longer than a chunk, CRLF', async () => {
    const long = 'x'.repeat(150_000);
    const short = (from: number) =>
      Array.from({ length: 1500 }, (_, i) => [String(from + i), `"line ${i}\nsecond, with a comma"`, '1']);
    const rows = [
      ['id', 'note', 'qty'],
      ['1', 'plain', '1'],
      ['2', `"a ""quoted"" cell\r\nover two lines"`, '2'],
      ...short(3),
      ['0', `"${long}\n${long}"`, '3'],
      ...short(2000),
    ];
    for (const eol of ['\n', '\r\n']) {
      const text = rows.map((r) => r.join(',')).join(eol);
      const reader = await openTable(Buffer.from(text), 'x.csv');
      const got: string[][] = [];
      const numbers: number[] = [];
      let chunks = 0;
      reader.eachChunk((r, n) => {
        chunks++;
        got.push(...r);
        numbers.push(...n);
      });
      const whole = Papa.parse<string[]>(text, { newline: eol as '\n' }).data.slice(1);
      expect(chunks).toBeGreaterThan(2);
      expect(got).toEqual(whole);
      expect(numbers).toEqual(whole.map((_, i) => i + 2));
      expect(got[1502]?.[1]).toBe(`${long}\n${long}`);
    }
  });
});
