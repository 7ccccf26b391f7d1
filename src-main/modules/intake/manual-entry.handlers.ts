import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { createManualOrder } from './manual-entry.service';

export const manualEntryHandlers = (ctx: CoreContext) =>
  ({
    'orders.create': (input, call) => createManualOrder(ctx, input, call.actor),
  }) satisfies Partial<Handlers>;
