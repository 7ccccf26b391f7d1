export { ordersHandlers } from './orders.handlers';
export { transitionOrder, transitionFrom, getOrder, countOrders } from './orders.service';
export {
  ordersStatements,
  upsertOrder,
  remapLineSku,
  reassignCustomerOrders,
  replaceOrderLines,
  setOrderTracking,
  type NewOrder,
  type NewOrderLine,
  type OrdersStatements,
  type UpsertOutcome,
} from './orders.repo';
