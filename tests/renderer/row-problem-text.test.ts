import { describe, expect, it } from 'vitest';
import { parseImportFile } from '../../src-main/modules/intake';
import { amount, dateMs, quantity, RowError } from '../../src-main/modules/intake/cell-parse';
import { PACKDESK_COLUMNS } from '../../src-main/modules/intake/packdesk.layout';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { rowProblemText } from '../../src-renderer/features/import/row-problem-text';
import { csv, utf8, type Row } from '../fixtures/order-files';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

/** The core's message for one cell, as it throws it. */
function cellMessage(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    if (e instanceof RowError) return e.message;
    throw e;
  }
  throw new Error('the cell was accepted');
}

const order = (id: string, over: Row): Row => ({
  order_id: id,
  placed_at: '2026-11-25 10:00',
  buyer_name: '张三',
  sku: 'TS-RED-XL',
  quantity: '1',
  unit_price: '9.50',
  ...over,
});

describe('import row problems in the UI language', () => {
  it('translates the rows a real Packdesk file refuses, order id and cell text kept', async () => {
    // The refusals exactly as the core writes them, so a change to its wording fails here.
    const rows: Row[] = [
      order('A1', { quantity: '-1' }),
      order('A2', { unit_price: 'abc' }),
      order('A3', { placed_at: '2026-02-30' }),
      order('A4', { placed_at: '' }),
      order('A5', { currency: 'yuan' }),
      order('A6', { order_type: 'retail' }),
      order('A7', { sku: '', title: '' }),
      order('', {}),
      order('3.01235E+18', {}),
    ];
    const { parsed } = await parseImportFile('x.csv', utf8(csv([...PACKDESK_COLUMNS], rows)), 'packdesk');
    const messages = parsed.rejected.map((r) => r.message);
    expect(messages).toHaveLength(9);
    const said = messages.map((m) => rowProblemText(zh, m));
    expect(said).toEqual(
      expect.arrayContaining([
        '订单 A1：数量 -1 至少应为 1',
        '订单 A2：“abc”不是金额',
        '订单 A3：“2026-02-30”不是真实存在的日期',
        '订单 A4：缺少日期',
        '订单 A5：“yuan”不是币种代码',
        expect.stringMatching(/^订单 A6：“retail”不在可选值中：online_shop, /),
        '订单 A7：该行既没有 SKU 也没有商品标题',
        '缺少订单编号',
        expect.stringMatching(/^订单编号“3.01235E\+18”被 Excel 转成了数字/),
      ]),
    );
    // English reads as the core wrote it, capital first.
    expect(
      rowProblemText(
        en,
        messages.find((m) => m.startsWith('order A1:'))!,
      ),
    ).toBe('Order A1: quantity -1 must be at least 1');
  });

  it('translates the cell readers’ other refusals', () => {
    expect(
      rowProblemText(
        zh,
        cellMessage(() => quantity('2.5件', '数量')),
      ),
    ).toBe('数量“2.5件”不是整数');
    expect(
      rowProblemText(
        zh,
        cellMessage(() => quantity('2000000', '数量')),
      ),
    ).toBe('数量 2000000 大得不合理');
    expect(
      rowProblemText(
        zh,
        cellMessage(() => amount('', 'CNY', '价格', true)),
      ),
    ).toBe('缺少金额');
    expect(
      rowProblemText(
        zh,
        cellMessage(() => amount('-3', 'CNY', '价格')),
      ),
    ).toBe('金额 -3 为负数');
    expect(
      rowProblemText(
        zh,
        cellMessage(() => dateMs('yesterday', '时间', 480)),
      ),
    ).toBe('“yesterday”不是日期');
  });

  it('shows a problem it does not know as written', () => {
    expect(rowProblemText(zh, 'order 9: the moon is full')).toBe('order 9: the moon is full');
    expect(rowProblemText(zh, 'something new')).toBe('something new');
  });
});
