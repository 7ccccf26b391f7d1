// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Carrier, RateTableRow } from '../../src-shared/contract/routing.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

afterEach(cleanup);

const aCarrier = (code: string, name: string, rateRows: number): Carrier => ({
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
  maxWeightGrams: 0,
  rateRows,
});
const step = (zone: string, maxKg: number, extra: Partial<RateTableRow> = {}): RateTableRow => ({
  zone,
  maxWeightGrams: maxKg * 1000,
  firstWeightGrams: 1000,
  firstMinor: 600,
  stepGrams: 500,
  stepMinor: 150,
  surchargeMinor: 0,
  transitDays: 3,
  currency: 'CNY',
  ...extra,
});

function routingBridge() {
  let ztoRows = [
    step('national', 3),
    step('national', 30, { firstMinor: 900 }),
    step('remote', 30, { surchargeMinor: 500, transitDays: 6 }),
  ];
  const bridge = fakeBridge({
    handlers: {
      'inventory.levels': () => ({ ok: true, value: { rows: [], total: 0 } }),
      'carriers.list': () => ({
        ok: true,
        value: { rows: [aCarrier('SF', '顺丰', 0), aCarrier('ZTO', '中通', ztoRows.length)] },
      }),
      'routing.config.get': () => ({
        ok: true,
        value: { regions: [], handling: [], allowSplit: false, autoMerge: false, promiseDays: 5 },
      }),
      'rates.list': ({ carrier }) => ({
        ok: true,
        value: { carrier, rows: carrier === 'ZTO' ? ztoRows : [] },
      }),
      'rates.import': () => {
        ztoRows = [step('广东省', 5, { firstMinor: 500 })];
        return { ok: true, value: { imported: 1, carriers: ['ZTO'] } };
      },
    },
  });
  return bridge;
}

describe('routing settings: rate tables', () => {
  it('shows the rate table of the first carrier that has one, by zone and weight step, and reads it again after an import', async () => {
    const bridge = routingBridge();
    renderApp({ bridge, hash: '#/inventory' });
    fireEvent.click(await screen.findByRole('tab', { name: 'Routing & carriers' }));
    const table = await screen.findByRole('table', { name: 'Rate table of ZTO' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['National', '3 kg', '1 kg: ¥6.00', '0.5 kg: ¥1.50', '—', '3'],
      ['', '30 kg', '1 kg: ¥9.00', '0.5 kg: ¥1.50', '—', '3'],
      ['Remote areas', '30 kg', '1 kg: ¥6.00', '0.5 kg: ¥1.50', '¥5.00', '6'],
    ]);

    fireEvent.change(screen.getByLabelText('Rate table of'), { target: { value: 'SF' } });
    expect(await screen.findByText('No rates imported for SF yet: routing cannot price it.')).toBeTruthy();
    expect(bridge.callsOf('rates.list').at(-1)).toEqual({ carrier: 'SF' });

    fireEvent.change(screen.getByLabelText('Rate table of'), { target: { value: 'ZTO' } });
    fireEvent.change(screen.getByLabelText('Rate table (CSV)'), {
      target: { value: 'carrier,zone\nZTO,广东' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import rates' }));
    await waitFor(() =>
      expect(screen.getByRole('table', { name: 'Rate table of ZTO' }).textContent).toContain('广东省'),
    );
    expect(screen.getByRole('table', { name: 'Rate table of ZTO' }).textContent).toContain('5 kg');
  });

  it('says it in Chinese', async () => {
    renderApp({ bridge: routingBridge(), hash: '#/inventory', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '分仓与快递' }));
    const table = await screen.findByRole('table', { name: 'ZTO 运价表' });
    expect(within(table).getByRole('columnheader', { name: '首重' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: '偏远附加费' })).toBeTruthy();
    expect(within(table).getByText('偏远地区')).toBeTruthy();
  });
});
