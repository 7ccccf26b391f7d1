// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRatesCsv } from '../../src-main/modules/routing/rates-csv';
import type { Carrier, RateTableRow } from '../../src-shared/contract/routing.contract';
import type { AppError, AppFailure } from '../../src-shared/result';
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

function routingBridge(importFails?: () => { ok: false; error: AppError }) {
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
        if (importFails) return importFails();
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

  it('names each refused row’s problem in Chinese, with the cell as typed', async () => {
    // The core's own messages for a broken file, so a change to their wording fails here.
    const csv = [
      'carrier,zone,max_weight_kg,first_weight_kg,first_price,additional_weight_kg,additional_price,remote_surcharge,transit_days,currency',
      'ZTO,east,30,1,8.00,1,2.00,0,2,CNY',
      'ZTO,national,30,1,abc,0,2,0,2天,CNY',
      'NOPE,national,3,5kg,8,1,2,-1,2,CNY',
      'ZTO,national,30,1,8,1,2,0,2,CNY',
    ].join('\n');
    let failure: AppFailure | undefined;
    try {
      parseRatesCsv(csv, new Map([['ZTO', 1]]));
    } catch (e) {
      failure = e as AppFailure;
    }
    expect(failure?.issues?.length).toBeGreaterThan(6);
    const bridge = routingBridge(() => ({
      ok: false,
      error: { code: 'invalid_input', message: failure!.message, issues: failure!.issues },
    }));
    renderApp({ bridge, hash: '#/inventory', language: 'zh-CN' });
    fireEvent.click(await screen.findByRole('tab', { name: '分仓与快递' }));
    fireEvent.change(await screen.findByRole('textbox', { name: '运价表（CSV）' }), {
      target: { value: csv },
    });
    fireEvent.click(screen.getByRole('button', { name: '导入运价' }));
    const alert = await screen.findByRole('alert');
    const problems = within(alert)
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.lastElementChild!.textContent!);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('“east”不是有效区域'),
        '“abc”不是金额',
        '重量上限大于首重时，续重必须大于 0',
        '“2天”不是整数天数',
        '未知快递公司“NOPE”，请先添加',
        '“5kg”不是以千克计的重量（如 1 或 0.5）',
        '不能为负数',
        '与第 3 行重复（同一快递公司和区域）',
      ]),
    );
    expect(problems.join(' ')).not.toMatch(/[a-z]{4,} [a-z]{2,}/);
  });
});
