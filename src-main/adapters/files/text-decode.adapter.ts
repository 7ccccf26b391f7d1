import iconv from 'iconv-lite';
import { AppFailure } from '../../../src-shared/result';
import { gbOrBig5 } from './cjk-encoding';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Said about the whole file in the import report, e.g. that the encoding was a close call. */
  note?: string;
}

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

/** Bytes looked at to choose between GB18030 and Big5: the header and the first few thousand rows. */
const SAMPLE_BYTES = 256 * 1024;

/** The first SAMPLE_BYTES cut after a line end, so no character is split (else the whole buffer). */
function sampleOf(buf: Uint8Array): Uint8Array {
  if (buf.length <= SAMPLE_BYTES) return buf;
  const end = buf.lastIndexOf(0x0a, SAMPLE_BYTES);
  return end > 0 ? buf.subarray(0, end + 1) : buf;
}

const iconvDecode = (buf: Uint8Array, encoding: string): string =>
  iconv.decode(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), encoding);

/** The decoded text, or an error naming the row of the first byte sequence the encoding lacks. */
function decodeOrRefuse(
  buf: Uint8Array,
  encoding: 'gb18030' | 'big5',
  fileName: string,
  what: string,
): string {
  const text = iconvDecode(buf, encoding);
  const replaced = text.indexOf('\uFFFD');
  if (replaced >= 0) {
    const row = text.slice(0, replaced).split('\n').length;
    throw new AppFailure(
      'invalid_input',
      `${fileName}: row ${row}: ${what} Save it as CSV UTF-8 and import again.`,
      [{ path: `row ${row}`, message: 'unknown text encoding' }],
    );
  }
  return text;
}

/**
 * Chinese channel exports come as UTF-8 (with or without BOM) or GBK/GB18030 depending on the
 * platform and on whether a person re-saved them in Excel; Taiwan and Hong Kong sellers' Excel
 * saves Big5. A strict UTF-8 decode is decisive (GBK text is almost never valid UTF-8);
 * otherwise GB18030 (a superset of GBK) and Big5 are told apart by which reading is made of
 * common characters (cjk-encoding.ts). When that is a close call, GB18030 is kept and the
 * returned note says so; a file that is none of these is refused rather than imported as mojibake.
 */
export function decodeText(buf: Uint8Array, fileName: string): DecodedText {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: strictUtf8(buf.subarray(3), fileName, 3), encoding: 'utf-8-bom' };
  if (buf[0] === 0xff && buf[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  // A NUL byte: an image, a program, an archive or UTF-16 text without its byte-order mark. Its
  // "row" would mean nothing, so the file as a whole is named.
  if (buf.indexOf(0) >= 0) {
    throw new AppFailure(
      'invalid_input',
      `${fileName}: the file is not text (binary data such as an image or an archive, or UTF-16 without a byte-order mark). Save it as CSV UTF-8 or XLSX and import again.`,
      [{ path: '(file)', message: 'not a text file' }],
    );
  }
  const utf8 = utf8OrNull(buf);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  if (firstBadUtf8(buf) < 0) return { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
  const sample = sampleOf(buf);
  const verdict = gbOrBig5(iconvDecode(sample, 'gb18030'), iconvDecode(sample, 'big5'));
  // Half of Big5's trail bytes are ASCII letters, which the Latin check below counts against it.
  if (verdict === 'big5') {
    const what =
      'the text reads as Big5 (traditional Chinese) but this row is not valid Big5 (mixed encodings or a damaged file).';
    return { text: decodeOrRefuse(buf, 'big5', fileName, what), encoding: 'big5' };
  }
  const latin = latinLooking(buf);
  if (latin >= 0) {
    const row = lineAt(buf, latin);
    throw new AppFailure(
      'invalid_input',
      `${fileName}: row ${row}: the text is neither UTF-8 nor GBK/GB18030; it looks like Windows-1252 (Latin-1), as Excel saves CSV on a Western Windows. Save it as "CSV UTF-8" and import again.`,
      [{ path: `row ${row}`, message: 'unknown text encoding' }],
    );
  }
  const what = 'the text is neither UTF-8, GBK/GB18030 nor Big5 (wrong encoding).';
  const text = decodeOrRefuse(buf, 'gb18030', fileName, what);
  if (verdict === 'unsure')
    return {
      text,
      encoding: 'gb18030',
      note: `${fileName}: read as GBK/GB18030 (simplified Chinese), but it could also be Big5 (traditional Chinese): its few Chinese characters read plausibly either way. If names or addresses look garbled, save the file as CSV UTF-8 and import it again.`,
    };
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
