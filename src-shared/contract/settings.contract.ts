import { z } from 'zod';
import { read, write } from './define';
import { id, currency } from './common.schema';
import { CHANNEL_KINDS } from '../domain/ids';
import { importFormat } from './intake.contract';

const code = z
  .string()
  .trim()
  .min(2, 'must be at least 2 characters')
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'may use letters, digits, "-" and "_" only');
const phone = z
  .string()
  .trim()
  .max(32)
  .regex(/^[+\d][\d\s-]*$|^$/, 'must be a phone number (digits, spaces, "-", leading "+")');

export const warehouse = z.object({
  id,
  code: z.string(),
  name: z.string(),
  country: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  address: z.string(),
  contactName: z.string(),
  phone: z.string(),
  active: z.boolean(),
});
export type Warehouse = z.infer<typeof warehouse>;

export const warehouseInput = z
  .object({
    id: id.optional(),
    code,
    name: z.string().trim().min(1, 'is required').max(80),
    country: z
      .string()
      .trim()
      .regex(/^[A-Z]{2}$/, 'must be a 2-letter country code such as CN')
      .default('CN'),
    province: z.string().trim().max(40).default(''),
    city: z.string().trim().max(40).default(''),
    district: z.string().trim().max(40).default(''),
    address: z.string().trim().max(200).default(''),
    contactName: z.string().trim().max(40).default(''),
    phone: phone.default(''),
    active: z.boolean().default(true),
  })
  .strict();

/** A drop folder the core watches for this channel's exports (a path on the computer running the core). */
export const watchFolder = z
  .object({
    dir: z.string().trim().min(1, 'is required').max(500),
    format: importFormat.default('auto'),
    enabled: z.boolean().default(true),
  })
  .strict();
export type WatchFolder = z.infer<typeof watchFolder>;

export const channel = z.object({
  id,
  code: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  name: z.string(),
  currency,
  enabled: z.boolean(),
  orderCount: z.number().int(),
  watchFolder: z.object({ dir: z.string(), format: importFormat, enabled: z.boolean() }).nullable(),
});
export type Channel = z.infer<typeof channel>;

export const channelInput = z
  .object({
    id: id.optional(),
    code,
    kind: z.enum(CHANNEL_KINDS),
    name: z.string().trim().min(1, 'is required').max(80),
    currency: currency.default('CNY'),
    enabled: z.boolean().default(true),
    /** Left out: keep the folder as it is; null: stop watching. */
    watchFolder: watchFolder.nullable().optional(),
  })
  .strict();

export const SETTING_KEYS = [
  'ui.language',
  'shop.name',
  'shop.timezone',
  /** Packing weight check: the larger of this percentage of the expected weight and the grams below. */
  'packing.weightTolerancePct',
  'packing.weightToleranceGrams',
] as const;

export const settingsContract = {
  'warehouses.list': read('All warehouses', z.object({}).strict(), z.object({ rows: z.array(warehouse) })),
  'warehouses.save': write('Create or edit a warehouse', warehouseInput, warehouse),
  'channels.list': read('All sales channels', z.object({}).strict(), z.object({ rows: z.array(channel) })),
  'channels.save': write('Create or edit a sales channel', channelInput, channel),
  'settings.get': read(
    'Read settings by key',
    z.object({ keys: z.array(z.enum(SETTING_KEYS)).min(1) }).strict(),
    z.object({ values: z.record(z.string(), z.unknown()) }),
  ),
  'settings.set': write(
    'Change one setting',
    z.object({ key: z.enum(SETTING_KEYS), value: z.union([z.string().max(200), z.null()]) }).strict(),
    z.object({ key: z.string() }),
  ),
} as const;
