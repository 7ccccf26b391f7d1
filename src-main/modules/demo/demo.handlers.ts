import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { AppFailure } from '../../../src-shared/result';
import { runDemo } from './demo.service';
import { countOrders } from '../orders';

export const demoHandlers = (ctx: CoreContext) =>
  ({
    // A first look from the empty queue; never mixes demo orders into a shop's real ones.
    'demo.load': ({ orders }) => {
      const existing = countOrders(ctx, {});
      if (existing > 0) {
        throw new AppFailure(
          'conflict',
          `This database already has ${existing} orders; demo orders only go into an empty one (\`packdesk demo --force\` adds them anyway)`,
        );
      }
      const s = runDemo(ctx, { orders, seed: 1 });
      ctx.emit('orders.changed', { ids: [], reason: 'demo data loaded', waiting: 'review' });
      ctx.emit('settings.changed', { what: 'channels' });
      return { orders: s.orders, channels: s.channels, warehouses: s.warehouses };
    },
  }) satisfies Partial<Handlers>;
