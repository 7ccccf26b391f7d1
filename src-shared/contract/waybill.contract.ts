import { z } from 'zod';
import { read, task, write } from './define';
import { id, isoDate } from './common.schema';
import { printJob } from './printing.contract';

/**
 * Platforms whose e-waybills orders need: PDD orders need Pinduoduo's, Douyin orders Douyin's
 * (their encrypted recipients print only on their own platform's waybills); every other order
 * Cainiao's. An account may be on any of them.
 */
export const WAYBILL_PLATFORMS = ['cainiao', 'pdd', 'douyin'] as const;
export type WaybillPlatform = (typeof WAYBILL_PLATFORMS)[number];
/** Platforms Packdesk can fetch numbers from: an account is one of these. */
export const WAYBILL_ACCOUNT_PLATFORMS = ['cainiao', 'pdd', 'douyin'] as const;

/**
 * Cainiao's cp_code and PDD's wp_code are upper case (ZTO); Douyin's logistics_code is kept as
 * typed, since whether 抖店 matches it case-blind is not known.
 */
const platformCase = <T extends { platform: string; cpCode: string }>(v: T): T => ({
  ...v,
  cpCode: v.platform === 'douyin' ? v.cpCode : v.cpCode.toUpperCase(),
});

/** The platform whose e-waybill an order of this channel kind needs. */
export const waybillPlatformFor = (channelKind: string): WaybillPlatform =>
  channelKind === 'pdd' ? 'pdd' : channelKind === 'douyin' ? 'douyin' : 'cainiao';
export const WAYBILL_STATES = ['pending', 'active', 'failed', 'cancelling', 'cancelled'] as const;

const text = (max: number) => z.string().trim().max(max);
const needed = (max: number) => z.string().trim().min(1, 'is required').max(max);

export const waybillSender = z
  .object({
    name: needed(40),
    mobile: text(20).default(''),
    phone: text(20).default(''),
    province: needed(20),
    city: needed(20),
    district: needed(20),
    town: text(30).default(''),
    detail: needed(256),
  })
  .strict()
  .refine((s) => s.mobile || s.phone, { message: 'give a mobile or a phone number', path: ['mobile'] });

export const waybillAccountInput = z
  .object({
    id: id.optional(),
    /** Packdesk's carrier code (as in Carriers): its orders of this platform get numbers from this account. */
    carrier: needed(32).transform((s) => s.toUpperCase()),
    /** Unique with the carrier: ZTO may have a Cainiao account and a Pinduoduo one. */
    platform: z.enum(WAYBILL_ACCOUNT_PLATFORMS).default('cainiao'),
    /** The carrier's code on the platform (Cainiao cp_code, PDD wp_code, Douyin logistics_code): ZTO… */
    cpCode: needed(20).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only (e.g. ZTO, YUNDA)'),
    templateUrl: needed(300).url(
      "must be the platform's template address, e.g. http://cloudprint.cainiao.com/template/standard/101",
    ),
    sender: waybillSender,
    storeCode: text(40).default(''),
    /** Empty = the platform's real gateway. */
    gatewayUrl: z
      .union([z.literal(''), z.string().trim().url('must be an http(s) address').max(300)])
      .default(''),
    active: z.boolean().default(true),
  })
  .strict()
  .transform(platformCase);
export type WaybillAccountInput = z.input<typeof waybillAccountInput>;

/**
 * Cainiao: app key, app secret, session key. Pinduoduo: client_id, client_secret, access_token.
 * Douyin: app_key, app_secret, access_token.
 */
export const waybillCredentials = z
  .object({
    appKey: needed(64),
    appSecret: needed(128),
    sessionKey: needed(256),
  })
  .strict();

/** An account as the screens see it: never the credentials, only whether and where they are stored. */
export const waybillAccount = z.object({
  id,
  carrier: z.string(),
  platform: z.enum(WAYBILL_ACCOUNT_PLATFORMS),
  cpCode: z.string(),
  templateUrl: z.string(),
  sender: z.object({
    name: z.string(),
    mobile: z.string(),
    phone: z.string(),
    province: z.string(),
    city: z.string(),
    district: z.string(),
    town: z.string(),
    detail: z.string(),
  }),
  storeCode: z.string(),
  gatewayUrl: z.string(),
  active: z.boolean(),
  hasCredentials: z.boolean(),
  credentialsBackend: z.string().nullable(),
  credentialsUpdatedAt: isoDate.nullable(),
});
export type WaybillAccount = z.infer<typeof waybillAccount>;

export const waybill = z.object({
  id,
  orderId: id,
  carrier: z.string(),
  platform: z.enum(WAYBILL_PLATFORMS),
  cpCode: z.string(),
  waybillCode: z.string().nullable(),
  parentWaybillCode: z.string().nullable(),
  state: z.enum(WAYBILL_STATES),
  /** Failed because the carrier has no account on this platform yet (nothing to fetch until one is added). */
  accountMissing: z.boolean(),
  /** Packed before the number came: it prints as soon as the number arrives. */
  printWhenReady: z.boolean(),
  attempts: z.number().int(),
  nextRunAt: isoDate.nullable(),
  lastError: z.string().nullable(),
  createdAt: isoDate,
  fetchedAt: isoDate.nullable(),
  cancelledAt: isoDate.nullable(),
});
export type Waybill = z.infer<typeof waybill>;

export const orderWaybill = z.object({
  orderId: id,
  /**
   * The order's carrier has an active e-waybill account (of any platform): its label comes from
   * a platform, never Packdesk — from its own platform's account, or it fails naming the one missing.
   */
  platformLabel: z.boolean(),
  carrier: z.string().nullable(),
  current: waybill.nullable(),
  /** Earlier numbers of this order (cancelled when it was cancelled or moved to another carrier). */
  history: z.array(waybill),
  /** The last print job of the current number, if it was queued. */
  printJob: printJob.nullable(),
});
export type OrderWaybill = z.infer<typeof orderWaybill>;

export const waybillContract = {
  'waybill.accounts.list': read(
    'E-waybill (电子面单) accounts per carrier, without their credentials',
    z.object({}).strict(),
    z.object({
      rows: z.array(waybillAccount),
      /** Whether credentials can be stored here (a real OS keychain), and why not. */
      secretStore: z.object({ available: z.boolean(), backend: z.string(), reason: z.string().nullable() }),
    }),
  ),
  'waybill.accounts.save': write(
    "Add a carrier's e-waybill account on a platform (Cainiao or Pinduoduo), or change one (with id)",
    waybillAccountInput,
    waybillAccount,
  ),
  'waybill.accounts.setCredentials': task(
    "Encrypt and store an e-waybill account's app key, secret and session key (refused where only plain-text storage exists)",
    z.object({ id, credentials: waybillCredentials }).strict(),
    z.object({ id, backend: z.string(), storedAt: isoDate }),
  ),
  'waybill.accounts.test': read(
    "Check typed (or stored) credentials against the platform: the carrier's subscription and its branches' balance",
    z
      .object({
        id: id.optional(),
        platform: z.enum(WAYBILL_ACCOUNT_PLATFORMS).default('cainiao'),
        cpCode: needed(20),
        gatewayUrl: z.union([z.literal(''), z.string().trim().url().max(300)]).default(''),
        credentials: waybillCredentials.optional(),
      })
      .strict()
      .refine((v) => v.id !== undefined || v.credentials, {
        message: 'type the credentials, or test a saved account',
        path: ['credentials'],
      })
      .transform(platformCase),
    z.object({ ok: z.boolean(), message: z.string() }),
  ),
  'waybill.order': read(
    "An order's platform e-waybill: number, state, history and print job",
    z.object({ orderId: id }).strict(),
    orderWaybill,
  ),
  'waybill.byCode': read(
    'The order an active e-waybill number belongs to (the ship desk scans the label)',
    z.object({ code: needed(40) }).strict(),
    z.object({ orderId: id, carrier: z.string(), status: z.string() }).nullable(),
  ),
  'waybill.fetch': task(
    'Fetch e-waybill numbers now for these orders (a refused one is tried again); waits for the answer',
    z.object({ orderIds: z.array(id).min(1).max(500) }).strict(),
    z.object({ rows: z.array(orderWaybill) }),
  ),
  'waybill.reprint': write(
    "Print an order's e-waybill again through the print component, with a reason kept in the history",
    z.object({ orderId: id, reason: z.string().trim().min(1, 'say why it is reprinted').max(300) }).strict(),
    printJob,
  ),
} as const;
