import { aCore } from '../fixtures/core';
import { createI18n } from '../../src-renderer/i18n/i18n';
import { issueText } from '../../src-renderer/i18n/error-text';

const zh = createI18n('zh-CN').t;
const en = createI18n('en').t;

describe('a refused hand-typed order, said under each field in the UI language', () => {
  let core: ReturnType<typeof aCore>;
  beforeEach(() => (core = aCore()));
  afterEach(() => core.dispose());

  const refusal = async (input: object) => {
    const r = await core.call('orders.create', {
      requestId: 'req-entry-0001',
      recipient: { name: '柜台顾客', phone: '13800138000' },
      address: { kind: 'cn', text: '' },
      lines: [{ sku: 'TS-RED-S', quantity: 1, unitPriceMinor: 5900 }],
      ...input,
    } as never);
    if (r.ok) throw new Error('orders.create was not refused');
    return r.error.issues ?? [];
  };
  const said = (issues: { path: string; message: string }[], t: typeof zh) =>
    Object.fromEntries(issues.map((i) => [i.path, issueText(t, i.message)]));

  it('a phone that is not one, an unknown SKU, no address for a new customer', async () => {
    const issues = await refusal({
      recipient: { name: '柜台顾客', phone: '12345' },
      lines: [{ sku: 'NOPE-1', quantity: 1, unitPriceMinor: 0 }],
    });
    expect(said(issues, zh)).toEqual({
      'recipient.phone': '“12345”不是有效的 CN 电话号码。',
      'lines.0.sku': expect.stringContaining('NOPE-1'),
    });
    expect(said(issues, zh)['lines.0.sku']).not.toMatch(/unknown/i);
    // The phone is fine now: the missing address of a customer seen for the first time is refused.
    core.ctx.sqlite
      .prepare(
        "insert into skus (sku, title, spec, price_minor, currency, created_at, updated_at) values ('TS-RED-S', 'T恤', '', 5900, 'CNY', 0, 0)",
      )
      .run();
    expect(said(await refusal({}), zh)).toEqual({ 'address.text': '必填：该客户没有以前用过的地址。' });
    expect(said(await refusal({}), en)).toEqual({
      'address.text': 'Required: this customer has no earlier address to use.',
    });
  });

  it('zero and half quantities, a negative price, no items', async () => {
    const issues = await refusal({
      lines: [
        { sku: 'A', quantity: 0, unitPriceMinor: 100 },
        { sku: 'B', quantity: 1.5, unitPriceMinor: -1 },
      ],
    });
    expect(said(issues, zh)).toMatchObject({
      'lines.0.quantity': '至少为 1',
      'lines.1.quantity': '请填写整数。',
      'lines.1.unitPriceMinor': '不能为负数',
    });
    expect(said(await refusal({ lines: [] }), zh)).toEqual({ lines: '请至少添加一件商品。' });
  });
});
