// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { importBridge } from './import-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const NOTE =
  'hk.csv: read as GBK/GB18030 (simplified Chinese), but it could also be Big5 (traditional Chinese): its few Chinese characters read plausibly either way. If names or addresses look garbled, save the file as CSV UTF-8 and import it again.';

async function importFile(language: 'en' | 'zh-CN', notes: string[] | undefined) {
  renderApp({
    bridge: importBridge({ imported: 1, ...(notes ? { notes } : {}) }),
    hash: '#/import',
    language,
  });
  const input = await screen.findByLabelText(language === 'en' ? 'Choose file…' : '选择文件…');
  fireEvent.change(input, {
    target: { files: [new File(['order_id\n1\n'], 'hk.csv', { type: 'text/csv' })] },
  });
  return screen.findByRole('region', { name: language === 'en' ? 'Import report' : '导入报告' });
}

describe('import report: notes about the whole file', () => {
  it('says that the encoding was a close call, in the UI language, with the file name', async () => {
    const report = await importFile('zh-CN', [NOTE]);
    const notes = within(report).getByRole('region', { name: '关于整个文件' });
    expect(notes.textContent).toContain(
      'hk.csv 按 GBK/GB18030（简体中文）读取，但它也可能是 Big5（繁体中文）',
    );
  });

  it('shows an unknown note as written, and no notes section when there is nothing to say', async () => {
    const report = await importFile('en', ['something new the core says']);
    expect(within(report).getByText('something new the core says')).toBeTruthy();
    cleanup();
    const plain = await importFile('en', []);
    expect(within(plain).queryByRole('region', { name: 'About the whole file' })).toBeNull();
  });
});
