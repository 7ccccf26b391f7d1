// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCarrierFile } from '../../src-renderer/features/packing/carrier-file';
import type { OrderSummary } from '../../src-shared/contract/orders.contract';
import type { Carrier } from '../../src-shared/contract/routing.contract';
import { anOrderSummary, fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

vi.mock('../../src-renderer/ui/feedback-sound', () => ({ playCue: vi.fn(), prepareCues: vi.fn() }));

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const carrier = (code: string, name: string): Carrier => ({
  id: code.length,
  code,
  name,
  active: true,
  mode: 'ground',
  serviceLevel: 'standard',
  coldChain: false,
  freight: false,
  batteryAllowed: true,
  cod: false,
  volumetricDivisor: 6000,
  maxWeightGrams: 30000,
  rateRows: 0,
});

const packed = [1, 2, 3].map((i) => ({
  ...anOrderSummary(i),
  id: 100 + i,
  externalId: `TB-${100 + i}`,
  status: 'packed' as const,
  carrier: i === 1 ? 'SF' : 'ZTO',
}));

function desk(language: 'en' | 'zh-CN' = 'en', shop: { carriers?: Carrier[]; packed?: OrderSummary[] } = {}) {
  const bridge = fakeBridge({
    handlers: {
      'carriers.list': () => ({
        ok: true,
        value: { rows: shop.carriers ?? [carrier('SF', '顺丰'), carrier('ZTO', '中通')] },
      }),
      'orders.list': ({ filter }) => ({
        ok: true,
        value: { rows: filter?.status?.includes('packed') ? (shop.packed ?? packed) : [] },
      }),
      'shipping.confirm': (input) =>
        input.trackingNumber === 'SF12'
          ? {
              ok: false,
              error: {
                code: 'invalid_input',
                message:
                  'trackingNumber: "SF12" is not a SF tracking number (expected SF followed by 12–15 digits)',
              },
            }
          : {
              ok: true,
              value: {
                shipped: input.orderIds ?? [101],
                unchanged: [],
                jobsQueued: (input.orderIds ?? [101]).length,
              },
            },
      'shipping.confirmRows': ({ rows }) =>
        rows.some((r) => r.reference === 'TB-999')
          ? {
              ok: false,
              error: {
                code: 'conflict',
                message: 'Nothing was shipped: 1 of 2 rows cannot be confirmed (row 2: No order …)',
                issues: [{ path: 'rows.1', message: 'No order, channel order number or tote "TB-999"' }],
              },
            }
          : { ok: true, value: { shipped: [101, 102], unchanged: [103], jobsQueued: 2 } },
      'documents.render': ({ carrier, date }) =>
        carrier === 'SF'
          ? {
              ok: false,
              error: {
                code: 'not_found',
                message: `No packed or shipped parcels with a tracking number for SF on ${date}`,
              },
            }
          : {
              ok: true,
              value: {
                filename: `manifest-${carrier}-${date}.pdf`,
                mime: 'application/pdf',
                base64: btoa('%PDF-1.3 manifest'),
                bytes: 17,
              },
            },
    },
  });
  renderApp({ bridge, hash: '#/packing/ship', language });
  return bridge;
}

/** A scanner burst; the clock stands still meanwhile (jsdom stamps events with Date.now()). */
const scanner = (code: string) => {
  const target = document.activeElement ?? document.body;
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  try {
    for (const key of [...code, 'Enter']) fireEvent.keyDown(target, { key });
  } finally {
    vi.useRealTimers();
  }
};
const band = () => screen.getByTestId('ship-feedback');

describe('ship desk', () => {
  it('scan a packed order then its tracking number: the carrier is the order’s, a bad number is refused with the core’s reason', async () => {
    const bridge = desk();
    expect(await screen.findByRole('tab', { name: 'Ship', selected: true })).toBeTruthy();
    await screen.findByText('TB-101');
    scanner('TB-101');
    await waitFor(() => expect(band().textContent).toContain('Now scan the SF tracking number'));
    expect((screen.getByLabelText('Carrier') as HTMLSelectElement).value).toBe('SF');
    scanner('SF12');
    await waitFor(() => expect(band().textContent).toContain('is not a SF tracking number'));
    expect(band().className).toContain('pack-band-bad');
    expect(band().textContent).toContain('✖ Tracking number refused');
    expect(band().textContent).toContain('Order TB-101 is still waiting');
    scanner('SF1234567890123');
    await waitFor(() => expect(band().textContent).toContain('✔ Shipped 1, unchanged 0'));
    expect(band().textContent).toContain('1 tracking update queued for the channel');
    expect(bridge.callsOf('shipping.confirm')).toEqual([
      { scan: 'TB-101', carrier: 'SF', trackingNumber: 'SF12' },
      { scan: 'TB-101', carrier: 'SF', trackingNumber: 'SF1234567890123' },
    ]);
  });

  it('says in Chinese what shape the carrier’s tracking numbers have when a number does not fit', async () => {
    desk('zh-CN');
    await screen.findByText('TB-101');
    scanner('TB-101');
    await waitFor(() => expect(band().textContent).toContain('SF'));
    scanner('SF12');
    await waitFor(() =>
      expect(band().textContent).toContain('“SF12”不是 SF 的运单号（应为SF 加 12–15 位数字）'),
    );
    expect(band().textContent).not.toContain('tracking number');
  });

  it('an order with no carrier takes the carrier whose pattern the tracking number fits, and says so; several fits ask', async () => {
    const noCarrier = packed.map((o) => ({ ...o, carrier: null }));
    const shop = {
      carriers: [
        carrier('DBL', '德邦'),
        carrier('FEDEX', 'FedEx'),
        carrier('YD', '韵达'),
        carrier('ZTO', '中通'),
      ],
      packed: noCarrier,
    };
    const bridge = desk('zh-CN', shop);
    await screen.findByText('TB-101');
    const select = () => screen.getByLabelText<HTMLSelectElement>('快递公司');
    await waitFor(() => expect(select().value).toBe('DBL')); // the first carrier, as before
    scanner('TB-101');
    await waitFor(() => expect(band().textContent).toContain('此订单没有快递公司，将按运单号选择'));
    scanner('73123456789012');
    await waitFor(() => expect(band().textContent).toContain('✔'));
    expect(band().textContent).toContain('快递公司 ZTO：运单号符合其单号规则，已自动选择');
    expect(select().value).toBe('ZTO');
    // 15 digits starting 3: 韵达 or FedEx. The desk asks instead of guessing.
    scanner('TB-102');
    await waitFor(() => expect(band().textContent).toContain('将按运单号选择'));
    scanner('312345678901234');
    await waitFor(() => expect(band().textContent).toContain('✖ 哪家快递？'));
    expect(band().textContent).toContain('“312345678901234”符合 FEDEX, YD 的单号规则');
    fireEvent.change(select(), { target: { value: 'YD' } });
    scanner('312345678901234');
    await waitFor(() => expect(bridge.callsOf('shipping.confirm')).toHaveLength(2));
    expect(bridge.callsOf('shipping.confirm')).toEqual([
      { scan: 'TB-101', carrier: 'ZTO', trackingNumber: '73123456789012' },
      { scan: 'TB-102', carrier: 'YD', trackingNumber: '312345678901234' },
    ]);
    await waitFor(() => expect(band().textContent).toContain('✔'));
    expect(band().textContent).not.toContain('自动选择');
  });

  it('follows the address when it changes between #/packing and #/packing/ship', async () => {
    desk();
    expect(await screen.findByRole('tab', { name: 'Ship', selected: true })).toBeTruthy();
    act(() => {
      window.location.hash = '#/packing';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('tab', { name: 'Pack', selected: true })).toBeTruthy();
    act(() => {
      window.location.hash = '#/packing/ship';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    expect(await screen.findByRole('tab', { name: 'Ship', selected: true })).toBeTruthy();
  });

  it('ships selected packed orders with one carrier and tracking number', async () => {
    const bridge = desk();
    await screen.findByText('TB-102');
    fireEvent.change(screen.getByLabelText('Carrier'), { target: { value: 'ZTO' } });
    fireEvent.click(screen.getByLabelText('Select TB-102'));
    fireEvent.click(screen.getByLabelText('Select TB-103'));
    fireEvent.change(screen.getByLabelText('Tracking number'), { target: { value: '73123456789012' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ship 2 orders' }));
    await waitFor(() => expect(band().textContent).toContain('✔ Shipped 2, unchanged 0'));
    expect(band().textContent).toContain('2 tracking updates queued');
    expect(bridge.callsOf('shipping.confirm')).toEqual([
      { orderIds: [102, 103], carrier: 'ZTO', trackingNumber: '73123456789012' },
    ]);
    expect(localStorage.getItem('packdesk.shipping.carrier')).toBe('ZTO');
  });

  it("reads a carrier's file, shows unreadable rows before sending, and the core's refusal per row", async () => {
    const bridge = desk();
    await screen.findByText('TB-101');
    const paste = screen.getByLabelText('Carrier file contents');
    fireEvent.change(paste, { target: { value: 'order,tracking\nTB-101,SF1234567890123\nTB-999\n' } });
    expect(screen.getByText('Line 3: needs an order reference and a tracking number')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Ship 1 row' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(paste, {
      target: { value: 'order,tracking,carrier\nTB-101,SF1234567890123,SF\nTB-999,73123456789012,ZTO\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ship all 2 rows' }));
    const rows = await screen.findByRole('table', { name: 'Rows of the carrier file' });
    await waitFor(() =>
      expect(within(rows).getByText(/No order, channel order number or tote "TB-999"/)).toBeTruthy(),
    );
    expect(band().textContent).toContain('1 of 2 rows cannot be confirmed');
    expect(bridge.callsOf('shipping.confirmRows')).toEqual([
      {
        rows: [
          { reference: 'TB-101', trackingNumber: 'SF1234567890123', carrier: 'SF' },
          { reference: 'TB-999', trackingNumber: '73123456789012', carrier: 'ZTO' },
        ],
      },
    ]);
    fireEvent.change(paste, {
      target: { value: 'TB-101\tSF1234567890123\nTB-102\t73123456789012\tZTO\nTB-103\t73123456789013\tZTO' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ship all 3 rows' }));
    await waitFor(() => expect(band().textContent).toContain('✔ Shipped 2, unchanged 1'));
    expect(bridge.callsOf('shipping.confirmRows').at(-1).rows[0]).toEqual({
      reference: 'TB-101',
      trackingNumber: 'SF1234567890123',
      carrier: 'SF', // no carrier column: the one chosen on screen (the first active carrier)
    });
  });
});

describe('end-of-day manifest', () => {
  it("downloads the chosen carrier's manifest for the day, and says when there is nothing to hand over", async () => {
    const blobs: Blob[] = [];
    (URL as unknown as { createObjectURL: (b: Blob) => string }).createObjectURL = (b: Blob) => {
      blobs.push(b);
      return 'blob:manifest';
    };
    (URL as unknown as { revokeObjectURL: () => void }).revokeObjectURL = () => {};
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const bridge = desk();
    const section = (await screen.findByRole('heading', { name: 'End-of-day manifest' })).closest('section')!;
    await within(section).findByRole('option', { name: 'ZTO · 中通' });
    fireEvent.change(within(section).getByLabelText('Manifest for'), { target: { value: 'ZTO' } });
    fireEvent.change(within(section).getByLabelText('Day'), { target: { value: '2026-11-25' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Download manifest (PDF)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(bridge.callsOf('documents.render')).toEqual([
      { kind: 'manifest', carrier: 'ZTO', date: '2026-11-25', language: 'en' },
    ]);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('manifest-ZTO-2026-11-25.pdf');
    expect(await blobs[0]!.text()).toBe('%PDF-1.3 manifest');
    fireEvent.change(within(section).getByLabelText('Manifest for'), { target: { value: 'SF' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Download manifest (PDF)' }));
    expect(
      await within(section).findByText(
        'No packed or shipped parcels with a tracking number for SF on 2026-11-25',
      ),
    ).toBeTruthy();
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });
});

describe('carrier file reader', () => {
  it('finds columns by header names in either language and any order', () => {
    const { rows, problems } = parseCarrierFile(
      '\uFEFF运单号,快递公司,订单号\r\nSF1234567890123,sf,TB-1\r\n"73123456789012",ZTO,"TB,2"\r\n',
      '',
    );
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, reference: 'TB-1', trackingNumber: 'SF1234567890123', carrier: 'SF' },
      { line: 3, reference: 'TB,2', trackingNumber: '73123456789012', carrier: 'ZTO' },
    ]);
  });

  it('without a header reads reference, tracking, carrier; names each bad line', () => {
    const { rows, problems } = parseCarrierFile('TB-1;SF1234567890123\n;SF1\nTB-3;\n\nTB-4\n', 'SF');
    expect(rows).toEqual([{ line: 1, reference: 'TB-1', trackingNumber: 'SF1234567890123', carrier: 'SF' }]);
    expect(problems).toEqual([
      { line: 2, problem: 'reference' },
      { line: 3, problem: 'tracking' },
      { line: 5, problem: 'columns' },
    ]);
    expect(parseCarrierFile('TB-1,SF1234567890123', '').problems).toEqual([{ line: 1, problem: 'carrier' }]);
  });
});
