// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SkuHit } from '../../src-shared/contract/catalog.contract';
import type { CustomerMatch } from '../../src-shared/contract/customers.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const SKUS: SkuHit[] = [
  {
    sku: 'TEA-01',
    title: '龙井 250g',
    spec: '',
    barcode: '6901234567892',
    priceMinor: 4_990,
    currency: 'CNY',
    match: 'exact',
  },
  {
    sku: 'CUP-01',
    title: 'Glass cup',
    spec: 'Clear',
    barcode: '6901234567908',
    priceMinor: 1_500,
    currency: 'CNY',
    match: 'contains',
  },
];
const ZHANG: CustomerMatch = {
  id: 7,
  name: '张伟',
  phone: '13812345678',
  orderCount: 3,
  lastOrderAt: '2026-03-01T02:00:00.000Z',
  usualAddress: {
    country: 'CN',
    province: '广东省',
    city: '深圳市',
    district: '南山区',
    street: '粤海街道',
    detail: '科技园南路88号',
    postcode: '',
    raw: '',
    uses: 2,
  },
};

function entryBridge(createResults: any[]) {
  return fakeBridge({
    handlers: {
      'skus.search': ({ query }) => ({
        ok: true,
        value: {
          rows: SKUS.filter(
            (s) => s.barcode === query || s.sku.includes(query) || s.title.toLowerCase().includes(query),
          ),
        },
      }),
      'customers.lookup': ({ query }) => ({
        ok: true,
        value: { rows: ZHANG.phone!.startsWith(query) || ZHANG.name.includes(query) ? [ZHANG] : [] },
      }),
      'orders.create': () => createResults.shift(),
    },
  });
}

const dialog = () => screen.getByRole('dialog', { name: 'New order (phone / counter)' });

/** Types like a person (or a scanner) into a combobox and presses Enter. */
async function typeAndEnter(box: HTMLElement, text: string) {
  fireEvent.change(box, { target: { value: text } });
  await act(async () => {
    fireEvent.keyDown(box, { key: 'Enter' });
    await Promise.resolve();
  });
}

describe('new order form', () => {
  it('opens with n, fills the customer from the lookup, adds scanned and searched items, shows the live total and the server’s field errors', async () => {
    const bridge = entryBridge([
      {
        ok: false,
        error: {
          code: 'invalid_input',
          message: 'The order was not created',
          issues: [
            { path: 'lines.1.quantity', message: 'must be at least 1' },
            { path: 'recipient.phone', message: '"138" is not a valid CN phone number' },
          ],
        },
      },
      { ok: true, value: { id: 3, externalId: 'M-20260320-0001', created: true } },
    ]);
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'n' });
    const d = dialog();

    // Customer lookup: the phone's first digits find 张伟; Enter picks the first match.
    const lookup = within(d).getByRole('combobox', { name: 'Find customer' });
    expect(document.activeElement).toBe(lookup);
    fireEvent.change(lookup, { target: { value: '1381' } });
    const option = await within(d).findByRole('option', { name: /张伟/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(lookup, { key: 'Enter' });
    await waitFor(() =>
      expect((within(d).getByLabelText('Recipient') as HTMLInputElement).value).toBe('张伟'),
    );
    expect((within(d).getByLabelText('Phone') as HTMLInputElement).value).toBe('13812345678');
    expect((within(d).getByLabelText('Address') as HTMLTextAreaElement).value).toBe(
      '广东省深圳市南山区粤海街道科技园南路88号',
    );
    expect(within(d).getByText(/usual address \(used on 2 orders\)/)).toBeTruthy();
    expect(within(d).getByRole('status').textContent).toBe('张伟 · 3 earlier orders');

    // A scanner types the barcode and Enter at once: the line appears; a second scan adds one.
    const sku = within(d).getByRole('combobox', { name: 'Add item' });
    await typeAndEnter(sku, '6901234567892');
    await within(d).findByText('龙井 250g');
    await typeAndEnter(sku, '6901234567892');
    await waitFor(() =>
      expect((within(d).getByLabelText('Quantity of TEA-01') as HTMLInputElement).value).toBe('2'),
    );
    // Typing, arrow keys and Enter pick from the list.
    fireEvent.change(sku, { target: { value: 'cup' } });
    await within(d).findByRole('option', { name: /Glass cup/ });
    fireEvent.keyDown(sku, { key: 'ArrowDown' });
    fireEvent.keyDown(sku, { key: 'ArrowUp' });
    fireEvent.keyDown(sku, { key: 'Enter' });
    await within(d).findByLabelText('Quantity of CUP-01');
    expect((within(d).getByLabelText('Unit price of CUP-01') as HTMLInputElement).value).toBe('15.00');

    fireEvent.change(within(d).getByLabelText('Shipping fee'), { target: { value: '8' } });
    fireEvent.change(within(d).getByLabelText('Quantity of CUP-01'), { target: { value: '0' } });
    expect(within(d).getByText('¥107.80')).toBeTruthy(); // 2 × 49.90 + 0 × 15 + 8
    fireEvent.change(within(d).getByLabelText('Payment'), { target: { value: 'cod' } });

    // Ctrl+Enter sends it; the server's field errors land on their fields.
    fireEvent.keyDown(sku, { key: 'Enter', ctrlKey: true });
    await within(d).findByText('must be at least 1');
    const first = bridge.callsOf('orders.create')[0];
    expect(first).toMatchObject({
      channel: 'manual',
      type: null,
      recipient: { name: '张伟', phone: '13812345678' },
      // The untouched usual address goes empty, so the core fills it and marks it as the usual one.
      address: { kind: 'cn', text: '' },
      lines: [
        { sku: 'TEA-01', quantity: 2, unitPriceMinor: 4_990 },
        { sku: 'CUP-01', quantity: 0, unitPriceMinor: 1_500 },
      ],
      shippingMinor: 800,
      currency: 'CNY',
      paymentMethod: 'cod',
    });
    expect(within(d).getByLabelText('Quantity of CUP-01').getAttribute('aria-invalid')).toBe('true');
    expect(within(d).getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    // The keyboard lands on the first field to correct.
    await waitFor(() => expect(document.activeElement).toBe(within(d).getByLabelText('Phone')));
    expect(within(d).getByText('"138" is not a valid CN phone number.')).toBeTruthy();

    fireEvent.change(within(d).getByLabelText('Quantity of CUP-01'), { target: { value: '1' } });
    expect(within(d).getByLabelText('Quantity of CUP-01').getAttribute('aria-invalid')).toBeNull();
    fireEvent.click(within(d).getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [a, b] = bridge.callsOf('orders.create');
    // The same request id both times: a retry can never make a second order.
    expect(b.requestId).toBe(a.requestId);
    expect(b.lines[1].quantity).toBe(1);
    // The new order opens in the drawer.
    await waitFor(() => expect(bridge.callsOf('orders.get').at(-1)).toEqual({ id: 3 }));
  });

  it('checks amounts before sending, edited addresses are sent as typed, Esc cancels', async () => {
    const bridge = entryBridge([
      { ok: true, value: { id: 9, externalId: 'M-20260320-0002', created: true } },
    ]);
    renderApp({ bridge, language: 'zh-CN' });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: '新建订单' }));
    const d = screen.getByRole('dialog', { name: '新建订单（电话 / 门店）' });
    fireEvent.change(within(d).getByLabelText('收件人'), { target: { value: '李雷' } });
    fireEvent.change(within(d).getByLabelText('电话'), { target: { value: '13900001111' } });
    fireEvent.change(within(d).getByLabelText('地址'), { target: { value: '上海市浦东新区张江路1号' } });
    await typeAndEnter(within(d).getByRole('combobox', { name: '添加商品' }), 'TEA-01');
    fireEvent.change(await within(d).findByLabelText('TEA-01 的单价'), { target: { value: '12.3.4' } });
    fireEvent.click(within(d).getByRole('button', { name: '创建订单' }));
    await within(d).findByText('不是有效金额。');
    expect(bridge.callsOf('orders.create')).toHaveLength(0);

    fireEvent.change(within(d).getByLabelText('TEA-01 的单价'), { target: { value: '12.30' } });
    // A stray Esc does not throw the typed order away: the first asks, another key keeps it…
    fireEvent.keyDown(within(d).getByLabelText('地址'), { key: 'Escape' });
    expect(within(d).getByRole('status').textContent).toBe('再按一次 Esc 放弃此订单；按其他键继续填写。');
    fireEvent.keyDown(within(d).getByLabelText('地址'), { key: 'a' });
    fireEvent.keyDown(within(d).getByLabelText('地址'), { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBe(d);
    // …and a second Esc discards it.
    fireEvent.keyDown(within(d).getByLabelText('地址'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(bridge.callsOf('orders.create')).toHaveLength(0);
  });
});

describe('amounts typed with an input method in full-width mode', () => {
  it('reads ２ as 2 and ￥１，２９９．５０ as 1299.50 in the line, the total, a re-scan and the order sent', async () => {
    const bridge = entryBridge([
      { ok: true, value: { id: 9, externalId: 'M-20260320-0003', created: true } },
    ]);
    renderApp({ bridge, language: 'zh-CN' });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: '新建订单' }));
    const d = screen.getByRole('dialog', { name: '新建订单（电话 / 门店）' });
    fireEvent.change(within(d).getByLabelText('收件人'), { target: { value: '李雷' } });
    fireEvent.change(within(d).getByLabelText('电话'), { target: { value: '１３９００００１１１１' } });
    fireEvent.change(within(d).getByLabelText('地址'), { target: { value: '上海市浦东新区张江路1号' } });
    await typeAndEnter(within(d).getByRole('combobox', { name: '添加商品' }), 'TEA-01');
    fireEvent.change(await within(d).findByLabelText('TEA-01 的数量'), { target: { value: '２' } });
    fireEvent.change(within(d).getByLabelText('TEA-01 的单价'), { target: { value: '￥１，２９９．５０' } });
    fireEvent.change(within(d).getByLabelText('运费'), { target: { value: '８' } });
    expect(within(d).getByText('¥2,607.00')).toBeTruthy();
    expect(within(d).getByText('¥2,599.00')).toBeTruthy(); // the line's amount
    // Scanning the item again counts on from what was typed.
    await typeAndEnter(within(d).getByRole('combobox', { name: '添加商品' }), 'TEA-01');
    await waitFor(() =>
      expect((within(d).getByLabelText('TEA-01 的数量') as HTMLInputElement).value).toBe('3'),
    );
    fireEvent.click(within(d).getByRole('button', { name: '创建订单' }));
    await waitFor(() => expect(bridge.callsOf('orders.create')).toHaveLength(1));
    expect(bridge.callsOf('orders.create')[0]).toMatchObject({
      lines: [{ sku: 'TEA-01', quantity: 3, unitPriceMinor: 129_950 }],
      shippingMinor: 800,
    });
  });
});

describe('a price typed with a decimal comma', () => {
  it('reads 12,50 as 12.50, as imports do, not as 1250', async () => {
    const bridge = entryBridge([
      { ok: true, value: { id: 9, externalId: 'M-20260320-0004', created: true } },
    ]);
    renderApp({ bridge, language: 'en' });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: 'New order' }));
    const d = dialog();
    fireEvent.change(within(d).getByLabelText('Recipient'), { target: { value: 'Anna' } });
    fireEvent.change(within(d).getByLabelText('Phone'), { target: { value: '13900001111' } });
    fireEvent.change(within(d).getByLabelText('Address'), { target: { value: '上海市浦东新区张江路1号' } });
    await typeAndEnter(within(d).getByRole('combobox', { name: 'Add item' }), 'TEA-01');
    const price = await within(d).findByLabelText('Unit price of TEA-01');
    fireEvent.change(price, { target: { value: '12,50' } });
    fireEvent.blur(price);
    expect((price as HTMLInputElement).value).toBe('12.50');
    fireEvent.change(price, { target: { value: '1,299' } });
    fireEvent.blur(price);
    expect((price as HTMLInputElement).value).toBe('1299.00');
    fireEvent.change(price, { target: { value: '12,5' } });
    fireEvent.click(within(d).getByRole('button', { name: 'Create order' }));
    await waitFor(() => expect(bridge.callsOf('orders.create')).toHaveLength(1));
    expect(bridge.callsOf('orders.create')[0].lines).toEqual([
      { sku: 'TEA-01', quantity: 1, unitPriceMinor: 1_250 },
    ]);
  });
});

describe('new order form with a keyboard and an input method', () => {
  it('ignores Enter and Esc while an input method composes, keeps Tab inside, stops long texts and shows the message error on its field', async () => {
    const bridge = entryBridge([
      {
        ok: false,
        error: {
          code: 'invalid_input',
          message:
            'The order was not created: recipient.phone: "12345" is not a valid CN phone number; address.text: is required: this customer has no earlier address to use; buyerMessage: Too big',
          issues: [
            { path: 'recipient.phone', message: '"12345" is not a valid CN phone number' },
            { path: 'address.text', message: 'is required: this customer has no earlier address to use' },
            { path: 'buyerMessage', message: 'Too big: expected string to have <=500 characters' },
          ],
        },
      },
    ]);
    renderApp({ bridge, language: 'zh-CN' });
    await screen.findByText('EXT-00001');
    fireEvent.click(screen.getByRole('button', { name: '新建订单' }));
    const d = screen.getByRole('dialog', { name: '新建订单（电话 / 门店）' });

    // 拼音 "cup" being composed: its Enter picks the candidate 汉字, not the first SKU found.
    const sku = within(d).getByRole('combobox', { name: '添加商品' });
    fireEvent.change(sku, { target: { value: 'cup' } });
    await within(d).findByRole('option', { name: /Glass cup/ });
    await act(async () => {
      fireEvent.keyDown(sku, { key: 'Enter', isComposing: true });
      fireEvent.keyDown(sku, { key: 'Enter', keyCode: 229 });
      await Promise.resolve();
    });
    expect(within(d).queryByLabelText('CUP-01 的数量')).toBeNull();
    // Esc while composing in the address drops the composition, not the whole order.
    const address = within(d).getByLabelText('地址');
    fireEvent.keyDown(address, { key: 'Escape', isComposing: true });
    fireEvent.keyDown(address, { key: 'Enter', ctrlKey: true, isComposing: true });
    expect(screen.getByRole('dialog')).toBe(d);
    expect(bridge.callsOf('orders.create')).toHaveLength(0);
    // Once composed, Enter picks as usual.
    fireEvent.keyDown(sku, { key: 'Enter' });
    await within(d).findByLabelText('CUP-01 的数量');
    // A scan nothing matches says so and selects the code, so the next scan replaces it.
    await typeAndEnter(sku, '0000000000000');
    await within(d).findByText('没有匹配的 SKU。');
    const box = sku as HTMLInputElement;
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 13]);

    // Tab from the last control comes back to the first, Shift+Tab from the first to the last.
    const create = within(d).getByRole('button', { name: '创建订单' });
    const channel = within(d).getByLabelText('渠道');
    create.focus();
    fireEvent.keyDown(create, { key: 'Tab' });
    expect(document.activeElement).toBe(channel);
    fireEvent.keyDown(channel, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(create);

    // The form stops at the lengths the server takes; a refusal of the message shows on it.
    const message = within(d).getByLabelText('买家留言') as HTMLInputElement;
    expect(message.maxLength).toBe(500);
    expect((within(d).getByLabelText('收件人') as HTMLInputElement).maxLength).toBe(100);
    expect((address as HTMLTextAreaElement).maxLength).toBe(300);
    fireEvent.change(within(d).getByLabelText('收件人'), { target: { value: '李雷' } });
    fireEvent.change(within(d).getByLabelText('电话'), { target: { value: '13900001111' } });
    fireEvent.click(create);
    await waitFor(() => expect(message.getAttribute('aria-invalid')).toBe('true'));
    // Each refusal is said in Chinese under its field; the banner does not repeat the core's English summary.
    expect(within(d).getByText('“12345”不是有效的 CN 电话号码。')).toBeTruthy();
    expect(within(d).getByText('必填：该客户没有以前用过的地址。')).toBeTruthy();
    expect(within(d).getByText('内容太长。')).toBeTruthy();
    expect(within(d).getByRole('alert').textContent).not.toMatch(/not created|recipient\.phone/);
  });
});

describe('a customer with one earlier order', () => {
  it('says "used on 1 order", not "1 orders"', async () => {
    const once = { ...ZHANG, orderCount: 1, usualAddress: { ...ZHANG.usualAddress!, uses: 1 } };
    const bridge = fakeBridge({
      handlers: { 'customers.lookup': () => ({ ok: true, value: { rows: [once] } }) },
    });
    renderApp({ bridge });
    await screen.findByText('EXT-00001');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'n' });
    const d = dialog();
    await typeAndEnter(within(d).getByRole('combobox', { name: 'Find customer' }), '1381');
    expect(await within(d).findByText(/usual address \(used on 1 order\);/)).toBeTruthy();
    expect(within(d).getByRole('status').textContent).toBe('张伟 · 1 earlier order');
  });
});

describe('a new customer typed into the lookup', () => {
  it('goes into its field when no customer matches, and the clerk carries on with the other field', async () => {
    renderApp({ bridge: entryBridge([]) });
    await screen.findByText('EXT-00001');
    fireEvent.keyDown(screen.getByRole('grid'), { key: 'n' });
    const d = dialog();
    const lookup = within(d).getByRole('combobox', { name: 'Find customer' });
    await typeAndEnter(lookup, '王小明');
    await waitFor(() =>
      expect((within(d).getByLabelText('Recipient') as HTMLInputElement).value).toBe('王小明'),
    );
    expect((within(d).getByLabelText('Recipient') as HTMLInputElement).value).toBe('王小明');
    expect(document.activeElement).toBe(within(d).getByLabelText('Phone'));
    await typeAndEnter(lookup, '139 0000 2222');
    await waitFor(() =>
      expect((within(d).getByLabelText('Phone') as HTMLInputElement).value).toBe('139 0000 2222'),
    );
    expect(document.activeElement).toBe(within(d).getByLabelText('Recipient'));
    expect(within(d).queryByRole('status')).toBeNull(); // no customer picked
  });
});
