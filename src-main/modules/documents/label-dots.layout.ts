import { formatWeight, LABEL_WORDS, type LabelModel } from './label.model';
import { labelSizeDots, type LabelSize } from './label-size';

/**
 * The label laid out in printer dots, once, for every printer language: ZPL and TSPL only
 * differ in how they spell these elements.
 */
export type DotElement =
  | {
      t: 'text';
      x: number;
      y: number;
      h: number;
      text: string;
      bold?: boolean;
      maxWidth: number;
      maxLines: number;
    }
  | { t: 'barcode'; x: number; y: number; h: number; module: number; data: string; readable: boolean }
  | { t: 'qr'; x: number; y: number; mag: number; data: string }
  | { t: 'box'; x: number; y: number; w: number; h: number; thick: number };

export interface DotLayout {
  width: number;
  height: number;
  dotsPerMm: number;
  elements: DotElement[];
}

/** Code 128 subset B: start + data + check (11 modules each) + stop (13). */
export const code128Modules = (data: string): number => 11 * (data.length + 2) + 13;

export function layoutLabelDots(m: LabelModel, size: LabelSize, dpi: number): DotLayout {
  const { w: W, h: H, dotsPerMm: d } = labelSizeDots(size, dpi);
  const mm = (v: number) => Math.round(v * d * (W / d / 100));
  const pad = mm(3);
  const inner = W - 2 * pad;
  const words = LABEL_WORDS[m.language];
  const els: DotElement[] = [];
  const rule = (y: number) => els.push({ t: 'box', x: pad, y, w: inner, h: 2, thick: 2 });
  let y = pad;

  els.push({
    t: 'text',
    x: pad,
    y,
    h: mm(5.5),
    text: m.carrierName,
    bold: true,
    maxWidth: Math.round(inner * 0.6),
    maxLines: 1,
  });
  if (m.service)
    els.push({
      t: 'text',
      x: pad,
      y: y + mm(6.5),
      h: mm(2.8),
      text: m.service,
      maxWidth: Math.round(inner * 0.6),
      maxLines: 1,
    });
  if (m.cod) {
    const bw = mm(32);
    els.push({ t: 'box', x: W - pad - bw, y, w: bw, h: mm(10), thick: 3 });
    els.push({
      t: 'text',
      x: W - pad - bw + mm(1.5),
      y: y + mm(1),
      h: mm(3.5),
      text: `${words.cod} ${m.cod.text}`,
      bold: true,
      maxWidth: bw - mm(3),
      maxLines: 2,
    });
  }
  y += mm(11);
  rule(y);
  y += mm(2);

  const barH = mm(18);
  const module = Math.max(1, Math.min(4, Math.floor((inner - mm(6)) / code128Modules(m.barcode))));
  const barW = module * code128Modules(m.barcode);
  els.push({
    t: 'barcode',
    x: pad + Math.max(0, Math.floor((inner - barW) / 2)),
    y,
    h: barH,
    module,
    data: m.barcode,
    readable: true,
  });
  y += barH + mm(5);
  rule(y);
  y += mm(2);

  const party = (
    tag: string,
    p: LabelModel['recipient'],
    nameH: number,
    addrH: number,
    addrLines: number,
  ) => {
    const tagW = Math.round(nameH * 1.5);
    els.push({ t: 'box', x: pad, y, w: tagW, h: tagW, thick: 3 });
    els.push({
      t: 'text',
      x: pad + Math.round(tagW * 0.15),
      y: y + Math.round(tagW * 0.15),
      h: Math.round(nameH * 0.9),
      text: tag,
      bold: true,
      maxWidth: tagW,
      maxLines: 1,
    });
    const tx = pad + tagW + mm(2);
    const tw = inner - tagW - mm(2);
    els.push({
      t: 'text',
      x: tx,
      y,
      h: nameH,
      text: `${p.name}  ${p.phone}`,
      bold: true,
      maxWidth: tw,
      maxLines: 1,
    });
    let yy = y + Math.round(nameH * 1.3);
    if (p.company) {
      els.push({ t: 'text', x: tx, y: yy, h: addrH, text: p.company, maxWidth: tw, maxLines: 1 });
      yy += Math.round(addrH * 1.25);
    }
    els.push({
      t: 'text',
      x: tx,
      y: yy,
      h: addrH,
      text: p.addressLines.join(' '),
      maxWidth: tw,
      maxLines: addrLines,
    });
    y = Math.max(yy + Math.round(addrH * 1.25) * addrLines, y + tagW) + mm(1.5);
  };
  party(words.to, m.recipient, mm(4.6), mm(3.8), 3);
  rule(y);
  y += mm(1.5);
  party(words.from, m.sender, mm(3), mm(2.6), 2);
  rule(y);
  y += mm(2);

  const qr = m.qrPayload ? mm(22) : 0;
  const leftW = inner - (qr ? qr + mm(2) : 0);
  const small = mm(2.8);
  const footerTop = y;
  els.push({
    t: 'text',
    x: pad,
    y,
    h: small,
    text: `${words.order}: ${m.orderRef}`,
    maxWidth: leftW,
    maxLines: 1,
  });
  els.push({
    t: 'text',
    x: pad,
    y: y + mm(3.6),
    h: small,
    text: `${words.weight}: ${formatWeight(m.weightGrams)}  ${m.itemCount} ${words.items}`,
    maxWidth: leftW,
    maxLines: 1,
  });
  y += mm(8);
  if (m.trackingNumber) {
    const mod = Math.max(1, Math.min(3, Math.floor(leftW / code128Modules(m.orderBarcode))));
    els.push({ t: 'barcode', x: pad, y, h: mm(7), module: mod, data: m.orderBarcode, readable: true });
    y += mm(11);
  }
  if (m.qrPayload) {
    // ~29 modules for our payload at ECC M; magnification is whole dots per module.
    els.push({
      t: 'qr',
      x: W - pad - qr,
      y: footerTop,
      mag: Math.max(2, Math.floor(qr / 29)),
      data: m.qrPayload,
    });
  }
  // ZPL and TSPL place QR symbols a few dots below their origin: leave room.
  y = Math.max(y, footerTop + qr + mm(6));
  const notes = [m.linesSummary, m.buyerMessage].filter(Boolean).join('  ');
  if (notes && y + mm(3) < H - pad) {
    rule(y);
    els.push({ t: 'text', x: pad, y: y + mm(1), h: mm(2.5), text: notes, maxWidth: inner, maxLines: 2 });
  }
  return { width: W, height: H, dotsPerMm: d, elements: els };
}
