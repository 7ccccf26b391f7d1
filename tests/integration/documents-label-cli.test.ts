import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packdesk } from '../fixtures/cli';
import { createCore } from '../../src-main/compose';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { pdfText } from '../fixtures/decode';

describe('packdesk label', () => {
  let dir: string;
  let db: string;
  let id: number;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'packdesk-label-cli-'));
    db = join(dir, 'p.db');
    const core = createCore({ dbPath: db });
    aChannel(core);
    [id] = seedOrders(core, [anOrder({ recipientName: '陈静' })]) as [number];
    core.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a PDF with the recipient and prints one JSON document', async () => {
    const out = join(dir, 'a.pdf');
    const r = await packdesk(['--db', db, 'label', String(id), '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ orderId: id, format: 'pdf', size: '100x150', path: out });
    expect(pdfText(readFileSync(out))).toContain('陈静');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it.each([
    ['zpl', /^\^XA\^CI28\^PW608\^LL1040/],
    ['tspl', /^SIZE 76 mm,130 mm/],
    ['escpos', new RegExp('^' + String.fromCharCode(0x1b) + '@')], // ESC @
  ])('--format %s --size 76x130', async (format, head) => {
    const out = join(dir, `b.${format}`);
    const r = await packdesk([
      '--db',
      db,
      'label',
      String(id),
      '--out',
      out,
      '--format',
      format,
      '--size',
      '76x130',
    ]);
    expect(r.code).toBe(0);
    expect(readFileSync(out).toString('latin1')).toMatch(head);
  });

  it('an unknown format is a usage error and writes nothing', async () => {
    const out = join(dir, 'c.png');
    const r = await packdesk(['--db', db, 'label', String(id), '--out', out, '--format', 'png']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown format "png"; use one of pdf, zpl, tspl, escpos');
    expect(existsSync(out)).toBe(false);
  });

  it('a missing order fails clearly and leaves an existing file untouched', async () => {
    const out = join(dir, 'a.pdf');
    const before = readFileSync(out);
    const r = await packdesk(['--db', db, 'label', '424242', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Order 424242 does not exist');
    expect(readFileSync(out).equals(before)).toBe(true);
  });
});
