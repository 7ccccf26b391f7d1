import * as fontkit from 'fontkit';
import { cjkFont, type FontWeight } from './pdf-fonts';

/**
 * Chinese text as a 1-bit bitmap, drawn from the same Noto Sans Hans outlines as the PDFs, for
 * label printers that have no CJK font (most Zebras). A small scanline filler (non-zero
 * winding, sampled at pixel centres) is all that is needed at label sizes.
 */
export interface Bitmap {
  width: number;
  height: number;
  bytesPerRow: number;
  /** Row-major, MSB first, 1 = black (ZPL's convention; TSPL inverts it). */
  data: Uint8Array;
}

const fonts = new Map<FontWeight, fontkit.Font>();
const fontFor = (w: FontWeight): fontkit.Font => {
  let f = fonts.get(w);
  if (!f) {
    f = fontkit.create(cjkFont(w));
    fonts.set(w, f);
  }
  return f;
};

type Edge = [x0: number, y0: number, x1: number, y1: number];

function flatten(cmds: fontkit.PathCommand[], ox: number, oy: number, scale: number, edges: Edge[]): void {
  let sx = 0;
  let sy = 0;
  let cx = 0;
  let cy = 0;
  const X = (x: number) => ox + x * scale;
  const Y = (y: number) => oy - y * scale;
  const line = (x: number, y: number) => {
    if (Y(cy) !== Y(y)) edges.push([X(cx), Y(cy), X(x), Y(y)]);
    cx = x;
    cy = y;
  };
  for (const { command, args: a } of cmds) {
    if (command === 'moveTo') {
      [cx, cy] = [a[0]!, a[1]!];
      [sx, sy] = [cx, cy];
    } else if (command === 'lineTo') line(a[0]!, a[1]!);
    else if (command === 'quadraticCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 6; i++) {
        const t = i / 6;
        const u = 1 - t;
        line(u * u * x0 + 2 * u * t * a[0]! + t * t * a[2]!, u * u * y0 + 2 * u * t * a[1]! + t * t * a[3]!);
      }
    } else if (command === 'bezierCurveTo') {
      const [x0, y0] = [cx, cy];
      for (let i = 1; i <= 8; i++) {
        const t = i / 8;
        const u = 1 - t;
        line(
          u * u * u * x0 + 3 * u * u * t * a[0]! + 3 * u * t * t * a[2]! + t * t * t * a[4]!,
          u * u * u * y0 + 3 * u * u * t * a[1]! + 3 * u * t * t * a[3]! + t * t * t * a[5]!,
        );
      }
    } else if (command === 'closePath') line(sx, sy);
  }
  if (cx !== sx || cy !== sy) line(sx, sy);
}

function fill(edges: Edge[], width: number, height: number): Bitmap {
  const bytesPerRow = Math.ceil(width / 8);
  const data = new Uint8Array(bytesPerRow * height);
  const xs: { x: number; d: number }[] = [];
  for (let row = 0; row < height; row++) {
    const y = row + 0.5;
    xs.length = 0;
    for (const [x0, y0, x1, y1] of edges) {
      if ((y0 <= y && y1 > y) || (y1 <= y && y0 > y)) {
        xs.push({ x: x0 + ((y - y0) / (y1 - y0)) * (x1 - x0), d: y1 > y0 ? 1 : -1 });
      }
    }
    xs.sort((a, b) => a.x - b.x);
    let winding = 0;
    for (let i = 0; i < xs.length - 1; i++) {
      winding += xs[i]!.d;
      if (winding === 0) continue;
      const from = Math.max(0, Math.ceil(xs[i]!.x - 0.5));
      const to = Math.min(width - 1, Math.floor(xs[i + 1]!.x - 0.5));
      for (let px = from; px <= to; px++) data[row * bytesPerRow + (px >> 3)]! |= 0x80 >> (px & 7);
    }
  }
  return { width, height, bytesPerRow, data };
}

/** Splits text into lines no wider than maxWidth dots; CJK breaks anywhere, Latin at spaces when it can. */
function wrap(font: fontkit.Font, text: string, scale: number, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let width = 0;
    for (const ch of Array.from(para)) {
      const adv = font.layout(ch).positions.reduce((s, p) => s + p.xAdvance, 0) * scale;
      if (width + adv > maxWidth && line) {
        const space = line.lastIndexOf(' ');
        const breakAt = /[\u3000-\u9fff]/.test(ch) || space < line.length / 2 ? line.length : space + 1;
        lines.push(line.slice(0, breakAt).trimEnd());
        line = line.slice(breakAt);
        width = font.layout(line).positions.reduce((s, p) => s + p.xAdvance, 0) * scale;
      }
      line += ch;
      width += adv;
    }
    lines.push(line);
  }
  return lines;
}

export function rasterText(
  text: string,
  opts: { px: number; maxWidth?: number; maxLines?: number; weight?: FontWeight },
): Bitmap {
  const font = fontFor(opts.weight ?? 'regular');
  const scale = opts.px / font.unitsPerEm;
  const lineH = Math.ceil(opts.px * 1.2);
  let lines = opts.maxWidth ? wrap(font, text, scale, opts.maxWidth) : text.split('\n');
  if (opts.maxLines && lines.length > opts.maxLines) lines = lines.slice(0, opts.maxLines);
  const edges: Edge[] = [];
  let width = 1;
  lines.forEach((line, i) => {
    const run = font.layout(line);
    let pen = 0;
    const baseline = i * lineH + font.ascent * scale;
    run.glyphs.forEach((g, k) => {
      const pos = run.positions[k]!;
      flatten(g.path.commands, pen + pos.xOffset * scale, baseline - pos.yOffset * scale, scale, edges);
      pen += pos.xAdvance * scale;
    });
    width = Math.max(width, Math.ceil(pen));
  });
  if (opts.maxWidth) width = Math.min(width, opts.maxWidth);
  return fill(edges, width, Math.max(1, lines.length * lineH));
}

export const isAscii = (text: string): boolean => /^[\x20-\x7e\n]*$/.test(text);
