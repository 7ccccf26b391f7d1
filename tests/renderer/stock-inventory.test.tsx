// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { draftToInput } from '../../src-renderer/features/inventory/sku-catalog.view';
import { parseCountSheet } from '../../src-renderer/features/inventory/count-sheet';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const level = (sku: string, available: number, threshold: number) => ({
  warehouse: 'HZ-01',
  sku,
  title: `Title ${sku}`,
  bin: 'A-01',
  binSequence: 1,
  onHand: available + 1,
  reserved: 1,
  available,
  threshold,
});

describe('stock screen', () => {
  it('shows levels by warehouse, filters, and opens the ledger of a SKU', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': (input) => ({
          ok: true,
          value: {
            rows: input.belowThreshold ? [level('TEA', 1, 5)] : [level('TEA', 1, 5), level('CUP', 9, 0)],
            total: input.belowThreshold ? 1 : 2,
          },
        }),
        'inventory.ledger': () => ({
          ok: true,
          value: {
            rows: [
              {
                id: 1,
                at: '2025-03-01T08:00:00.000Z',
                warehouse: 'HZ-01',
                sku: 'TEA',
                kind: 'receipt',
                onHandDelta: 2,
                reservedDelta: 0,
                reference: null,
                reason: 'PO-7',
                actor: 'clerk',
              },
              // What routing and cancelling write (inventory.service.ts, orders.service.ts).
              ...['allocated', 'order cancelled'].map((reason, i) => ({
                id: 2 + i,
                at: '2025-03-01T09:00:00.000Z',
                warehouse: 'HZ-01',
                sku: 'TEA',
                kind: i ? ('release' as const) : ('reservation' as const),
                onHandDelta: 0,
                reservedDelta: i ? -1 : 1,
                reference: 'order:9',
                reason,
                actor: 'auto',
              })),
            ],
            total: 3,
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory', language: 'zh-CN' });
    expect(await screen.findByText('TEA')).toBeTruthy();
    expect(screen.getByText('CUP')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('只看低于安全库存'));
    await waitFor(() => expect(screen.queryByText('CUP')).toBeNull());
    expect(bridge.callsOf('inventory.levels').at(-1)).toMatchObject({ belowThreshold: true });
    fireEvent.click(screen.getByRole('button', { name: 'TEA' }));
    const ledger = await screen.findByRole('region', { name: 'TEA 的库存流水' });
    expect(within(ledger).getByText('入库')).toBeTruthy();
    expect(within(ledger).getByText('PO-7')).toBeTruthy();
    expect(within(ledger).getByText('订单分仓占用')).toBeTruthy();
    expect(within(ledger).getByText('释放：订单已取消')).toBeTruthy();
  });

  it('shows the server error naming the field when an adjustment is refused', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'inventory.adjust': () => ({
          ok: false,
          error: {
            code: 'conflict',
            message: 'delta: only 3 available',
            issues: [{ path: 'delta', message: 'only 3 available' }],
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Receive / adjust / transfer' }));
    fireEvent.click(screen.getByLabelText('Adjust'));
    fireEvent.change(screen.getByLabelText('SKU'), { target: { value: 'TEA' } });
    fireEvent.change(screen.getByLabelText('Change (+/−)'), { target: { value: '-5' } });
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'broken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post adjustment' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(bridge.callsOf('inventory.adjust')).toEqual([
      { warehouse: 'HZ-01', sku: 'TEA', delta: -5, reason: 'broken' },
    ]);
  });

  it('lists alerts with suggestions worded in the chosen language', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'inventory.alerts': () => ({
          ok: true,
          value: {
            rows: [
              {
                id: 1,
                kind: 'low_stock',
                warehouse: 'HZ-01',
                sku: 'TEA',
                available: 1,
                threshold: 5,
                suggestions: [
                  {
                    action: 'transfer',
                    fromWarehouse: 'GZ',
                    quantity: 4,
                    text: 'transfer 4 from warehouse GZ',
                  },
                ],
                createdAt: '2025-03-01T08:00:00.000Z',
                resolvedAt: null,
              },
            ],
            total: 1,
          },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '预警' }));
    expect(await screen.findByText('从 GZ 仓调拨 4 件')).toBeTruthy();
  });
});

describe('stock screen: more rows than one page', () => {
  it('Show more adds the next page of levels below the first, then disappears', async () => {
    const page = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => level(`SKU-${String(from + i).padStart(4, '0')}`, 5, 0));
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': (input) => ({
          ok: true,
          value: { rows: input.offset ? page(500, 20) : page(0, 500), total: 520 },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory' });
    expect(await screen.findByText('SKU-0000')).toBeTruthy();
    expect(screen.queryByText('SKU-0500')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show more (500 of 520 shown)' }));
    expect(await screen.findByText('SKU-0519')).toBeTruthy();
    expect(screen.getByText('SKU-0000')).toBeTruthy();
    expect(bridge.callsOf('inventory.levels').at(-1)).toMatchObject({ offset: 500 });
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });
});

describe('routing settings', () => {
  it('imports a rate CSV and shows the row/column errors when it is refused', async () => {
    const bridge = fakeBridge({
      handlers: {
        'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
        'carriers.list': () => ({
          ok: true,
          value: {
            rows: [
              {
                id: 1,
                code: 'ZTO',
                name: '中通',
                active: true,
                mode: 'ground',
                serviceLevel: 'standard',
                coldChain: false,
                freight: false,
                batteryAllowed: true,
                cod: true,
                volumetricDivisor: 6000,
                maxWeightGrams: 0,
                rateRows: 0,
              },
            ],
          },
        }),
        'routing.config.get': () => ({
          ok: true,
          value: {
            regions: [{ region: 'east', warehouses: ['HZ-01'] }],
            handling: [{ warehouse: 'HZ-01', handlingMinor: 150 }],
            allowSplit: false,
            autoMerge: false,
            promiseDays: 5,
          },
        }),
        'rates.import': () => ({
          ok: false,
          error: {
            code: 'invalid_input',
            message: 'The rate file was not imported',
            issues: [{ path: 'row 3.first_price', message: '"five" is not an amount' }],
          },
        }),
        'routing.config.save': (input) => ({
          ok: true,
          value: { ...input, autoMerge: input.autoMerge ?? false },
        }),
      },
    });
    renderApp({ bridge, hash: '#/inventory' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Routing & carriers' }));
    expect(await screen.findByText('ZTO')).toBeTruthy();
    expect(screen.getByText('Batteries · Cash on delivery')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Rate table (CSV)'), { target: { value: 'carrier,zone\nZTO,x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Import rates' }));
    // The refusal is listed per file row: row 3, column first_price, and what is wrong there.
    const refused = await screen.findByText(
      'The rate file was not imported: 1 problem. Nothing was changed.',
    );
    const table = refused.closest('[role="alert"]') as HTMLElement;
    expect(within(table).getByRole('cell', { name: '3' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: 'first_price' })).toBeTruthy();
    expect(within(table).getByRole('cell', { name: '"five" is not an amount' })).toBeTruthy();
    fireEvent.click(
      screen.getByLabelText('Split an order across warehouses when no single one has everything'),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(bridge.callsOf('routing.config.save')).toHaveLength(1));
    expect(bridge.callsOf('routing.config.save')[0]).toMatchObject({
      allowSplit: true,
      handling: [{ warehouse: 'HZ-01', handlingMinor: 150 }],
    });
  });
});

describe('SKU form', () => {
  it('turns the short text forms into the skus.save input', () => {
    expect(
      draftToInput({
        sku: ' GIFT ',
        title: '礼盒',
        barcodes: '690123, OLD-1',
        category: '',
        weightGrams: '500',
        dims: '300×200x30',
        attributes: ['fragile'],
        safetyStock: '2',
        components: 'TEE×2, CUP',
      }),
    ).toEqual({
      sku: 'GIFT',
      title: '礼盒',
      barcodes: ['690123', 'OLD-1'],
      category: null,
      weightGrams: 500,
      lengthMm: 300,
      widthMm: 200,
      heightMm: 30,
      attributes: ['fragile'],
      safetyStock: 2,
      presaleShipDate: null,
      components: [
        { sku: 'TEE', quantity: 2 },
        { sku: 'CUP', quantity: 1 },
      ],
    });
  });
});

describe('SKU pre-sale date', () => {
  it('sends the date, and null to clear it', () => {
    const base = {
      sku: 'P',
      title: 'p',
      barcodes: '',
      category: '',
      weightGrams: '0',
      dims: '',
      attributes: [],
      safetyStock: '0',
      components: '',
    };
    expect(draftToInput({ ...base, presale: '2026-12-10' }).presaleShipDate).toBe('2026-12-10');
    expect(draftToInput({ ...base, presale: '' }).presaleShipDate).toBeNull();
  });
});

describe('count sheet', () => {
  it('reads comma or tab separated lines, skips a header and names bad lines', () => {
    expect(parseCountSheet('sku,count\nTEA,12\nCUP\t3\n\nBAD,x')).toEqual({
      counts: [
        { sku: 'TEA', counted: 12 },
        { sku: 'CUP', counted: 3 },
      ],
      errors: ['5: "BAD,x"'],
      blank: 0,
    });
  });
});
