import { parse } from 'csv-parse/sync';
import { bulkShippingCsv } from '../../src-main/modules/outbox/bulk-shipping-file';
import { carrierNameFor, trackingUrlFor } from '../../src-main/modules/outbox/carrier-names';
import type { PushJobRow } from '../../src-main/modules/outbox/outbox.repo';

const job = (over: Partial<PushJobRow>): PushJobRow => ({
  id: 1,
  kind: 'channel.pushTracking',
  status: 'export',
  attempts: 0,
  nextRunAt: 0,
  lastError: null,
  createdAt: 0,
  updatedAt: 0,
  orderId: 1,
  orderNumber: '250301-123456789012345',
  carrier: 'YD',
  trackingNumber: '312345678901234',
  channelId: 2,
  channelName: 'shop',
  channelKind: 'pdd',
  carrierName: null,
  ...over,
});

const rows = (content: string) => {
  expect(content.startsWith('\uFEFF')).toBe(true);
  return parse(content.slice(1)) as string[][];
};

describe('bulk-shipping file', () => {
  test('each Chinese channel gets its own column names and Chinese carrier names', () => {
    expect(rows(bulkShippingCsv('pdd', [job({})]).content)).toEqual([
      ['订单号', '快递公司', '快递单号'],
      ['\t250301-123456789012345', '韵达快递', '312345678901234'],
    ]);
    expect(rows(bulkShippingCsv('douyin', [job({ carrier: 'JT' })]).content)[0]).toEqual([
      '主订单编号',
      '快递公司',
      '快递单号',
    ]);
    expect(rows(bulkShippingCsv('alibaba1688', [job({ carrier: 'SF' })]).content)[1]![1]).toBe('顺丰速运');
  });

  test('other channels get the generic layout; unknown carriers fall back to their own name, quoted when needed', () => {
    const file = bulkShippingCsv('wholesale', [job({ carrier: 'LOCAL', carrierName: '同城, 闪送' })]);
    expect(file.layout).toMatch(/^generic/);
    expect(rows(file.content)).toEqual([
      ['订单编号', '物流公司', '运单号'],
      ['\t250301-123456789012345', '同城, 闪送', '312345678901234'],
    ]);
  });

  test('carrier names per channel kind, aliases, tracking links only where the carrier documents one', () => {
    expect(carrierNameFor('shopify', 'ZTO', '中通快递')).toBe('ZTO Express');
    expect(carrierNameFor('woocommerce', 'yunda', null)).toBe('Yunda Express');
    expect(carrierNameFor('taobao', 'DEPPON', null)).toBe('德邦快递');
    expect(carrierNameFor('shopify', 'LOCAL', null)).toBe('LOCAL');
    expect(trackingUrlFor('UPS', '1Z999AA10123456784')).toBe(
      'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    );
    expect(trackingUrlFor('SF', 'SF1234567890123')).toBeNull();
  });
});
