import { sqliteTable, integer, text, blob, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

/** One editable template per document kind: the shop's logo, sender block and field toggles. */
export const documentTemplates = sqliteTable(
  'document_templates',
  {
    kind: text('kind').primaryKey(),
    /** PNG or JPEG bytes; pdfkit embeds either. */
    logo: blob('logo', { mode: 'buffer' }),
    /** Overrides the warehouse as sender: { name, phone, company, address }. */
    senderJson: text('sender_json'),
    /** Field toggles and options, e.g. { "showLines": false, "language": "en" }. */
    optionsJson: text('options_json').notNull().default('{}'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    check(
      'document_templates_kind',
      sql`${t.kind} in ('label','pick_list','packing_slip','customs','commercial_invoice','sales_receipt','manifest')`,
    ),
  ],
);

/** What customs forms need per SKU and the catalog does not hold. */
export const skuCustoms = sqliteTable(
  'sku_customs',
  {
    sku: text('sku').primaryKey(),
    descriptionEn: text('description_en').notNull(),
    hsCode: text('hs_code').notNull().default(''),
    originCountry: text('origin_country').notNull().default('CN'),
    category: text('category').notNull().default('merchandise'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    check(
      'sku_customs_category',
      sql`${t.category} in ('gift','documents','commercial_sample','returned_goods','merchandise','other')`,
    ),
  ],
);
