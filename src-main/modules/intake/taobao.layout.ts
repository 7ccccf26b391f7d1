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
import type { Layout, ParsedLine, ParsedOrder, ParseResult, Table } from './intake.types';

const CN = 480;

/** "广东省 深圳市 南山区 粤海街道 科技园南路88号(518057)": the postcode rides at the end. */
export function splitPostcode(text: string): { text: string; postcode: string } {
  const m = /[(（]\s*(\d{6}|000000)\s*[)）]\s*$/.exec(text);
  if (!m) return { text: text.trim(), postcode: '' };
  return { text: text.slice(0, m.index).trim(), postcode: m[1] === '000000' ? '' : (m[1] as string) };
}

/**
 * Spreads an order-level item list over lines. The 订单报表 has only the titles and the total
 * quantity; with several kinds each gets one unit and the last the rest, and the goods amount is
 * spread per unit. The per-item truth is in the 宝贝报表, which a later import may bring.
 */
export function spreadItems(
  titles: string[],
  specs: string[],
  skus: string[],
  totalQty: number,
  goodsMinor: number,
): ParsedLine[] {
  const n = titles.length;
  const qty = titles.map((_, i) => (i < n - 1 ? 1 : Math.max(1, totalQty - (n - 1))));
  const units = qty.reduce((a, b) => a + b, 0);
  const unit = Math.floor(goodsMinor / units);
  return titles.map((title, i) => ({
    sku: skus[i] ?? '',
    title,
    spec: specs[i] ?? '',
    quantity: qty[i] as number,
    unitPriceMinor: unit,
  }));
}

const splitList = (s: string, kinds: number): string[] => {
  if (kinds <= 1) return [s];
  const parts = s
    .split(/[，;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length === kinds ? parts : [s];
};

/** 淘宝/天猫 订单报表: one row per order; several names carry trailing spaces (matched trimmed). */
export const taobaoLayout: Layout = {
  format: 'taobao',
  kind: 'taobao',
  defaultCurrency: 'CNY',
  required: ['订单编号', '收货地址', '订单创建时间', '宝贝标题'],
  signature: ['订单编号', '买家会员名', '买家支付宝账号', '宝贝标题', '宝贝总数量'],
  parse(t: Table): ParseResult {
    const c = columns(t);
    const out: ParseResult = { orders: [], rejected: [] };
    const groups = groupBy(t, (r) => cleanId(c.get(r, '订单编号')), '订单编号', out.rejected);
    collect(
      groups,
      t,
      (rows, nums): ParsedOrder => {
        const r = rows[rows.length - 1] as string[];
        const f = (name: string) => c.get(r, name);
        return atRow(nums[nums.length - 1] as number, () => {
          const kinds = Number.parseInt(f('宝贝种类') || '1', 10) || 1;
          const totalQty = quantity(f('宝贝总数量') || '1', '宝贝总数量');
          const shipping = amount(f('买家应付邮费'), 'CNY', '买家应付邮费');
          const total = amount(
            c.pick(r, '买家实际支付金额', '支付金额', '总金额'),
            'CNY',
            '买家实际支付金额',
          );
          const goods = f('买家应付货款')
            ? amount(f('买家应付货款'), 'CNY', '买家应付货款')
            : Math.max(0, total - shipping);
          const titles = splitList(f('宝贝标题'), kinds);
          const specs = splitList(c.pick(r, '商品属性', '修改后的sku'), titles.length);
          const skus = splitList(cleanId(f('商家编码')), titles.length);
          const placedAt = dateMs(f('订单创建时间'), '订单创建时间', CN);
          const addr = splitPostcode(f('修改后的收货地址') || f('收货地址'));
          const status = f('订单状态');
          return {
            externalId: cleanId(f('订单编号')),
            rows: nums,
            channelCode: '',
            type: null,
            typeHint: f('店铺名称') ? `店铺 ${f('店铺名称')}` : null,
            channelStatus: status,
            // 交易關閉 in a traditional-character (Big5) export.
            cancelled: /关闭|取消/.test(foldTraditional(status)),
            placedAt,
            sourceUpdatedAt: newestOf(
              placedAt,
              optionalDate(f('订单付款时间'), '订单付款时间', CN),
              optionalDate(f('确认收货时间'), '确认收货时间', CN),
            ),
            currency: 'CNY',
            totalMinor: total || goods + shipping,
            shippingMinor: shipping,
            paymentMethod: f('支付单号') || f('买家支付宝账号') ? 'alipay' : null,
            buyerMessage: f('买家留言') || null,
            buyerId: cleanId(f('买家会员名')),
            buyerName: cleanId(f('买家会员名')),
            buyerEmail: '',
            recipientName: c.pick(r, '收货人姓名', '收货人'),
            phone: cleanId(f('联系手机') || f('联系电话')),
            idNumber: '',
            address: {
              raw: addr.text,
              country: 'CN',
              province: '',
              city: '',
              district: '',
              street: '',
              detail: '',
              postcode: addr.postcode,
            },
            lines: spreadItems(titles, specs, skus, totalQty, goods),
          };
        });
      },
      out,
    );
    return out;
  },
};
