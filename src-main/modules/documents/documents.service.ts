import type { CoreContext } from '../../core-context';
import type { OrderDetail } from '../../../src-shared/contract/orders.contract';
import type {
  DocumentKind,
  DocumentTemplate,
  LabelFormat,
  LabelSize,
  RenderedFile,
  TemplateOptions,
} from '../../../src-shared/contract/documents.contract';
import { AppFailure } from '../../../src-shared/result';
import { getOrder } from '../orders';
import { findWarehouseByCode, listWarehouses } from '../inventory';
import { findTemplate, skuFacts, upsertCustoms, upsertTemplate } from './documents.repo';
import { buildLabelModel, type LabelModel, type SenderInfo } from './label.model';
import { renderLabelsPdf } from './label-pdf.renderer';
import { renderLabelZpl } from './label-zpl.renderer';
import { renderLabelTspl } from './label-tspl.renderer';
import { renderLabelEscpos } from './label-escpos.renderer';
import { renderReceiptEscpos } from './receipt-escpos.renderer';

interface SenderJson {
  name: string;
  phone: string;
  company: string;
  address: string;
}

export interface TemplateAssets {
  logo: Buffer | null;
  sender: SenderJson | null;
  options: TemplateOptions;
}

export function templateAssets(ctx: CoreContext, kind: DocumentKind): TemplateAssets {
  const row = findTemplate(ctx.db, kind);
  if (!row) return { logo: null, sender: null, options: {} };
  const options = JSON.parse(row.optionsJson) as TemplateOptions;
  return {
    logo: options.showLogo === false ? null : (row.logo ?? null),
    sender: row.senderJson ? (JSON.parse(row.senderJson) as SenderJson) : null,
    options,
  };
}

export function getTemplate(ctx: CoreContext, kind: DocumentKind): DocumentTemplate {
  const row = findTemplate(ctx.db, kind);
  return {
    kind,
    hasLogo: Boolean(row?.logo),
    sender: row?.senderJson ? (JSON.parse(row.senderJson) as SenderJson) : null,
    options: row ? (JSON.parse(row.optionsJson) as TemplateOptions) : {},
    updatedAt: row ? new Date(row.updatedAt).toISOString() : null,
  };
}

const PNG = '89504e47';
const JPEG = 'ffd8ff';

export function saveTemplate(
  ctx: CoreContext,
  input: {
    kind: DocumentKind;
    sender?: SenderJson | null;
    options?: TemplateOptions;
    logoBase64?: string | null;
  },
): DocumentTemplate {
  const current = findTemplate(ctx.db, input.kind);
  let logo = current?.logo ?? null;
  if (input.logoBase64 === null) logo = null;
  else if (input.logoBase64 !== undefined) {
    const bytes = Buffer.from(input.logoBase64, 'base64');
    const head = bytes.subarray(0, 4).toString('hex');
    if (!head.startsWith(PNG) && !head.startsWith(JPEG)) {
      throw new AppFailure('invalid_input', 'logoBase64: the logo must be a PNG or JPEG image');
    }
    logo = bytes;
  }
  upsertTemplate(ctx.db, {
    kind: input.kind,
    logo,
    senderJson:
      input.sender === undefined
        ? (current?.senderJson ?? null)
        : input.sender
          ? JSON.stringify(input.sender)
          : null,
    optionsJson: input.options === undefined ? (current?.optionsJson ?? '{}') : JSON.stringify(input.options),
    updatedAt: ctx.now(),
  });
  return getTemplate(ctx, input.kind);
}

export function saveCustoms(
  ctx: CoreContext,
  items: { sku: string; descriptionEn: string; hsCode: string; originCountry: string; category: string }[],
): number {
  for (const it of items) upsertCustoms(ctx.db, { ...it, updatedAt: ctx.now() });
  return items.length;
}

/** The shop's sender block: the template's, else the order's warehouse, else the first warehouse. */
export function senderFor(
  ctx: CoreContext,
  warehouseCode: string | null,
  template: TemplateAssets,
): SenderInfo {
  if (template.sender) {
    const t = template.sender;
    return {
      name: t.name,
      phone: t.phone,
      company: t.company,
      addressLines: t.address.split(/\n/).filter(Boolean),
    };
  }
  const w =
    (warehouseCode ? findWarehouseByCode(ctx.db, warehouseCode) : undefined) ??
    listWarehouses(ctx.db).find((x) => x.active);
  if (!w) return { name: '', phone: '', company: '', addressLines: [] };
  return {
    name: w.contactName || w.name,
    phone: w.phone,
    company: w.contactName ? w.name : '',
    addressLines: [[w.province, w.city, w.district].filter(Boolean).join(''), w.address].filter(Boolean),
  };
}

/** Weight from the catalog; null when any SKU has no weight recorded (a guess would mislead). */
export function orderWeightGrams(ctx: CoreContext, order: OrderDetail): number | null {
  const facts = skuFacts(
    ctx.db,
    order.lines.map((l) => l.sku),
  );
  let total = 0;
  for (const l of order.lines) {
    const g = facts.get(l.sku)?.weightGrams ?? 0;
    if (g <= 0) return null;
    total += g * l.quantity;
  }
  return total;
}

export function labelModelFor(
  ctx: CoreContext,
  orderId: number,
  template = templateAssets(ctx, 'label'),
): LabelModel {
  const order = getOrder(ctx, orderId);
  return buildLabelModel(order, senderFor(ctx, order.warehouse, template), {
    weightGrams: orderWeightGrams(ctx, order),
    now: ctx.now(),
    options: template.options,
  });
}

/** The TTF a Zebra must hold (downloaded once with the vendor's utility) when set to use its own CJK font. */
export const ZPL_PRINTER_CJK_FONT = 'E:SIMSUN.TTF';

const MIME: Record<LabelFormat, string> = {
  pdf: 'application/pdf',
  zpl: 'application/vnd.zebra.zpl',
  tspl: 'application/vnd.tsc.tspl',
  escpos: 'application/vnd.escpos',
};

export async function renderLabelBytes(
  ctx: CoreContext,
  input: { orderIds: number[]; format: LabelFormat; size: LabelSize; dpi: number; cjkFont?: boolean },
): Promise<Buffer> {
  const template = templateAssets(ctx, 'label');
  const models = input.orderIds.map((id) => labelModelFor(ctx, id, template));
  switch (input.format) {
    case 'pdf':
      return renderLabelsPdf(models, { size: input.size, logo: template.logo });
    case 'zpl':
      return Buffer.concat(
        models.map((m) =>
          renderLabelZpl(m, {
            size: input.size,
            dpi: input.dpi,
            cjkFont: input.cjkFont ? ZPL_PRINTER_CJK_FONT : null,
          }),
        ),
      );
    case 'tspl':
      return Buffer.concat(
        models.map((m) =>
          renderLabelTspl(m, { size: input.size, dpi: input.dpi, cjkFont: input.cjkFont ?? false }),
        ),
      );
    case 'escpos':
      return Buffer.concat(models.map((m) => renderLabelEscpos(m)));
    default:
      throw new AppFailure(
        'invalid_input',
        `Unknown label format "${String(input.format)}"; use pdf, zpl, tspl or escpos`,
      );
  }
}

export async function renderLabel(
  ctx: CoreContext,
  input: { orderId: number; format: LabelFormat; size: LabelSize; dpi: number },
): Promise<RenderedFile> {
  const bytes = await renderLabelBytes(ctx, { ...input, orderIds: [input.orderId] });
  return {
    filename: `label-${input.orderId}.${input.format === 'escpos' ? 'bin' : input.format}`,
    mime: MIME[input.format],
    base64: bytes.toString('base64'),
    bytes: bytes.length,
  };
}

/** The sales receipt for a receipt printer; the shop name comes from the receipt template's sender. */
export function renderSalesReceiptEscpos(ctx: CoreContext, orderId: number): Buffer {
  const order = getOrder(ctx, orderId);
  const t = templateAssets(ctx, 'sales_receipt');
  const sender = senderFor(ctx, order.warehouse, t);
  return renderReceiptEscpos(order, {
    name: sender.company || sender.name,
    phone: sender.phone,
    footer: t.options.footer ?? '',
  });
}
