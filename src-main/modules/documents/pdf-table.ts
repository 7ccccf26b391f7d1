import type { Pdf } from './pdf-doc';

export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

export const A4: [number, number] = [595.28, 841.89];
export const PAGE_MARGIN = 36;

/** Starts an A4 page and returns the first y below the margin. */
export function a4Page(doc: Pdf): number {
  doc.addPage({ size: A4, margin: PAGE_MARGIN });
  return PAGE_MARGIN;
}

/**
 * The header row grows to as many lines as its longest title needs, so a bilingual title in a
 * narrow column ("单位 Unit", "Net weight (kg) 净重") wraps rather than being cut with "…".
 */
function header(doc: Pdf, cols: Column[], x: number, y: number, size: number): number {
  doc.font('bold').fontSize(size);
  const textH = Math.max(...cols.map((c) => doc.heightOfString(c.title, { width: c.width - 6 })));
  const h = Math.max(size * 1.9, textH + size * 0.9);
  doc
    .rect(
      x,
      y,
      cols.reduce((s, c) => s + c.width, 0),
      h,
    )
    .fill('#e8e8e8');
  doc.fillColor('#000').font('bold').fontSize(size);
  let cx = x;
  for (const c of cols) {
    doc.text(c.title, cx + 3, y + size * 0.45, { width: c.width - 6, align: c.align ?? 'left' });
    cx += c.width;
  }
  return y + h;
}

/**
 * A simple ruled table that continues on new pages with its header repeated. `beforeRow` may
 * draw extra things (barcodes) in the row's box and returns nothing.
 */
export function table(
  doc: Pdf,
  cols: Column[],
  rows: string[][],
  at: { x: number; y: number },
  opts: {
    size?: number;
    minRowHeight?: number;
    beforeRow?: (i: number, x: number, y: number, h: number) => void;
  } = {},
): number {
  const size = opts.size ?? 8.5;
  const bottom = A4[1] - PAGE_MARGIN;
  const width = cols.reduce((s, c) => s + c.width, 0);
  let y = header(doc, cols, at.x, at.y, size);
  rows.forEach((row, i) => {
    doc.font('body').fontSize(size);
    const h = Math.max(
      opts.minRowHeight ?? 0,
      ...row.map((cell, k) => doc.heightOfString(cell || ' ', { width: cols[k]!.width - 6 }) + size * 0.8),
    );
    if (y + h > bottom) {
      y = header(doc, cols, at.x, a4Page(doc), size);
      doc.font('body').fontSize(size);
    }
    opts.beforeRow?.(i, at.x, y, h);
    let cx = at.x;
    row.forEach((cell, k) => {
      const c = cols[k]!;
      doc
        .fillColor('#000')
        .text(cell, cx + 3, y + size * 0.4, { width: c.width - 6, align: c.align ?? 'left' });
      cx += c.width;
    });
    doc
      .moveTo(at.x, y + h)
      .lineTo(at.x + width, y + h)
      .lineWidth(0.4)
      .stroke('#999');
    y += h;
  });
  doc.strokeColor('#000');
  return y;
}

/** Two-language caption: "出库单 Packing slip" in the document's main language first. */
export const bi = (lang: 'zh' | 'en', zh: string, en: string): string =>
  lang === 'zh' ? `${zh} ${en}` : `${en} / ${zh}`;
