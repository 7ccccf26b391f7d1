import { z } from 'zod';
import { read, task } from './define';

export const systemContract = {
  'system.info': read(
    'Version, database location and size',
    z.object({}).strict(),
    z.object({
      version: z.string(),
      dbPath: z.string(),
      schemaVersion: z.number().int(),
      orders: z.number().int(),
    }),
  ),
  'system.check': read(
    'Integrity and migration state of the database',
    z.object({}).strict(),
    z.object({
      ok: z.boolean(),
      integrity: z.array(z.string()),
      migrations: z.object({
        applied: z.number().int(),
        known: z.number().int(),
        pending: z.array(z.string()),
      }),
      foreignKeyViolations: z.number().int(),
    }),
  ),
  'demo.load': task(
    'Fill an EMPTY database with realistic demo orders, for a first look (refused once orders exist)',
    z.object({ orders: z.number().int().min(1).max(20_000).default(2000) }).strict(),
    z.object({ orders: z.number().int(), channels: z.number().int(), warehouses: z.number().int() }),
  ),
} as const;
