export { ordersHandlers } from './orders.handlers';
export { transitionOrder, getOrder } from './orders.service';
export {
  ordersStatements,
  upsertOrder,
  remapLineSku,
  reassignCustomerOrders,
  type NewOrder,
  type NewOrderLine,
  type OrdersStatements,
  type UpsertOutcome,
} from './orders.repo';
