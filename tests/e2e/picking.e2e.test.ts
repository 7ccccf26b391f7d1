import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/compose';
import { assertBuilt, OUT, recordProblems, startApp, type E2eApp } from '../fixtures/e2e-app';
import { aFloor, allocated, BARCODE } from '../fixtures/fulfillment';

let dir = '';
let app: E2eApp | undefined;
let baseUrl = '';
const ids: Record<string, number> = {};
const problems: string[] = [];
const apiCall = <T = any>(op: string, input: unknown) => app!.call<T>(op, input);

/**
 * A browser page that records the tones the screen plays (Web Audio oscillators), so the test
 * can tell the error buzz (square wave) from the ok beep (sine).
 */
async function aPage(ctx: BrowserContext): Promise<Page> {
  await ctx.addInitScript(() => {
    const w = window as unknown as { __tones: string[] };
    w.__tones = [];
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...a: [number?]) {
      w.__tones.push(this.type);
      return start.apply(this, a);
    };
  });
  const page = await ctx.newPage();
  recordProblems(page, problems);
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return page;
}

const seqOf = (page: Page) =>
  page.evaluate(() => Number(document.querySelector<HTMLElement>('.scan-feedback')?.dataset.seq ?? 0));

/** Types like a USB keyboard-wedge scanner (a fast burst and Enter, into whatever has focus) and waits for the screen to take it. */
async function scan(page: Page, code: string) {
  const before = await seqOf(page);
  await page.keyboard.type(code, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>('.scan-feedback')?.dataset.seq) > n,
    before,
  );
}

const tones = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tones: string[] }).__tones.slice());
const feedback = (page: Page) => page.locator('.scan-feedback');

/** Waits for the core to have answered the last scan, then reads the answer. */
async function settledFeedback(page: Page) {
  await page.locator('.scan-feedback[data-confirmed="true"]').waitFor();
  const fb = feedback(page);
  return { tone: await fb.getAttribute('data-tone'), text: await fb.innerText() };
}

const slotShown = (page: Page) => feedback(page).locator('[data-slot]').allInnerTexts();

beforeAll(async () => {
  assertBuilt();
  dir = mkdtempSync(join(tmpdir(), 'packdesk-pick-e2e-'));
  const db = join(dir, 'pick.db');
  // The floor of tests/integration/fulfillment-picking: CAP in B-01 (walked first), MUG in A-01, SOCK in no bin.
  const core = createCore({ dbPath: db });
  await aFloor(core);
  const [a, b, c, d, e] = await allocated(core, [
    [
      ['SOCK', 1],
      ['MUG', 2],
    ],
    [['CAP', 1]],
    [
      ['MUG', 1],
      ['CAP', 2],
    ],
    [['CAP', 1]],
    [['MUG', 1]],
  ]);
  Object.assign(ids, { a, b, c, d, e });
  core.close();
  app = await startApp(db, problems);
  baseUrl = app.baseUrl;
}, 120_000);

afterAll(async () => {
  await app?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('picking in a real browser against packdesk serve', () => {
  it('desk: previews and creates a wave, saves its pick list PDF, picks it with scanner bursts, flags a wrong item', async () => {
    const ctx = await app!.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    const page = await aPage(ctx);
    await page.goto(new URL('/#/picking', baseUrl).href);
    const form = page.getByRole('form', { name: 'New wave' });
    await form.getByText(/^5 orders · 7 lines · 9 units · 3 SKUs would go into this wave/).waitFor();
    await form.getByLabel('Max orders (totes)').fill('3');
    await form.getByText(/^3 orders · 5 lines · 7 units/).waitFor();
    await page.screenshot({ path: join(OUT, 'picking-01-create-desk.png') });
    await form.getByRole('button', { name: 'Create wave with 3 orders' }).click();
    await page.getByText(/Wave \d+ created with 3 orders\./).waitFor();
    const [wave] = (await apiCall<{ rows: { id: number; orders: number }[] }>('waves.list', {})).rows;
    expect(wave).toMatchObject({ orders: 3 });
    // The preview follows: two allocated orders are left.
    await form.getByText(/^2 orders · 2 lines · 2 units/).waitFor();
    await page.screenshot({ path: join(OUT, 'picking-01b-waves-desk.png') });

    const row = page.locator(`[data-wave-id="${wave!.id}"]`);
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: 'Pick list PDF' }).click();
    const pdf = await (await download).path();
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    await row.getByRole('button', { name: 'Pick', exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(`Wave ${wave!.id}`) }).waitFor();
    await expect(page.getByRole('note', { name: 'Next' }).innerText()).resolves.toMatch(/B-01\s+3 × CAP/);

    await scan(page, 'B-01');
    expect(await settledFeedback(page)).toMatchObject({
      tone: 'bin',
      text: expect.stringContaining('3 × CAP'),
    });
    await scan(page, BARCODE.CAP);
    expect((await settledFeedback(page)).tone).toBe('ok');
    expect(await slotShown(page)).toEqual(['2']);
    await scan(page, BARCODE.CAP);
    await scan(page, BARCODE.CAP);
    expect((await settledFeedback(page)).text).toContain('3 of 3 picked');
    expect(await slotShown(page)).toEqual(['3']);

    // A product that is not in this wave: red, the error buzz, nothing counted.
    const before = (await tones(page)).length;
    await scan(page, BARCODE.SOCK.replace('35', '99'));
    const wrong = await settledFeedback(page);
    expect(wrong.tone).toBe('error');
    expect(wrong.text).toMatch(/Wrong item or bin: 6901234500099/);
    expect((await tones(page)).slice(before)).toContain('square');
    await page.screenshot({ path: join(OUT, 'picking-02-wrong-item-desk.png') });

    await scan(page, 'A-01');
    for (let i = 0; i < 3; i++) await scan(page, BARCODE.MUG);
    expect((await settledFeedback(page)).text).toContain('3 of 3 picked');
    await scan(page, BARCODE.SOCK);
    expect(await slotShown(page)).toEqual(['1']);
    await page.getByRole('note').getByText('Wave complete: take the totes to packing').waitFor();
    const done = await apiCall<{ progress: { done: boolean; picked: number } }>('waves.get', {
      id: wave!.id,
    });
    expect(done.progress).toEqual({ required: 7, picked: 7, done: true });
    await page.waitForFunction(() => document.querySelectorAll('.tote.is-full').length === 3);
    await page.screenshot({ path: join(OUT, 'picking-03-done-desk.png'), fullPage: true });
    await ctx.close();
    expect(problems).toEqual([]);
  }, 90_000);

  it('handheld (390×844, Chinese): creates a single-item wave, picks by scanning and reports a short pick', async () => {
    const ctx = await app!.browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    const page = await aPage(ctx);
    await page.goto(new URL('/#/picking', baseUrl).href);
    const form = page.getByRole('form', { name: '新建波次' });
    await form.getByLabel('仅单品单件').check();
    await form.getByText(/^本波次将包含 2 个订单/).waitFor();
    await page.screenshot({ path: join(OUT, 'picking-04-create-phone.png'), fullPage: true });
    await form.getByRole('button', { name: '创建波次（2 个订单）' }).click();
    const created = page.locator('.notice', { hasText: /波次 \d+ 已创建/ });
    await created.waitFor();
    await created.getByRole('button', { name: '拣货' }).tap();
    await page.getByRole('heading', { name: /波次 \d+/ }).waitFor();
    const waveId = Number(/#\/picking\/(\d+)/.exec(page.url())?.[1]);

    await scan(page, 'B-01');
    await scan(page, BARCODE.CAP);
    expect((await settledFeedback(page)).tone).toBe('ok');
    expect(await slotShown(page)).toEqual(['1']);
    await page.screenshot({ path: join(OUT, 'picking-05-slot-phone.png') });

    // Shelf A-01 is empty: short pick of MUG with 0 found; no other warehouse has MUG, so its order is backordered.
    await page.locator('[data-sku="MUG"]').getByRole('button', { name: '缺货' }).tap();
    const dialog = page.getByRole('dialog', { name: '缺货：MUG' });
    await dialog.getByLabel('实际找到（合计）').fill('0');
    await page.keyboard.press('Enter');
    await page.getByText('MUG 缺货：找到 0 件。').waitFor();
    await page.getByText(/格口 2（订单 .+）已移出波次/).waitFor();
    await page.getByText('已转缺货待补：到货后自动配货。').waitFor();
    await page.screenshot({ path: join(OUT, 'picking-06-short-phone.png'), fullPage: true });
    expect((await apiCall<{ status: string }>('orders.get', { id: ids.e })).status).toBe('backordered');
    expect((await apiCall<{ status: string }>('orders.get', { id: ids.d })).status).toBe('picking');
    const w = await apiCall<{ progress: { done: boolean } }>('waves.get', { id: waveId });
    expect(w.progress.done).toBe(true);

    // Nothing sticks out sideways on a 390 px screen, nor on a 360 px one.
    for (const width of [390, 360]) {
      await page.setViewportSize({ width, height: 780 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
    }
    await page.screenshot({ path: join(OUT, 'picking-07-phone-360.png') });
    await ctx.close();
    expect(problems).toEqual([]);
  }, 90_000);
});
