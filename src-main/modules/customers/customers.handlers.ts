import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { getCustomer, listCustomers, lookupCustomers } from './customers.service';

export const customersHandlers = (ctx: CoreContext) =>
  ({
    'customers.list': (input) => listCustomers(ctx, input),
    'customers.get': ({ id }) => getCustomer(ctx, id),
    'customers.lookup': ({ query, limit }) => ({ rows: lookupCustomers(ctx, query, limit) }),
  }) satisfies Partial<Handlers>;
