// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiProvider } from '../../src-renderer/api/api-context';
import { createApi } from '../../src-renderer/api/client';
import { AllocationExplain } from '../../src-renderer/features/inventory/allocation-explain';
import { createI18n, type Language } from '../../src-renderer/i18n/i18n';
import type { Allocation, AllocationOption } from '../../src-shared/contract/routing.contract';
import { fakeBridge } from './fake-bridge';

afterEach(cleanup);

const option = (warehouse: string, over: Partial<AllocationOption> = {}): AllocationOption => ({
  warehouse,
  rank: null,
  inStock: true,
  short: [],
  carrier: 'STO',
  shippingMinor: 1000,
  handlingMinor: 450,
  totalMinor: 1450,
  transitDays: 4,
  note: null,
  ...over,
});

function show(latest: Allocation, language: Language) {
  const bridge = fakeBridge({
    handlers: { 'routing.explain': () => ({ ok: true, value: { latest, history: [], links: [] } }) },
  });
  render(
    <ApiProvider api={createApi(bridge)}>
      <I18nextProvider i18n={createI18n(language)}>
        <AllocationExplain orderId={7} />
      </I18nextProvider>
    </ApiProvider>,
  );
}

// What the router wrote for a real demo order (English lines that repeat the table).
const allocated: Allocation = {
  at: '2026-11-25T19:27:00.000Z',
  actor: 'cli',
  outcome: 'allocated',
  warehouse: 'GZ',
  carrier: 'STO',
  shippingMinor: 280,
  handlingMinor: 450,
  currency: 'CNY',
  reasons: [
    'SH: in stock, ¥14.50 via STO (4 d)',
    'GZ: in stock, ¥7.30 via STO (2 d)',
    'chose GZ via STO: cheapest in-stock option',
  ],
  alternatives: [option('SH'), option('GZ', { shippingMinor: 280, totalMinor: 730, transitDays: 2 })],
};

const backordered: Allocation = {
  ...allocated,
  outcome: 'backordered',
  warehouse: 'SH',
  carrier: null,
  shippingMinor: null,
  handlingMinor: null,
  reasons: [
    'SH: short of CASE-M60P-MBK, ¥113.50 via DBL (4 d)',
    'no warehouse has everything; waiting for 100 × CASE-M60P-MBK at SH',
  ],
  alternatives: [
    option('SH', {
      inStock: false,
      short: [{ sku: 'CASE-M60P-MBK', need: 100, available: 50 }],
      carrier: 'DBL',
    }),
    option('GZ', { inStock: false, short: [{ sku: 'TS-BLK-S', need: 150, available: 50 }], carrier: 'DBL' }),
  ],
};

describe('why this warehouse and carrier', () => {
  it('says the choice in Chinese on a Chinese desk, without the router’s English lines', async () => {
    show(allocated, 'zh-CN');
    expect(await screen.findByText('选择 GZ，STO 发货：有货仓库中总费用最低')).toBeTruthy();
    expect(screen.queryByText(/chose|via|in stock/)).toBeNull();
  });

  it('names what a backorder still waits for: the shortfall at its warehouse, not the whole line', async () => {
    show(backordered, 'en');
    expect(
      await screen.findByText('No warehouse has everything; waiting at SH for 50 × CASE-M60P-MBK to arrive'),
    ).toBeTruthy();
    expect(screen.queryByText(/100 × CASE-M60P-MBK/)).toBeNull();
  });

  it('gives the router’s detail for an exception in the screen’s language', async () => {
    show(
      {
        ...allocated,
        outcome: 'exception',
        warehouse: null,
        carrier: null,
        reasons: [
          'no carrier can take this order from any warehouse',
          'no carrier allowed at SH: SF (no rate for 新疆 (remote) at 1000 g)',
        ],
        alternatives: [option('SH', { carrier: null, note: 'SF: no rate' })],
      },
      'zh-CN',
    );
    expect(await screen.findByText('任何仓库都没有快递能承运此订单')).toBeTruthy();
    expect(screen.getByText('SH 没有快递可发：SF（没有 新疆（remote）1000 g 的运价）')).toBeTruthy();
  });
});
