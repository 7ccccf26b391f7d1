import type { OrderType } from '../../../src-shared/domain/ids';
import type { Table } from '../../adapters/files/table-read.adapter';

export type { Table };

export const IMPORT_FORMATS = [
  'shopify',
  'woocommerce',
  'amazon',
  'taobao',
  'taobao_items',
  'pdd',
  'douyin',
  'alibaba1688',
  'packdesk',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ParsedLine {
  sku: string;
  title: string;
  spec: string;
  quantity: number;
  unitPriceMinor: number;
  /** 预售: the channel's expected ship date (YYYY-MM-DD) for this line, when it gives one. */
  presaleShipDate?: string | null;
}

export interface ParsedAddress {
  raw: string;
  country: string;
  province: string;
  city: string;
  district: string;
  street: string;
  detail: string;
  postcode: string;
}

/** One order as a file describes it, before standardisation; layouts produce these and nothing else. */
export interface ParsedOrder {
  externalId: string;
  /** The file rows it came from (Excel numbering, header = 1). */
  rows: number[];
  /** Only the lines are known (Taobao's item report): they replace the lines of the stored order. */
  linesOnly?: boolean;
  /** Packdesk template rows may name their own channel. */
  channelCode: string;
  type: OrderType | null;
  /** Why the layout thinks the order has that type (e.g. 达人ID present). */
  typeHint: string | null;
  channelStatus: string;
  cancelled: boolean;
  placedAt: number;
  sourceUpdatedAt: number;
  currency: string;
  /** Null when the file has no order total: it is then lines + shipping. */
  totalMinor: number | null;
  shippingMinor: number;
  paymentMethod: string | null;
  buyerMessage: string | null;
  buyerId: string;
  buyerName: string;
  buyerEmail: string;
  recipientName: string;
  phone: string;
  idNumber: string;
  address: ParsedAddress;
  lines: ParsedLine[];
  /** The channel's own tags (API orders). */
  tags?: string[];
  /** Where the order came from, kept as its first reason (e.g. the channel API's id). */
  origin?: string;
}

export interface RowProblem {
  row: number;
  column: string;
  message: string;
}

export interface ParseResult {
  orders: ParsedOrder[];
  rejected: RowProblem[];
}

export interface Layout {
  format: ImportFormat;
  /** The channel kind a file of this layout comes from, for channels created on first import. */
  kind: string;
  defaultCurrency: string;
  /** Headers (after trimming) that must be present; the first missing one is named in the error. */
  required: string[];
  /** Headers that together identify the layout for `--format auto`. */
  signature: string[];
  parse(t: Table): ParseResult;
}
