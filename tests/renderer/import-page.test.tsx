// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBridge } from './fake-bridge';
import { importBridge } from './import-bridge';
import { renderApp } from './render-app';
import { toBase64 } from '../../src-renderer/features/import/import.store';

afterEach(cleanup);

const unmatchedRow = {
  sourceKey: 'T恤|XL 红/Red',
  title: '纯棉T恤',
  spec: '大红 XL码',
  channelSku: '',
  lines: 3,
  orders: 2,
  suggestion: 'TS-RED-XL',
};

describe('import screen', () => {
  it('uploads the picked file in base64 chunks, imports it and shows the per-row report', async () => {
    const bridge = importBridge({
      format: 'taobao',
      imported: 2,
      unchanged: 1,
      rejected: [{ row: 3, column: '宝贝总数量', message: 'order 38: quantity -3 must be at least 1' }],
    });
    renderApp({ bridge, hash: '#/import', language: 'zh-CN' });
    const input = await screen.findByLabelText('选择文件…');
    const file = new File(['订单编号,收货地址\n1,北京\n'], 'tb.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    const report = await screen.findByRole('region', { name: '导入报告' });
    expect(within(report).getByText('新增 2')).toBeTruthy();
    expect(within(report).getByText('拒绝 1')).toBeTruthy();
    expect(within(report).getByText('宝贝总数量')).toBeTruthy();
    expect(within(report).getByText('订单 38：数量 -3 至少应为 1')).toBeTruthy();
    const [upload] = bridge.callsOf('intake.upload');
    expect(upload).toMatchObject({ seq: 0, fileName: 'tb.csv' });
    expect(new TextDecoder().decode(Uint8Array.from(atob(upload.chunkBase64), (c) => c.charCodeAt(0)))).toBe(
      '订单编号,收货地址\n1,北京\n',
    );
    expect(bridge.callsOf('intake.import')).toEqual([{ uploadId: upload.uploadId, format: 'auto' }]);
  });

  it('imports a file dropped on the drop zone the same way', async () => {
    const bridge = importBridge({ runId: 2, format: 'pdd', imported: 1 });
    renderApp({ bridge, hash: '#/import' });
    const zone = await screen.findByTestId('import-drop');
    const file = new File(['订单号,商品,商品数量(件)\n1,卫衣,1\n'], 'pdd.csv', { type: 'text/csv' });
    fireEvent.dragOver(zone, { dataTransfer: { files: [file] } });
    expect(zone.className).toContain('over');
    fireEvent.drop(zone, { dataTransfer: { files: [file] } });
    const report = await screen.findByRole('region', { name: 'Import report' });
    expect(within(report).getByText('1 new')).toBeTruthy();
    expect(bridge.callsOf('intake.upload')[0]).toMatchObject({ seq: 0, fileName: 'pdd.csv' });
    expect(zone.className).not.toContain('over');
  });

  it('shows the file-level error (file, row, column) when the import is refused', async () => {
    const bridge = fakeBridge({
      handlers: {
        'intake.upload': () => ({ ok: true, value: { bytes: 10 } }),
        'intake.runs': () => ({ ok: true, value: { rows: [] } }),
        'intake.import': () => ({
          ok: false,
          error: {
            code: 'invalid_input',
            message: 'x.csv: row 1, column "订单编号": required column missing',
            issues: [{ path: 'row 1/订单编号', message: 'required column missing' }],
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/import' });
    fireEvent.change(await screen.findByLabelText('Choose file…'), {
      target: { files: [new File(['a'], 'x.csv')] },
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('row 1/订单编号')).toBeTruthy();
    // A damaged file has no "marked fields" to correct: the headline says the file was refused whole.
    expect(
      within(alert).getByText(
        'x.csv was not imported: nothing in it was written. Fix the file and import it again.',
      ),
    ).toBeTruthy();
    expect(within(alert).queryByText(/marked fields/)).toBeNull();
  });

  it("says a refused file's detail in the screen's language (zh-CN)", async () => {
    const bridge = fakeBridge({
      handlers: {
        'intake.upload': () => ({ ok: true, value: { bytes: 10 } }),
        'intake.runs': () => ({ ok: true, value: { rows: [] } }),
        'intake.import': () => ({
          ok: false,
          error: {
            code: 'invalid_input',
            message: 'x.csv: row 1, column "订单编号": required column missing for the taobao layout',
            issues: [{ path: 'row 1/订单编号', message: 'required column missing' }],
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'zh-CN' });
    fireEvent.change(await screen.findByLabelText('选择文件…'), {
      target: { files: [new File(['a'], 'x.csv')] },
    });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('x.csv：第 1 行缺少“订单编号”列，taobao 格式必须有此列。')).toBeTruthy();
    expect(within(alert).getByText(/缺少必需的列/)).toBeTruthy();
  });

  it('maps an unmatched channel spec to an internal SKU and remembers it', async () => {
    let mapped = false;
    const bridge = fakeBridge({
      handlers: {
        'standardize.unmatched': () => ({ ok: true, value: { rows: mapped ? [] : [unmatchedRow] } }),
        'standardize.mapSku': () => (
          (mapped = true),
          { ok: true, value: { sourceKey: unmatchedRow.sourceKey, remapped: 3, corrected: 0, left: 0 } }
        ),
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'en' });
    fireEvent.click(await screen.findByRole('tab', { name: 'SKU mapping' }));
    const sku = await screen.findByLabelText('SKU for 纯棉T恤 大红 XL码');
    expect((sku as HTMLInputElement).value).toBe('TS-RED-XL');
    fireEvent.click(screen.getByRole('button', { name: 'Map and remember' }));
    await waitFor(() => expect(screen.getByText('Every order line matches a catalogue SKU.')).toBeTruthy());
    expect(bridge.callsOf('standardize.mapSku')).toEqual([
      { title: '纯棉T恤', spec: '大红 XL码', sku: 'TS-RED-XL' },
    ]);
  });

  it('edits the spec dictionary: adds a shop synonym and removes it again', async () => {
    const shop: { term: string; canonical: string }[] = [];
    const bridge = fakeBridge({
      handlers: {
        'standardize.synonyms': () => ({
          ok: true,
          value: {
            rows: [
              ...shop.map((r) => ({ ...r, source: 'shop' as const })),
              { term: 'XL码', canonical: 'XL', source: 'default' as const },
            ],
          },
        }),
        'standardize.saveSynonym': (input) => {
          const i = shop.findIndex((r) => r.term === input.term);
          if (i >= 0) shop.splice(i, 1);
          if (input.canonical) shop.push({ term: input.term, canonical: input.canonical });
          return { ok: true, value: { term: input.term, canonical: input.canonical } };
        },
      },
    });
    renderApp({ bridge, hash: '#/import', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '规格词典' }));
    expect(await screen.findByText('XL码')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('渠道写法'), { target: { value: '酒红' } });
    fireEvent.change(screen.getByLabelText('统一为'), { target: { value: '红/Red' } });
    fireEvent.click(screen.getByRole('button', { name: '保存同义词' }));
    expect(await screen.findByText('酒红')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '删除 酒红' }));
    await waitFor(() => expect(screen.queryByText('酒红')).toBeNull());
    expect(bridge.callsOf('standardize.saveSynonym')).toEqual([
      { term: '酒红', canonical: '红/Red' },
      { term: '酒红', canonical: '' },
    ]);
  });

  it('base64 of large chunks survives the trip', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => i % 256);
    expect(Uint8Array.from(atob(toBase64(bytes)), (c) => c.charCodeAt(0))).toEqual(bytes);
  });
});
