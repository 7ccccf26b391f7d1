import { z } from 'zod';
import { read, write, task } from './define';
import { id, isoDate } from './common.schema';

export const API_CHANNEL_KINDS = ['shopify', 'woocommerce'] as const;
export const SYNC_STATES = ['not_configured', 'idle', 'running', 'ok', 'error', 'offline'] as const;

const counts = z.object({
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

/** A channel's API connection and sync state. Credentials never appear here, only whether they exist. */
export const syncChannel = z.object({
  channelId: id,
  code: z.string(),
  name: z.string(),
  kind: z.enum(API_CHANNEL_KINDS),
  enabled: z.boolean(),
  /** Shopify shop domain or WooCommerce site URL; '' until configured. */
  url: z.string(),
  intervalMinutes: z.number().int(),
  syncEnabled: z.boolean(),
  hasCredentials: z.boolean(),
  credentialsBackend: z.string().nullable(),
  credentialsUpdatedAt: isoDate.nullable(),
  state: z.enum(SYNC_STATES),
  running: z.boolean(),
  lastRunAt: isoDate.nullable(),
  lastSuccessAt: isoDate.nullable(),
  nextRunAt: isoDate.nullable(),
  /** Checkpoint: changes up to here are stored. */
  cursorAt: isoDate.nullable(),
  lastFullAt: isoDate.nullable(),
  lastCounts: counts,
  lastError: z.string().nullable(),
});
export type SyncChannel = z.infer<typeof syncChannel>;

export const secretStoreStatus = z.object({
  available: z.boolean(),
  backend: z.string(),
  reason: z.string().nullable(),
});

const shopUrl = z.string().trim().min(1, 'is required').max(200);

export const credentialsInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('shopify'),
      accessToken: z.string().trim().min(10, 'must be the Admin API access token (shpat_…)').max(200),
    })
    .strict(),
  z
    .object({
      kind: z.literal('woocommerce'),
      consumerKey: z
        .string()
        .trim()
        .regex(/^ck_[A-Za-z0-9]+$/, 'must be the consumer key (ck_…)'),
      consumerSecret: z
        .string()
        .trim()
        .regex(/^cs_[A-Za-z0-9]+$/, 'must be the consumer secret (cs_…)'),
    })
    .strict(),
]);

export const syncContract = {
  'sync.status': read(
    'API channels with their connection, schedule, last counts, errors and the offline state',
    z.object({}).strict(),
    z.object({
      channels: z.array(syncChannel),
      secretStore: secretStoreStatus,
      offline: z.object({ since: isoDate, retryAt: isoDate, reason: z.string() }).nullable(),
    }),
  ),
  /** The pull commits each page of orders with its checkpoint. Without `wait` it returns at once and progress arrives as sync.progress events. */
  'sync.now': task(
    'Pull orders from API channels now (all enabled ones, or the one given)',
    z.object({ channelId: id.optional(), wait: z.boolean().default(false) }).strict(),
    z.object({ started: z.array(id) }),
  ),
  'sync.configure': write(
    "Set a channel's shop address, sync interval and whether it syncs automatically",
    z
      .object({
        channelId: id,
        url: shopUrl,
        intervalMinutes: z
          .number()
          .int()
          .min(5, 'must be at least 5 minutes')
          .max(24 * 60)
          .default(15),
        syncEnabled: z.boolean().default(true),
      })
      .strict(),
    syncChannel,
  ),
  /** Write-only: the answer says where they went, never what they are. Async: the OS keychain encrypts. */
  'channels.setCredentials': task(
    "Encrypt and store a channel's API credentials",
    z.object({ channelId: id, credentials: credentialsInput }).strict(),
    z.object({ channelId: id, backend: z.string(), storedAt: isoDate }),
  ),
  /**
   * With `url` and/or `credentials` it tests what is typed in the form, before saving: nothing is
   * stored and the answer never repeats a secret. Without them it tests what is saved.
   */
  'channels.testConnection': read(
    "Check a channel's address and credentials (typed or stored) against its API",
    z.object({ channelId: id, url: shopUrl.optional(), credentials: credentialsInput.optional() }).strict(),
    z.object({ ok: z.boolean(), shopName: z.string().nullable(), message: z.string() }),
  ),
};
