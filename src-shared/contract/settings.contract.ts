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

/** A carton or mailer in the shop's box catalogue; its tare counts in the packing weight check. */
export const packBox = z
  .object({
    code: z
      .string()
      .trim()
      .min(4, 'must be at least 4 characters (a scanner sends shorter codes as typing)')
      .max(20)
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'may use letters, digits, "-" and "_" only'),
    name: z.string().trim().min(1, 'is required').max(80),
    /** Inner dimensions in millimetres. */
    lengthMm: z.number().int().min(1).max(5000),
    widthMm: z.number().int().min(1).max(5000),
    heightMm: z.number().int().min(1).max(5000),
    tareGrams: z.number().int().min(0).max(100_000),
  })
  .strict();
export type PackBox = z.infer<typeof packBox>;

const boxCatalogue = z
  .array(packBox)
  .min(1, 'needs at least one box')
  .max(200)
  .superRefine((rows, c) => {
    const seen = new Set<string>();
    rows.forEach((b, i) => {
      const key = b.code.toUpperCase();
      if (seen.has(key))
        c.addIssue({ code: 'custom', path: [i, 'code'], message: `${b.code} is used twice` });
      seen.add(key);
    });
  });

/** Digits only, so it can be typed on a numeric pad at the bench. */
const pin = z.string().regex(/^\d{4,12}$/, 'must be 4 to 12 digits');

export const SETTING_KEYS = [
  'ui.language',
  'shop.name',
  'shop.timezone',
  /** Packing weight check: the larger of this percentage of the expected weight and the grams below. */
  'packing.weightTolerancePct',
  'packing.weightToleranceGrams',
  /** 'off' stops review and routing from running by themselves; anything else (or unset) = on. */
  'pipeline.auto',
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
  'settings.supervisorPin.status': read(
    'Whether a supervisor PIN protects packing overrides (the PIN itself never leaves the core)',
    z.object({}).strict(),
    z.object({ set: z.boolean() }),
  ),
  'settings.supervisorPin.set': write(
    'Set, change (old PIN required) or remove (newPin null, old PIN required) the supervisor PIN; wrong old PINs are rate-limited',
    z.object({ oldPin: z.string().max(32).optional(), newPin: pin.nullable() }).strict(),
    z.object({ set: z.boolean() }),
  ),
  'boxes.list': read(
    "The shop's box catalogue (the defaults until it is saved)",
    z.object({}).strict(),
    z.object({ rows: z.array(packBox) }),
  ),
  'boxes.save': write(
    'Replace the box catalogue (codes unique, case-insensitively)',
    z.object({ rows: boxCatalogue }).strict(),
    z.object({ rows: z.array(packBox) }),
  ),
} as const;
