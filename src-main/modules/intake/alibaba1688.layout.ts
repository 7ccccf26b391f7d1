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
import { foldTraditional } from '../standardize';
import type { Layout, ParsedOrder, ParseResult, Table } from './intake.types';

const CN = 480;

/** 1688 卖家订单导出: one row per item, order fields repeated; wholesale by nature. */
export const alibaba1688Layout: Layout = {
  format: 'alibaba1688',
  kind: 'alibaba1688',
  defaultCurrency: 'CNY',
  required: ['订单编号', '货品标题', '单价(元)', '数量', '订单创建时间'],
  signature: ['订单编号', '买家公司名', '货品标题', '单价(元)', 'Offer ID'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, '订单编号')), '订单编号', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const first = rows[0] as string[];
        const f = (name: string) => c.get(first, name);
        return atRow(nums[0] as number, () => {
          const lines = rows.map((r, i) =>
            atRow(nums[i] as number, () => ({
              sku: cleanId(c.pick(r, '单品货号', '货号', 'SKU ID')),
              title: c.get(r, '货品标题'),
              // 货品种类 is often the order's count of kinds ("1", like Taobao's 宝贝种类): a bare
              // number says nothing about the item and would spoil SKU matching.
              spec: [c.get(r, '型号'), c.get(r, '货品种类').replace(/^\d+$/, '')].filter(Boolean).join(' '),
              quantity: quantity(c.get(r, '数量'), '数量'),
              unitPriceMinor: amount(c.get(r, '单价(元)'), 'CNY', '单价(元)', true),
            })),
          );
          const placedAt = dateMs(f('订单创建时间'), '订单创建时间', CN);
          const status = f('订单状态');
          const company = f('买家公司名');
          return {
            externalId: cleanId(f('订单编号')),
            rows: nums,
            channelCode: '',
            type: 'wholesale',
            typeHint: company ? `1688 buyer company ${company}` : '1688 is a wholesale channel',
            channelStatus: status,
            // 交易關閉 in a traditional-character (Big5) export.
            cancelled: /关闭|取消/.test(foldTraditional(status)),
            placedAt,
            sourceUpdatedAt: newestOf(placedAt, optionalDate(f('订单付款时间'), '订单付款时间', CN)),
            currency: 'CNY',
            totalMinor: f('实付款(元)') ? amount(f('实付款(元)'), 'CNY', '实付款(元)') : null,
            shippingMinor: amount(f('运费(元)'), 'CNY', '运费(元)'),
            paymentMethod: null,
            buyerMessage: f('买家留言') || null,
            buyerId: cleanId(f('买家会员名')),
            buyerName: company || f('买家会员名'),
            buyerEmail: '',
            recipientName: f('收货人姓名'),
            phone: cleanId(f('联系手机') || f('联系电话')),
            idNumber: '',
            address: {
              raw: f('收货地址'),
              country: 'CN',
              province: '',
              city: '',
              district: '',
              street: '',
              detail: '',
              postcode: cleanId(f('邮编')),
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
