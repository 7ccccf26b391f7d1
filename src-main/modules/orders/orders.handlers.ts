import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { editOrders } from './orders-edit.service';
import { countOrders, getOrder, listOrders, orderFacets, transitionOrder } from './orders.service';

export const ordersHandlers = (ctx: CoreContext) =>
  ({
    'orders.list': (input) => ({ rows: listOrders(ctx, input) }),
    'orders.count': ({ filter }) => ({ total: countOrders(ctx, filter) }),
    'orders.facets': () => orderFacets(ctx),
    'orders.get': ({ id }) => getOrder(ctx, id),
    'orders.transition': ({ ids, to, reason }, call) => {
      for (const id of ids) transitionOrder(ctx, id, to, call.actor, reason);
      ctx.emit('orders.changed', {
        ids,
        reason: `status → ${to}`,
        ...(to === 'approved' && { waiting: 'routing' as const }),
      });
      return { changed: ids };
    },
    'orders.edit': (input, call) => {
      const out = editOrders(ctx, input, call.actor);
      if (out.changed.length) ctx.emit('orders.changed', { ids: out.changed, reason: 'corrected in review' });
      return out;
    },
  }) satisfies Partial<Handlers>;
