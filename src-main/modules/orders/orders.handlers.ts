import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { countOrders, getOrder, listOrders, orderFacets, transitionOrder } from './orders.service';

export const ordersHandlers = (ctx: CoreContext) =>
  ({
    'orders.list': (input) => ({ rows: listOrders(ctx, input) }),
    'orders.count': ({ filter }) => ({ total: countOrders(ctx, filter) }),
    'orders.facets': () => orderFacets(ctx),
    'orders.get': ({ id }) => getOrder(ctx, id),
    'orders.transition': ({ ids, to, reason }, call) => {
      for (const id of ids) transitionOrder(ctx, id, to, call.actor, reason);
      ctx.emit('orders.changed', { ids, reason: `status → ${to}` });
      return { changed: ids };
    },
  }) satisfies Partial<Handlers>;
