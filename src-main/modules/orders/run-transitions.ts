import type { CoreContext } from '../../core-context';
import type { OrderStatus } from '../../../src-shared/domain/order-status';
import { AppFailure } from '../../../src-shared/result';
import { auditWriter } from '../audit';
import { RUN_COLUMN_KEYS, type RunColumns } from './orders-status.repo';
import { afterTransition, checkTransition, writeTransition } from './orders.service';

/** A checked status change whose row write waits for land() or flush(). */
interface Pending {
  /** The status the row has in the database, which the write is guarded by. */
  from: OrderStatus;
  to: OrderStatus;
  also: RunColumns;
}

/** A later change's columns over an earlier one's: the row gets what the last change set. */
function fold(earlier: RunColumns, later: RunColumns): void {
  // Over the known columns, not for-in: that cost more per order than the rest of to().
  for (const k of RUN_COLUMN_KEYS) {
    const v = later[k];
    if (v !== undefined) (earlier as Record<string, unknown>)[k] = v;
  }
}

/**
 * transitionFrom for a run that changes many orders (review, routing, both in one pass): each
 * change is checked against the state machine and audited when it is made, but its row write
 * waits, so an order changed twice in a run (approved by review, then allocated by routing) is
 * written once, guarded by the status it had before the run. Rows are written in id order, which
 * for 100,000 orders costs half of writing them in a run's (priority) order; audit rows go many
 * to a statement.
 *
 * Call land(id) before anything reads or changes that order's row by other means, and flush() at
 * the end of the run, inside its transaction. The `also` given to to() belongs to the run from then
 * on (a later change of the same order is folded into it).
 */
export function runTransitions(ctx: CoreContext) {
  const audit = auditWriter(ctx.sqlite);
  let pending = new Map<number, Pending>();
  const write = (id: number, p: Pending) => writeTransition(ctx, id, p.from, p.to, p.also);
  const land = (id: number): void => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    write(id, p);
    // What happens to the order next is audited directly: its earlier steps must come first.
    audit.flush();
  };
  return {
    to(
      id: number,
      from: OrderStatus,
      to: OrderStatus,
      actor: string,
      reason?: string,
      also: RunColumns = {},
    ): void {
      checkTransition(ctx, id, from, to);
      const earlier = pending.get(id);
      if (earlier && earlier.to !== from)
        throw new AppFailure('conflict', `Order ${id} is no longer ${from}; nothing was changed`);
      if (earlier) {
        earlier.to = to;
        fold(earlier.also, also);
      } else pending.set(id, { from, to, also });
      afterTransition(ctx, id, from, to, actor, reason, audit.add);
    },
    /** Writes this order's waiting change now (its row is about to be read or changed otherwise). */
    land,
    flush(): void {
      const ids = [...pending.keys()].sort((a, b) => a - b);
      const all = pending;
      pending = new Map();
      for (const id of ids) write(id, all.get(id)!);
      audit.flush();
    },
  };
}
export type RunTransitions = ReturnType<typeof runTransitions>;
