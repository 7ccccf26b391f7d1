import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { OutboxWorker } from './outbox-worker';
import { exportOutbox, listOutbox, retryOutbox } from './outbox.service';

export const outboxHandlers = (ctx: CoreContext, worker: OutboxWorker) =>
  ({
    'outbox.list': (input) => listOutbox(ctx, input, worker.offline()),
    'outbox.retry': ({ ids }, call) => {
      const r = retryOutbox(ctx, ids, call.actor);
      worker.kick();
      return r;
    },
    'outbox.export': ({ channelId }, call) => exportOutbox(ctx, channelId, call.actor),
  }) satisfies Partial<Handlers>;
