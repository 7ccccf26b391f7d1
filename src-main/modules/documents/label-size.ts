import { AppFailure } from '../../../src-shared/result';
import { LABEL_SIZES, type LabelSize } from '../../../src-shared/contract/documents.contract';

export type { LabelSize };

/** Width × height in millimetres, portrait. */
export function labelSizeMm(size: LabelSize): { w: number; h: number } {
  if (!LABEL_SIZES.includes(size))
    throw new AppFailure(
      'invalid_input',
      `Unknown label size "${size}"; use one of ${LABEL_SIZES.join(', ')}`,
    );
  const [w, h] = size.split('x').map(Number) as [number, number];
  return { w, h };
}

/** Printer dots for a size: 203 dpi = 8 dots/mm, 300 dpi = 12 dots/mm (Zebra's 304.8 dpi). */
export function labelSizeDots(size: LabelSize, dpi: number): { w: number; h: number; dotsPerMm: number } {
  const { w, h } = labelSizeMm(size);
  const dotsPerMm = dpi >= 600 ? 24 : dpi >= 300 ? 12 : 8;
  return { w: w * dotsPerMm, h: h * dotsPerMm, dotsPerMm };
}
