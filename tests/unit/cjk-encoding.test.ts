import fc from 'fast-check';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { gbOrBig5 } from '../../src-main/adapters/files/cjk-encoding';
import { divisionIndex } from '../../src-main/modules/standardize';

const verdict = (bytes: Buffer) => gbOrBig5(iconv.decode(bytes, 'gb18030'), iconv.decode(bytes, 'big5'));
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

// Real place names (every district of the 2023 data) and a few common given names, as an export's cells.
const places = [...divisionIndex().districts.values()]
  .flat()
  .map((p) => `${p.province?.name}${p.city?.name}${p.name}`);
const people = ['王小明', '李丽', '张伟', '刘洋', '陈静', '杨帆', '黄磊', '赵敏', '周杰', '吴婷'];
const row = fc.tuple(
  fc.constantFrom(...people),
  fc.constantFrom(...places),
  fc.integer({ min: 1, max: 999 }),
);
const sheet = fc
  .array(row, { minLength: 1, maxLength: 5 })
  .map((rows) => ['收货人,收货地址', ...rows.map(([who, where, n]) => `${who},${where}${n}号`)].join('\r\n'));

describe('GBK or Big5', () => {
  test('simplified Chinese saved as GBK is never taken for Big5', () => {
    fc.assert(
      fc.property(sheet, (text) => verdict(iconv.encode(text, 'gbk')) !== 'big5'),
      { numRuns: 300 },
    );
  });

  test('the same sheets in traditional characters saved as Big5 are Big5', () => {
    fc.assert(
      fc.property(sheet, (text) => {
        const trad = toTraditional(text);
        const bytes = iconv.encode(trad, 'big5');
        // Names Big5 cannot hold (rare characters, "?" once encoded) are not a Big5 file's content.
        fc.pre(iconv.decode(bytes, 'big5') === trad);
        return verdict(bytes) === 'big5';
      }),
      { numRuns: 300 },
    );
  });

  test('traditional characters saved as GBK stay GBK', () => {
    fc.assert(
      fc.property(sheet, (text) => verdict(iconv.encode(toTraditional(text), 'gbk')) !== 'big5'),
      { numRuns: 300 },
    );
  });
});
