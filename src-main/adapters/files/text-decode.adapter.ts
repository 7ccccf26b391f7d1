import iconv from 'iconv-lite';
import { AppFailure } from '../../../src-shared/result';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** 1-based line of a byte offset, so an encoding error can name the row a person sees. */
function lineAt(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text when `buf` is valid UTF-8 (checked natively, in one pass), else null. */
function utf8OrNull(buf: Uint8Array): string | null {
  try {
    return strictDecoder.decode(buf);
  } catch {
    return null;
  }
}

/**
 * Offset of the first byte that is not valid UTF-8 (a strict decoder says only "invalid"). Only
 * run once the native decoder has refused the bytes: a JS loop over a 40 MB export costs far more.
 */
function firstBadUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] as number;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Western text saved by Excel on Windows (Windows-1252: "Müller", "Église") is not UTF-8 either,
 * and GB18030 decodes most of it without complaint into CJK nonsense ("M黮ler"). In GBK text a
 * lead byte is followed by another high byte (GB2312 characters are 0xA1–0xFE twice); an ASCII
 * trail byte belongs to GBK's extension characters only (玥 is 0xAB 0x68) but is the rule in Latin text,
 * where an accented letter sits between plain ones. The offset of the first such pair when they
 * are most of the file's two-byte pairs, else -1.
 */
function latinLooking(buf: Uint8Array): number {
  let pairs = 0;
  let asciiTrail = 0;
  let first = -1;
  for (let i = 0; i < buf.length; i++) {
    if ((buf[i] as number) < 0x81) continue;
    const trail = buf[i + 1] ?? 0;
    // GB18030 four-byte form: lead, digit, lead, digit.
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3;
      continue;
    }
    pairs++;
    if (trail >= 0x40 && trail <= 0x7e) {
      asciiTrail++;
      if (first < 0) first = i;
    }
    i++;
  }
  return asciiTrail * 2 > pairs ? first : -1;
}

/**
 * Chinese channel exports come as UTF-8 (with or without BOM) or GBK/GB18030 depending on the
 * platform and on whether a person re-saved them in Excel. A strict UTF-8 decode is decisive
 * (GBK text is almost never valid UTF-8); otherwise GB18030, a superset of GBK, is tried, and a
 * file that is neither is refused rather than imported as mojibake.
 */
export function decodeText(buf: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: strictUtf8(buf.subarray(3), fileName, 3), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  const nul = buf.indexOf(0);
  if (nul >= 0) {
    throw new AppFailure(
      'invalid_input',
      `${fileName}: row ${lineAt(buf, nul)}: the file is not text (binary data, or UTF-16 without a byte-order mark). Save it as CSV UTF-8 or XLSX and import again.`,
      [{ path: `row ${lineAt(buf, nul)}`, message: 'not a text file' }],
    );
  }
  const utf8 = utf8OrNull(buf);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (firstBadUtf8(buf) < 0) return { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
  const latin = latinLooking(buf);
  if (latin >= 0) {
    const row = lineAt(buf, latin);
    throw new AppFailure(
      'invalid_input',
      `${fileName}: row ${row}: the text is neither UTF-8 nor GBK/GB18030; it looks like Windows-1252 (Latin-1), as Excel saves CSV on a Western Windows. Save it as "CSV UTF-8" and import again.`,
      [{ path: `row ${row}`, message: 'unknown text encoding' }],
    );
  }
  const text = iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), 'gb18030');
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    const row = text.slice(0, replaced).split('\n').length;
    throw new AppFailure(
      'invalid_input',
      `${fileName}: row ${row}: the text is neither UTF-8 nor GBK/GB18030 (wrong encoding). Save it as CSV UTF-8 and import again.`,
      [{ path: `row ${row}`, message: 'unknown text encoding' }],
    );
  }
  return { text, encoding: 'gb18030' };
}

function strictUtf8(buf: Uint8Array, fileName: string, shift: number): string {
  const text = utf8OrNull(buf);
  if (text !== null) return text;
  const bad = firstBadUtf8(buf);
  // The byte check is a little laxer than the decoder (overlong forms, surrogates): as before, such text decodes with U+FFFD.
  if (bad < 0) return new TextDecoder('utf-8').decode(buf);
  const row = lineAt(buf, bad);
  throw new AppFailure(
    'invalid_input',
    `${fileName}: row ${row}: the file says it is UTF-8 but byte ${bad + shift} is not (wrong encoding or damaged file)`,
    [{ path: `row ${row}`, message: 'invalid UTF-8' }],
  );
}
