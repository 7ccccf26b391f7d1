import bwipjs from 'bwip-js/node';
import { code128, drawCode128, drawQr, qrCode } from './barcode-vector';
import { formatWeight, LABEL_WORDS, type LabelModel } from './label.model';
import { labelSizeMm, type LabelSize } from './label-size';
import { MM, newPdf, pdfBuffer, type Pdf } from './pdf-doc';

export interface LabelPdfOptions {
  size: LabelSize;
  logo?: Buffer | null;
  /** 'png' embeds bitmap barcodes: only for the benchmark's naive baseline. */
  barcodes?: 'vector' | 'png';
}

interface BarcodeDrawer {
  linear(doc: Pdf, value: string, x: number, y: number, w: number, h: number): void;
  qr(doc: Pdf, value: string, x: number, y: number, size: number): void;
}

const vector: BarcodeDrawer = {
  linear: (doc, value, x, y, w, h) => drawCode128(doc, code128(value), x, y, w, h),
  qr: (doc, value, x, y, size) => drawQr(doc, qrCode(value), x, y, size),
};

async function pngDrawer(labels: LabelModel[]): Promise<BarcodeDrawer> {
  const pngs = new Map<string, Buffer>();
  for (const m of labels) {
    for (const v of [m.barcode, m.orderBarcode])
      pngs.set(`c:${v}`, await bwipjs.toBuffer({ bcid: 'code128', text: v, scale: 3, height: 15 }));
    if (m.qrPayload)
      pngs.set(`q:${m.qrPayload}`, await bwipjs.toBuffer({ bcid: 'qrcode', text: m.qrPayload, scale: 4 }));
  }
  return {
    linear: (doc, value, x, y, w, h) =>
      void doc.image(pngs.get(`c:${value}`)!, x, y, { width: w, height: h }),
    qr: (doc, value, x, y, size) =>
      void doc.image(pngs.get(`q:${value}`)!, x, y, { width: size, height: size }),
  };
}

/** Many labels, one page each, in one PDF: the way a batch goes to a label printer. */
export async function renderLabelsPdf(labels: LabelModel[], opts: LabelPdfOptions): Promise<Buffer> {
  const { w, h } = labelSizeMm(opts.size);
  const doc = newPdf([w * MM, h * MM], {
    title: labels.length === 1 ? `Label ${labels[0]!.orderRef}` : `${labels.length} labels`,
  });
  const bc = opts.barcodes === 'png' ? await pngDrawer(labels) : vector;
  for (const label of labels) drawLabelPage(doc, label, opts, bc);
  return pdfBuffer(doc);
}

function rule(doc: Pdf, x0: number, x1: number, y: number, s: number): void {
  doc
    .moveTo(x0, y)
    .lineTo(x1, y)
    .lineWidth(0.8 * s)
    .stroke('#000');
}

function drawLabelPage(doc: Pdf, m: LabelModel, opts: LabelPdfOptions, bc: BarcodeDrawer): void {
  const { w: wMm, h: hMm } = labelSizeMm(opts.size);
  const W = wMm * MM;
  const H = hMm * MM;
  doc.addPage({ size: [W, H], margin: 0 });
  // Layout is drawn for 100 mm width and scaled, so 76×130 keeps proportions.
  const s = W / (100 * MM);
  const pad = 8 * s;
  const inner = W - 2 * pad;
  const words = LABEL_WORDS[m.language];
  let y = pad;

  // Header: logo, carrier, service, COD.
  let headerX = pad;
  if (opts.logo) {
    doc.image(opts.logo, pad, y, { fit: [60 * s, 26 * s] });
    headerX += 64 * s;
  }
  doc
    .font('bold')
    .fontSize(16 * s)
    .fillColor('#000')
    .text(m.carrierName, headerX, y, { width: inner * 0.6, height: 22 * s, ellipsis: true });
  if (m.service)
    doc
      .font('body')
      .fontSize(8 * s)
      .text(m.service, headerX, y + 19 * s, { width: inner * 0.6 });
  if (m.cod) {
    const bw = 86 * s;
    doc
      .rect(W - pad - bw, y, bw, 28 * s)
      .lineWidth(1.2 * s)
      .stroke();
    doc
      .font('bold')
      .fontSize(8 * s)
      .text(words.cod, W - pad - bw + 3 * s, y + 2 * s, { width: bw - 6 * s });
    doc.fontSize(9 * s).text(m.cod.text, W - pad - bw + 3 * s, y + 13 * s, { width: bw - 6 * s });
  }
  y += 30 * s;
  rule(doc, pad, W - pad, y, s);
  y += 5 * s;

  // The tracking (or order) barcode, wide enough for a scanner at arm's length.
  const barH = 80 * s;
  const quiet = 10 * s;
  bc.linear(doc, m.barcode, pad + quiet, y, inner - 2 * quiet, barH);
  y += barH + 2 * s;
  doc
    .font('bold')
    .fontSize(13 * s)
    .text(m.barcode.replace(/(.{4})(?=.)/g, '$1 '), pad, y, { width: inner, align: 'center' });
  y += 19 * s;
  rule(doc, pad, W - pad, y, s);
  y += 5 * s;

  // Recipient: biggest text on the label after the barcode.
  y = party(doc, words.to, m.recipient, pad, y, inner, s, 16, 12.5);
  rule(doc, pad, W - pad, y, s);
  y += 4 * s;
  y = party(doc, words.from, m.sender, pad, y, inner, s, 10, 8.5);
  rule(doc, pad, W - pad, y, s);
  y += 5 * s;

  // Footer: order reference and its own barcode on the left, QR on the right.
  const qrSize = m.qrPayload ? 80 * s : 0;
  const leftW = inner - (qrSize ? qrSize + 8 * s : 0);
  doc.font('body').fontSize(9 * s);
  doc.text(`${words.order}: ${m.orderRef}`, pad, y, { width: leftW, height: 12 * s, ellipsis: true });
  doc.text(
    `${words.weight}: ${formatWeight(m.weightGrams)}   ${m.itemCount} ${words.items}`,
    pad,
    y + 12 * s,
    { width: leftW },
  );
  doc.text(`${words.printed}: ${m.printedAt.slice(0, 16).replace('T', ' ')}`, pad, y + 24 * s, {
    width: leftW,
  });
  const footerTop = y;
  y += 38 * s;
  if (m.trackingNumber) {
    const bw = Math.min(leftW - 8 * s, code128(m.orderBarcode).modules * 1.1 * s);
    bc.linear(doc, m.orderBarcode, pad + 4 * s, y, bw, 26 * s);
    doc
      .font('body')
      .fontSize(8 * s)
      .text(m.orderBarcode, pad + 4 * s, y + 27 * s, { width: bw, align: 'center' });
  }
  if (m.qrPayload) bc.qr(doc, m.qrPayload, W - pad - qrSize, footerTop, qrSize);
  y = Math.max(y + 40 * s, footerTop + qrSize + 4 * s);

  const notes = [m.linesSummary, m.buyerMessage].filter(Boolean).join('  ·  ');
  if (notes && y < H - pad - 10 * s) {
    rule(doc, pad, W - pad, y, s);
    doc
      .font('body')
      .fontSize(8.5 * s)
      .text(notes, pad, y + 3 * s, { width: inner, height: H - pad - y - 3 * s, ellipsis: true });
  }
}

function party(
  doc: Pdf,
  tag: string,
  p: LabelModel['recipient'],
  x: number,
  y: number,
  width: number,
  s: number,
  nameSize: number,
  addrSize: number,
): number {
  const tagW = nameSize * 1.6 * s;
  doc.rect(x, y, tagW, tagW).fill('#000');
  doc
    .font('bold')
    .fontSize(nameSize * 0.95 * s)
    .fillColor('#fff')
    .text(tag, x, y + tagW * 0.12, { width: tagW, align: 'center', lineBreak: false });
  doc.fillColor('#000');
  const tx = x + tagW + 5 * s;
  const tw = width - tagW - 5 * s;
  doc
    .font('bold')
    .fontSize(nameSize * s)
    .text(`${p.name}  ${p.phone}`, tx, y, { width: tw, height: nameSize * 1.5 * s, ellipsis: true });
  let yy = y + nameSize * 1.45 * s;
  if (p.company) {
    doc
      .font('body')
      .fontSize(addrSize * s)
      .text(p.company, tx, yy, { width: tw, height: addrSize * 1.4 * s, ellipsis: true });
    yy += addrSize * 1.4 * s;
  }
  doc.font('body').fontSize(addrSize * s);
  const text = p.addressLines.join('\n');
  // pdfkit drops a last line that overshoots `height` by a rounding error: leave a point spare.
  const h = Math.min(doc.heightOfString(text, { width: tw }) + 1, addrSize * 4.6 * s);
  doc.text(text, tx, yy, { width: tw, height: h, ellipsis: true });
  return Math.max(yy + h, y + tagW) + 4 * s;
}
