// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReviewQueueRow } from '../../src-shared/contract/review.contract';
import { fakeBridge } from './fake-bridge';
import { renderApp } from './render-app';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const ok = <T,>(value: T) => ({ ok: true as const, value });

// Reason lines as an imported, reviewed and corrected order carries them (see
// intake-reason-text.test.ts and order-note-text.test.ts for the wordings taken from the core).
const row: ReviewQueueRow = {
  id: 7,
  channel: 'taobao',
  externalId: 'TB-7',
  placedAt: '2026-01-01T08:00:00.000Z',
  currency: 'CNY',
  totalMinor: 30_000,
  recipientName: '李丽',
  province: '广东省',
  city: '深圳市',
  type: 'marketplace',
  reasons: [
    'type marketplace: taobao channel (店铺 小鹿优选)',
    'customer profile linked by channel buyer id tb_lili, phone 13912345678, name + address',
    'review: Big orders: hold: 大额订单，人工审核',
    'review: anna: corrected address',
    'phoned in: wants it Friday',
  ],
  tags: [],
  heldAt: null,
};

describe('review queue: an order’s reasons', () => {
  it('are said in Chinese, whoever wrote them; a typed reason as written', async () => {
    const bridge = fakeBridge({
      handlers: {
        'review.queue': () => ok({ total: 1, rows: [row] }),
        'review.rules.list': () => ok({ rows: [] }),
        'review.settings.get': () => ok({ homeProvince: '', effectiveHomeProvince: '广东' }),
      },
    });
    renderApp({ bridge, hash: '#/review', language: 'zh-CN' });
    await screen.findByText('TB-7');
    const reasons = [...document.querySelectorAll('.review-reasons li')].map((li) => li.textContent);
    expect(reasons).toEqual([
      '订单类型 平台店铺：淘宝 / 天猫渠道（店铺 小鹿优选）',
      '按渠道买家 ID tb_lili、手机 13912345678、姓名 + 地址关联客户档案',
      'Big orders：挂起：大额订单，人工审核',
      'anna：修改了收货地址',
      'phoned in: wants it Friday',
    ]);
  });
});
