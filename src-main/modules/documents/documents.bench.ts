import iconv from 'iconv-lite';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { buildLabelModel, type LabelModel } from './label.model';
import { renderLabelsPdf } from './label-pdf.renderer';
import { renderReceiptEscpos } from './receipt-escpos.renderer';

/** One figure in the shape `packdesk bench --json` prints (DESIGN.md). */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  target: number;
  meets: boolean;
}

function sampleOrder(i: number): OrderDetail {
  return {
    id: i + 1,
    channel: 'taobao-main',
    externalId: `TB${String(100000 + i)}`,
    status: 'packed',
    type: 'marketplace',
    placedAt: '2026-11-25T08:00:00.000Z',
    currency: 'CNY',
    totalMinor: 12_600 + i,
    shippingMinor: 800,
    paymentMethod: i % 7 === 0 ? 'cod' : 'alipay',
    buyerMessage: i % 5 === 0 ? '请放门口' : null,
    customer: {
      id: null,
      name: ['王小明', '李娜', '张伟', '陈静'][i % 4]!,
      phone: `138${String(10_000_000 + i).slice(-8)}`,
    },
    address: {
      country: 'CN',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      street: '粤海街道',
      detail: `科技园南路 ${i % 200} 号`,
      postcode: '518000',
      raw: '',
      masked: false,
      ambiguous: false,
    },
    lines: [
      { sku: 'TSHIRT-RED-L', title: 'T恤', spec: '红色 L', quantity: 2, unitPriceMinor: 5900 },
      { sku: 'MUG-01', title: '马克杯', spec: '', quantity: 1, unitPriceMinor: 800 },
    ],
    warehouse: 'SZ1',
    carrier: i % 2 ? 'sf' : 'zto',
    trackingNumber: i % 2 ? `SF${String(1_000_000_000_000 + i)}` : `731${String(10_000_000_000 + i)}`,
    tags: [],
    reasons: [],
    history: [],
    allowedNext: [],
  };
}

export function sampleLabels(n: number): LabelModel[] {
  const sender = {
    name: '李仓管',
    phone: '075512345678',
    company: '深圳一号仓',
    addressLines: ['广东省深圳市宝安区', '福永街道 1 号'],
  };
  return Array.from({ length: n }, (_, i) =>
    buildLabelModel(sampleOrder(i), sender, { weightGrams: 850, now: Date.UTC(2026, 10, 25) }),
  );
}

const rate = (n: number, ms: number): number => Math.round((n / ms) * 1000);

/** N 4×6 labels into one PDF: vector barcodes against embedded PNG barcodes, same run. */
export async function benchLabelPdf(
  n = 1000,
): Promise<{ figure: BenchFigure; bytes: number; baselineBytes: number }> {
  const labels = sampleLabels(n);
  await renderLabelsPdf(labels.slice(0, 5), { size: '100x150' }); // font and code warm-up
  let t = performance.now();
  const pdf = await renderLabelsPdf(labels, { size: '100x150' });
  const ours = rate(n, performance.now() - t);
  t = performance.now();
  const naive = await renderLabelsPdf(labels, { size: '100x150', barcodes: 'png' });
  const base = rate(n, performance.now() - t);
  return {
    figure: {
      name: `labels: ${n} 4×6 labels with barcodes into one PDF (baseline: embedded PNG barcodes)`,
      value: ours,
      unit: 'labels/s',
      baseline: base,
      ratio: +(ours / base).toFixed(2),
      target: 100,
      meets: ours >= 100,
    },
    bytes: pdf.length,
    baselineBytes: naive.length,
  };
}

/** ESC/POS receipts generated per second, against writing the same bytes by hand (the floor). */
export function benchEscposReceipts(n = 5000): BenchFigure {
  const orders = Array.from({ length: n }, (_, i) => sampleOrder(i));
  const shop = { name: '好物小店', phone: '400-800-1234', footer: '谢谢惠顾' };
  for (const o of orders.slice(0, 50)) renderReceiptEscpos(o, shop);
  let t = performance.now();
  for (const o of orders) renderReceiptEscpos(o, shop);
  const ours = rate(n, performance.now() - t);
  t = performance.now();
  for (const o of orders) {
    // The least work that still produces a printable receipt: one encode, fixed commands.
    const text = `${shop.name}\n${o.externalId}\n${o.lines.map((l) => `${l.title} ${l.quantity} ${l.unitPriceMinor}`).join('\n')}\n${o.totalMinor}\n`;
    Buffer.concat([
      Buffer.from([0x1b, 0x40, 0x1c, 0x26]),
      iconv.encode(text, 'gb18030'),
      Buffer.from([0x1d, 0x56, 66, 3]),
    ]);
  }
  const base = rate(n, performance.now() - t);
  return {
    name: `receipts: ESC/POS sales receipts generated (baseline: hand-concatenated bytes)`,
    value: ours,
    unit: 'receipts/s',
    baseline: base,
    ratio: +(ours / base).toFixed(2),
    target: 1000,
    meets: ours >= 1000,
  };
}
