import { z } from 'zod';

/** Push events from the core to every window, tab and handheld. */
export const eventsContract = {
  'orders.changed': z.object({
    ids: z.array(z.number().int()),
    reason: z.string(),
    /** Set when these orders now wait for the automatic pipeline: arrivals for review, approvals for routing. */
    waiting: z.enum(['review', 'routing']).optional(),
  }),
  'settings.changed': z.object({
    what: z.enum(['warehouses', 'channels', 'settings']),
    /** Which setting, when one is known: the automatic pipeline re-runs routing after routing ones. */
    key: z.string().optional(),
  }),
  'jobs.changed': z.object({ ids: z.array(z.number().int()) }),
  /** Tracking pushes (the outbox) were queued, tried, retried, exported or recovered. */
  'outbox.changed': z.object({ ids: z.array(z.number().int()) }),
  /** Platform e-waybill numbers were planned, fetched, refused, printed or given back. */
  'waybills.changed': z.object({ orderIds: z.array(z.number().int()) }),
  alert: z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
  /** Available stock fell below its safety threshold, or an order is waiting for it. */
  'stock.low': z.object({
    alertId: z.number().int(),
    kind: z.enum(['low_stock', 'backorder']),
    warehouse: z.string(),
    sku: z.string(),
    available: z.number().int(),
    threshold: z.number().int(),
    suggestions: z.array(z.string()),
  }),
  /** A channel's watched folder was scanned: files imported, skipped or refused. */
  'folders.changed': z.object({ channelId: z.number().int() }),
  /** A channel API pull started, committed a page, finished, failed or went offline. */
  'sync.progress': z.object({
    channelId: z.number().int(),
    state: z.enum(['running', 'ok', 'error', 'offline']),
    pages: z.number().int(),
    imported: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    error: z.string().nullable(),
  }),
} as const;

export type EventName = keyof typeof eventsContract;
export type EventPayload<K extends EventName> = z.infer<(typeof eventsContract)[K]>;
export interface PushEvent<K extends EventName = EventName> {
  name: K;
  payload: EventPayload<K>;
}
