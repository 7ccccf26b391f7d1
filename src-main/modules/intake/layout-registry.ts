import { AppFailure } from '../../../src-shared/result';
import { alibaba1688Layout } from './alibaba1688.layout';
import { amazonLayout } from './amazon.layout';
import { douyinLayout } from './douyin.layout';
import type { ImportFormat, Layout, Table } from './intake.types';
import { packdeskLayout } from './packdesk.layout';
import { pddLayout } from './pdd.layout';
import { shopifyLayout } from './shopify.layout';
import { taobaoLayout } from './taobao.layout';
import { taobaoItemsLayout } from './taobao-items.layout';
import { woocommerceLayout } from './woocommerce.layout';

export const LAYOUTS: readonly Layout[] = [
  shopifyLayout,
  woocommerceLayout,
  amazonLayout,
  taobaoLayout,
  taobaoItemsLayout,
  pddLayout,
  douyinLayout,
  alibaba1688Layout,
  packdeskLayout,
];

export const layoutFor = (format: ImportFormat): Layout => LAYOUTS.find((l) => l.format === format) as Layout;

/** Share of a layout's signature headers present: exports add and drop columns over the years. */
const score = (l: Layout, headers: Set<string>): number =>
  l.signature.filter((h) => headers.has(h)).length / l.signature.length;

/** `--format auto`: the layout whose signature best matches the header row, if it is convincing. */
export function detectLayout(t: Table): Layout {
  const headers = new Set(t.headers);
  const ranked = LAYOUTS.map((l) => ({ l, s: score(l, headers) })).sort((a, b) => b.s - a.s);
  const best = ranked[0];
  if (!best || best.s < 0.6) {
    // Amazon's "All Orders" report (amazon-order-id…) has no recipient name or street: it cannot
    // ship a parcel, and the report that can is one click away.
    if (headers.has('amazon-order-id') && !headers.has('recipient-name'))
      throw new AppFailure(
        'invalid_input',
        `${t.fileName}: row 1: this is Amazon's "All Orders" report, which has no recipient name or street address to ship to. In Seller Central download Orders → Order Reports → "Unshipped Orders" (or "New Orders") and import that file.`,
        [{ path: 'row 1', message: 'Amazon All Orders report: no ship-to address' }],
      );
    throw new AppFailure(
      'invalid_input',
      `${t.fileName}: row 1: the header does not match any known export (Shopify, WooCommerce, Amazon, 淘宝, 拼多多, 抖店, 1688 or the Packdesk template). Choose the format by hand or use the Packdesk template.`,
      [{ path: 'row 1', message: 'unknown layout' }],
    );
  }
  return best.l;
}

/** The layout's required columns must all be there; the first missing one is named. */
export function checkRequired(t: Table, l: Layout): void {
  const headers = new Set(t.headers);
  const missing = l.required.filter((h) => !headers.has(h));
  if (missing.length) {
    throw new AppFailure(
      'invalid_input',
      `${t.fileName}: row 1, column "${missing[0]}": required column missing for the ${l.format} layout${missing.length > 1 ? ` (also missing: ${missing.slice(1).join(', ')})` : ''}`,
      missing.map((m) => ({ path: `row 1/${m}`, message: 'required column missing' })),
    );
  }
}
