import {
  amount,
  atRow,
  cleanId,
  collect,
  columns,
  emptyAddress,
  groupBy,
  quantity,
  type Columns,
} from './cell-parse';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

/** An item refunded or closed on its own (交易关闭 on its row while the order goes on). */
const ITEM_GONE = /交易关闭|已取消|退款成功/;

/** The rows still to ship; when every item is gone the order report has closed the order itself. */
function keepShipping(rows: string[][], c: Columns): { r: string[]; i: number }[] {
  const all = rows.map((r, i) => ({ r, i }));
  const gone = (r: string[]) => ITEM_GONE.test(c.get(r, '订单状态')) || ITEM_GONE.test(c.get(r, '退款状态'));
  const left = all.filter(({ r }) => !gone(r));
  return left.length ? left : all;
}

/**
 * 淘宝 宝贝报表 (item report): one row per item with its own quantity, price and 商品属性. It has no
 * dates or addresses, so it only makes the lines of orders already imported from the 订单报表 exact.
 * An item closed or refunded by itself is not one of them: it must not be packed.
 */
export const taobaoItemsLayout: Layout = {
  format: 'taobao_items',
  kind: 'taobao',
  defaultCurrency: 'CNY',
  required: ['订单编号', '标题', '价格', '购买数量'],
  signature: ['订单编号', '标题', '价格', '购买数量', '商品属性'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, '订单编号')), '订单编号', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => ({
        externalId: cleanId(c.get(rows[0] as string[], '订单编号')),
        rows: nums,
        linesOnly: true,
        channelCode: '',
        type: null,
        typeHint: null,
        channelStatus: '',
        cancelled: false,
        placedAt: 0,
        sourceUpdatedAt: 0,
        currency: 'CNY',
        totalMinor: null,
        shippingMinor: 0,
        paymentMethod: null,
        buyerMessage: null,
        buyerId: '',
        buyerName: '',
        buyerEmail: '',
        recipientName: '',
        phone: '',
        idNumber: '',
        address: emptyAddress(),
        lines: keepShipping(rows, c).map(({ r, i }) =>
          atRow(nums[i] as number, () => ({
            sku: cleanId(c.pick(r, '商家编码', '外部系统编号')),
            title: c.get(r, '标题'),
            spec: [c.get(r, '商品属性'), c.get(r, '套餐信息')].filter(Boolean).join(' '),
            quantity: quantity(c.get(r, '购买数量'), '购买数量'),
            unitPriceMinor: amount(c.get(r, '价格'), 'CNY', '价格', true),
          })),
        ),
      }),
      out,
    );
    return out;
  },
};
