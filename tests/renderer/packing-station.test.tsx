// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PackSession } from '../../src-shared/contract/fulfillment.contract';
import { playCue } from '../../src-renderer/ui/feedback-sound';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

vi.mock('../../src-renderer/ui/feedback-sound', () => ({ playCue: vi.fn(), prepareCues: vi.fn() }));
const cues = () => vi.mocked(playCue).mock.calls.map((c) => c[0]);

beforeEach(() => {
  localStorage.clear();
  vi.mocked(playCue).mockClear();
});
afterEach(cleanup);

const MUG = '6901234500011';
const CAP = '6901234500028';
const SOCK = '6901234500035';
const BOXES = [
  { code: 'BOX-S2', name: 'Carton S2', lengthMm: 250, widthMm: 150, heightMm: 120, tareGrams: 100 },
  { code: 'BOX-M1', name: 'Carton M1', lengthMm: 300, widthMm: 200, heightMm: 150, tareGrams: 150 },
];

/**
 * A packing bench core in memory, judging scans the way packing.service does (unknown or
 * foreign barcode: wrong item; more than ordered: extra). `hold` keeps scan answers back until
 * `release()`, so a test sees what the screen shows before the core has answered.
 */
function bench(
  opts: {
    tolerance?: [string, string];
    hold?: boolean;
    completeError?: string;
    slowComplete?: Promise<void>;
    /** A supervisor PIN is set; the fake core takes only this one. */
    pin?: string;
    /** What packing.complete warns about (paperwork not queued), in the core's words. */
    warnings?: string[];
  } = {},
) {
  const lines = [
    { sku: 'CAP', title: '帽子', expected: 1, scanned: 0, barcodes: [CAP, 'CAP'] },
    { sku: 'MUG', title: '马克杯', expected: 2, scanned: 0, barcodes: [MUG, 'MUG'] },
  ];
  const refused: NonNullable<PackSession['refused']> = [];
  const session = (): PackSession => ({
    sessionId: 5,
    orderId: 42,
    externalId: 'TB-42',
    status: 'open',
    lines: lines.map((l) => ({ ...l })),
    expectedWeightGrams: 900,
    refused: refused.map((r) => ({ ...r })),
  });
  let gate: Promise<void> = Promise.resolve();
  let open: () => void = () => undefined;
  const holdAnswers = () => {
    gate = new Promise((r) => (open = r));
  };
  if (opts.hold) holdAnswers();
  const bridge = fakeBridge({
    handlers: {
      'settings.get': () => ({
        ok: true,
        value: {
          values: opts.tolerance
            ? {
                'packing.weightTolerancePct': opts.tolerance[0],
                'packing.weightToleranceGrams': opts.tolerance[1],
              }
            : {},
        },
      }),
      'settings.supervisorPin.status': () => ({ ok: true, value: { set: opts.pin !== undefined } }),
      'boxes.list': () => ({ ok: true, value: { rows: BOXES } }),
      'packing.open': ({ code }) =>
        code === 'T1-1' || code === 'TB-42' || code === 'PD00000042'
          ? { ok: true, value: session() }
          : {
              ok: false,
              error: { code: 'not_found', message: `No order, channel order number or tote "${code}"` },
            },
      'packing.scan': async ({ barcode }) => {
        await gate;
        const line = lines.find((l) => l.barcodes.includes(barcode));
        const sku = barcode === SOCK ? 'SOCK' : (line?.sku ?? null);
        const result = !line ? 'wrong_item' : line.scanned >= line.expected ? 'extra_item' : 'ok';
        if (result === 'ok') line!.scanned += 1;
        else refused.push({ barcode, sku, result });
        return { ok: true, value: { result, message: `${result} ${barcode}`, sku, session: session() } };
      },
      'packing.complete': async ({ override }) => {
        await opts.slowComplete;
        if (override && opts.pin !== undefined && override.pin !== opts.pin)
          return { ok: false, error: { code: 'forbidden', message: 'Wrong supervisor PIN (4 tries left)' } };
        return opts.completeError
          ? { ok: false, error: { code: 'conflict', message: opts.completeError } }
          : {
              ok: true,
              value: {
                orderId: 42,
                status: 'packed',
                printJobs: [
                  { document: 'label', jobId: 7 },
                  { document: 'packing_slip', jobId: 8 },
                ],
                warnings: opts.warnings ?? [],
              },
            };
      },
      'printing.jobs.list': () => ({
        ok: true,
        value: {
          rows: [7, 8].map((id) => ({
            id,
            printerId: id,
            printerName: id === 7 ? 'Zebra ZD421' : 'HP Laser',
            document: id === 7 ? 'label' : 'packing_slip',
            orderId: 42,
            title: '',
            format: id === 7 ? 'zpl' : 'pdf',
            status: 'queued' as const,
            attempts: 0,
            maxAttempts: 5,
            nextRunAt: '2026-11-25T08:00:00.000Z',
            lastError: null,
            lastFault: null,
            maybePrinted: false,
            reprintOf: null,
            reprintReason: null,
            cancelledBy: null,
            cancelReason: null,
            cancelledAt: null,
            actor: 'packer',
            createdAt: '2026-11-25T08:00:00.000Z',
            doneAt: null,
          })),
        },
      }),
    },
  });
  return { bridge, lines, release: () => open(), holdAnswers };
}

/**
 * Types like a keyboard-wedge scanner: the whole code in one burst, then Enter. jsdom stamps events
 * with Date.now(), so the clock stands still during the burst: a busy test machine must not stretch
 * it into "typing".
 */
const scanner = (code: string, target: Element = document.activeElement ?? document.body) => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  try {
    for (const key of [...code, 'Enter']) fireEvent.keyDown(target, { key });
  } finally {
    vi.useRealTimers();
  }
};
/** Types into the visible scan box and presses Enter (submits the form). */
const typeCode = (code: string) => {
  const box = screen.getByLabelText(/^(Scan box|扫描框)$/);
  fireEvent.change(box, { target: { value: code } });
  fireEvent.submit(box.closest('form')!);
};
const band = () => screen.getByTestId('pack-feedback');
const row = (sku: string) => document.querySelector(`tr[data-sku="${sku}"]`)!;
const counts = (sku: string) => [...row(sku).querySelectorAll('.pack-count')].map((c) => c.textContent);

async function openOrder(b: ReturnType<typeof bench>, language: 'en' | 'zh-CN' = 'en') {
  renderApp({ bridge: b.bridge, hash: '#/packing', language });
  await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Scan box|扫描框/)));
  scanner('T1-1');
  await screen.findByText(/Order TB-42|订单 TB-42/, { selector: 'h2' });
}

describe('packing station', () => {
  it('opens by tote scan and answers an item scan at once, before the core does, then settles', async () => {
    const b = bench({ hold: true });
    await openOrder(b);
    expect(b.bridge.callsOf('packing.open')).toEqual([{ code: 'T1-1' }]);
    const weight = screen.getByLabelText<HTMLInputElement>('Weight (g)');
    weight.focus();
    scanner(MUG, weight);
    // No await: the band and the count change in the same tick as the Enter of the scan.
    expect(band().dataset.tone).toBe('good');
    expect(band().textContent).toContain('✔ MUG 马克杯');
    expect(band().textContent).toContain('1 of 2');
    expect(counts('MUG')).toEqual(['1', '2']);
    expect(weight.value).toBe('');
    await Promise.resolve(); // the cue follows the picture, in the same tick
    expect(cues()).toEqual(['ok']);
    expect(within(screen.getByRole('list', { name: 'Scans of this parcel' })).getByText(/…/)).toBeTruthy();
    b.release();
    await waitFor(() => expect(screen.queryByText(/…/)).toBeNull());
    expect(b.bridge.callsOf('packing.scan')).toEqual([{ sessionId: 5, barcode: MUG }]);
    expect(counts('MUG')).toEqual(['1', '2']);
    expect(row('MUG').className).toBe('pack-line-part');
  });

  it('flags a wrong item and an extra item in red with the error sound; they block completion', async () => {
    const b = bench();
    await openOrder(b);
    scanner(SOCK);
    expect(band().dataset.tone).toBe('bad');
    expect(band().textContent).toContain('✖ WRONG ITEM');
    expect(band().textContent).toContain(`${SOCK} is not a known product`);
    // The core knows the SKU: the band names it once the answer is in.
    await waitFor(() => expect(band().textContent).toContain('SOCK is not in this order: take it out'));
    scanner(CAP);
    expect(band().dataset.tone).toBe('good');
    scanner(CAP);
    expect(band().textContent).toContain('✖ EXTRA ITEM');
    expect(band().textContent).toContain('This order needs only 1 × CAP 帽子');
    await Promise.resolve();
    expect(cues()).toEqual(['error', 'ok', 'error']);
    scanner(MUG);
    scanner(MUG);
    await waitFor(() => expect(b.bridge.callsOf('packing.scan')).toHaveLength(5));
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(band().textContent).toContain('✖ Cannot complete'));
    expect(band().textContent).toContain('Wrong item scanned: SOCK');
    expect(band().textContent).toContain('Extra item scanned: CAP');
    expect(band().textContent).not.toContain('MISSING');
    // Nothing is missing, so scanning more cannot help: the band says to take them out.
    expect(band().textContent).toContain('Take them out of the box; a supervisor then overrides');
    expect(band().textContent).not.toContain('Scan what is missing');
    expect(b.bridge.callsOf('packing.complete')).toEqual([]);
    expect(screen.getByRole('form', { name: 'Supervisor override' })).toBeTruthy();
  });

  it('joins a scan whose first keys landed in the focused field as typing (a stalled burst), and never eats typed text', async () => {
    const b = bench();
    await openOrder(b);
    const weight = screen.getByLabelText<HTMLInputElement>('Weight (g)');
    weight.focus();
    fireEvent.change(weight, { target: { value: '690' } }); // the head, released as typing
    scanner(MUG.slice(3), weight);
    expect(band().textContent).toContain('✔ MUG 马克杯');
    expect(weight.value).toBe('');
    fireEvent.change(weight, { target: { value: '905' } });
    scanner(SOCK.slice(3), weight);
    expect(band().textContent).toContain('✖ WRONG ITEM');
    expect(weight.value).toBe('905');
    await waitFor(() =>
      expect(b.bridge.callsOf('packing.scan')).toEqual([
        { sessionId: 5, barcode: MUG },
        { sessionId: 5, barcode: SOCK.slice(3) },
      ]),
    );
  });

  it('a missing item blocks completion, listed; a supervisor override with a reason completes and shows where it printed', async () => {
    const b = bench();
    await openOrder(b);
    scanner(MUG);
    fireEvent.click(screen.getByRole('button', { name: 'Pack complete' }));
    await waitFor(() => expect(band().textContent).toContain('MISSING 1 × CAP 帽子'));
    expect(band().textContent).toContain('MISSING 1 × MUG 马克杯');
    expect(band().dataset.tone).toBe('bad');
    expect(cues().at(-1)).toBe('error');
    expect(b.bridge.callsOf('packing.complete')).toEqual([]);
    const form = screen.getByRole('form', { name: 'Supervisor override' });
    const submit = within(form).getByRole('button', { name: 'Override and complete' });
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Supervisor'), { target: { value: '王主管' } });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'customer wants one mug' } });
    fireEvent.submit(form);
    await waitFor(() => expect(band().textContent).toContain('✔ Packed TB-42'));
    expect(b.bridge.callsOf('packing.complete')).toEqual([
      { sessionId: 5, override: { supervisor: '王主管', reason: 'customer wants one mug' } },
    ]);
    expect(band().dataset.tone).toBe('good');
    expect(band().textContent).toContain('Shipping label → Zebra ZD421 (Queued)');
    expect(band().textContent).toContain('Packing slip → HP Laser (Queued)');
    expect(cues().at(-1)).toBe('done');
    // Ready for the next order without the mouse: the caret is back in the scan box.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Scan box')));
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('checks the typed weight against the expected weight with the shop tolerance; Enter completes with weight and box', async () => {
    const b = bench({ tolerance: ['5', '60'] });
    await openOrder(b);
    for (const code of [MUG, MUG, CAP]) scanner(code);
    // The parcel is full: the caret moves to the weight field for the scale reading.
    const weight = screen.getByLabelText<HTMLInputElement>('Weight (g)');
    await waitFor(() => expect(document.activeElement).toBe(weight));
    fireEvent.change(weight, { target: { value: '1000' } });
    expect(screen.getByText('1000 g: outside 900 g ± 60 g')).toBeTruthy();
    fireEvent.keyDown(weight, { key: 'Enter' });
    await waitFor(() =>
      expect(band().textContent).toContain('Weighs 1000 g; the items should weigh 900 g ± 60 g'),
    );
    expect(b.bridge.callsOf('packing.complete')).toEqual([]);
    fireEvent.keyDown(window, { key: 'Escape' }); // closes the override form, keeps the parcel
    expect(screen.queryByRole('form', { name: 'Supervisor override' })).toBeNull();
    fireEvent.change(weight, { target: { value: '955' } });
    expect(screen.getByText('955 g: within 900 g ± 60 g')).toBeTruthy();
    // The box's tare counts: in BOX-M1 (150 g) the same reading is too light.
    const box = screen.getByLabelText<HTMLInputElement>('Box');
    fireEvent.change(box, { target: { value: 'box-m1' } });
    expect(screen.getByText('955 g: outside 1050 g ± 60 g')).toBeTruthy();
    expect(screen.getByTestId('pack-box').textContent).toBe(
      'BOX-M1 Carton M1: 300×200×150 mm inside, 150 g empty',
    );
    fireEvent.change(weight, { target: { value: '' } });
    expect(screen.getByText('Items 900 g + box BOX-M1 150 g: should weigh 1050 g')).toBeTruthy();
    fireEvent.change(weight, { target: { value: '1080' } });
    expect(screen.getByText('1080 g: within 1050 g ± 60 g')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Enter' });
    await waitFor(() => expect(band().textContent).toContain('✔ Packed TB-42'));
    expect(b.bridge.callsOf('packing.complete')).toEqual([
      { sessionId: 5, weightGrams: 1080, box: 'box-m1' },
    ]);
    expect(localStorage.getItem('packdesk.packing.box')).toBe('box-m1');
  });

  it('a USB scale typing its reading into the weight field fills it and completes; a product scanned there is still a scan', async () => {
    const b = bench({ tolerance: ['5', '60'] });
    await openOrder(b, 'zh-CN');
    for (const code of [MUG, MUG]) scanner(code);
    const weight = screen.getByLabelText<HTMLInputElement>('重量（克）');
    weight.focus();
    scanner(CAP, weight); // a product barcode with the caret in the weight field: still an item
    await waitFor(() => expect(document.activeElement).toBe(weight));
    expect(counts('CAP')).toEqual(['1', '1']);
    scanner('2.30kg', weight); // too heavy: typed as the reading, the check says so
    expect(weight.value).toBe('2300');
    expect(band().textContent).not.toContain('不是已知商品');
    await waitFor(() => expect(screen.getByRole('form', { name: '主管放行' })).toBeTruthy());
    fireEvent.keyDown(window, { key: 'Escape' });
    weight.focus();
    scanner('0.905', weight); // the next reading replaces the last; its Enter completes
    expect(weight.value).toBe('905');
    await waitFor(() => expect(band().textContent).toContain('TB-42'));
    await waitFor(() =>
      expect(b.bridge.callsOf('packing.complete')).toEqual([{ sessionId: 5, weightGrams: 905 }]),
    );
    expect(b.bridge.callsOf('packing.scan').map((c) => c.barcode)).toEqual([MUG, MUG, CAP]);
  });

  it("a box's barcode scanned, even with the caret in the weight field, chooses that box; a code not in the catalogue is flagged", async () => {
    const b = bench();
    await openOrder(b);
    // The datalist offers the shop's catalogue with sizes and tare.
    expect([...document.querySelectorAll('#pack-boxes option')].map((o) => o.getAttribute('value'))).toEqual([
      'BOX-S2',
      'BOX-M1',
    ]);
    expect(document.querySelector('#pack-boxes option')!.textContent).toBe(
      'Carton S2 · 250×150×120 mm · 100 g',
    );
    for (const code of [MUG, MUG, CAP]) scanner(code);
    const weight = screen.getByLabelText<HTMLInputElement>('Weight (g)');
    await waitFor(() => expect(document.activeElement).toBe(weight));
    fireEvent.change(weight, { target: { value: '1000' } });
    scanner('BOX-S2', weight);
    expect(band().textContent).toContain('Box BOX-S2');
    expect(band().dataset.tone).toBe('neutral');
    expect(screen.getByLabelText<HTMLInputElement>('Box').value).toBe('BOX-S2');
    // The reading stays as it was, now checked against items + box.
    expect(weight.value).toBe('1000');
    expect(screen.getByText('1000 g: within 1000 g ± 100 g')).toBeTruthy();
    // Not a box scan, not an item: the core is asked, as before.
    expect(b.bridge.callsOf('packing.scan')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('Box'), { target: { value: 'BOX-ZZ' } });
    expect(screen.getByTestId('pack-box').textContent).toBe(
      'BOX-ZZ is not in the box catalogue (Settings → Packing bench)',
    );
  });

  it('keeps the remembered box when the catalogue has it, and drops one it no longer has', async () => {
    localStorage.setItem('packdesk.packing.box', 'BOX-M1');
    await openOrder(bench());
    expect(screen.getByLabelText<HTMLInputElement>('Box').value).toBe('BOX-M1');
    cleanup();
    localStorage.setItem('packdesk.packing.box', 'M1');
    await openOrder(bench());
    expect(screen.getByLabelText<HTMLInputElement>('Box').value).toBe('');
    expect(screen.getByTestId('pack-box').textContent).toBe("Type a box code or scan the box's barcode");
  });

  it('with a supervisor PIN set, the override form asks for it (a password field the scanner leaves alone); a wrong one keeps the form open with the reason', async () => {
    const b = bench({ pin: '2468' });
    await openOrder(b);
    scanner(MUG);
    fireEvent.click(screen.getByRole('button', { name: 'Pack complete' }));
    const form = await screen.findByRole('form', { name: 'Supervisor override' });
    expect(within(form).queryByText(/No supervisor PIN is set/)).toBeNull();
    const pin = within(form).getByLabelText<HTMLInputElement>('Supervisor PIN');
    expect(pin.type).toBe('password');
    expect(pin.closest('[data-no-scan]')).toBe(form);
    fireEvent.change(within(form).getByLabelText('Supervisor'), { target: { value: '王主管' } });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'customer wants one mug' } });
    const submit = within(form).getByRole<HTMLButtonElement>('button', { name: 'Override and complete' });
    expect(submit.disabled).toBe(true); // no PIN yet
    // A fast burst typed into the PIN field stays there: it is not taken as a scan.
    pin.focus();
    scanner('1357', pin);
    fireEvent.change(pin, { target: { value: '1357' } });
    expect(b.bridge.callsOf('packing.scan')).toHaveLength(1);
    fireEvent.submit(form);
    await waitFor(() =>
      expect(within(form).getByRole('alert').textContent).toContain('Wrong supervisor PIN'),
    );
    expect(band().textContent).not.toContain('Packed');
    expect(pin.value).toBe('');
    fireEvent.change(pin, { target: { value: '2468' } });
    fireEvent.submit(form);
    await waitFor(() => expect(band().textContent).toContain('✔ Packed TB-42'));
    expect(b.bridge.callsOf('packing.complete')).toEqual([
      { sessionId: 5, override: { supervisor: '王主管', reason: 'customer wants one mug', pin: '1357' } },
      { sessionId: 5, override: { supervisor: '王主管', reason: 'customer wants one mug', pin: '2468' } },
    ]);
  });

  it('without a PIN the override form says that nothing protects overrides (zh-CN too)', async () => {
    const b = bench();
    await openOrder(b, 'zh-CN');
    scanner(MUG);
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    const form = await screen.findByRole('form', { name: '主管放行' });
    expect(within(form).getByText(/未设置主管密码：任何人都可以放行/)).toBeTruthy();
    expect(within(form).queryByLabelText('主管密码')).toBeNull();
  });

  it('corrects its own verdict when the core disagrees, and shows a refusal it could not foresee', async () => {
    const b = bench({
      completeError: 'Order 42 cannot be completed: 1 wrong or extra scan (wrong item SOCK)',
    });
    await openOrder(b);
    // Another bench counted a cap meanwhile: the core will call this one extra.
    b.lines[0]!.scanned = 1;
    scanner(CAP);
    expect(band().dataset.tone).toBe('good');
    await waitFor(() => expect(band().textContent).toContain('✖ EXTRA ITEM'));
    expect(band().dataset.tone).toBe('bad');
    expect(cues()).toEqual(['ok', 'error']);
    expect(counts('CAP')).toEqual(['1', '1']);
    scanner(MUG);
    scanner(MUG);
    await waitFor(() => expect(b.bridge.callsOf('packing.scan')).toHaveLength(3));
    // The extra scan blocks here already; the override goes to the core, which refuses anyway.
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    const form = await screen.findByRole('form', { name: 'Supervisor override' });
    fireEvent.change(within(form).getByLabelText('Supervisor'), { target: { value: 'Li' } });
    fireEvent.change(within(form).getByLabelText('Reason'), { target: { value: 'checked' } });
    fireEvent.submit(form);
    await waitFor(() => expect(band().textContent).toContain('1 wrong or extra scan (wrong item SOCK)'));
    expect(screen.getByRole('heading', { name: /Order TB-42/ })).toBeTruthy();
  });

  it('a tote or printed order barcode scanned mid-parcel opens that order instead of counting as an item', async () => {
    const b = bench();
    await openOrder(b);
    scanner(MUG);
    scanner('PD00000042');
    await waitFor(() =>
      expect(b.bridge.callsOf('packing.open')).toEqual([{ code: 'T1-1' }, { code: 'PD00000042' }]),
    );
    expect(b.bridge.callsOf('packing.scan')).toEqual([{ sessionId: 5, barcode: MUG }]);
    await waitFor(() => expect(band().textContent).toContain('Order TB-42: scan its items'));
  });

  it('the next order scanned while "Pack complete" is on its way opens once the parcel is done', async () => {
    let finish: () => void = () => undefined;
    const b = bench({ slowComplete: new Promise<void>((r) => (finish = r)) });
    await openOrder(b);
    for (const code of [MUG, MUG, CAP]) scanner(code);
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(b.bridge.callsOf('packing.complete')).toHaveLength(1));
    scanner('TB-42');
    await new Promise((r) => setTimeout(r, 20));
    expect(b.bridge.callsOf('packing.open')).toHaveLength(1);
    finish();
    await waitFor(() =>
      expect(b.bridge.callsOf('packing.open')).toEqual([{ code: 'T1-1' }, { code: 'TB-42' }]),
    );
    await waitFor(() => expect(band().textContent).toContain('Order TB-42: scan its items'));
  });

  it("says why paperwork was not queued in the screen's language, keeping the names the core gave", async () => {
    const b = bench({
      warnings: [
        'packing slip not queued: No default document printer is set; choose one in Settings → Printers',
        'e-waybill for ZTO has no number yet: still waiting (quota used up). It prints by itself as soon as the number arrives; no Packdesk label was printed',
        'e-waybill not queued: No Cainiao print component is set up; add one in Settings → Printers, then reprint e-waybill 7300001',
        'e-waybill for SF has no number yet: still being fetched. It prints by itself as soon as the number arrives; no Packdesk label was printed',
        'something new the screen does not know',
      ],
    });
    await openOrder(b, 'zh-CN');
    for (const code of [MUG, MUG, CAP]) scanner(code);
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(band().textContent).toContain('✔ 已打包 TB-42'));
    const lines = [...band().querySelectorAll('.pack-band-detail')].map((d) => d.textContent);
    expect(lines).toContain('未打印：出库单未加入打印队列：未设置默认单据打印机，请在 设置 → 打印机 中选择');
    expect(lines).toContain(
      '未打印：ZTO 的电子面单还没有单号：仍在等待（quota used up）。单号一到会自动打印；未打印 Packdesk 面单',
    );
    expect(lines).toContain(
      '未打印：平台电子面单未加入打印队列：未设置Cainiao打印组件，请在 设置 → 打印机 中添加，然后补打电子面单 7300001',
    );
    expect(lines).toContain(
      '未打印：SF 的电子面单还没有单号：正在获取。单号一到会自动打印；未打印 Packdesk 面单',
    );
    expect(lines).toContain('未打印：something new the screen does not know');
    expect(band().textContent).not.toContain('not queued');
  });

  it('a reopened parcel lists its earlier wrong and extra scans, and Ctrl+Enter blocks on them as the core would', async () => {
    const b = bench();
    await openOrder(b, 'zh-CN');
    for (const code of [MUG, MUG, CAP, CAP, SOCK]) scanner(code);
    await waitFor(() => expect(b.bridge.callsOf('packing.scan')).toHaveLength(5));
    scanner('T1-1'); // the same tote again: reopened
    await waitFor(() => expect(b.bridge.callsOf('packing.open')).toHaveLength(2));
    await waitFor(() => expect(band().textContent).toContain('订单 TB-42'));
    const log = screen.getByRole('list', { name: '本包裹的扫描记录' });
    expect(log.textContent).toContain(SOCK);
    expect(log.textContent).toContain(CAP);
    expect(counts('CAP')).toEqual(['1', '1']);
    fireEvent.keyDown(window, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(band().textContent).toContain('✖'));
    expect(b.bridge.callsOf('packing.complete')).toEqual([]);
    const lines = [...band().querySelectorAll('.pack-band-detail')].map((d) => d.textContent);
    expect(lines.some((l) => l?.includes('SOCK'))).toBe(true);
    expect(lines.some((l) => l?.includes('CAP'))).toBe(true);
    expect(screen.getByRole('form', { name: '主管放行' })).toBeTruthy();
  });

  it('says an unknown order code plainly and in Chinese', async () => {
    const b = bench();
    renderApp({ bridge: b.bridge, hash: '#/packing', language: 'zh-CN' });
    expect(await screen.findByText('就绪：请扫描下一个订单')).toBeTruthy();
    typeCode('NOPE-1');
    await waitFor(() => expect(band().dataset.tone).toBe('bad'));
    expect(band().textContent).toContain('✖ 找不到订单');
    expect(band().textContent).toContain('没有找到订单号、渠道订单号或周转箱“NOPE-1”');
    typeCode('TB-42');
    await screen.findByText('订单 TB-42：请扫描商品');
    scanner(SOCK);
    expect(band().textContent).toContain('✖ 错货');
    expect(screen.getByRole('button', { name: '打包完成' })).toBeTruthy();
    act(() => {
      fireEvent.keyDown(window, { key: 'Escape' });
    });
    expect(band().textContent).toContain('就绪：请扫描下一个订单');
  });
});
