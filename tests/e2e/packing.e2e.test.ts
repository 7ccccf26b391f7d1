import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCore, value } from '../fixtures/core';
import { assertBuilt, OUT, recordProblems, startApp, type E2eApp } from '../fixtures/e2e-app';
import { aFloor, allocated, BARCODE } from '../fixtures/fulfillment';
import { fakePrinter, type FakePrinter } from '../fixtures/tcp-printer';

let core: ReturnType<typeof aCore>;
let app: E2eApp | undefined;
let printer: FakePrinter;
let page: Page;
let baseUrl = '';
let waveId = 0;
let orders: number[] = [];
const problems: string[] = [];
const apiCall = <T>(op: string, input: unknown) => app!.call<T>(op, input);

/**
 * Types a code the way a keyboard-wedge scanner does: real key events through Chromium's input
 * pipeline into whatever has focus, 5 ms apart by their timestamps, then Enter. The events carry
 * explicit timestamps and are sent without waiting for each other, because on a starved machine
 * page.keyboard.type's per-key round trips stretch the gaps far beyond any scanner's (a real
 * scanner's keys carry the OS input time, which a busy CPU does not stretch either).
 */
async function scan(code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const t0 = Date.now() / 1000;
  const keys = [
    ...[...code].map((ch) => ({ key: ch, text: ch })),
    { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 },
  ];
  await Promise.all(
    keys.flatMap((k, i) => [
      cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...k, timestamp: t0 + i * 0.005 }),
      cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, timestamp: t0 + i * 0.005 + 0.002 }),
    ]),
  );
  await cdp.detach();
}

/** Milliseconds from each scan's Enter to the first change of the feedback band, measured in the page. */
const scanTimes = () => page.evaluate(() => (window as unknown as { __scanMs: number[] }).__scanMs);
const band = () => page.getByTestId('pack-feedback');
const shot = async (name: string) => {
  await page.screenshot({ path: join('/tmp', `packdesk-${name}.png`) });
  await page.screenshot({ path: join(OUT, `packing-${name}.png`) });
};

beforeAll(async () => {
  assertBuilt();
  printer = await fakePrinter();
  // The floor (MUG 400 g, CAP 100 g, SOCK) with two allocated Shanghai orders in one wave.
  core = aCore();
  await aFloor(core);
  orders = await allocated(core, [
    [
      ['MUG', 2],
      ['CAP', 1],
    ],
    [['MUG', 1]],
  ]);
  waveId = (await value(core.call('waves.create', { warehouse: 'SH', maxOrders: 5 }))).id;
  await value(
    core.call('printing.printers.save', {
      name: 'Zebra bench',
      kind: 'raw_tcp',
      language: 'zpl',
      host: '127.0.0.1',
      port: printer.port,
      defaultFor: 'label',
    }),
  );
  await value(
    core.call('printing.printers.save', {
      name: 'Office laser',
      kind: 'system',
      language: 'pdf',
      deviceName: 'Office',
      defaultFor: 'document',
    }),
  );
  // The shop guards overrides with a supervisor PIN.
  await value(core.call('settings.supervisorPin.set', { newPin: '2468' }));
  core.close();
  app = await startApp(join(core.dir, 'packdesk.db'));
  baseUrl = app.baseUrl;
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  // Registered before the app's own listeners, so it sees the Enter the scanner reader swallows.
  await page.addInitScript(() => {
    const w = window as unknown as { __scanMs: number[]; __enterAt: number | null };
    w.__scanMs = [];
    w.__enterAt = null;
    window.addEventListener('keydown', (e) => e.key === 'Enter' && (w.__enterAt = performance.now()), true);
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="pack-feedback"]');
      if (!el || w.__enterAt === null) return;
      w.__scanMs.push(performance.now() - w.__enterAt);
      w.__enterAt = null;
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  recordProblems(page, problems);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await printer?.close();
  core?.dispose();
});

describe('packing bench in Chromium against packdesk serve', () => {
  it('opens by tote scan, answers item scans typed into the focused weight field, flags a wrong item', async () => {
    await page.goto(new URL('/#/packing', baseUrl).href);
    await page.getByRole('heading', { name: 'Packing' }).waitFor();
    await band().getByText('Ready: scan the next order').waitFor();
    await scan(`T${waveId}-1`);
    await page.getByRole('heading', { name: /^Order .+ \(#\d+\)$/ }).waitFor();

    // The scale reading field has the caret; the scanner still reaches the bench and leaves it empty.
    const weight = page.getByLabel('Weight (g)');
    await weight.focus();
    await scan(BARCODE.MUG);
    await band().getByText('1 of 2').waitFor();
    expect(await band().getAttribute('data-tone')).toBe('good');
    expect(await weight.inputValue()).toBe('');
    expect(await page.locator('tr[data-sku="MUG"] .pack-count').first().innerText()).toBe('1');
    await shot('station-good');

    await scan(BARCODE.SOCK);
    await band().getByText('✖ WRONG ITEM').waitFor();
    expect(await band().getAttribute('data-tone')).toBe('bad');
    await band().getByText('SOCK is not in this order: take it out').waitFor();
    await shot('station-error');
    expect(await weight.inputValue()).toBe('');

    // On a phone (packdesk serve) the order's lines and the weight/box panel stack; side by side
    // the 340 px panel covered the lines.
    const desk = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 844 });
    const lines = (await page.locator('.pack-order').boundingBox())!;
    const side = (await page.locator('.pack-side').boundingBox())!;
    await shot('station-phone');
    await page.setViewportSize(desk);
    expect(side.y).toBeGreaterThanOrEqual(lines.y + lines.height);
    expect(lines.x + lines.width).toBeLessThanOrEqual(390);
  }, 60_000);

  it('blocks completion for the wrong scan, a supervisor overrides, and label and slip are queued at once', async () => {
    await scan(BARCODE.MUG);
    await band().getByText('2 of 2').waitFor();
    await scan(BARCODE.CAP);
    await band().getByText('1 of 1').waitFor();
    // Every item is in: the caret is in the weight field; typing the reading and Enter completes.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Weight (g)');
    await page.keyboard.type('905', { delay: 80 });
    await page.keyboard.press('Enter');
    await band().getByText('✖ Cannot complete').waitFor();
    await band().getByText('Wrong item scanned: SOCK').waitFor();
    expect(await band().getAttribute('data-tone')).toBe('bad');
    await shot('station-blocked');

    const form = page.getByRole('form', { name: 'Supervisor override' });
    await form.getByLabel('Supervisor', { exact: true }).waitFor();
    await page.keyboard.type('Wang');
    await page.keyboard.press('Tab');
    await page.keyboard.type('sock taken out, checked');
    // A wrong PIN is refused in the form and packs nothing; the right one goes through.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).type)).toBe('password');
    await page.keyboard.type('1111');
    await page.keyboard.press('Enter');
    await form
      .getByRole('alert')
      .getByText(/Wrong supervisor PIN \(4 tries left\)/)
      .waitFor();
    expect((await apiCall<{ status: string }>('orders.get', { id: orders[0] })).status).toBe('picking');
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await band()
      .getByText(/^✔ Packed /)
      .waitFor();
    await band()
      .getByText(/Shipping label → Zebra bench/)
      .waitFor();
    await band()
      .getByText(/Packing slip → Office laser/)
      .waitFor();
    await shot('station-packed');

    const jobs = await apiCall<{ rows: { document: string; printerName: string; status: string }[] }>(
      'printing.jobs.list',
      { orderId: orders[0] },
    );
    expect(jobs.rows.map((j) => [j.document, j.printerName]).sort()).toEqual([
      ['label', 'Zebra bench'],
      ['packing_slip', 'Office laser'],
    ]);
    expect((await apiCall<{ status: string }>('orders.get', { id: orders[0] })).status).toBe('packed');
    // The label reaches the bench printer as ZPL.
    await expect.poll(() => printer.jobs.length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(printer.jobs[0]!.toString('latin1')).toContain('^XA');
    // The band follows the queue: the label shows as printed once the printer has it.
    await band().getByText('Shipping label → Zebra bench (Printed)').waitFor();
    // Ready for the next order, no mouse: the caret is back in the scan box.
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Scan box');
  }, 60_000);

  it('packs the next order by keyboard alone, then ships it at the desk with its tracking number', async () => {
    // This time the order barcode printed on the pick list, not the tote.
    await scan(`PD${String(orders[1]).padStart(8, '0')}`);
    await band()
      .getByText(/: scan its items$/)
      .waitFor();
    await scan(BARCODE.MUG);
    await band().getByText('1 of 1').waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Weight (g)');
    // The box's barcode, scanned with the caret in the weight field, chooses the box; its tare counts.
    await scan('BOX-S1');
    await band().getByText('Box BOX-S1').waitFor();
    expect(await page.getByLabel('Box', { exact: true }).inputValue()).toBe('BOX-S1');
    await page.getByText('Items 400 g + box BOX-S1 80 g: should weigh 480 g').waitFor();
    await page.keyboard.type('490', { delay: 80 });
    await page.getByText('490 g: within 480 g ± 50 g').waitFor();
    await page.keyboard.press('Enter');
    await band()
      .getByText(/^✔ Packed /)
      .waitFor();

    // The packing record carries the box code.
    const packed = await apiCall<{ history: { to: string | null; reason: string | null }[] }>('orders.get', {
      id: orders[1],
    });
    expect(packed.history.find((h) => h.to === 'packed')?.reason).toMatch(/, box BOX-S1$/);

    const ms = await scanTimes();
    // Reported, not asserted: timing asserts are flaky on shared machines.
    console.log(`scan → feedback in the page (ms): ${ms.map((m) => m.toFixed(1)).join(', ')}`);
    expect(ms.length).toBeGreaterThanOrEqual(6);

    const order = await apiCall<{ externalId: string; carrier: string }>('orders.get', { id: orders[1] });
    // Keyboard to the ship desk: focus the tab list, arrow to Ship.
    await page.getByRole('tab', { name: 'Pack' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Ship' }).getAttribute('aria-selected')).toBe('true');
    const desk = page.getByTestId('ship-feedback');
    await desk.getByText('Scan a packed order').waitFor();
    await page.getByText(order.externalId).first().waitFor();
    await scan(order.externalId);
    await desk.getByText(`Now scan the ${order.carrier} tracking number`).waitFor();
    await scan('SF1234567890123');
    await desk.getByText(/is not a .+ tracking number/).waitFor();
    await shot('ship-refused');
    await scan('73123456789012');
    await desk.getByText('✔ Shipped 1, unchanged 0').waitFor();
    await desk.getByText('1 tracking update queued for the channel').waitFor();
    await shot('ship-done');
    expect((await apiCall<{ status: string }>('orders.get', { id: orders[1] })).status).toBe('shipped');
    expect(problems).toEqual([]);
  }, 60_000);
});
