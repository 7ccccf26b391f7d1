import { formatMajor } from '../../../src-shared/domain/money';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import { chineseCapitalAmount } from './chinese-amount';
import { EscPosBuilder } from './escpos.builder';
import { orderBarcodeValue } from './label.model';

export interface ReceiptShop {
  name: string;
  phone: string;
  footer: string;
}

/** Display width on a fixed-pitch receipt: CJK characters take two columns. */
const cols = (s: string): number =>
  Array.from(s).reduce((n, ch) => n + (/[\u1100-\uffef]/.test(ch) ? 2 : 1), 0);
const padTo = (left: string, right: string, width: number): string =>
  left + ' '.repeat(Math.max(1, width - cols(left) - cols(right))) + right;

/** A sales receipt (销售小票) for 80 mm printers: 48 columns of Font A. */
export function renderReceiptEscpos(o: OrderDetail, shop: ReceiptShop, width = 48): Buffer {
  const money = (m: number) => formatMajor(m, o.currency);
  const b = new EscPosBuilder()
    .init()
    .align('center')
    .bold(true)
    .size(2, 2)
    .line(shop.name || 'Packdesk')
    .size(1, 1)
    .bold(false);
  if (shop.phone) b.line(shop.phone);
  b.line('销售小票 / SALES RECEIPT').align('left').line('-'.repeat(width));
  b.line(`订单 Order: ${o.channel} ${o.externalId}`)
    .line(`日期 Date: ${o.placedAt.slice(0, 16).replace('T', ' ')}`)
    .line(`客户 Customer: ${o.customer.name}`)
    .line('-'.repeat(width));
  for (const l of o.lines) {
    b.line(`${l.title}${l.spec ? ` ${l.spec}` : ''}`);
    b.line(
      padTo(
        `  ${l.sku} ${l.quantity} × ${money(l.unitPriceMinor)}`,
        money(l.quantity * l.unitPriceMinor),
        width,
      ),
    );
  }
  b.line('-'.repeat(width));
  if (o.shippingMinor) b.line(padTo('运费 Shipping', money(o.shippingMinor), width));
  b.bold(true)
    .line(padTo(`合计 Total ${o.currency}`, money(o.totalMinor), width))
    .bold(false);
  if (o.currency === 'CNY') b.line(`大写: ${chineseCapitalAmount(o.totalMinor)}`);
  if (o.paymentMethod) b.line(`支付 Payment: ${o.paymentMethod}`);
  b.align('center').code128(orderBarcodeValue(o.id), 60, 2).line();
  if (shop.footer) b.line(shop.footer);
  return b.feed(2).cut().build();
}
