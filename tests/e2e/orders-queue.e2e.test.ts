import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, OUT, recordProblems, ROOT, startApp, type E2eApp } from '../fixtures/e2e-app';

let dir = '';
let app: E2eApp | undefined;
let baseUrl = '';
let page: Page;
const problems: string[] = [];
const apiCall = <T>(op: string, input: unknown) => app!.call<T>(op, input);

const shot = (name: string) => page.screenshot({ path: join(OUT, `${name}.png`) });
const countText = () => page.locator('.page-head [aria-live]').innerText();
const visibleIds = () => page.locator('[data-order-id] .q-ext').allInnerTexts();

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-'));
  const db = join(dir, 'e2e.db');
  execFileSync(process.execPath, [CLI, '--db', db, 'demo', '--orders', '2000', '--seed', '7'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  app = await startApp(db);
  baseUrl = app.baseUrl;
  // A Chinese system: the first start must pick Simplified Chinese by itself.
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
  recordProblems(page, problems);
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('order queue in a real browser against packdesk serve', () => {
  it('opens in Chinese with all demo orders, live connection and no CSP violations', async () => {
    await page.goto(baseUrl);
    await page.getByRole('heading', { name: '订单队列' }).waitFor();
    await page.locator('[data-order-id]').first().waitFor();
    expect(await countText()).toContain('2,000');
    await page.getByText('已连接').waitFor();
    await shot('01-queue-zh');
  }, 60_000);

  it('filters by status with counts that match the server', async () => {
    const expected = await apiCall<{ total: number }>('orders.count', { filter: { status: ['allocated'] } });
    expect(expected.total).toBeGreaterThan(0);
    await page
      .getByRole('group', { name: '状态' })
      .getByRole('button', { name: /已配货/ })
      .click();
    await page.waitForFunction(
      (n) => document.querySelector('.page-head [aria-live]')?.textContent?.includes(n.toLocaleString('en')),
      expected.total,
    );
    const badges = await page.locator('[data-order-id] .badge').allInnerTexts();
    expect(badges.length).toBeGreaterThan(0);
    expect(new Set(badges)).toEqual(new Set(['已配货']));
    await shot('02-filter-status-zh');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForFunction(() =>
      document.querySelector('.page-head [aria-live]')?.textContent?.includes('2,000'),
    );
  }, 60_000);

  it('searches by order number', async () => {
    const target = (await visibleIds())[4]!;
    await page.keyboard.press('/');
    await page.keyboard.type(target);
    await page.waitForFunction((id) => {
      const ids = [...document.querySelectorAll('[data-order-id] .q-ext')].map((e) => e.textContent);
      return ids.length > 0 && ids.every((x) => x?.includes(id));
    }, target);
    expect((await visibleIds())[0]).toBe(target);
    await shot('03-search-zh');
  }, 60_000);

  it('opens the drawer with the keyboard and shows the order lines', async () => {
    await page.locator('[data-order-id]').first().click();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('complementary', { name: '订单详情' });
    await drawer.locator('table.lines tbody tr').first().waitFor();
    const id = Number(await page.locator('[data-order-id]').first().getAttribute('data-order-id'));
    const order = await apiCall<{ externalId: string; lines: { sku: string }[] }>('orders.get', { id });
    await expect(drawer.getByRole('heading', { level: 2 }).innerText()).resolves.toBe(order.externalId);
    const skus = await drawer.locator('table.lines tbody tr td:first-child').allInnerTexts();
    expect(skus).toEqual(order.lines.map((l) => l.sku));
    await shot('04-drawer-zh');
  }, 60_000);

  it('switches to English and back, changing the labels', async () => {
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Order queue' }).waitFor();
    await page.getByRole('complementary', { name: 'Order details' }).getByText('Items').waitFor();
    await shot('05-drawer-en');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForFunction(() =>
      document.querySelector('.page-head [aria-live]')?.textContent?.includes('2,000 orders'),
    );
    await shot('06-queue-en');

    // Scrolling to the end loads the last page on demand.
    await page.getByRole('grid').focus();
    await page.keyboard.press('End');
    await page.locator('[role="row"][aria-rowindex="2001"][data-order-id]').waitFor();
    await shot('07-queue-end-en');

    await page.getByRole('link', { name: /Settings/ }).click();
    await page.getByRole('heading', { name: 'Warehouses' }).waitFor();
    await shot('08-settings-en');
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { name: '仓库' }).waitFor();
    await shot('09-settings-zh');
  }, 60_000);

  it('shows the server’s validation message next to the field, and honest placeholders', async () => {
    await page.getByRole('button', { name: '+ 新建仓库' }).click();
    const form = page.getByRole('form', { name: '新建仓库' });
    await form.getByLabel('代码').fill('X');
    await form.getByLabel('名称').fill('宁波仓');
    await form.getByRole('button', { name: '保存' }).click();
    await form.locator('.field-error', { hasText: '至少需要 2 个字符。' }).waitFor();
    expect(await form.getByLabel('代码').getAttribute('aria-invalid')).toBe('true');
    await shot('10-settings-error-zh');

    // Screens are being built one by one; check the first one that is still a placeholder.
    for (const n of [2, 3, 4, 5, 6, 7, 8]) {
      await page.keyboard.press(`Alt+${n}`);
      await page.locator(`.app-nav li:nth-child(${n}) a[aria-current="page"]`).waitFor();
      const panel = page.locator('.placeholder-panel');
      if ((await panel.count()) === 0) continue;
      await expect(panel.locator('.placeholder-lead').innerText()).resolves.toMatch(
        /^此页面将随.+功能一起推出。$/,
      );
      await shot('11-placeholder-zh');
      break;
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('takes a phone order by keyboard: customer lookup, scanned SKU, Ctrl+Enter, then finds it in the queue', async () => {
    // A mainland customer with an address on file, as a repeat caller would be.
    let customer: { id: number; phone: string } | undefined;
    const listed = await apiCall<{ rows: { phone: string | null }[] }>('customers.list', { limit: 100 });
    for (const c of listed.rows.filter((r) => r.phone && /^1\d{10}$/.test(r.phone))) {
      const found = await apiCall<{
        rows: { id: number; phone: string; usualAddress: { country: string } | null }[];
      }>('customers.lookup', { query: c.phone });
      const hit = found.rows[0];
      if (hit?.usualAddress?.country === 'CN') {
        customer = hit;
        break;
      }
    }
    expect(customer).toBeDefined();
    const sku = (
      await apiCall<{ rows: { sku: string; barcodes: string[] }[] }>('skus.list', { limit: 50 })
    ).rows.find((s) => s.barcodes.length > 0)!;
    await page.keyboard.press('Alt+1');
    await page.getByRole('heading', { name: '订单队列' }).waitFor();
    await page.getByRole('grid').focus();
    await page.keyboard.press('n');
    const form = page.getByRole('dialog', { name: '新建订单（电话 / 门店）' });
    await form.waitFor();
    // The lookup has the focus: the clerk types the caller's number and picks them with Enter.
    await page.keyboard.type(customer!.phone);
    await form.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await expect(form.getByLabel('电话').inputValue()).resolves.toBe(customer!.phone);
    // Name, phone, ships-to, address, then the item field; a scanner types the barcode and Enter.
    for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('添加商品');
    await page.keyboard.type(sku.barcodes[0]!, { delay: 5 });
    await page.keyboard.press('Enter');
    await form.getByRole('cell', { name: sku.sku, exact: true }).waitFor();
    await shot('12-new-order-zh');
    await page.keyboard.press('Control+Enter');
    await form.waitFor({ state: 'detached' });

    const drawer = page.getByRole('complementary', { name: '订单详情' });
    const heading = drawer.getByRole('heading', { level: 2 });
    await page.waitForFunction(() =>
      /^M-\d{8}-\d{4}$/.test(document.querySelector('.drawer h2')?.textContent ?? ''),
    );
    const externalId = await heading.innerText();
    await drawer.getByText('客户画像').waitFor();
    await drawer.locator('.customer-summary').waitFor();
    await shot('13-new-order-drawer-zh');

    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    await page.keyboard.type(externalId);
    await page.waitForFunction((id) => {
      const ids = [...document.querySelectorAll('[data-order-id] .q-ext')].map((e) => e.textContent);
      return ids.length === 1 && ids[0] === id;
    }, externalId);
    const id = Number(await page.locator('[data-order-id]').first().getAttribute('data-order-id'));
    const order = await apiCall<{ channel: string; customer: { id: number }; lines: { sku: string }[] }>(
      'orders.get',
      { id },
    );
    expect(order).toMatchObject({
      channel: 'manual',
      customer: { id: customer!.id },
      lines: [{ sku: sku.sku }],
    });
    expect(problems).toEqual([]);
  }, 60_000);
});
