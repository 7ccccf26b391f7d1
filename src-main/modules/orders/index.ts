export { ordersHandlers } from './orders.handlers';
export { transitionOrder, getOrder } from './orders.service';
export { ordersStatements, upsertOrder, type NewOrder, type NewOrderLine, type UpsertOutcome } from './orders.repo';
