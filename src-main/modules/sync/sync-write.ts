import type { CoreContext } from '../../core-context';
import type { ChannelOrder } from '../../adapters/channels/channel-order';
import { AppFailure } from '../../../src-shared/result';
import { ordersStatements, transitionOrder, upsertOrder, type UpsertOutcome } from '../orders';
import { toNewOrder } from './sync-order.mapper';

export interface OrderSink {
  /** Writes one order inside the caller's page transaction; newer source_updated_at wins. */
  write(o: ChannelOrder): UpsertOutcome;
}

/** Saves channel orders through the orders module's upsert (unique by channel + external id). */
export function orderSink(ctx: CoreContext, channel: { id: number; kind: string }, actor: string): OrderSink {
  const st = ordersStatements(ctx.sqlite);
  return {
    write(o) {
      const r = upsertOrder(st, toNewOrder(o, channel), ctx.now());
      if (o.cancelled && r.outcome !== 'unchanged') {
        try {
          transitionOrder(ctx, r.id, 'cancelled', actor, `cancelled on the channel (${o.channelStatus})`);
        } catch (e) {
          // Already cancelled, or shipped: the channel cannot undo a shipment; the tag shows its status.
          if (!(e instanceof AppFailure)) throw e;
        }
      }
      return r.outcome;
    },
  };
}
