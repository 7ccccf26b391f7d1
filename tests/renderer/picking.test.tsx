// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OpOutput } from '../../src-shared/contract';
import type { Wave } from '../../src-shared/contract/fulfillment.contract';
import { slotsFor } from '../../src-shared/domain/wave-slots';
import type { Result } from '../../src-shared/result';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

const cues = vi.hoisted(() => [] as string[]);
vi.mock('../../src-renderer/ui/feedback-sound', () => ({ playCue: (c: string) => cues.push(c) }));

beforeEach(() => {
  localStorage.clear();
  cues.length = 0;
});
afterEach(cleanup);

const BARCODE = { CAP: '6901234500028', MUG: '6901234500011', SOCK: '6901234500035' };

/** Three orders in slots 1–3 (like tests/integration/fulfillment-picking): CAP in B-01, MUG in A-01, SOCK in no bin. */
function aWave(): Wave {
  const order = (slot: number, lines: [string, number][]) => ({
    orderId: 100 + slot,
    externalId: `EXT-${slot}`,
    slot,
    tote: `T7-${slot}`,
    status: 'picking',
    removed: false,
    removedReason: null,
    lines: lines.map(([sku, quantity]) => ({ sku, quantity })),
  });
  return {
    id: 7,
    warehouse: 'SH',
    createdAt: '2026-11-25T08:00:00.000Z',
    actor: 'lead',
    filters: {},
    orders: [
      order(1, [
        ['MUG', 2],
        ['SOCK', 1],
      ]),
      order(2, [['CAP', 1]]),
      order(3, [
        ['CAP', 2],
        ['MUG', 1],
      ]),
    ],
    pickList: [
      {
        sku: 'CAP',
        title: '帽子',
        bin: 'B-01',
        barcodes: [BARCODE.CAP],
        required: 3,
        picked: 0,
        slots: [
          { slot: 2, orderId: 102, quantity: 1 },
          { slot: 3, orderId: 103, quantity: 2 },
        ],
      },
      {
        sku: 'MUG',
        title: '马克杯',
        bin: 'A-01',
        barcodes: [BARCODE.MUG],
        required: 3,
        picked: 0,
        slots: [
          { slot: 1, orderId: 101, quantity: 2 },
          { slot: 3, orderId: 103, quantity: 1 },
        ],
      },
      {
        sku: 'SOCK',
        title: '袜子',
        bin: null,
        barcodes: [BARCODE.SOCK],
        required: 1,
        picked: 0,
        slots: [{ slot: 1, orderId: 101, quantity: 1 }],
      },
    ],
    progress: { required: 7, picked: 0, done: false },
  };
}

type ScanReply = OpOutput<'picking.scan'>;

/** A core that answers scans like picking.service, optionally holding each answer until released. */
function pickingCore(opts: { hold?: boolean; refuse?: (code: string) => string | null } = {}) {
  const wave = aWave();
  const held: (() => void)[] = [];
  const answer = (code: string, quantity = 1): Result<ScanReply> => {
    const refusal = opts.refuse?.(code);
    if (refusal) return { ok: false as const, error: { code: 'conflict', message: refusal } };
    const inBin = wave.pickList.filter((p) => p.bin === code);
    const items = (list = wave.pickList) =>
      list
        .filter((p) => p.required > p.picked)
        .map((p) => ({ sku: p.sku, remaining: p.required - p.picked }));
    if (inBin.length)
      return {
        ok: true as const,
        value: {
          kind: 'bin',
          message: '',
          sku: null,
          picked: 0,
          required: 0,
          slots: [],
          items: items(inBin),
          waveDone: false,
        } satisfies ScanReply,
      };
    const p = wave.pickList.find((x) => x.barcodes.includes(code) || x.sku === code);
    if (!p)
      return {
        ok: false as const,
        error: {
          code: 'not_found',
          message: `barcode: "${code}" is neither a product barcode nor a bin of SH`,
        },
      };
    const slots = slotsFor(p.slots, p.picked, quantity);
    p.picked += quantity;
    return {
      ok: true as const,
      value: {
        kind: 'item',
        message: '',
        sku: p.sku,
        picked: p.picked,
        required: p.required,
        slots,
        items: items(),
        waveDone: items().length === 0,
      } satisfies ScanReply,
    };
  };
  const bridge = fakeBridge({
    handlers: {
      'waves.get': () => ({ ok: true, value: structuredClone(wave) }),
      'picking.scan': ({ barcode, quantity }) =>
        opts.hold
          ? new Promise((resolve) => held.push(() => resolve(answer(barcode, quantity))))
          : answer(barcode, quantity),
      'picking.short': ({ sku, found }) => {
        // MUG short with 2 found: slot 1 (2) is filled, slot 3 leaves the wave.
        expect([sku, found]).toEqual(['MUG', 2]);
        const next = structuredClone(wave);
        next.orders[2]!.removed = true;
        next.orders[2]!.removedReason = 'short pick';
        next.pickList = next.pickList.map((p) =>
          p.sku === 'MUG'
            ? { ...p, required: 2, slots: p.slots.filter((s) => s.slot !== 3) }
            : p.sku === 'CAP'
              ? { ...p, required: 1, slots: p.slots.filter((s) => s.slot !== 3) }
              : p,
        );
        next.progress = { required: 4, picked: 0, done: false };
        return {
          ok: true,
          value: {
            released: [
              {
                orderId: 103,
                slot: 3,
                outcome: 'reallocated',
                warehouse: 'GZ',
                carrier: 'ZTO',
                message:
                  'Order 103 leaves the wave (empty slot 3 back to the shelves): re-allocated to GZ via ZTO',
              },
            ],
            shortage: { warehouse: 'SH', sku: 'MUG', bin: 'A-01', writtenOff: 5, available: 0 },
            wave: next,
          },
        };
      },
    },
  });
  /** Lets the core answer the scans it holds, once the screen has sent one. */
  const release = async () => {
    await waitFor(() => expect(held.length).toBeGreaterThan(0));
    await act(async () => held.splice(0).forEach((r) => r()));
  };
  return { bridge, wave, release };
}

/** A keyboard-wedge scanner: the code as a burst of keydowns on whatever has focus, then Enter. */
function scannerTypes(code: string) {
  const target = document.activeElement ?? document.body;
  for (const key of [...code, 'Enter']) fireEvent.keyDown(target, { key });
}

const feedback = () => document.querySelector<HTMLElement>('.scan-feedback')!;

describe('picking: wave creation', () => {
  it('shows the preview count for the filters, creates the wave with them, lists it and prints its pick list', async () => {
    const created = { ...aWave(), id: 8 };
    const bridge = fakeBridge({
      handlers: {
        'carriers.list': () => ({
          ok: true,
          value: { rows: [{ code: 'ZTO', name: '中通快递', active: true }] as never },
        }),
        'waves.preview': (f) => ({
          ok: true,
          value: f.singleItemOnly
            ? { orders: 1, lines: 1, units: 1, skus: 1, allocated: 3 }
            : { orders: 3, lines: 5, units: 7, skus: 3, allocated: 3 },
        }),
        'waves.create': () => ({ ok: true, value: created }),
        'waves.list': () => ({
          ok: true,
          value: {
            rows:
              bridge.callsOf('waves.create').length > 0
                ? [
                    {
                      id: 8,
                      warehouse: 'HZ-01',
                      createdAt: created.createdAt,
                      orders: 3,
                      required: 7,
                      picked: 2,
                    },
                  ]
                : [],
          },
        }),
        'waves.get': () => ({ ok: true, value: created }),
        'printing.print': () => ({
          ok: true,
          value: { created: 1, jobs: [{ printerName: 'HP LaserJet' } as never] },
        }),
      },
    });
    renderApp({ bridge, hash: '#/picking' });
    await screen.findByText('No open waves. Create one from the allocated orders above.');
    const form = screen.getByRole('form', { name: 'New wave' });
    await within(form).findByText(/^3 orders · 5 lines · 7 units · 3 SKUs would go into this wave/);
    expect(bridge.callsOf('waves.preview').at(-1)).toEqual({ warehouse: 'HZ-01', maxOrders: 20 });

    fireEvent.change(within(form).getByLabelText('Carrier'), { target: { value: 'ZTO' } });
    fireEvent.click(within(form).getByLabelText('Single-item only'));
    fireEvent.change(within(form).getByLabelText('Max orders (totes)'), { target: { value: '5' } });
    fireEvent.change(within(form).getByLabelText('Cut-off time'), { target: { value: '2026-11-25T16:30' } });
    await within(form).findByText(/^1 orders · 1 lines · 1 units/);
    const filters = {
      warehouse: 'HZ-01',
      carrier: 'ZTO',
      singleItemOnly: true,
      maxOrders: 5,
      cutoff: new Date('2026-11-25T16:30').toISOString(),
    };
    await waitFor(() => expect(bridge.callsOf('waves.preview').at(-1)).toEqual(filters));

    fireEvent.click(within(form).getByRole('button', { name: 'Create wave with 1 order' }));
    await screen.findByText('Wave 8 created with 3 orders.');
    expect(bridge.callsOf('waves.create')).toEqual([filters]);
    const row = (await screen.findByText('Wave 8')).closest('li')!;
    expect(within(row).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('2');
    expect(within(row).getByText('2 / 7 units · 29 %')).toBeTruthy();

    fireEvent.click(within(row).getByRole('button', { name: 'Print pick list' }));
    await screen.findByText('Pick list sent to the print queue (HP LaserJet).');
    expect(bridge.callsOf('printing.print')).toEqual([{ document: 'pick_list', orderIds: [101, 102, 103] }]);

    fireEvent.click(within(row).getByRole('button', { name: 'Pick' }));
    await screen.findByRole('heading', { name: /Wave 8/ });
    expect(window.location.hash).toBe('#/picking/8');
  });

  it('a zero preview disables creating', async () => {
    const bridge = fakeBridge({
      handlers: {
        'carriers.list': () => ({ ok: true, value: { rows: [] } }),
        'waves.list': () => ({ ok: true, value: { rows: [] } }),
        'waves.preview': () => ({
          ok: true,
          value: { orders: 0, lines: 0, units: 0, skus: 0, allocated: 0 },
        }),
      },
    });
    renderApp({ bridge, hash: '#/picking' });
    await screen.findByText(/^0 orders · 0 lines/);
    expect(screen.getByRole('button', { name: 'Create wave' }).hasAttribute('disabled')).toBe(true);
  });
});

describe('picking: the scan screen', () => {
  it('answers a bin and an item scan before the core replies, then confirms; the slot is shown big', async () => {
    const core = pickingCore({ hold: true });
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    expect(screen.getByRole('note', { name: 'Next' }).textContent).toContain('B-01');
    expect(screen.getByRole('note', { name: 'Next' }).textContent).toContain('3 × CAP');

    scannerTypes('B-01');
    expect(feedback().dataset.tone).toBe('bin');
    expect(feedback().textContent).toContain('Bin B-01: take');
    expect(feedback().textContent).toContain('3 × CAP');
    expect(cues).toEqual(['ok']);
    await core.release();

    scannerTypes(BARCODE.CAP);
    // Before any reply: slot 2 (the first unit of CAP goes to order 2), count and progress moved.
    expect(feedback().dataset.tone).toBe('ok');
    expect(feedback().querySelector('[data-slot]')?.textContent).toBe('2');
    expect(feedback().textContent).toContain('checking…');
    expect(feedback().textContent).toContain('1 of 3 picked');
    expect(
      screen.getByRole('progressbar', { name: 'Progress of wave 7' }).getAttribute('aria-valuenow'),
    ).toBe('1');
    expect(cues).toEqual(['ok', 'ok']);
    await core.release();
    expect(core.bridge.callsOf('picking.scan')).toEqual([
      { waveId: 7, barcode: 'B-01' },
      { waveId: 7, barcode: BARCODE.CAP },
    ]);
    await waitFor(() => expect(feedback().textContent).not.toContain('checking…'));
    expect(feedback().querySelector('[data-slot]')?.textContent).toBe('2');
    expect(within(document.querySelector('[data-sku="CAP"]')!).getByText('1/3')).toBeTruthy();

    // Typed by hand into the scan box, with a quantity: 2 CAP go to slot 3.
    fireEvent.change(screen.getByLabelText('Qty'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('Scan or type a code'), { target: { value: 'CAP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enter' }));
    expect(feedback().querySelector('[data-slot]')?.textContent).toBe('3');
    expect(feedback().textContent).toContain('×2');
    await core.release();
    await waitFor(() =>
      expect(core.bridge.callsOf('picking.scan').at(-1)).toEqual({ waveId: 7, barcode: 'CAP', quantity: 2 }),
    );
    expect(document.querySelector('.tote[data-slot="2"]')?.className).toContain('is-full');
    expect(screen.getByRole('note', { name: 'Next' }).textContent).toContain('A-01');
    expect(feedback().textContent).toContain('From bin B-01');

    // A MUG while standing at B-01 still counts, with a nudge that it lives in A-01.
    scannerTypes(BARCODE.MUG);
    expect(feedback().dataset.tone).toBe('ok');
    expect(feedback().querySelector('.fb-bin.is-elsewhere')?.textContent).toBe(
      'From bin A-01, not B-01 scanned last',
    );
    await core.release();
  });

  it('flags a wrong item red with the error sound at once and keeps the core’s reason', async () => {
    const core = pickingCore({ hold: true });
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    scannerTypes('4006381333931');
    expect(feedback().dataset.tone).toBe('error');
    expect(feedback().textContent).toContain('Wrong item or bin: 4006381333931');
    expect(cues).toEqual(['error']);
    await core.release();
    await waitFor(() => expect(feedback().textContent).toContain('is neither a product barcode nor a bin'));
    expect(feedback().dataset.tone).toBe('error');
    expect(cues).toEqual(['error']);
    expect(
      screen.getByRole('progressbar', { name: 'Progress of wave 7' }).getAttribute('aria-valuenow'),
    ).toBe('0');
  });

  it('corrects an item the screen accepted when the core refuses it: red, a second sound, count back', async () => {
    const core = pickingCore({
      hold: true,
      refuse: (c) => (c === BARCODE.MUG ? 'MUG (马克杯) is not in wave 7' : null),
    });
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    scannerTypes(BARCODE.MUG);
    expect(feedback().dataset.tone).toBe('ok');
    expect(within(document.querySelector('[data-sku="MUG"]')!).getByText('1/3')).toBeTruthy();
    await core.release();
    await waitFor(() => expect(feedback().dataset.tone).toBe('error'));
    expect(feedback().textContent).toContain('MUG was not counted');
    expect(feedback().textContent).toContain('MUG (马克杯) is not in wave 7');
    expect(cues).toEqual(['ok', 'error']);
    expect(within(document.querySelector('[data-sku="MUG"]')!).getByText('0/3')).toBeTruthy();
  });

  it('refuses an over-pick from the loaded pick list', async () => {
    const core = pickingCore();
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    scannerTypes(BARCODE.SOCK);
    await waitFor(() => expect(feedback().textContent).not.toContain('checking…'));
    scannerTypes(BARCODE.SOCK);
    expect(feedback().dataset.tone).toBe('error');
    expect(feedback().textContent).toContain('Too many SOCK: put this one back');
    expect(cues).toEqual(['ok', 'error']);
  });

  it('reports a short pick with the keyboard and shows which orders left the wave and where they were re-routed', async () => {
    const core = pickingCore();
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    scannerTypes(BARCODE.MUG);
    scannerTypes(BARCODE.MUG);
    await waitFor(() => expect(core.bridge.callsOf('picking.scan')).toHaveLength(2));
    const mug = document.querySelector<HTMLElement>('[data-sku="MUG"]')!;
    fireEvent.click(within(mug).getByRole('button', { name: 'Short' }));
    const dialog = screen.getByRole('dialog', { name: 'Short pick: MUG' });
    const found = within(dialog).getByLabelText('Found in total');
    expect(document.activeElement).toBe(found);
    // Scanner bursts do not leak into the dialog as scans.
    scannerTypes(BARCODE.CAP);
    expect(core.bridge.callsOf('picking.scan')).toHaveLength(2);
    fireEvent.change(found, { target: { value: '2' } });
    fireEvent.submit(dialog);
    await screen.findByText('Short pick of MUG: 2 found.');
    expect(core.bridge.callsOf('picking.short')).toEqual([{ waveId: 7, sku: 'MUG', found: 2 }]);
    const left = document.querySelector<HTMLElement>('.short-outcome li[data-outcome="reallocated"]')!;
    expect(left.textContent).toBe(
      'Slot 3 (order EXT-3) left the wave; empty tote T7-3 back to the shelves. Re-allocated to GZ (ZTO).',
    );
    expect(screen.getByText('Not on shelf A-01: 5 written off pending a count.')).toBeTruthy();
    // The dialog closes once the answer is in (the outcome may paint a moment earlier).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.querySelector('.tote[data-slot="3"]')?.className).toContain('is-removed');
    expect(within(document.querySelector('[data-sku="MUG"]')!).getByText('2/2')).toBeTruthy();
  });

  it('joins a scanner burst that stalled halfway back together, and applies the quantity to it', async () => {
    const core = pickingCore();
    renderApp({ bridge: core.bridge, hash: '#/picking/7' });
    await screen.findByRole('heading', { name: /Wave 7/ });
    fireEvent.change(screen.getByLabelText('Qty'), { target: { value: '2' } });
    const box = screen.getByLabelText<HTMLInputElement>('Scan or type a code');
    box.focus();
    vi.useFakeTimers();
    try {
      const keys = (list: string[], gap: number) => {
        for (const key of list) {
          fireEvent.keyDown(box, { key });
          act(() => vi.advanceTimersByTime(gap));
        }
      };
      // "690" then a 120 ms stall: the hook gives those keys back to the box as typing …
      keys([...'690'], 3);
      act(() => vi.advanceTimersByTime(120));
      expect(box.value).toBe('690');
      // … and reads the rest as a scan of its own.
      keys([...'1234500028', 'Enter'], 3);
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() =>
      expect(core.bridge.callsOf('picking.scan')).toEqual([{ waveId: 7, barcode: BARCODE.CAP, quantity: 2 }]),
    );
    expect(box.value).toBe('');
    expect(feedback().dataset.tone).toBe('ok');
  });

  it('reads the core’s refusals back in Chinese instead of showing its English', async () => {
    const core = pickingCore({
      refuse: (c) =>
        c === BARCODE.MUG
          ? 'Over-pick: wave 7 needs 3 × MUG and 3 are already picked; put this one back'
          : c === BARCODE.CAP
            ? 'CAP (帽子) is not in wave 7'
            : null,
    });
    renderApp({ bridge: core.bridge, hash: '#/picking/7', language: 'zh-CN' });
    await screen.findByRole('heading', { name: /波次 7/ });
    scannerTypes(BARCODE.MUG);
    await waitFor(() => expect(feedback().dataset.confirmed).toBe('true'));
    expect(feedback().textContent).toContain('波次 7 需要 3 件 MUG，已拣 3 件：请放回这一件。');
    scannerTypes(BARCODE.CAP);
    await waitFor(() => expect(feedback().textContent).toContain('CAP（帽子）不在波次 7 中：请放回。'));
    scannerTypes('4006381333931');
    await waitFor(() =>
      expect(feedback().textContent).toContain('“4006381333931”既不是商品条码，也不是 SH 的库位。'),
    );
    expect(feedback().textContent).not.toMatch(/[A-Za-z]{4,} [a-z]{2,}/);
  });

  it('shows the picking screen in Chinese', async () => {
    const core = pickingCore();
    renderApp({ bridge: core.bridge, hash: '#/picking/7', language: 'zh-CN' });
    await screen.findByRole('heading', { name: /波次 7/ });
    scannerTypes('X-999999');
    expect(feedback().textContent).toContain('商品或库位错误：X-999999');
    expect(screen.getByRole('heading', { name: '拣货单（按库位路线）' })).toBeTruthy();
  });
});
