import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src-main/modules/intake';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { fileRefusalText } from '../../src-renderer/features/import/file-refusal-text';
import { AppFailure, type AppError } from '../../src-shared/result';
import { utf8 } from '../fixtures/order-files';

const zh = createI18n('zh-CN').t;

/** The refusal exactly as the core throws it, so a change to its wording fails here. */
async function refusal(name: string, text: string, format: 'auto' | 'packdesk'): Promise<AppError> {
  try {
    await parseImportFile(name, utf8(text), format);
  } catch (e) {
    if (e instanceof AppFailure) return { code: e.code, message: e.message, issues: e.issues };
    throw e;
  }
  throw new Error('the file was accepted');
}

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

  it('keeps a wording it does not know as written', () => {
    const error: AppError = {
      code: 'invalid_input',
      message: 'x.xlsx: damaged',
      issues: [{ path: 'a', message: 'b' }],
    };
    expect(fileRefusalText(zh, error)).toEqual(error);
  });
});
