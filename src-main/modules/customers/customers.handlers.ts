import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { getCustomer, listCustomers, lookupCustomers, mergeCustomers } from './customers.service';

export const customersHandlers = (ctx: CoreContext) =>
  ({
    'customers.list': (input) => listCustomers(ctx, input),
    'customers.get': ({ id }) => getCustomer(ctx, id),
    'customers.lookup': ({ query, limit }) => ({ rows: lookupCustomers(ctx, query, limit) }),
    'customers.merge': ({ from, into }, call) => mergeCustomers(ctx, from, into, call.actor),
  }) satisfies Partial<Handlers>;
