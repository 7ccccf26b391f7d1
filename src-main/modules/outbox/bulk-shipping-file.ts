import Papa from 'papaparse';
import { carrierNameFor } from './carrier-names';
import type { PushJobRow } from './outbox.repo';

/**
 * The bulk-shipping (批量发货) upload file of a channel without an API. The reference has no
 * template of any platform's upload; what it has is each platform's own order-export headers, so
 * the order-number, carrier and tracking columns reuse those names (the platform's importers know
 * its own words). Order numbers carry a leading tab, as the platforms' own exports do, so Excel
 * does not turn 18-digit numbers into 1.2E+17; UTF-8 with a BOM so Excel and the platforms read
 * the Chinese. Channels without a known export use the generic layout, documented in its name.
 */
interface Layout {
  name: string;
  headers: [order: string, carrier: string, tracking: string];
}

const LAYOUTS: Record<string, Layout> = {
  taobao: { name: '淘宝/天猫 (订单报表 column names)', headers: ['订单编号', '物流公司', '物流单号'] },
  pdd: { name: '拼多多 (订单导出 column names)', headers: ['订单号', '快递公司', '快递单号'] },
  douyin: { name: '抖店 (订单导出 column names)', headers: ['主订单编号', '快递公司', '快递单号'] },
  alibaba1688: {
    name: '1688 (卖家订单导出 column names)',
    headers: ['订单编号', '物流公司', '物流公司运单号'],
  },
};

const GENERIC: Layout = {
  name: 'generic: 订单编号, 物流公司, 运单号',
  headers: ['订单编号', '物流公司', '运单号'],
};

export const layoutFor = (channelKind: string): Layout => LAYOUTS[channelKind] ?? GENERIC;

export function bulkShippingCsv(
  channelKind: string,
  jobs: PushJobRow[],
): { content: string; layout: string } {
  const layout = layoutFor(channelKind);
  const rows = jobs.map((j) => [
    `\t${j.orderNumber}`,
    carrierNameFor(channelKind, j.carrier, j.carrierName),
    j.trackingNumber,
  ]);
  return {
    content: `\uFEFF${Papa.unparse({ fields: layout.headers, data: rows }, { newline: '\r\n' })}\r\n`,
    layout: layout.name,
  };
}
