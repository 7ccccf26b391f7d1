import { formatMajor } from '../../../src-shared/domain/money';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { code128, drawCode128 } from './barcode-vector';
import { chineseCapitalAmount } from './chinese-amount';
import { orderBarcodeValue, type SenderInfo } from './label.model';
import { a4Page, bi, PAGE_MARGIN, table, A4 } from './pdf-table';
import type { Pdf } from './pdf-doc';
import type { Lang } from './warehouse-docs.renderer';

const W = A4[0] - 2 * PAGE_MARGIN;

export interface CustomsLine {
  description: string;
  hsCode: string;
  origin: string;
  quantity: number;
  weightGrams: number;
  valueMinor: number;
}

export const CUSTOMS_CATEGORY_LABELS: [string, string][] = [
  ['gift', 'Gift 礼品'],
  ['documents', 'Documents 文件'],
  ['commercial_sample', 'Commercial sample 商品货样'],
  ['returned_goods', 'Returned goods 退回物品'],
  ['merchandise', 'Sale of goods 销售商品'],
  ['other', 'Other 其他'],
];

/**
 * CN22 covers small parcels: at most 4 content lines and up to 300 SDR. We compare in USD
 * (1 SDR ≈ 1.3 USD, so ≈ 400 USD) with rough fixed rates: this only picks the form, it does
 * not value anything, and a borderline parcel gets the larger CN23, which is always accepted.
 */
const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  CNY: 0.14,
  EUR: 1.08,
  GBP: 1.27,
  JPY: 0.0067,
  HKD: 0.128,
  AUD: 0.66,
  CAD: 0.73,
};
export function customsForm(lines: CustomsLine[], currency: string): 'CN22' | 'CN23' {
  const rate = USD_PER_UNIT[currency] ?? 0;
  const usd = (lines.reduce((s, l) => s + l.valueMinor, 0) / 100) * rate;
  return lines.length <= 4 && rate > 0 && usd <= 300 ? 'CN22' : 'CN23';
}

function party(doc: Pdf, heading: string, lines: string[], x: number, y: number, w: number): void {
  doc.font('bold').fontSize(9).text(heading, x, y, { width: w });
  doc
    .font('body')
    .fontSize(9)
    .text(lines.filter(Boolean).join('\n'), x, y + 12, { width: w });
}

const recipientLines = (o: OrderDetail): string[] => [
  o.customer.name,
  o.customer.phone,
  [o.address.street, o.address.detail].filter(Boolean).join(' ') || o.address.raw,
  [o.address.city, o.address.province, o.address.postcode].filter(Boolean).join(', '),
  o.address.country,
];

/** Width of the tracking barcode at the top right of the customs form. */
const BARCODE_W = 190;

export function drawCustoms(
  doc: Pdf,
  o: OrderDetail,
  sender: SenderInfo,
  lines: CustomsLine[],
  category: string,
  today: string,
): void {
  let y = a4Page(doc);
  const form = customsForm(lines, o.currency);
  const title = `${form}  ${form === 'CN22' ? 'CUSTOMS DECLARATION 海关申报单' : 'CUSTOMS DECLARATION 报关单'}`;
  // The tracking barcode sits top right; the title keeps clear of it, shrinking rather than
  // running underneath.
  const room = o.trackingNumber ? W - BARCODE_W - 12 : W;
  doc.font('bold').fontSize(18);
  doc
    .fontSize(Math.min(18, (18 * room) / doc.widthOfString(title)))
    .text(title, PAGE_MARGIN, y, { width: room, lineBreak: false });
  doc
    .font('body')
    .fontSize(8)
    .text('May be opened officially 可以径行开拆', PAGE_MARGIN, y + 24);
  if (o.trackingNumber) {
    drawCode128(doc, code128(o.trackingNumber), A4[0] - PAGE_MARGIN - BARCODE_W, y, BARCODE_W, 30);
    doc.fontSize(8).text(o.trackingNumber, A4[0] - PAGE_MARGIN - BARCODE_W, y + 32, {
      width: BARCODE_W,
      align: 'center',
    });
  }
  y += 50;
  party(
    doc,
    'From 寄件人',
    [sender.company || sender.name, sender.phone, ...sender.addressLines, 'CN'],
    PAGE_MARGIN,
    y,
    W / 2 - 10,
  );
  party(doc, 'To 收件人', recipientLines(o), PAGE_MARGIN + W / 2, y, W / 2);
  y += 90;
  doc.font('body').fontSize(9);
  let cx = PAGE_MARGIN;
  for (const [key, label] of CUSTOMS_CATEGORY_LABELS) {
    doc.rect(cx, y, 8, 8).lineWidth(0.8).stroke();
    if (key === category) doc.font('bold').text('X', cx + 1, y - 1.5, { lineBreak: false });
    doc.font('body').text(label, cx + 11, y - 1, { lineBreak: false });
    cx += doc.widthOfString(label) + 26;
    if (cx > A4[0] - PAGE_MARGIN - 120) {
      cx = PAGE_MARGIN;
      y += 14;
    }
  }
  y += 20;
  const money = (m: number) => formatMajor(m, o.currency);
  y = table(
    doc,
    [
      { title: 'Description 内件详细名称', width: 170 },
      { title: 'Qty 数量', width: 45, align: 'right' },
      { title: 'Net weight (kg) 净重', width: 70, align: 'right' },
      { title: `Value 价值 (${o.currency})`, width: 75, align: 'right' },
      { title: 'HS tariff no. 税则号', width: 85 },
      { title: 'Origin 原产国', width: W - 445 },
    ],
    lines.map((l) => [
      l.description,
      String(l.quantity),
      (l.weightGrams / 1000).toFixed(3),
      money(l.valueMinor),
      l.hsCode || '—',
      l.origin,
    ]),
    { x: PAGE_MARGIN, y },
  );
  const totalWeight = lines.reduce((s, l) => s + l.weightGrams, 0);
  const totalValue = lines.reduce((s, l) => s + l.valueMinor, 0);
  doc
    .font('bold')
    .fontSize(9)
    .text(
      `Total gross weight 总重: ${(totalWeight / 1000).toFixed(3)} kg    Total value 总价值: ${money(totalValue)} ${o.currency}`,
      PAGE_MARGIN,
      y + 8,
      { width: W, align: 'right' },
    );
  doc
    .font('body')
    .fontSize(8)
    .text(
      'I certify that the particulars given in this customs declaration are correct and that this item does not contain any dangerous article prohibited by legislation or by postal or customs regulations. 我保证上述申报准确无误，本函件内未装寄法律或邮政和海关规章禁止寄递的任何危险物品。',
      PAGE_MARGIN,
      y + 30,
      { width: W },
    );
  doc
    .fontSize(9)
    .text(
      `Date and sender's signature 寄件人签字及日期: ____________________   ${today}`,
      PAGE_MARGIN,
      y + 64,
      { width: W },
    );
}

export function drawCommercialInvoice(
  doc: Pdf,
  o: OrderDetail,
  sender: SenderInfo,
  lines: CustomsLine[],
  unitPrices: number[],
  logo: Buffer | null = null,
): void {
  let y = a4Page(doc);
  // The template's logo sits top right, above the invoice-number line.
  if (logo) doc.image(logo, A4[0] - PAGE_MARGIN - 110, y, { fit: [110, 22], align: 'right' });
  doc.font('bold').fontSize(18).text('COMMERCIAL INVOICE 商业发票', PAGE_MARGIN, y, { width: W });
  const no = `INV-${orderBarcodeValue(o.id)}`;
  doc
    .font('body')
    .fontSize(9)
    .text(
      `Invoice no. 发票号: ${no}    Date 日期: ${o.placedAt.slice(0, 10)}    Order 订单: ${o.channel} ${o.externalId}    Currency 币种: ${o.currency}`,
      PAGE_MARGIN,
      y + 26,
      { width: W },
    );
  y += 50;
  party(
    doc,
    'Seller / Exporter 卖方/出口商',
    [sender.company || sender.name, sender.phone, ...sender.addressLines, 'China 中国'],
    PAGE_MARGIN,
    y,
    W / 2 - 10,
  );
  party(doc, 'Buyer / Consignee 买方/收货人', recipientLines(o), PAGE_MARGIN + W / 2, y, W / 2);
  y += 96;
  const money = (m: number) => formatMajor(m, o.currency);
  y = table(
    doc,
    [
      { title: 'Description 品名', width: 165 },
      { title: 'HS code', width: 70 },
      { title: 'Origin', width: 45 },
      { title: 'Qty', width: 40, align: 'right' },
      { title: 'Unit price 单价', width: 80, align: 'right' },
      { title: 'Amount 金额', width: W - 400, align: 'right' },
    ],
    lines.map((l, i) => [
      l.description,
      l.hsCode || '—',
      l.origin,
      String(l.quantity),
      money(unitPrices[i] ?? 0),
      money(l.valueMinor),
    ]),
    { x: PAGE_MARGIN, y },
  );
  const goods = lines.reduce((s, l) => s + l.valueMinor, 0);
  doc
    .font('body')
    .fontSize(9)
    .text(`Goods 货值: ${money(goods)}\nFreight 运费: ${money(o.shippingMinor)}`, PAGE_MARGIN, y + 8, {
      width: W,
      align: 'right',
    });
  doc
    .font('bold')
    .fontSize(10)
    .text(`Total 合计: ${money(o.totalMinor)} ${o.currency}`, PAGE_MARGIN, y + 34, {
      width: W,
      align: 'right',
    });
  doc
    .font('body')
    .fontSize(8.5)
    .text(
      'Reason for export 出口原因: Sale 销售.   Terms 贸易条款: DAP.\nI declare that the information on this invoice is true and correct. 兹声明以上信息真实准确。\n\nSignature 签字: ____________________',
      PAGE_MARGIN,
      y + 60,
      { width: W },
    );
}

/** The Chinese sales slip (销售单/收据) with the total in capital numerals. */
export function drawSalesReceipt(
  doc: Pdf,
  o: OrderDetail,
  sender: SenderInfo,
  lang: Lang,
  logo: Buffer | null = null,
): void {
  let y = a4Page(doc);
  // The template's logo top left; the shop name is centred and the number right.
  if (logo) doc.image(logo, PAGE_MARGIN, y, { fit: [110, 40] });
  doc
    .font('bold')
    .fontSize(18)
    .text(sender.company || sender.name || 'Packdesk', PAGE_MARGIN, y, { width: W, align: 'center' });
  doc
    .fontSize(14)
    .text(bi(lang, '销售单', 'Sales receipt'), PAGE_MARGIN, y + 24, { width: W, align: 'center' });
  doc
    .font('body')
    .fontSize(9)
    .text(`No. ${orderBarcodeValue(o.id)}`, PAGE_MARGIN, y + 30, { width: W, align: 'right' });
  y += 52;
  doc.text(
    `${bi(lang, '客户', 'Customer')}: ${o.customer.name}    ${bi(lang, '日期', 'Date')}: ${o.placedAt.slice(0, 10)}    ${bi(lang, '订单', 'Order')}: ${o.channel} ${o.externalId}`,
    PAGE_MARGIN,
    y,
    { width: W },
  );
  y += 18;
  const money = (m: number) => formatMajor(m, o.currency);
  y = table(
    doc,
    [
      // The narrow columns are wide enough for "Unit / 单位" on one line in either language.
      { title: bi(lang, '序号', 'No.'), width: 52, align: 'right' },
      { title: bi(lang, '品名', 'Item'), width: 134 },
      { title: bi(lang, '规格', 'Spec'), width: 80 },
      { title: bi(lang, '单位', 'Unit'), width: 52 },
      { title: bi(lang, '数量', 'Qty'), width: 52, align: 'right' },
      { title: bi(lang, '单价', 'Price'), width: 70, align: 'right' },
      { title: bi(lang, '金额', 'Amount'), width: W - 440, align: 'right' },
    ],
    [
      ...o.lines.map((l, i) => [
        String(i + 1),
        l.title,
        l.spec,
        lang === 'zh' ? '件' : 'pc',
        String(l.quantity),
        money(l.unitPriceMinor),
        money(l.quantity * l.unitPriceMinor),
      ]),
      ...(o.shippingMinor
        ? [['', bi(lang, '运费', 'Shipping'), '', '', '', '', money(o.shippingMinor)]]
        : []),
    ],
    { x: PAGE_MARGIN, y },
  );
  const capital = o.currency === 'CNY' ? chineseCapitalAmount(o.totalMinor) : '';
  doc
    .font('bold')
    .fontSize(10)
    .text(
      `${bi(lang, '合计', 'Total')} (${lang === 'zh' ? '小写' : 'figures'}): ${o.currency === 'CNY' ? '¥' : ''}${money(o.totalMinor)} ${o.currency}`,
      PAGE_MARGIN,
      y + 10,
      { width: W },
    );
  if (capital)
    doc.text(`${bi(lang, '合计', 'Total')} (大写): 人民币${capital}`, PAGE_MARGIN, y + 28, { width: W });
  doc
    .font('body')
    .fontSize(9)
    .text(
      `${bi(lang, '收款单位(盖章)', 'Seller (seal)')}: ____________    ${bi(lang, '开票人', 'Issued by')}: ________    ${bi(lang, '收款人', 'Received by')}: ________`,
      PAGE_MARGIN,
      y + 56,
      { width: W },
    );
}
