import { EscPosBuilder } from './escpos.builder';
import { code128, drawCode128, drawQr, qrCode } from './barcode-vector';
import { labelSizeDots, labelSizeMm, type LabelSize } from './label-size';
import { MM, newPdf, pdfBuffer } from './pdf-doc';

export interface TestPageTarget {
  name: string;
  language: string;
  size: LabelSize;
  dpi: number;
  at: number;
}

export const TEST_BARCODE = 'PACKDESK-TEST';

/** A page that proves the whole path: text, a Code 128 and a QR code, in the printer's own language. */
export async function renderTestPage(t: TestPageTarget): Promise<Buffer> {
  const stamp = new Date(t.at).toISOString().slice(0, 19).replace('T', ' ');
  const line = `${t.name} · ${t.size} mm · ${t.dpi} dpi · ${stamp}`;
  if (t.language === 'zpl') {
    const { w, h } = labelSizeDots(t.size, t.dpi);
    return Buffer.from(
      `^XA^CI28^PW${w}^LL${h}\n^FO40,40^A0N,44,44^FDPackdesk test page^FS\n^FO40,110^A0N,24,24^FB${w - 80},3,0,L,0^FD${line.replace(/[_^~]/g, ' ')}^FS\n` +
        `^FO40,220^BY3,3,120^BCN,120,Y,N,N^FD${TEST_BARCODE}^FS\n^FO40,420^BQN,2,6^FDMA,${TEST_BARCODE}^FS\n^PQ1^XZ\n`,
      'utf8',
    );
  }
  if (t.language === 'tspl') {
    const { w, h } = labelSizeMm(t.size);
    return Buffer.from(
      `SIZE ${w} mm,${h} mm\r\nGAP 2 mm,0 mm\r\nCLS\r\nTEXT 40,40,"4",0,1,1,"Packdesk test page"\r\nBLOCK 40,100,${w * 8 - 80},80,"2",0,1,1,"${line.replace(/"/g, "'")}"\r\n` +
        `BARCODE 40,200,"128",120,2,0,3,3,"${TEST_BARCODE}"\r\nQRCODE 40,380,M,6,A,0,"${TEST_BARCODE}"\r\nPRINT 1,1\r\n`,
      'latin1',
    );
  }
  if (t.language === 'escpos') {
    return new EscPosBuilder()
      .init()
      .align('center')
      .bold(true)
      .size(2, 2)
      .line('Packdesk')
      .size(1, 1)
      .line('测试页 / test page')
      .bold(false)
      .line(line)
      .code128(TEST_BARCODE, 80, 2)
      .line()
      .qr(TEST_BARCODE, 6)
      .line()
      .feed(2)
      .cut()
      .build();
  }
  const { w, h } = labelSizeMm(t.size);
  const doc = newPdf([w * MM, h * MM], { title: 'Packdesk test page' });
  doc.addPage({ size: [w * MM, h * MM], margin: 0 });
  doc
    .font('bold')
    .fontSize(16)
    .text('Packdesk 测试页 / test page', 20, 20, { width: w * MM - 40 });
  doc
    .font('body')
    .fontSize(9)
    .text(line, 20, 50, { width: w * MM - 40 });
  drawCode128(doc, code128(TEST_BARCODE), 20, 90, w * MM - 40, 60);
  drawQr(doc, qrCode(TEST_BARCODE), 20, 170, 90);
  return pdfBuffer(doc);
}
