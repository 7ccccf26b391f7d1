import iconv from 'iconv-lite';

/**
 * GBK/GB18030 (mainland) and Big5 (Taiwan, Hong Kong: older Excel in zh-TW) share their byte
 * structure, a lead byte 0x81–0xFE and a trail byte, so most Big5 files are also valid GBK and
 * decode without an error into nonsense (臺北市 → 朝ゅ…). What tells them apart is whether the
 * characters are ones people write: as in the character-distribution analysis of Mozilla's
 * charset detector, text in the right encoding is almost all common characters, and the wrong
 * decoding lands on rare ideographs, kana, symbols and private-use code points. The common set
 * here is GB2312's level 1 (the 3,755 most used simplified characters) together with Big5's
 * 常用字 block (5,401 frequently used traditional characters): both tables ship inside iconv-lite.
 */
let common: Set<string> | undefined;

function decodeGrid(encoding: string, leads: [number, number], trails: [number, number][]): string {
  const bytes: number[] = [];
  for (let lead = leads[0]; lead <= leads[1]; lead++)
    for (const [from, to] of trails) for (let trail = from; trail <= to; trail++) bytes.push(lead, trail);
  return iconv.decode(Buffer.from(bytes), encoding);
}

function commonChars(): Set<string> {
  if (common) return common;
  const gb2312Level1 = decodeGrid('gbk', [0xb0, 0xd7], [[0xa1, 0xfe]]);
  // Big5 0xA440–0xC67E (the row 0xC6 has them only below 0xA1).
  const big5Frequent =
    decodeGrid(
      'big5',
      [0xa4, 0xc5],
      [
        [0x40, 0x7e],
        [0xa1, 0xfe],
      ],
    ) + decodeGrid('big5', [0xc6, 0xc6], [[0x40, 0x7e]]);
  // Punctuation and full-width forms a sheet carries in either script.
  const punctuation = '，。、：；？！（）【】《》〈〉「」『』“”‘’·—…￥　';
  common = new Set([...gb2312Level1, ...big5Frequent, ...punctuation]);
  common.delete('\uFFFD');
  return common;
}

export interface CjkScore {
  /** Characters outside ASCII. */
  total: number;
  /** Of them, common Chinese characters and punctuation. */
  common: number;
  /** U+FFFD: byte sequences the encoding does not have. */
  invalid: number;
}

export function scoreCjk(text: string): CjkScore {
  const set = commonChars();
  const s: CjkScore = { total: 0, common: 0, invalid: 0 };
  for (const c of text) {
    if (c < '\u0080') continue;
    s.total++;
    if (c === '\uFFFD') s.invalid++;
    else if (set.has(c) || (c >= '\uff01' && c <= '\uff5e')) s.common++;
  }
  return s;
}

/** Share of common characters; a text without any non-ASCII character says nothing (0). */
const rate = (s: CjkScore): number => (s.total ? s.common / s.total : 0);

/**
 * A reading in the right encoding is at least this share of common characters (names and places
 * use a few rare ones); a wrong reading scores about 0.25–0.55 on real exports.
 */
const CONVINCING = 0.8;
/** Big5 must be this far ahead of the GB18030 reading to replace it… */
const MARGIN = 0.3;
/** …over at least this many common characters: fewer (one name) prove nothing either way. */
const ENOUGH = 4;

export type CjkVerdict = 'gb18030' | 'big5' | 'unsure';

/**
 * Which of GB18030 and Big5 a sample of the file is in, from the two readings of the same bytes.
 * GB18030 stays unless Big5 is a real contender: a reading made of common characters (an
 * invalid sequence counts as a rare one, so a Big5 file with one pasted GBK character is still
 * Big5, and refused with its row rather than imported as nonsense). Then Big5 wins when
 * GB18030 has invalid sequences or clearly more rare characters, and when the sample is too
 * small or both readings look alike the answer is 'unsure'.
 */
export function gbOrBig5(gb: string, big5: string): CjkVerdict {
  const b = scoreCjk(big5);
  if (rate(b) < CONVINCING) return 'gb18030';
  const g = scoreCjk(gb);
  if (g.invalid) return 'big5';
  return rate(b) - rate(g) >= MARGIN && b.common >= ENOUGH ? 'big5' : 'unsure';
}
