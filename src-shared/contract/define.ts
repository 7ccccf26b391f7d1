import type { z } from 'zod';

/**
 * Reads never change data. Writes run one at a time inside one transaction. Tasks change data but
 * cannot be one transaction (an import commits page by page, a pull waits on the network), so
 * they manage their own transactions and may be async.
 */
export type OpKind = 'read' | 'write' | 'task';

export interface OpDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: OpKind;
  summary: string;
  input: I;
  output: O;
}

export const read = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
): OpDef<I, O> => ({
  kind: 'read',
  summary,
  input,
  output,
});

export const write = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
): OpDef<I, O> => ({
  kind: 'write',
  summary,
  input,
  output,
});

export const task = <I extends z.ZodType, O extends z.ZodType>(
  summary: string,
  input: I,
  output: O,
): OpDef<I, O> => ({
  kind: 'task',
  summary,
  input,
  output,
});

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** Joins per-capability contracts; an operation name declared twice is a programming error. */
export function joinContracts<T extends Record<string, OpDef>[]>(
  ...parts: T
): UnionToIntersection<T[number]> {
  const all: Record<string, OpDef> = {};
  for (const part of parts) {
    for (const [name, def] of Object.entries(part)) {
      if (name in all) throw new Error(`Contract operation "${name}" is declared twice`);
      all[name] = def;
    }
  }
  return all as UnionToIntersection<T[number]>;
}

/** Turns zod issues into "lines.0.quantity: Too small…" messages the user can act on. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
}
