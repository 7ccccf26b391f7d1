import {
  amount,
  atRow,
  cleanId,
  collect,
  columns,
  groupBy,
  newestOf,
  optionalDate,
  quantity,
  RowError,
} from './cell-parse';
import { foldTraditional } from '../standardize';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

const CN = 480;

/** 拼多多 商家后台 订单导出: one row per order (a row per item when an order has several). */
export const pddLayout: Layout = {
  format: 'pdd',
  kind: 'pdd',
  defaultCurrency: 'CNY',
  required: ['订单号', '商品', '商品数量(件)'],
  signature: ['订单号', '商品', '用户实付金额(元)', '商品数量(件)', '拼单成功时间'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, '订单号')), '订单号', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        return atRow(nums[0] as number, () => {
          let goods = 0;
          const lines = rows.map((r, i) =>
            atRow(nums[i] as number, () => {
              const qty = quantity(c.get(r, '商品数量(件)'), '商品数量(件)');
              const lineTotal = amount(c.get(r, '商品总价(元)'), 'CNY', '商品总价(元)');
              goods += lineTotal;
              return {
                sku: cleanId(c.pick(r, '商家编码-SKU维度', '商家编码-商品维度')),
                title: c.get(r, '商品'),
                spec: c.get(r, '商品规格'),
                quantity: qty,
                unitPriceMinor: Math.round(lineTotal / qty),
              };
            }),
          );
          const paid = optionalDate(f('支付时间'), '支付时间', CN);
          const confirmed = optionalDate(f('订单确认时间'), '订单确认时间', CN);
          const grouped = optionalDate(f('拼单成功时间'), '拼单成功时间', CN);
          const placedAt = paid ?? grouped ?? confirmed;
          if (placedAt === null)
            throw new RowError('支付时间', 'the order has no 支付时间, 拼单成功时间 or 订单确认时间');
          const shipping = amount(f('邮费(元)'), 'CNY', '邮费(元)');
          const status = f('订单状态');
          const live = f('是否直播间订单') === '是';
          return {
            externalId: cleanId(f('订单号')),
            rows: nums,
            channelCode: '',
            type: live ? 'live_stream' : null,
            typeHint: live ? '是否直播间订单 = 是' : null,
            channelStatus: [status, f('售后状态')].filter(Boolean).join('/'),
            cancelled:
              /取消|关闭/.test(foldTraditional(status)) || /退款成功/.test(foldTraditional(f('售后状态'))),
            placedAt,
            sourceUpdatedAt: newestOf(
              placedAt,
              confirmed,
              grouped,
              optionalDate(f('发货时间'), '发货时间', CN),
              optionalDate(f('确认收货时间'), '确认收货时间', CN),
            ),
            currency: 'CNY',
            totalMinor: f('用户实付金额(元)')
              ? amount(f('用户实付金额(元)'), 'CNY', '用户实付金额(元)')
              : goods + shipping,
            shippingMinor: shipping,
            paymentMethod: f('支付方式') || null,
            buyerMessage: f('买家留言') || null,
            buyerId: cleanId(f('用户购买手机号')),
            buyerName: f('收货人'),
            buyerEmail: '',
            recipientName: f('收货人'),
            phone: cleanId(f('手机')),
            idNumber: cleanId(f('身份证号码')),
            address: {
              raw: [f('省'), f('市'), f('区'), f('街道'), f('详细地址')].filter(Boolean).join(' '),
              country: 'CN',
              province: f('省'),
              city: f('市'),
              district: f('区'),
              street: '',
              detail: f('详细地址') || f('街道'),
              postcode: '',
            },
            lines,
          };
        });
      },
      out,
    );
    return out;
  },
};
