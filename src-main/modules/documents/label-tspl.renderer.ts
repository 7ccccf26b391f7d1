import iconv from 'iconv-lite';
import type { LabelModel } from './label.model';
import type { LabelSize } from './label-size';
import { labelSizeMm } from './label-size';
import { layoutLabelDots, type DotElement } from './label-dots.layout';
import { isAscii, rasterText } from './text-raster';

export interface TsplOptions {
  size: LabelSize;
  dpi: number;
  /** TSC/Xprinter models sold in China carry TSS24.BF2 (GB18030); others get bitmaps. */
  cjkFont?: boolean;
}

const q = (text: string): string => text.replace(/"/g, '\\["]');

/** Largest built-in font (1–5) no taller than h dots: 12, 20, 24, 32, 48 at 203 dpi. */
function asciiFont(h: number): { font: string; mul: number } {
  const sizes: [string, number][] = [
    ['5', 48],
    ['4', 32],
    ['3', 24],
    ['2', 20],
    ['1', 12],
  ];
  for (const [font, px] of sizes) if (px <= h) return { font, mul: 1 };
  return { font: '1', mul: 1 };
}

function element(e: DotElement, opts: TsplOptions): Buffer[] {
  const line = (s: string) => [Buffer.from(s + '\r\n', 'latin1')];
  switch (e.t) {
    case 'box':
      return e.h <= e.thick
        ? line(`BAR ${e.x},${e.y},${e.w},${e.h}`)
        : line(`BOX ${e.x},${e.y},${e.x + e.w},${e.y + e.h},${e.thick}`);
    case 'barcode':
      return line(
        `BARCODE ${e.x},${e.y},"128",${e.h},${e.readable ? 2 : 0},0,${e.module},${e.module},"${e.data}"`,
      );
    case 'qr':
      return line(`QRCODE ${e.x},${e.y},M,${Math.min(10, e.mag)},A,0,"${q(e.data)}"`);
    case 'text': {
      if (isAscii(e.text)) {
        const f = asciiFont(e.h);
        return line(
          `BLOCK ${e.x},${e.y},${e.maxWidth},${e.h * e.maxLines + 4},"${f.font}",0,${f.mul},${f.mul},"${q(e.text)}"`,
        );
      }
      if (opts.cjkFont) {
        const mul = Math.max(1, Math.round(e.h / 24));
        return [
          Buffer.from(
            `BLOCK ${e.x},${e.y},${e.maxWidth},${24 * mul * e.maxLines + 4},"TSS24.BF2",0,${mul},${mul},"`,
            'latin1',
          ),
          iconv.encode(q(e.text), 'gb18030'),
          Buffer.from('"\r\n', 'latin1'),
        ];
      }
      const bmp = rasterText(e.text, {
        px: e.h,
        maxWidth: e.maxWidth,
        maxLines: e.maxLines,
        weight: e.bold ? 'bold' : 'regular',
      });
      // TSPL bitmaps use 0 for black: the opposite of ZPL and of our Bitmap.
      const inverted = Buffer.from(bmp.data.map((b) => ~b & 0xff));
      return [
        Buffer.from(`BITMAP ${e.x},${e.y},${bmp.bytesPerRow},${bmp.height},0,`, 'latin1'),
        inverted,
        Buffer.from('\r\n', 'latin1'),
      ];
    }
  }
}

export function renderLabelTspl(m: LabelModel, opts: TsplOptions): Buffer {
  const { w, h } = labelSizeMm(opts.size);
  const layout = layoutLabelDots(m, opts.size, opts.dpi);
  return Buffer.concat([
    Buffer.from(
      `SIZE ${w} mm,${h} mm\r\nGAP 2 mm,0 mm\r\nDIRECTION 1,0\r\nREFERENCE 0,0\r\nCLS\r\n`,
      'latin1',
    ),
    ...layout.elements.flatMap((e) => element(e, opts)),
    Buffer.from('PRINT 1,1\r\n', 'latin1'),
  ]);
}
