import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/compose';
import { assertBuilt, OUT, recordProblems, startApp, type E2eApp } from '../fixtures/e2e-app';
import { aFloor } from '../fixtures/fulfillment';

let dir = '';
let app: E2eApp | undefined;
const problems: string[] = [];

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'packdesk-count-e2e-'));
  const db = join(dir, 'count.db');
  const core = createCore({ dbPath: db });
  await aFloor(core); // 20 MUG in SH
  core.close();
  app = await startApp(db, problems);
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const mugsInShanghai = async () =>
  (
    await app!.call<{ rows: { sku: string; onHand: number }[] }>('inventory.levels', {
      warehouse: 'SH',
      search: 'MUG',
    })
  ).rows.find((r) => r.sku === 'MUG')?.onHand;

describe('a stocktake in a real browser while the warehouse keeps working', () => {
  it('a delivery received while the clerk counts is kept on top of the count, shown before posting', async () => {
    const ctx = await app!.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await ctx.newPage();
    recordProblems(page, problems);
    await page.goto(new URL('/#/inventory/stocktake', app!.baseUrl).href);
    await page.getByLabel('Warehouse').selectOption('SH');
    // The clerk starts typing the sheet: the count is as of now. 18 mugs on the shelf.
    // Listening before typing: the mark's answer can come back before fill() returns.
    const marked = page.waitForResponse((r) => r.url().includes('inventory.countMark'));
    await page.getByLabel('Count sheet').fill('MUG,18');
    await marked;
    // Meanwhile the goods-in desk receives 10 more.
    await app!.call('inventory.receive', { warehouse: 'SH', lines: [{ sku: 'MUG', quantity: 10 }] });
    expect(await mugsInShanghai()).toBe(30);
    await page.getByRole('button', { name: 'Check differences' }).click();
    const preview = page.getByRole('region', { name: 'Differences to post' });
    const row = preview.locator('tbody tr');
    await row.first().waitFor();
    // On hand when counted 20, counted 18, +10 since, 28 after, an adjustment of −2.
    expect(await row.locator('td').allInnerTexts()).toEqual(['MUG', '20', '—', '18', '+10', '28', '-2', '']);
    await page.screenshot({ path: join(OUT, 'stocktake-01-moved-since.png') });
    await preview.getByRole('button', { name: 'Post these differences' }).click();
    await page.getByText('1 differences posted, 0 unchanged.').waitFor();
    expect(await mugsInShanghai()).toBe(28);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
