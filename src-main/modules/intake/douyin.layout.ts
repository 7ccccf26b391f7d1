import {
  amount,
  atRow,
  cleanId,
  collect,
  columns,
  dateMs,
  groupBy,
  newestOf,
  optionalDate,
  quantity,
} from './cell-parse';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

const CN = 480;
/** A 子订单 refunded on 抖店 (售后关闭 is an after-sale withdrawn: that line still ships). */
const REFUNDED = /退款成功|退货成功|已全额退款/;
const CLOSED = /取消|关闭/;

/**
 * 预售 lines: 抖店 puts the merchant's 预约发货时间 on pre-sale sub-orders; when only 订单类型 says
 * 预售, its 承诺发货时间 is the promised date. Ordinary orders also carry 承诺发货时间 (a 48-hour
 * promise), so that column alone does not make a line pre-sale.
 */
function presaleDate(booked: string, orderType: string, promised: string): string | null {
  const day = (text: string) => /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(text.trim());
  const m = day(booked) ?? (/预售/.test(orderType) ? day(promised) : null);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : null;
}

/**
 * 抖店 订单导出: one row per 子订单 (line), grouped by 主订单编号. 订单应付金额 is taken per sub-order
 * and summed. Live-stream orders are recognised by 达人ID / 流量来源 / 订单类型 when exported.
 */
export const douyinLayout: Layout = {
  format: 'douyin',
  kind: 'douyin',
  defaultCurrency: 'CNY',
  required: ['主订单编号', '选购商品', '商品数量'],
  signature: ['主订单编号', '子订单编号', '选购商品', '商品规格', '收件人手机号'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, '主订单编号')), '主订单编号', out.rejected);
    const liveColumns = c.has('达人ID') || c.has('流量来源') || c.has('订单类型');
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        return atRow(nums[0] as number, () => {
          // Each row is a 子订单 with its own state: one refunded before shipping (退款成功) or
          // closed must not be packed with the rest. When every one is, the order is cancelled.
          const gone = rows.map(
            (r) => REFUNDED.test(c.get(r, '售后状态')) || CLOSED.test(c.get(r, '订单状态')),
          );
          const allGone = gone.every(Boolean);
          const dropped: string[] = [];
          let payable = 0;
          const all = rows.map((r, i) =>
            atRow(nums[i] as number, () => {
              const qty = quantity(c.get(r, '商品数量'), '商品数量');
              const due = amount(c.get(r, '订单应付金额'), 'CNY', '订单应付金额');
              if (gone[i] && !allGone)
                dropped.push(
                  `子订单 ${cleanId(c.get(r, '子订单编号')) || i + 1} (${c.get(r, '选购商品')}) left out: ${REFUNDED.test(c.get(r, '售后状态')) ? c.get(r, '售后状态') : c.get(r, '订单状态')} on 抖店`,
                );
              else payable += due;
              const unit = c.get(r, '商品单价')
                ? amount(c.get(r, '商品单价'), 'CNY', '商品单价')
                : Math.round(due / qty);
              return {
                sku: cleanId(c.get(r, '商家编码')),
                title: c.get(r, '选购商品'),
                spec: c.get(r, '商品规格'),
                quantity: qty,
                unitPriceMinor: unit,
                presaleShipDate: presaleDate(
                  c.get(r, '预约发货时间'),
                  c.get(r, '订单类型'),
                  c.get(r, '承诺发货时间'),
                ),
              };
            }),
          );
          const lines = allGone ? all : all.filter((_, i) => !gone[i]);
          const placedAt = dateMs(f('订单提交时间'), '订单提交时间', CN);
          const evidence = [
            f('达人ID') && `达人ID ${f('达人ID')}`,
            /直播/.test(f('流量来源')) && `流量来源 ${f('流量来源')}`,
            /直播/.test(f('订单类型')) && `订单类型 ${f('订单类型')}`,
          ].filter(Boolean) as string[];
          const live = evidence.length > 0 || !liveColumns;
          const status = f('订单状态');
          return {
            externalId: cleanId(f('主订单编号')),
            rows: nums,
            channelCode: '',
            type: live ? 'live_stream' : 'marketplace',
            typeHint: evidence.length
              ? evidence.join(', ')
              : liveColumns
                ? 'no 达人/直播 source on the order'
                : '抖店 orders are live-stream unless the export says otherwise',
            channelStatus: [status, f('售后状态')].filter(Boolean).join('/'),
            cancelled: allGone,
            placedAt,
            sourceUpdatedAt: newestOf(
              placedAt,
              optionalDate(f('支付完成时间'), '支付完成时间', CN),
              optionalDate(f('发货时间'), '发货时间', CN),
              optionalDate(f('订单完成时间'), '订单完成时间', CN),
            ),
            currency: 'CNY',
            totalMinor: payable,
            shippingMinor: amount(f('运费'), 'CNY', '运费'),
            paymentMethod: f('支付方式') || null,
            buyerMessage: f('买家留言') || null,
            buyerId: '',
            buyerName: f('收件人'),
            buyerEmail: '',
            recipientName: f('收件人'),
            phone: cleanId(f('收件人手机号')),
            idNumber: '',
            address: {
              raw: [f('省'), f('市'), f('区'), f('街道'), f('详细地址')].filter(Boolean).join(' '),
              country: 'CN',
              province: f('省'),
              city: f('市'),
              district: f('区'),
              street: f('街道'),
              // A custom export without 省/市/区 (6a) has the whole address in 详细地址: it is split
              // from the raw text then, instead of also being kept whole as the detail after them.
              detail: f('省') || f('市') || f('区') ? f('详细地址') : '',
              postcode: '',
            },
            lines,
            ...(dropped.length ? { origin: dropped.join('; ') } : {}),
          };
        });
      },
      out,
    );
    return out;
  },
};
