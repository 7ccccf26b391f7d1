import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, OUT, recordProblems, ROOT, startApp, type E2eApp } from '../fixtures/e2e-app';

let dir = '';
let app: E2eApp | undefined;
let page: Page;
let cdp: CDPSession;
const problems: string[] = [];

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-entry-'));
  const db = join(dir, 'e2e.db');
  execFileSync(process.execPath, [CLI, '--db', db, 'demo', '--orders', '200', '--seed', '3'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  app = await startApp(db);
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  page = await context.newPage();
  cdp = await context.newCDPSession(page);
  recordProblems(page, problems);
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a phone order typed with a keyboard, a scanner and a Chinese input method, in a real browser', () => {
  it('Enter and Esc of the input method never pick a SKU or close the form; Tab stays inside; one Ctrl+Enter twice makes one order with the usual address marked', async () => {
    const customer = (
      await app!.call<{ rows: { id: number; name: string; phone: string | null; orderCount: number }[] }>(
        'customers.list',
        { sort: 'orders', limit: 20 },
      )
    ).rows.find((c) => c.phone && /^1\d{10}$/.test(c.phone))!;
    const sku = (
      await app!.call<{ rows: { sku: string; barcode: string | null }[] }>('skus.search', {
        query: 'T',
        limit: 10,
      })
    ).rows.find((s) => s.barcode)!;
    const before = await app!.call<{ total: number }>('orders.count', { filter: {} });

    await page.goto(app!.baseUrl);
    await page.locator('[data-order-id]').first().waitFor();
    await page.keyboard.press('n');
    const d = page.getByRole('dialog', { name: '新建订单（电话 / 门店）' });
    await d.waitFor();

    // The lookup has the focus: the customer's phone and Enter fill name, phone and usual address.
    await page.keyboard.type(customer.phone!);
    await d.locator('.combobox-list [role=option]').first().waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => d.getByLabel('收件人').inputValue()).toBe(customer.name);

    // 拼音 being composed in the item search: Enter chooses the 汉字, it adds no item.
    const items = d.getByRole('combobox', { name: '添加商品' });
    await items.focus();
    await cdp.send('Input.imeSetComposition', { text: 'tixu', selectionStart: 4, selectionEnd: 4 });
    await page.keyboard.press('Enter');
    // Esc while composing drops the composition, not the order.
    await cdp.send('Input.imeSetComposition', { text: 'tixu', selectionStart: 4, selectionEnd: 4 });
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    expect(await d.isVisible()).toBe(true);
    expect(await d.locator('.qty-input').count()).toBe(0);
    await cdp.send('Input.insertText', { text: '' });
    await items.fill('');

    // A scanner: the barcode and Enter at once, twice → one line of 2.
    for (let i = 0; i < 2; i++) {
      await items.pressSequentially(sku.barcode!, { delay: 2 });
      await items.press('Enter');
      await d.getByLabel(`${sku.sku} 的数量`).waitFor();
    }
    await expect.poll(() => d.getByLabel(`${sku.sku} 的数量`).inputValue()).toBe('2');

    // Tab from the last button comes back to the first field, never onto the queue behind.
    await d.getByRole('button', { name: '创建订单' }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('[role=dialog]') !== null)).toBe(true);

    await d.getByLabel('付款方式').selectOption('cod');
    await d.getByLabel('买家留言').fill('下午送到');
    await page.screenshot({ path: join(OUT, 'entry-01-filled.png') });
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Control+Enter');
    await d.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await app!.call<{ total: number }>('orders.count', { filter: {} })).total)
      .toBe(before.total + 1);
    // The new order opens in the drawer, its address marked as the customer's usual one.
    await page.getByText('取自客户常用地址').first().waitFor();
    await page.screenshot({ path: join(OUT, 'entry-02-drawer.png') });
    expect(problems).toEqual([]);
  }, 90_000);
});
