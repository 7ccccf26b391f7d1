import type { LabelModel } from './label.model';
import type { LabelSize } from './label-size';
import { layoutLabelDots, type DotElement } from './label-dots.layout';
import { isAscii, rasterText, type Bitmap } from './text-raster';

export interface ZplOptions {
  size: LabelSize;
  dpi: number;
  /** A TTF stored on the printer (e.g. "E:SIMSUN.TTF"); without it Chinese text goes as ^GFA bitmaps. */
  cjkFont?: string | null;
}

/** ^FD data must not contain the format prefix characters; ^FH lets us hex-escape them. */
const fd = (text: string): string =>
  text.replace(/[_^~]/g, (c) => '_' + c.charCodeAt(0).toString(16).padStart(2, '0'));

export function bitmapToGfa(b: Bitmap): string {
  const total = b.bytesPerRow * b.height;
  return `^GFA,${total},${total},${b.bytesPerRow},${Buffer.from(b.data).toString('hex').toUpperCase()}`;
}

function element(e: DotElement, opts: ZplOptions): string {
  switch (e.t) {
    case 'box':
      return `^FO${e.x},${e.y}^GB${e.w},${e.h},${e.thick}^FS`;
    case 'barcode':
      return `^FO${e.x},${e.y}^BY${e.module},3,${e.h}^BCN,${e.h},${e.readable ? 'Y' : 'N'},N,N^FD${e.data}^FS`;
    case 'qr':
      return `^FO${e.x},${e.y}^BQN,2,${Math.min(10, e.mag)}^FDMA,${e.data}^FS`;
    case 'text': {
      if (isAscii(e.text)) {
        const w = Math.round(e.h * 0.85);
        return `^FO${e.x},${e.y}^A0N,${e.h},${w}^FB${e.maxWidth},${e.maxLines},0,L,0^FH^FD${fd(e.text)}^FS`;
      }
      if (opts.cjkFont) {
        return `^FO${e.x},${e.y}^A@N,${e.h},${e.h},${opts.cjkFont}^FB${e.maxWidth},${e.maxLines},0,L,0^FH^FD${fd(e.text)}^FS`;
      }
      const bmp = rasterText(e.text, {
        px: e.h,
        maxWidth: e.maxWidth,
        maxLines: e.maxLines,
        weight: e.bold ? 'bold' : 'regular',
      });
      return `^FO${e.x},${e.y}${bitmapToGfa(bmp)}^FS`;
    }
  }
}

/** One ^XA…^XZ label, UTF-8 (^CI28). */
export function renderLabelZpl(m: LabelModel, opts: ZplOptions): Buffer {
  const layout = layoutLabelDots(m, opts.size, opts.dpi);
  const body = layout.elements.map((e) => element(e, opts)).join('\n');
  return Buffer.from(`^XA^CI28^PW${layout.width}^LL${layout.height}^LH0,0\n${body}\n^PQ1^XZ\n`, 'utf8');
}
