import { SqliteError } from 'better-sqlite3';
import {
  contract,
  describeIssues,
  isOpName,
  type OpName,
  type OpOutput,
  type OpParsedInput,
} from '../src-shared/contract';
import { AppFailure, err, ok, type Result } from '../src-shared/result';
import type { CallContext } from './core-context';
import type { EventBus } from './event-bus';
import type { Sqlite } from './adapters/db/open';

export type Handler<K extends OpName> = (
  input: OpParsedInput<K>,
  call: CallContext,
) => OpOutput<K> | Promise<OpOutput<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

const SLOW_MS = 40;

export function toFailure(e: unknown): Result<never> {
  if (e instanceof AppFailure) return err(e.code, e.message, e.issues);
  if (e instanceof SqliteError) {
    if (e.code.startsWith('SQLITE_CONSTRAINT'))
      return err('conflict', `The change breaks a data rule: ${e.message}`);
    if (e.code === 'SQLITE_BUSY') return err('unavailable', 'The database is busy; try again in a moment');
  }
  console.error('[packdesk] unexpected error:', e);
  return err('internal', `Unexpected error: ${(e as Error)?.message ?? String(e)}`);
}

/**
 * The one door into the core: checks the operation name, validates the input against the
 * contract, runs writes in a transaction (events go out only after commit) and turns every
 * failure into an error Result with a stable code.
 */
export function createDispatcher(opts: {
  sqlite: Sqlite;
  bus: EventBus;
  handlers: Handlers;
  validateOutput?: boolean;
}): (name: unknown, input: unknown, call: CallContext) => Promise<Result<unknown>> {
  const { sqlite, bus, handlers } = opts;
  return async (name, rawInput, call) => {
    if (!isOpName(name)) return err('unknown_operation', `There is no operation called "${String(name)}"`);
    const def = contract[name];
    const parsed = def.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return err(
        'invalid_input',
        `Invalid input for ${name}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    const handler = handlers[name] as (input: unknown, call: CallContext) => unknown;
    const started = performance.now();
    try {
      let value: unknown;
      if (def.kind === 'write') {
        value = bus.hold(() =>
          sqlite
            .transaction(() => {
              const out = handler(parsed.data, call);
              if (out instanceof Promise) throw new Error(`write operation ${name} must not be async`);
              return out;
            })
            .immediate(),
        );
      } else {
        // Reads, and tasks that commit their own transactions (imports, channel pulls).
        value = await handler(parsed.data, call);
      }
      if (opts.validateOutput) {
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          const issues = describeIssues(checked.error);
          return err(
            'internal',
            `${name} returned a malformed result: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          );
        }
      }
      return ok(value);
    } catch (e) {
      return toFailure(e);
    } finally {
      const ms = performance.now() - started;
      if (ms > SLOW_MS && process.env.PACKDESK_QUIET !== '1')
        console.warn(`[packdesk] slow ${name}: ${ms.toFixed(1)} ms`);
    }
  };
}
