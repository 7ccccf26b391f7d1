import { z } from 'zod';
import { read, write, task } from './define';
import { id, isoDate } from './common.schema';

export const IMPORT_FORMAT_NAMES = [
  'auto',
  'shopify',
  'woocommerce',
  'amazon',
  'taobao',
  'pdd',
  'douyin',
  'alibaba1688',
  'packdesk',
] as const;
export const importFormat = z.enum(IMPORT_FORMAT_NAMES);

export const rowProblem = z.object({ row: z.number().int(), column: z.string(), message: z.string() });

/** The same shape `packdesk import --json` prints. */
export const importReport = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(rowProblem),
  /** About the whole file rather than a row, e.g. that its encoding was a close call (absent: none). */
  notes: z.array(z.string()).optional(),
});
export type ImportReport = z.infer<typeof importReport>;

export const importRun = z.object({
  id,
  fileName: z.string(),
  format: z.string(),
  channel: z.string(),
  status: z.enum(['running', 'done']),
  totalOrders: z.number().int(),
  doneOrders: z.number().int(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.array(rowProblem),
  startedAt: isoDate,
  finishedAt: isoDate.nullable(),
});

const standardizationChange = z.object({
  field: z.string(),
  before: z.string(),
  after: z.string(),
  reason: z.string(),
});

/** 1 MiB of file per chunk keeps each HTTP/IPC message small; a file is at most 200 MiB. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

export const folderStatus = z.object({
  channelId: id,
  channel: z.string(),
  name: z.string(),
  dir: z.string(),
  format: importFormat,
  enabled: z.boolean(),
  /** The core is running its watcher (the desktop app and packdesk serve; not one-shot CLI commands). */
  watching: z.boolean(),
  lastScanAt: isoDate.nullable(),
  lastFile: z.string().nullable(),
  lastStatus: z.enum(['imported', 'skipped', 'failed', 'error']).nullable(),
  lastMessage: z.string().nullable(),
  filesImported: z.number().int(),
  filesFailed: z.number().int(),
});
export type FolderStatus = z.infer<typeof folderStatus>;

export const intakeContract = {
  'intake.upload': write(
    'Store one base64 chunk of a file picked or dropped in the UI, before intake.import',
    z
      .object({
        uploadId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _'),
        seq: z.number().int().min(0).max(200),
        fileName: z.string().min(1).max(255),
        chunkBase64: z.string().max(Math.ceil((UPLOAD_CHUNK_BYTES * 4) / 3) + 4),
      })
      .strict(),
    z.object({ bytes: z.number().int() }),
  ),
  /** It commits its own pages (each page of orders with its progress), so other writers are not blocked for the whole file. */
  'intake.import': task(
    'Import an uploaded file page by page (idempotent: re-importing changes nothing)',
    z
      .object({
        uploadId: z.string().min(8).max(64),
        format: importFormat.default('auto'),
        channel: z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$/, 'must be a channel code: 2–32 letters, digits, - or _')
          .optional(),
      })
      .strict(),
    importReport.extend({ runId: id, format: z.string(), channel: z.string() }),
  ),
  'intake.runs': read(
    'Recent imports with their progress and rejected rows',
    z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    z.object({ rows: z.array(importRun) }),
  ),
  'standardize.changes': read(
    'What standardisation changed on an order, before → after, with reasons',
    z.object({ orderId: id }).strict(),
    z.object({ rows: z.array(standardizationChange) }),
  ),
  'standardize.unmatched': read(
    'Order lines whose channel SKU/spec matches no catalogue SKU, grouped for the mapping screen',
    z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict(),
    z.object({
      rows: z.array(
        z.object({
          sourceKey: z.string(),
          title: z.string(),
          spec: z.string(),
          channelSku: z.string(),
          lines: z.number().int(),
          orders: z.number().int(),
          suggestion: z.string().nullable(),
        }),
      ),
    }),
  ),
  'standardize.mapSku': write(
    'Remember that a channel title + spec is an internal SKU (its code or a barcode of it) and apply it to waiting order lines',
    z
      .object({ title: z.string().max(500), spec: z.string().max(500), sku: z.string().min(1).max(64) })
      .strict(),
    z.object({
      sourceKey: z.string(),
      /** Unmatched lines of waiting orders now on the SKU. */
      remapped: z.number().int(),
      /** A correction: lines of orders not yet allocated moved from the SKU mapped before. */
      corrected: z.number().int(),
      /** A correction: lines of orders allocated or further, which keep the SKU mapped before. */
      left: z.number().int(),
    }),
  ),
  'standardize.mappings': read(
    'The remembered SKU mappings (channel title + spec → internal SKU), latest first',
    z.object({}).strict(),
    z.object({
      rows: z.array(
        z.object({
          sourceKey: z.string(),
          title: z.string(),
          spec: z.string(),
          sku: z.string(),
          updatedAt: isoDate,
        }),
      ),
    }),
  ),
  'standardize.forgetMapping': write(
    'Forget a remembered SKU mapping: later imports of that title + spec wait on the mapping screen again; orders keep their SKU',
    z.object({ sourceKey: z.string().min(1).max(1100) }).strict(),
    z.object({ forgotten: z.boolean() }),
  ),
  'standardize.synonyms': read(
    'The spec/size/colour dictionary: built-in defaults and the shop’s own entries',
    z.object({}).strict(),
    z.object({
      rows: z.array(
        z.object({ term: z.string(), canonical: z.string(), source: z.enum(['default', 'shop']) }),
      ),
    }),
  ),
  'standardize.saveSynonym': write(
    'Add or change a spec synonym (canonical empty removes the shop entry)',
    z
      .object({
        // ; , / | and : separate the values of a spec ("颜色:红; 尺码:XL"): a term holding one never matches.
        term: z
          .string()
          .min(1)
          .max(40)
          .regex(/^[^;；,，/|:：]+$/, 'cannot contain ; , / | or : (they separate the values of a spec)'),
        canonical: z.string().max(40),
      })
      .strict(),
    z.object({ term: z.string(), canonical: z.string() }),
  ),
  'folders.status': read(
    "Channels' watched drop folders: where, which layout, and what the last scan did",
    z.object({}).strict(),
    z.object({ folders: z.array(folderStatus) }),
  ),
  'folders.scanNow': task(
    'Scan watched folders now (all, or one channel’s): import new exports, move them to processed/ or failed/',
    z.object({ channelId: id.optional() }).strict(),
    z.object({
      files: z.array(
        z.object({
          channelId: id,
          file: z.string(),
          status: z.enum(['imported', 'skipped', 'failed']),
          message: z.string().nullable(),
        }),
      ),
    }),
  ),
} as const;
