import { z } from 'zod';
import { read, write } from './define';
import { id, isoDate } from './common.schema';

/** queued → running → done; failed (the shop refused), dead (gave up retrying), export (waits for a file). */
export const OUTBOX_STATUSES = ['queued', 'running', 'done', 'failed', 'dead', 'export'] as const;

/** One push of a tracking number to a sales channel. */
export const outboxJob = z.object({
  id,
  status: z.enum(OUTBOX_STATUSES),
  orderId: id,
  orderNumber: z.string(),
  channelId: id,
  channelName: z.string(),
  channelKind: z.string(),
  /** 'api' pushes online (Shopify, WooCommerce); 'export' goes out in the channel's bulk-shipping file. */
  route: z.enum(['api', 'export']),
  carrier: z.string(),
  /** The carrier as this channel names it (SF Express, 顺丰速运…). */
  carrierName: z.string(),
  trackingNumber: z.string(),
  attempts: z.number().int(),
  /** When a queued job is tried next. */
  nextRunAt: isoDate.nullable(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type OutboxJob = z.infer<typeof outboxJob>;

const counts = z.object(
  Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, z.number().int()])) as {
    [K in (typeof OUTBOX_STATUSES)[number]]: z.ZodNumber;
  },
);

export const outboxContract = {
  'outbox.list': read(
    'Tracking pushes to the sales channels, newest first, with counts per status',
    z
      .object({
        status: z.array(z.enum(OUTBOX_STATUSES)).optional(),
        channelId: id.optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    z.object({
      rows: z.array(outboxJob),
      counts,
      /** Channels without an API that have jobs waiting for their bulk-shipping file. */
      exportable: z.array(z.object({ channelId: id, channelName: z.string(), waiting: z.number().int() })),
      offline: z.object({ since: isoDate, retryAt: isoDate, reason: z.string() }).nullable(),
    }),
  ),
  'outbox.retry': write(
    'Try a failed or dead push again now, with a fresh set of attempts',
    z.object({ ids: z.array(id).min(1).max(500) }).strict(),
    z.object({ rows: z.array(outboxJob) }),
  ),
  /**
   * Marks the exported jobs done in the same transaction that builds the file: the caller saves
   * `content` (CSV, UTF-8 with BOM) as `fileName` and uploads it to the channel's 批量发货 page.
   */
  'outbox.export': write(
    'Build the bulk-shipping upload file (order number, carrier, tracking number) for a channel without an API; its waiting pushes become done',
    z.object({ channelId: id }).strict(),
    z.object({
      fileName: z.string(),
      content: z.string(),
      count: z.number().int(),
      jobIds: z.array(id),
      /** What the columns follow: the channel's own export headers, or the generic layout. */
      layout: z.string(),
    }),
  ),
};
