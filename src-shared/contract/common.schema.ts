import { z } from 'zod';

export const id = z.number().int().positive();
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as CNY or USD');
export const minor = z.number().int();
/** Dates cross the contract as ISO 8601 strings. */
export const isoDate = z.iso.datetime({ offset: true });
export const dateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export const empty = z.object({}).strict();
