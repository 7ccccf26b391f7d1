import { formatMajor } from '../../../src-shared/domain/money';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { code128, drawCode128 } from './barcode-vector';
import { carrierInfo, formatWeight, orderBarcodeValue, type SenderInfo } from './label.model';
import { a4Page, bi, PAGE_MARGIN, table, A4 } from './pdf-table';
import type { Pdf } from './pdf-doc';

export type Lang = 'zh' | 'en';
const W = A4[0] - 2 * PAGE_MARGIN;

export interface PickRow {
  bin: string;
  sequence: number;
  sku: string;
  title: string;
  spec: string;
  quantity: number;
  orders: string[];
}

/** SKU totals in walking order: by bin sequence when bins are known, unbinned SKUs last, then by SKU. */
export function pickRows(
  orders: OrderDetail[],
  bins: Map<string, { bin: string; sequence: number }>,
): PickRow[] {
  const bySku = new Map<string, PickRow>();
  for (const o of orders) {
    for (const l of o.lines) {
      const row = bySku.get(l.sku) ?? {
        bin: bins.get(l.sku)?.bin ?? '',
        sequence: bins.get(l.sku)?.sequence ?? Number.MAX_SAFE_INTEGER,
        sku: l.sku,
        title: l.title,
        spec: l.spec,
        quantity: 0,
        orders: [],
      };
      row.quantity += l.quantity;
      if (!row.orders.includes(orderBarcodeValue(o.id))) row.orders.push(orderBarcodeValue(o.id));
      bySku.set(l.sku, row);
    }
  }
  return [...bySku.values()].sort(
    (a, b) => a.sequence - b.sequence || a.bin.localeCompare(b.bin) || a.sku.localeCompare(b.sku),
  );
}

function title(doc: Pdf, text: string, sub: string, y: number): number {
  doc.font('bold').fontSize(16).fillColor('#000').text(text, PAGE_MARGIN, y, { width: W });
  doc
    .font('body')
    .fontSize(8.5)
    .text(sub, PAGE_MARGIN, y + 22, { width: W });
  return y + 40;
}

export function drawPickList(
  doc: Pdf,
  orders: OrderDetail[],
  rows: PickRow[],
  lang: Lang,
  at: string,
  /** The wave's tote slot per order, when the orders are one wave; otherwise slots are 1…n. */
  slots: Map<number, number> = new Map(),
): void {
  let y = a4Page(doc);
  const units = rows.reduce((s, r) => s + r.quantity, 0);
  y = title(
    doc,
    bi(lang, '拣货单', 'Pick list'),
    `${at}   ${orders.length} ${lang === 'zh' ? '单' : 'orders'} · ${rows.length} SKU · ${units} ${lang === 'zh' ? '件' : 'units'}`,
    y,
  );
  y = table(
    doc,
    [
      { title: bi(lang, '库位', 'Bin'), width: 60 },
      { title: 'SKU', width: 110 },
      { title: bi(lang, '品名 规格', 'Item'), width: 185 },
      { title: bi(lang, '数量', 'Qty'), width: 45, align: 'right' },
      { title: bi(lang, '订单', 'Orders'), width: W - 400 },
    ],
    rows.map((r) => [
      r.bin || '—',
      r.sku,
      `${r.title} ${r.spec}`.trim(),
      String(r.quantity),
      r.orders.join(' '),
    ]),
    { x: PAGE_MARGIN, y },
  );
  // Per-order sort into totes: each order's barcode so the sorter scans it.
  y += 14;
  doc
    .font('bold')
    .fontSize(11)
    .text(bi(lang, '分拣', 'Sort by order'), PAGE_MARGIN, y);
  table(
    doc,
    [
      { title: bi(lang, '格口', 'Slot'), width: 40, align: 'center' },
      { title: bi(lang, '订单条码', 'Order barcode'), width: 170 },
      { title: bi(lang, '订单', 'Order'), width: 120 },
      { title: bi(lang, '商品', 'Lines'), width: W - 330 },
    ],
    orders.map((o, i) => [
      String(slots.get(o.id) ?? i + 1),
      '',
      `${o.channel} ${o.externalId}`,
      o.lines.map((l) => `${l.sku}×${l.quantity}`).join('  '),
    ]),
    { x: PAGE_MARGIN, y: y + 16 },
    {
      minRowHeight: 38,
      beforeRow: (i, x, ry) => {
        const value = orderBarcodeValue(orders[i]!.id);
        drawCode128(doc, code128(value), x + 44, ry + 4, 150, 22);
        doc
          .font('body')
          .fontSize(7)
          .text(value, x + 44, ry + 27, { width: 150, align: 'center' });
      },
    },
  );
}

export function drawPackingSlip(
  doc: Pdf,
  o: OrderDetail,
  sender: SenderInfo,
  lang: Lang,
  opts: { showPrices: boolean; footer: string; logo: Buffer | null },
): void {
  let y = a4Page(doc);
  if (opts.logo) doc.image(opts.logo, A4[0] - PAGE_MARGIN - 110, y, { fit: [110, 40] });
  y = title(
    doc,
    bi(lang, '出库单', 'Packing slip'),
    `${o.channel} ${o.externalId} · ${o.placedAt.slice(0, 10)}`,
    y,
  );
  const value = orderBarcodeValue(o.id);
  drawCode128(doc, code128(value), PAGE_MARGIN, y, 170, 34);
  doc
    .font('body')
    .fontSize(8)
    .text(value, PAGE_MARGIN, y + 36, { width: 170, align: 'center' });
  const col = W / 2;
  doc
    .font('bold')
    .fontSize(9)
    .text(bi(lang, '收货人', 'Ship to'), PAGE_MARGIN + 200, y);
  doc
    .font('body')
    .fontSize(9)
    .text(
      [
        `${o.customer.name}  ${o.customer.phone}`,
        o.address.raw ||
          [o.address.province, o.address.city, o.address.district, o.address.street, o.address.detail].join(
            '',
          ),
      ].join('\n'),
      PAGE_MARGIN + 200,
      y + 12,
      { width: col - 30 },
    );
  doc
    .font('bold')
    .fontSize(9)
    .text(bi(lang, '发货方', 'From'), PAGE_MARGIN + 200 + col - 20, y);
  doc
    .font('body')
    .fontSize(9)
    .text(
      [`${sender.company || sender.name}  ${sender.phone}`, ...sender.addressLines].join('\n'),
      PAGE_MARGIN + 200 + col - 20,
      y + 12,
      { width: W - 200 - col + 20 },
    );
  y += 70;
  const money = (m: number) => formatMajor(m, o.currency);
  const cols = [
    { title: '#', width: 24, align: 'right' as const },
    { title: 'SKU', width: 110 },
    { title: bi(lang, '品名', 'Item'), width: opts.showPrices ? 190 : 300 },
    { title: bi(lang, '规格', 'Spec'), width: 80 },
    {
      title: bi(lang, '数量', 'Qty'),
      width: W - (opts.showPrices ? 404 : 514) - (opts.showPrices ? 110 : 0),
      align: 'right' as const,
    },
    ...(opts.showPrices
      ? [{ title: `${bi(lang, '金额', 'Amount')} ${o.currency}`, width: 110, align: 'right' as const }]
      : []),
  ];
  y = table(
    doc,
    cols,
    o.lines.map((l, i) => [
      String(i + 1),
      l.sku,
      l.title,
      l.spec,
      String(l.quantity),
      ...(opts.showPrices ? [money(l.quantity * l.unitPriceMinor)] : []),
    ]),
    { x: PAGE_MARGIN, y },
  );
  const units = o.lines.reduce((s, l) => s + l.quantity, 0);
  doc
    .font('bold')
    .fontSize(9)
    .text(
      `${bi(lang, '合计件数', 'Total units')}: ${units}${opts.showPrices ? `    ${bi(lang, '订单金额', 'Order total')}: ${money(o.totalMinor)} ${o.currency}` : ''}`,
      PAGE_MARGIN,
      y + 8,
      { width: W, align: 'right' },
    );
  if (o.buyerMessage)
    doc
      .font('body')
      .fontSize(9)
      .text(`${bi(lang, '买家留言', 'Buyer note')}: ${o.buyerMessage}`, PAGE_MARGIN, y + 26, { width: W });
  doc
    .font('body')
    .fontSize(9)
    .text(
      `${bi(lang, '拣货', 'Picked by')}: ________    ${bi(lang, '复核', 'Checked by')}: ________    ${opts.footer}`,
      PAGE_MARGIN,
      y + 50,
      { width: W },
    );
}

export interface ManifestRow {
  order: OrderDetail;
  weightGrams: number | null;
}

export function drawManifest(
  doc: Pdf,
  carrier: string,
  day: string,
  rows: ManifestRow[],
  sender: SenderInfo,
  lang: Lang,
): void {
  let y = a4Page(doc);
  const info = carrierInfo(carrier);
  const total = rows.reduce((s, r) => s + (r.weightGrams ?? 0), 0);
  y = title(
    doc,
    bi(lang, '交接清单', 'End-of-day manifest'),
    `${lang === 'zh' ? info.zh : info.en} · ${day} · ${rows.length} ${lang === 'zh' ? '件' : 'parcels'} · ${formatWeight(total)} · ${sender.company || sender.name}`,
    y,
  );
  y = table(
    doc,
    [
      { title: '#', width: 24, align: 'right' },
      { title: bi(lang, '运单号', 'Tracking number'), width: 180 },
      { title: bi(lang, '订单', 'Order'), width: 110 },
      { title: bi(lang, '目的地', 'Destination'), width: 90 },
      { title: bi(lang, '重量', 'Weight'), width: 60, align: 'right' },
      { title: bi(lang, '代收', 'COD'), width: W - 464, align: 'right' },
    ],
    rows.map((r, i) => [
      String(i + 1),
      '',
      `${r.order.channel} ${r.order.externalId}`,
      `${r.order.address.province}${r.order.address.city}`,
      formatWeight(r.weightGrams),
      (r.order.paymentMethod ?? '').toLowerCase() === 'cod'
        ? formatMajor(r.order.totalMinor, r.order.currency)
        : '',
    ]),
    { x: PAGE_MARGIN, y },
    {
      minRowHeight: 40,
      beforeRow: (i, x, ry) => {
        const tn = rows[i]!.order.trackingNumber ?? '';
        drawCode128(doc, code128(tn), x + 28, ry + 4, 170, 22);
        doc
          .font('body')
          .fontSize(7.5)
          .text(tn, x + 28, ry + 28, { width: 170, align: 'center' });
      },
    },
  );
  doc
    .font('body')
    .fontSize(10)
    .text(
      `${bi(lang, '交接人', 'Handed over by')}: __________   ${bi(lang, '揽收员', 'Collected by')}: __________   ${bi(lang, '时间', 'Time')}: __________`,
      PAGE_MARGIN,
      y + 24,
      { width: W },
    );
}
