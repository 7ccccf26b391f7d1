import type { CoreContext } from '../../core-context';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type { DocumentKind, RenderedFile } from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';
import { getOrder } from '../orders';
import { findWarehouseByCode } from '../inventory';
import { binsFor, customsFacts, manifestOrderIds, skuFacts, waveSlots } from './documents.repo';
import { orderWeightGrams, senderFor, templateAssets } from './documents.service';
import { newPdf, pdfBuffer } from './pdf-doc';
import { drawManifest, drawPackingSlip, drawPickList, pickRows, type Lang } from './warehouse-docs.renderer';
import {
  drawCommercialInvoice,
  drawCustoms,
  drawSalesReceipt,
  type CustomsLine,
} from './trade-docs.renderer';

export interface RenderInput {
  kind: Exclude<DocumentKind, 'label'>;
  orderIds: number[];
  carrier?: string;
  date?: string;
  language?: Lang;
}

const TITLES: Record<RenderInput['kind'], string> = {
  pick_list: 'Pick list 拣货单',
  packing_slip: 'Packing slip 出库单',
  customs: 'Customs declaration CN22/CN23',
  commercial_invoice: 'Commercial invoice',
  sales_receipt: 'Sales receipt 销售单',
  manifest: 'Manifest 交接清单',
};

/**
 * The CN22/CN23 item description is one short field: carriers' electronic customs data take
 * about 60 characters, and the form's cell holds about three lines of it.
 */
export const CUSTOMS_DESCRIPTION_MAX = 60;

const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The shop's English customs description, followed by the line's title only when it adds
 * something (the English description often already is "title (spec)"); without a customs
 * description, the title and spec. The declared English text wins the room: the title is
 * dropped rather than the description cut, and an over-long description is cut at a word.
 */
export function customsDescription(descriptionEn: string, title: string, spec: string): string {
  const en = descriptionEn.trim();
  const own = `${title} ${spec}`.trim();
  let text = en || own;
  if (en && title.trim() && !squash(en).includes(squash(title))) {
    const both = `${en} ${title.trim()}`;
    if (both.length <= CUSTOMS_DESCRIPTION_MAX) text = both;
  }
  if (text.length <= CUSTOMS_DESCRIPTION_MAX) return text;
  const cut = text.slice(0, CUSTOMS_DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > CUSTOMS_DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function customsLines(ctx: CoreContext, o: OrderDetail): { lines: CustomsLine[]; category: string } {
  const codes = o.lines.map((l) => l.sku);
  const customs = customsFacts(ctx.db, codes);
  const facts = skuFacts(ctx.db, codes);
  const lines = o.lines.map((l) => {
    const c = customs.get(l.sku);
    return {
      description: customsDescription(c?.descriptionEn ?? '', l.title, l.spec),
      hsCode: c?.hsCode ?? '',
      origin: c?.originCountry ?? 'CN',
      quantity: l.quantity,
      weightGrams: (facts.get(l.sku)?.weightGrams ?? 0) * l.quantity,
      valueMinor: l.quantity * l.unitPriceMinor,
    };
  });
  return { lines, category: customs.get(o.lines[0]?.sku ?? '')?.category ?? 'merchandise' };
}

/**
 * Customs forms and commercial invoices belong to parcels that leave the country they ship from
 * (the warehouse's country; CN when the order has no warehouse yet). A domestic order in the
 * batch is refused by name rather than given a CN22 no carrier wants.
 */
function assertCrossBorder(ctx: CoreContext, kind: string, orders: OrderDetail[]): void {
  const domestic = orders.filter((o) => {
    const from = (o.warehouse && findWarehouseByCode(ctx.db, o.warehouse)?.country) || 'CN';
    return (o.address.country || 'CN').toUpperCase() === from.toUpperCase();
  });
  if (domestic.length)
    throw new AppFailure(
      'invalid_input',
      `orderIds: ${domestic.length === 1 ? 'order' : 'orders'} ${domestic.map((o) => o.id).join(', ')} ` +
        `${domestic.length === 1 ? 'ships' : 'ship'} within ${(domestic[0]!.address.country || 'CN').toUpperCase()}; ` +
        `a ${kind.replace('_', ' ')} is only for cross-border orders`,
    );
}

/** The shop's local day [from, to) in epoch ms; a manifest covers one working day. */
function dayBounds(date: string): [number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [new Date(y, m - 1, d).getTime(), new Date(y, m - 1, d + 1).getTime()];
}

const localDate = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export async function renderDocumentBytes(ctx: CoreContext, input: RenderInput): Promise<Buffer> {
  const t = templateAssets(ctx, input.kind);
  const today = localDate(ctx.now());
  let ids = input.orderIds;
  if (input.kind === 'manifest') {
    if (!input.carrier)
      throw new AppFailure(
        'invalid_input',
        'carrier: a manifest is per carrier; say which one (e.g. sf, zto)',
      );
    const [from, to] = dayBounds(input.date ?? today);
    ids = ids.length ? ids : manifestOrderIds(ctx.db, input.carrier, from, to);
    if (ids.length === 0)
      throw new AppFailure(
        'not_found',
        `No packed or shipped parcels with a tracking number for ${input.carrier} on ${input.date ?? today}`,
      );
  }
  if (ids.length === 0)
    throw new AppFailure(
      'invalid_input',
      `orderIds: choose at least one order for the ${input.kind.replace('_', ' ')}`,
    );
  const orders = ids.map((id) => getOrder(ctx, id));
  if (input.kind === 'customs' || input.kind === 'commercial_invoice')
    assertCrossBorder(ctx, input.kind, orders);
  const optLang = t.options.language && t.options.language !== 'auto' ? t.options.language : undefined;
  const lang: Lang = input.language ?? optLang ?? 'zh';
  const doc = newPdf('A4', { title: TITLES[input.kind] });
  switch (input.kind) {
    case 'pick_list': {
      // Bins are per warehouse; a mixed batch uses the first order's warehouse for walking order.
      const bins = binsFor(
        ctx.db,
        orders[0]!.warehouse,
        orders.flatMap((o) => o.lines.map((l) => l.sku)),
      );
      const slots = waveSlots(ctx.db, ids);
      const sorted = slots.size ? [...orders].sort((a, b) => slots.get(a.id)! - slots.get(b.id)!) : orders;
      drawPickList(doc, sorted, pickRows(sorted, bins), lang, today, slots);
      break;
    }
    case 'packing_slip':
      for (const o of orders)
        drawPackingSlip(doc, o, senderFor(ctx, o.warehouse, t), lang, {
          showPrices: t.options.showPrices ?? false,
          footer: t.options.footer ?? '',
          logo: t.logo,
        });
      break;
    case 'customs':
      for (const o of orders) {
        const c = customsLines(ctx, o);
        drawCustoms(doc, o, senderFor(ctx, o.warehouse, t), c.lines, c.category, today);
      }
      break;
    case 'commercial_invoice':
      for (const o of orders)
        drawCommercialInvoice(
          doc,
          o,
          senderFor(ctx, o.warehouse, t),
          customsLines(ctx, o).lines,
          o.lines.map((l) => l.unitPriceMinor),
          t.logo,
        );
      break;
    case 'sales_receipt':
      for (const o of orders) drawSalesReceipt(doc, o, senderFor(ctx, o.warehouse, t), lang, t.logo);
      break;
    case 'manifest': {
      // Each warehouse hands its own parcels to the carrier's driver: one manifest page per warehouse.
      const byWarehouse = new Map<string | null, OrderDetail[]>();
      for (const o of orders) byWarehouse.set(o.warehouse, [...(byWarehouse.get(o.warehouse) ?? []), o]);
      for (const [warehouse, group] of byWarehouse)
        drawManifest(
          doc,
          input.carrier!,
          input.date ?? today,
          group.map((o) => ({ order: o, weightGrams: orderWeightGrams(ctx, o) })),
          senderFor(ctx, warehouse, t),
          lang,
        );
      break;
    }
  }
  return pdfBuffer(doc);
}

export async function renderDocument(ctx: CoreContext, input: RenderInput): Promise<RenderedFile> {
  const bytes = await renderDocumentBytes(ctx, input);
  const suffix =
    input.kind === 'manifest'
      ? `${input.carrier}-${input.date ?? localDate(ctx.now())}`
      : input.orderIds.length === 1
        ? String(input.orderIds[0])
        : `${input.orderIds.length}-orders`;
  return {
    filename: `${input.kind}-${suffix}.pdf`,
    mime: 'application/pdf',
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}
