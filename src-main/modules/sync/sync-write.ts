import type { CoreContext } from '../../core-context';
import type { ChannelOrder } from '../../adapters/channels/channel-order';
import { AppFailure } from '../../../src-shared/result';
import { listChannels } from '../channels';
import { orderWriter } from '../intake';
import type { UpsertOutcome } from '../orders';
import { toParsedOrder } from './sync-order.mapper';

export interface OrderSink {
  /** Writes one order inside the caller's page transaction; newer source_updated_at wins. */
  write(o: ChannelOrder): UpsertOutcome;
}

/** Saves channel orders through intake's write path, into the channel being pulled. */
export function orderSink(ctx: CoreContext, channel: { id: number; kind: string }, actor: string): OrderSink {
  const row = listChannels(ctx.db).find((c) => c.id === channel.id);
  if (!row) throw new AppFailure('not_found', `Channel ${channel.id} does not exist`);
  const write = orderWriter(ctx, { code: row.code, kind: row.kind, currency: row.currency }, actor);
  return {
    write(o) {
      const r = write(toParsedOrder(o, row.kind));
      // 'missing' only happens for lines-only rows, which channel APIs never send.
      return r.outcome === 'missing' ? 'unchanged' : r.outcome;
    },
  };
}
