import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import iconv from 'iconv-lite';
import type * as ZplRenderer from 'zpl-renderer-js';
import { aCore } from '../fixtures/core';
import { aChannel, anOrder, seedOrders } from '../fixtures/orders';
import { zbar } from '../fixtures/decode';
import { decodeEscPos } from '../fixtures/escpos-decode';
import { labelModelFor } from '../../src-main/modules/documents';
import { renderLabelZpl } from '../../src-main/modules/documents/label-zpl.renderer';
import { renderLabelTspl } from '../../src-main/modules/documents/label-tspl.renderer';
import { renderLabelEscpos } from '../../src-main/modules/documents/label-escpos.renderer';

describe('label in printer languages', () => {
  let core: ReturnType<typeof aCore>;
  let dir: string;
  let id: number;
  const PD = () => `PD${String(id).padStart(8, '0')}`;

  beforeAll(() => {
    core = aCore({ now: () => Date.UTC(2026, 10, 25, 8, 0) });
    dir = mkdtempSync(join(tmpdir(), 'packdesk-labels-'));
    const channelId = aChannel(core);
    [id] = seedOrders(core, [anOrder({ channelId, recipientName: '王小明', buyerMessage: '放门口' })]) as [
      number,
    ];
    core.ctx.sqlite
      .prepare("update orders set carrier = 'sf', tracking_number = 'SF1234567890123' where id = ?")
      .run(id);
  });
  afterAll(() => {
    core.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ZPL renders (zpl-renderer-js) and zbarimg decodes the tracking, order and QR codes', async () => {
    const zpl = renderLabelZpl(labelModelFor(core.ctx, id), { size: '100x150', dpi: 203 }).toString('utf8');
    expect(zpl.startsWith('^XA^CI28^PW800^LL1200')).toBe(true);
    // Loaded with require so vite does not try to transform its 8 MB inlined WASM.
    const { ready } = createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer;
    const { api } = await ready;
    const png = join(dir, 'label.png');
    writeFileSync(png, Buffer.from(await api.zplToBase64Async(zpl, 100, 150, 8), 'base64'));
    expect(zbar(png)).toEqual(
      [`CODE-128:${PD()}`, 'CODE-128:SF1234567890123', `QR-Code:SF1234567890123|${PD()}`].sort(),
    );
  });

  it.each([
    ['76x130', 203, 8],
    ['100x150', 300, 12],
  ] as const)('ZPL %s at %i dpi also decodes', async (size, dpi, dpmm) => {
    const zpl = renderLabelZpl(labelModelFor(core.ctx, id), { size, dpi }).toString('utf8');
    const { ready } = createRequire(import.meta.url)('zpl-renderer-js') as typeof ZplRenderer;
    const { api } = await ready;
    const [w, h] = size.split('x').map(Number) as [number, number];
    const png = join(dir, `label-${size}-${dpi}.png`);
    writeFileSync(png, Buffer.from(await api.zplToBase64Async(zpl, w, h, dpmm), 'base64'));
    expect(zbar(png)).toEqual(
      [`CODE-128:${PD()}`, 'CODE-128:SF1234567890123', `QR-Code:SF1234567890123|${PD()}`].sort(),
    );
  });

  it('ZPL without a printer CJK font carries Chinese only as well-formed ^GFA bitmaps', () => {
    const zpl = renderLabelZpl(labelModelFor(core.ctx, id), { size: '100x150', dpi: 203 }).toString('utf8');
    expect(/[^\n -~]/.test(zpl)).toBe(false); // nothing but printable ASCII
    const gfas = [...zpl.matchAll(/\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS/g)];
    expect(gfas.length).toBeGreaterThanOrEqual(4); // carrier, 收, recipient, address, …
    for (const [, b, c, d, hex] of gfas) {
      expect(b).toBe(c);
      expect(hex!.length).toBe(2 * Number(b));
      expect(Number(b) % Number(d)).toBe(0);
      expect(/[1-9A-F]/.test(hex!)).toBe(true); // something is black
    }
  });

  it('ZPL with a printer font sends UTF-8 text through ^A@ instead', () => {
    const zpl = renderLabelZpl(labelModelFor(core.ctx, id), {
      size: '100x150',
      dpi: 203,
      cjkFont: 'E:SIMSUN.TTF',
    }).toString('utf8');
    expect(zpl).toContain('^A@N,');
    expect(zpl).toContain('王小明');
    expect(zpl).not.toContain('^GFA');
  });

  it('TSPL: size, Code128, QR, bitmaps of the right length, print', () => {
    const buf = renderLabelTspl(labelModelFor(core.ctx, id), { size: '76x130', dpi: 203 });
    const latin = buf.toString('latin1');
    expect(latin).toMatch(/^SIZE 76 mm,130 mm\r\nGAP 2 mm,0 mm\r\n/);
    expect(latin).toMatch(/BARCODE \d+,\d+,"128",\d+,2,0,\d,\d,"SF1234567890123"\r\n/);
    expect(latin).toContain(`QRCODE`);
    expect(latin).toContain(`"SF1234567890123|${PD()}"`);
    expect(latin.endsWith('PRINT 1,1\r\n')).toBe(true);
    // Walk every BITMAP: header says widthBytes × height raw bytes, then CRLF.
    let at = 0;
    let bitmaps = 0;
    while ((at = latin.indexOf('BITMAP ', at)) >= 0) {
      const m = /^BITMAP (\d+),(\d+),(\d+),(\d+),0,/.exec(latin.slice(at))!;
      const end = at + m[0].length + Number(m[3]) * Number(m[4]);
      expect(latin.slice(end, end + 2)).toBe('\r\n');
      at = end;
      bitmaps += 1;
    }
    expect(bitmaps).toBeGreaterThanOrEqual(4);
  });

  it('TSPL with the printer font sends GB18030 text to TSS24.BF2', () => {
    const buf = renderLabelTspl(labelModelFor(core.ctx, id), { size: '100x150', dpi: 203, cjkFont: true });
    expect(buf.includes(iconv.encode('王小明', 'gb18030'))).toBe(true);
    expect(buf.toString('latin1')).toContain('"TSS24.BF2"');
    expect(buf.toString('latin1')).not.toContain('BITMAP');
  });

  it('ESC/POS decodes to the Chinese text, the Code128 tracking number, the QR payload and one cut', () => {
    const d = decodeEscPos(renderLabelEscpos(labelModelFor(core.ctx, id)));
    expect(d.text).toContain('顺丰速运');
    expect(d.text).toContain('收: 王小明 13812345678');
    expect(d.text).toContain('广东省深圳市南山区');
    expect(d.barcodes).toEqual([{ type: 73, data: 'SF1234567890123' }]);
    expect(d.qr).toEqual([`SF1234567890123|${PD()}`]);
    expect(d.cuts).toBe(1);
    expect(d.unknown).toEqual([]);
  });
});
