import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src-main/modules/intake';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { fileRefusalText } from '../../src-renderer/features/import/file-refusal-text';
import { AppFailure, type AppError } from '../../src-shared/result';
import { utf8 } from '../fixtures/order-files';

const zh = createI18n('zh-CN').t;

/** The refusal exactly as the core throws it, so a change to its wording fails here. */
async function refusalOf(parsing: Promise<unknown>): Promise<AppError> {
  try {
    await parsing;
  } catch (e) {
    if (e instanceof AppFailure) return { code: e.code, message: e.message, issues: e.issues };
    throw e;
  }
  throw new Error('the file was accepted');
}

const refusal = (name: string, text: string, format: 'auto' | 'packdesk'): Promise<AppError> =>
  refusalOf(parseImportFile(name, utf8(text), format));

describe('a refused import file in the UI language', () => {
  it('names the unknown layout', async () => {
    const said = fileRefusalText(zh, await refusal('x.csv', 'foo,bar\n1,2\n', 'auto'));
    expect(said.message).toMatch(/^x\.csv：第 1 行（表头）与任何已知导出格式都不符/);
    expect(said.issues).toEqual([{ path: 'row 1', message: '无法识别的格式' }]);
  });

  it('names the missing columns and the layout', async () => {
    const said = fileRefusalText(
      zh,
      await refusal('p.csv', 'order_id,placed_at\nA1,2026-11-25\n', 'packdesk'),
    );
    expect(said.message).toBe(
      'p.csv：第 1 行缺少“quantity”列，packdesk 格式必须有此列。 另外还缺少：unit_price。',
    );
    expect(said.issues).toEqual([
      { path: 'row 1/quantity', message: '缺少必需的列' },
      { path: 'row 1/unit_price', message: '缺少必需的列' },
    ]);
  });

  it("names a file that is not text, Amazon's All Orders report and a row cut short", async () => {
    const png = fileRefusalText(
      zh,
      await refusalOf(parseImportFile('a.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'auto')),
    );
    expect(png.message).toBe(
      'a.png：不是文本文件（图片、压缩包等二进制数据，或没有字节顺序标记的 UTF-16）。请另存为 CSV UTF-8 或 XLSX 后重新导入。',
    );
    expect(png.issues).toEqual([{ path: '(file)', message: '不是文本文件' }]);
    const amazon = fileRefusalText(
      zh,
      await refusal('all.txt', 'amazon-order-id\tpurchase-date\tsku\n111-1\t2026-11-01\tMUG\n', 'auto'),
    );
    expect(amazon.message).toMatch(
      /^all\.txt：这是亚马逊的“All Orders”（全部订单）报告，没有收件人姓名和街道地址/,
    );
    const short = fileRefusalText(
      zh,
      await refusal(
        'p.csv',
        'order_id,placed_at,sku,quantity,unit_price\nA1,2026-11-25,TEA,1,9.5\nA2,2026-11-25\n',
        'packdesk',
      ),
    );
    expect(short.message).toBe('p.csv：第 3 行有 2 个单元格，而表头有 5 个：文件被截断或已损坏。');
  });

  it('keeps a wording it does not know as written', () => {
    const error: AppError = {
      code: 'invalid_input',
      message: 'x.xlsx: damaged',
      issues: [{ path: 'a', message: 'b' }],
    };
    expect(fileRefusalText(zh, error)).toEqual(error);
  });
});
