import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, CLI, OUT, recordProblems, ROOT, startApp, type E2eApp } from '../fixtures/e2e-app';

// The printing screen on a phone (390 × 844) against `packdesk serve`: nothing is cut off at the
// right edge; wide tables scroll sideways inside their own box, never the page.
let dir = '';
let app: E2eApp | undefined;
const problems: string[] = [];

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'packdesk-e2e-'));
  const db = join(dir, 'e2e.db');
  execFileSync(process.execPath, [CLI, '--db', db, 'demo', '--orders', '50', '--seed', '7'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  app = await startApp(db, problems);
  const printer = (name: string, language: string) =>
    app!.call<{ id: number }>('printing.printers.save', {
      name,
      kind: 'raw_tcp',
      language,
      // Nothing listens on the discard port: the jobs fail with the long "switch it on" text.
      host: '127.0.0.1',
      port: 9,
    });
  await printer('Receipt printer Epson TM-T82', 'escpos');
  const tsc = await printer('TSC TE244 warehouse label printer', 'tspl');
  for (const orderId of [1, 2, 3])
    await app.call('printing.print', { document: 'label', orderIds: [orderId], printerId: tsc.id });
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Widths that say whether anything reaches past the screen's right edge. */
const widths = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('.app-main')!;
    return {
      page: document.documentElement.scrollWidth,
      main: main.scrollWidth,
      mainBox: main.clientWidth,
      screen: innerWidth,
      sectionsRight: Math.max(
        ...[...document.querySelectorAll('.printing-page section')].map(
          (s) => s.getBoundingClientRect().right,
        ),
      ),
      tables: [...document.querySelectorAll('.printing-page .table-scroll')].map((s) => ({
        scrolls: getComputedStyle(s).overflowX,
        right: s.getBoundingClientRect().right,
      })),
    };
  });

describe('printing screen on a phone', () => {
  for (const locale of ['en', 'zh-CN'])
    it(`fits 390 px in ${locale}: printers, queue and templates stay on screen`, async () => {
      const context = await app!.browser.newContext({ viewport: { width: 390, height: 844 }, locale });
      const page = await context.newPage();
      recordProblems(page, problems);
      await page.goto(`${app!.baseUrl}#/printing`);
      await page.locator('#printing-queue').waitFor();
      await page.locator('section[aria-labelledby="printing-queue"] tbody tr').nth(2).waitFor();
      await page.locator('#printing-templates').waitFor();
      // Open the move form on a job too: its select and buttons must wrap, not push the page wider.
      await page
        .locator('section[aria-labelledby="printing-queue"] tbody input[type=checkbox]')
        .first()
        .check();
      await page.locator('section[aria-labelledby="printing-queue"] .queue-toolbar button').nth(1).click();
      await page.locator('form.queue-action-form').waitFor();
      const w = await widths(page);
      expect(w.page).toBeLessThanOrEqual(w.screen);
      expect(w.main).toBeLessThanOrEqual(w.mainBox);
      expect(w.sectionsRight).toBeLessThanOrEqual(w.screen);
      expect(w.tables).toHaveLength(2);
      for (const t of w.tables) expect(t).toEqual({ scrolls: 'auto', right: expect.any(Number) });
      for (const t of w.tables) expect(t.right).toBeLessThanOrEqual(w.screen);
      await page.screenshot({ path: join(OUT, `printing-phone-${locale}.png`) });
      await context.close();
      expect(problems).toEqual([]);
    }, 60_000);
});
