import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { formatMajor } from '../../../src-shared/domain/money';

/**
 * One label, as pure data: every output (PDF, ZPL, TSPL, ESC/POS) renders this and nothing
 * else, so the four formats cannot disagree about what a parcel says.
 */
export interface LabelParty {
  name: string;
  phone: string;
  company: string;
  /** Already split for printing: province/city/district, then street and detail. */
  addressLines: string[];
  /** The channel masked this party's data (e.g. 张** 138****5678); we never unmask it. */
  masked: boolean;
}

export interface LabelModel {
  orderId: number;
  /** What a person reads: channel + external id. */
  orderRef: string;
  /** What a scanner reads on the label when there is no tracking number (see orderBarcodeValue). */
  orderBarcode: string;
  carrierCode: string;
  carrierName: string;
  service: string;
  trackingNumber: string | null;
  /** Code 128 value: the tracking number, else the order barcode. */
  barcode: string;
  qrPayload: string | null;
  sender: LabelParty;
  recipient: LabelParty;
  weightGrams: number | null;
  cod: { minor: number; currency: string; text: string } | null;
  itemCount: number;
  linesSummary: string;
  buyerMessage: string;
  language: 'zh' | 'en';
  printedAt: string;
  destinationCountry: string;
}

interface CarrierInfo {
  zh: string;
  en: string;
  /** Carriers whose labels carry a 2D code (SF and JD print one on every waybill). */
  qr: boolean;
}

const CARRIERS: Record<string, CarrierInfo> = {
  sf: { zh: '顺丰速运', en: 'SF Express', qr: true },
  jd: { zh: '京东物流', en: 'JD Logistics', qr: true },
  zto: { zh: '中通快递', en: 'ZTO Express', qr: false },
  yto: { zh: '圆通速递', en: 'YTO Express', qr: false },
  sto: { zh: '申通快递', en: 'STO Express', qr: false },
  yunda: { zh: '韵达速递', en: 'Yunda Express', qr: false },
  ems: { zh: '中国邮政 EMS', en: 'China Post EMS', qr: false },
  jt: { zh: '极兔速递', en: 'J&T Express', qr: false },
  deppon: { zh: '德邦快递', en: 'Deppon', qr: false },
  cainiao: { zh: '菜鸟速递', en: 'Cainiao', qr: false },
  dhl: { zh: 'DHL', en: 'DHL Express', qr: false },
  ups: { zh: 'UPS', en: 'UPS', qr: true },
  fedex: { zh: 'FedEx', en: 'FedEx', qr: false },
};

export const carrierInfo = (code: string | null): CarrierInfo & { code: string } => {
  const c = (code ?? '').trim();
  const known = CARRIERS[c.toLowerCase()];
  return known
    ? { ...known, code: c }
    : { zh: c || '未指定承运商', en: c || 'No carrier', qr: false, code: c };
};

/** The order's own barcode: short, ASCII, unique in this database, and what packing scans. */
export const orderBarcodeValue = (orderId: number): string => `PD${String(orderId).padStart(8, '0')}`;

/** The order id in a scanned order barcode (the inverse of orderBarcodeValue), else null. */
export function orderIdFromBarcode(code: string): number | null {
  const m = /^PD(\d{8,15})$/i.exec(code.trim());
  return m ? Number(m[1]) : null;
}

export interface LabelOptions {
  /** Hide the middle digits of a full phone number (隐私面单) even when the channel did not. */
  privacyPhone?: boolean;
  showLines?: boolean;
  language?: 'zh' | 'en' | 'auto';
  service?: string;
}

export interface SenderInfo {
  name: string;
  phone: string;
  company: string;
  addressLines: string[];
}

const maskPhone = (phone: string): string => phone.replace(/^(\+?\d{3})\d{4}(\d{4})$/, '$1****$2');

function summariseLines(lines: OrderDetail['lines'], max = 90): string {
  const text = lines.map((l) => `${l.sku}×${l.quantity}`).join('  ');
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

export function buildLabelModel(
  order: OrderDetail,
  sender: SenderInfo,
  extra: { weightGrams: number | null; now: number; options?: LabelOptions },
): LabelModel {
  const opts = extra.options ?? {};
  const carrier = carrierInfo(order.carrier);
  const a = order.address;
  const language =
    opts.language && opts.language !== 'auto' ? opts.language : a.country === 'CN' ? 'zh' : 'en';
  const region = [a.province, a.city, a.district].filter(Boolean).join(language === 'zh' ? '' : ', ');
  const street = [a.street, a.detail].filter(Boolean).join(language === 'zh' ? '' : ' ');
  const addressLines = region || street ? [region, street].filter(Boolean) : [a.raw];
  if (language === 'en' && a.postcode) addressLines.push(`${a.postcode} ${a.country}`);
  const phone = opts.privacyPhone && !a.masked ? maskPhone(order.customer.phone) : order.customer.phone;
  const orderBarcode = orderBarcodeValue(order.id);
  const tracking = order.trackingNumber?.trim() || null;
  const isCod = (order.paymentMethod ?? '').toLowerCase() === 'cod';
  return {
    orderId: order.id,
    orderRef: `${order.channel} ${order.externalId}`,
    orderBarcode,
    carrierCode: carrier.code,
    carrierName: language === 'zh' ? carrier.zh : carrier.en,
    service: opts.service ?? '',
    trackingNumber: tracking,
    barcode: tracking ?? orderBarcode,
    // The QR carries tracking and our order code so either system can look the parcel up.
    qrPayload: carrier.qr ? `${tracking ?? ''}|${orderBarcode}` : null,
    sender: { ...sender, masked: false },
    recipient: { name: order.customer.name, phone, company: '', addressLines, masked: a.masked },
    weightGrams: extra.weightGrams,
    cod: isCod
      ? {
          minor: order.totalMinor,
          currency: order.currency,
          text: `${formatMajor(order.totalMinor, order.currency)} ${order.currency}`,
        }
      : null,
    itemCount: order.lines.reduce((s, l) => s + l.quantity, 0),
    linesSummary: opts.showLines === false ? '' : summariseLines(order.lines),
    buyerMessage: order.buyerMessage ?? '',
    language,
    printedAt: new Date(extra.now).toISOString(),
    destinationCountry: a.country,
  };
}

/** Fixed words on a label, in the label's language. */
export const LABEL_WORDS = {
  zh: { to: '收', from: '寄', order: '订单', weight: '重量', cod: '代收货款', items: '件', printed: '打印' },
  en: {
    to: 'TO',
    from: 'FROM',
    order: 'Order',
    weight: 'Weight',
    cod: 'COD',
    items: 'pcs',
    printed: 'Printed',
  },
} as const;

export const formatWeight = (g: number | null): string => (g === null ? '—' : `${(g / 1000).toFixed(2)} kg`);
