import { z } from 'zod';
import { read, write } from './define';
import { id } from './common.schema';

export const LABEL_SIZES = ['100x150', '76x130'] as const;
export type LabelSize = (typeof LABEL_SIZES)[number];
export const LABEL_FORMATS = ['pdf', 'zpl', 'tspl', 'escpos'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];
export const DOCUMENT_KINDS = [
  'label',
  'pick_list',
  'packing_slip',
  'customs',
  'commercial_invoice',
  'sales_receipt',
  'manifest',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const CUSTOMS_CATEGORIES = [
  'gift',
  'documents',
  'commercial_sample',
  'returned_goods',
  'merchandise',
  'other',
] as const;

export const labelSize = z.enum(LABEL_SIZES);
export const labelFormat = z.enum(LABEL_FORMATS);
export const documentKind = z.enum(DOCUMENT_KINDS);
export const docLanguage = z.enum(['zh', 'en']);

/** A generated file; bytes travel as base64 so IPC and HTTP carry them alike. */
export const renderedFile = z.object({
  filename: z.string(),
  mime: z.string(),
  base64: z.string(),
  bytes: z.number().int(),
});
export type RenderedFile = z.infer<typeof renderedFile>;

export const senderBlock = z
  .object({
    name: z.string().max(100),
    phone: z.string().max(40),
    company: z.string().max(200).default(''),
    address: z.string().max(500),
  })
  .strict();

export const templateOptions = z
  .object({
    language: z.enum(['zh', 'en', 'auto']).optional(),
    privacyPhone: z.boolean().optional(),
    showLines: z.boolean().optional(),
    showPrices: z.boolean().optional(),
    showLogo: z.boolean().optional(),
    service: z.string().max(60).optional(),
    footer: z.string().max(300).optional(),
  })
  .strict();
export type TemplateOptions = z.infer<typeof templateOptions>;

export const documentTemplate = z.object({
  kind: documentKind,
  hasLogo: z.boolean(),
  sender: senderBlock.nullable(),
  options: templateOptions,
  updatedAt: z.string().nullable(),
});
export type DocumentTemplate = z.infer<typeof documentTemplate>;

export const customsItem = z
  .object({
    sku: z.string().min(1).max(100),
    descriptionEn: z.string().min(1).max(200),
    hsCode: z
      .string()
      .regex(/^\d{6,10}$/, 'HS code must be 6 to 10 digits')
      .or(z.literal('')),
    originCountry: z.string().regex(/^[A-Z]{2}$/, 'origin must be an ISO 3166 alpha-2 code such as CN'),
    category: z.enum(CUSTOMS_CATEGORIES),
  })
  .strict();

export const documentsContract = {
  'documents.label': read(
    'A shipping label for one order as PDF, ZPL, TSPL or ESC/POS',
    z
      .object({
        orderId: id,
        format: labelFormat.default('pdf'),
        size: labelSize.default('100x150'),
        dpi: z.number().int().min(150).max(600).default(203),
      })
      .strict(),
    renderedFile,
  ),
  'documents.render': read(
    'A pick list, packing slip, customs form, invoice, receipt or carrier manifest as PDF',
    z
      .object({
        kind: documentKind.exclude(['label']),
        orderIds: z.array(id).max(5000).default([]),
        /** Manifest: the carrier and the day (orders shipped that day, else all packed/shipped orders of the day). */
        carrier: z.string().max(40).optional(),
        date: z.iso.date().optional(),
        language: docLanguage.optional(),
      })
      .strict(),
    renderedFile,
  ),
  'documents.templates.get': read(
    'The shop-editable template of one document kind',
    z.object({ kind: documentKind }).strict(),
    documentTemplate,
  ),
  'documents.templates.save': write(
    'Change a document template: sender, field toggles, logo (base64 PNG/JPEG; null removes it)',
    z
      .object({
        kind: documentKind,
        sender: senderBlock.nullable().optional(),
        options: templateOptions.optional(),
        logoBase64: z.string().max(2_000_000).nullable().optional(),
      })
      .strict(),
    documentTemplate,
  ),
  'documents.customs.save': write(
    'Customs facts per SKU (English description, HS code, origin, category) for CN22/CN23 and invoices',
    z.object({ items: z.array(customsItem).min(1).max(10_000) }).strict(),
    z.object({ saved: z.number().int() }),
  ),
} as const;
