import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { AppFailure } from '../../../src-shared/result';

/**
 * Noto Sans Hans (SIL OFL 1.1) from the @embedpdf/fonts-sc npm package, a dependency of the
 * app: PDFs must not depend on whatever fonts the user's machine happens to have. pdfkit
 * embeds only the glyphs a document uses, so a label stays around 50 kB.
 */
const PACKAGE_DIR = join('node_modules', '@embedpdf', 'fonts-sc', 'fonts');
export const CJK_FONT_FILES = { regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' } as const;
export type FontWeight = keyof typeof CJK_FONT_FILES;

/** Looks upward from this file (repository, dist/ bundle, packaged app) for the font package. */
export function findCjkFont(weight: FontWeight): string {
  const override = process.env.PACKDESK_CJK_FONT_DIR;
  const file = CJK_FONT_FILES[weight];
  if (override) {
    const p = resolve(override, file);
    if (existsSync(p)) return p;
  }
  let dir = __dirname;
  for (let i = 0; i < 10; i++) {
    const p = join(dir, PACKAGE_DIR, file);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new AppFailure(
    'unavailable',
    `The Chinese font ${file} is missing (looked for ${PACKAGE_DIR} above ${__dirname}). ` +
      'Reinstall Packdesk, or run `npm install` in a development checkout; PDFs cannot show Chinese text without it.',
  );
}

const cache = new Map<FontWeight, Buffer>();

/** The font bytes, read once per process: every PDF and bitmap renderer shares them. */
export function cjkFont(weight: FontWeight = 'regular'): Buffer {
  let buf = cache.get(weight);
  if (!buf) {
    buf = readFileSync(findCjkFont(weight));
    cache.set(weight, buf);
  }
  return buf;
}
