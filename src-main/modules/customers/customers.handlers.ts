import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { getCustomer, listCustomers } from './customers.service';

export const customersHandlers = (ctx: CoreContext) =>
  ({
    'customers.list': (input) => listCustomers(ctx, input),
    'customers.get': ({ id }) => getCustomer(ctx, id),
  }) satisfies Partial<Handlers>;
