import bwipjs from 'bwip-js/node';
import { AppFailure } from '../../../src-shared/result';

/**
 * Barcodes as geometry, not images: bwip-js encodes, we get bar widths (Code 128) or the module
 * matrix (QR) and draw rectangles. PDFs stay small and fast and print sharp at any dpi.
 */
export interface BarRun {
  /** Offset and width in modules. */
  x: number;
  w: number;
}

export interface Code128Geometry {
  modules: number;
  bars: BarRun[];
}

export interface QrGeometry {
  size: number;
  /** Dark runs per row, so a 33×33 symbol is ~300 rectangles instead of ~600. */
  rows: BarRun[][];
}

type RawLinear = { sbs: number[] };
type RawMatrix = { pixs: number[]; pixx: number; pixy: number };

export function code128(text: string): Code128Geometry {
  if (!text || !/^[\x20-\x7e]+$/.test(text)) {
    throw new AppFailure('invalid_input', `Code 128 needs printable ASCII, got "${text}"`);
  }
  const [raw] = bwipjs.raw('code128', text, {}) as unknown as RawLinear[];
  if (!raw) throw new AppFailure('internal', `bwip-js produced no Code 128 for "${text}"`);
  const bars: BarRun[] = [];
  let x = 0;
  raw.sbs.forEach((w, i) => {
    if (i % 2 === 0) bars.push({ x, w });
    x += w;
  });
  return { modules: x, bars };
}

export function qrCode(text: string, eclevel: 'L' | 'M' | 'Q' | 'H' = 'M'): QrGeometry {
  const [raw] = bwipjs.raw('qrcode', text, { eclevel } as never) as unknown as RawMatrix[];
  if (!raw) throw new AppFailure('internal', `bwip-js produced no QR code for "${text}"`);
  const rows: BarRun[][] = [];
  for (let y = 0; y < raw.pixy; y++) {
    const row: BarRun[] = [];
    let start = -1;
    for (let x = 0; x <= raw.pixx; x++) {
      const dark = x < raw.pixx && raw.pixs[y * raw.pixx + x] === 1;
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        row.push({ x: start, w: x - start });
        start = -1;
      }
    }
    rows.push(row);
  }
  return { size: raw.pixx, rows };
}

/** The subset of pdfkit's API the drawing needs, so the module does not depend on its types. */
export interface RectSink {
  rect(x: number, y: number, w: number, h: number): unknown;
  fill(color?: string): unknown;
}

/** Draws Code 128 into [x, y, width × height] points; bars are snapped to whole module widths. */
export function drawCode128(
  doc: RectSink,
  g: Code128Geometry,
  x: number,
  y: number,
  width: number,
  height: number,
): void {
  const m = width / g.modules;
  for (const b of g.bars) doc.rect(x + b.x * m, y, b.w * m, height);
  doc.fill('#000');
}

export function drawQr(doc: RectSink, g: QrGeometry, x: number, y: number, size: number): void {
  const m = size / g.size;
  g.rows.forEach((row, ry) => {
    for (const r of row) doc.rect(x + r.x * m, y + ry * m, r.w * m, m);
  });
  doc.fill('#000');
}
