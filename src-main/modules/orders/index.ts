export { ordersHandlers } from './orders.handlers';
export { transitionOrder, transitionFrom, getOrder, countOrders, routingLine } from './orders.service';
export { runTransitions, type RunTransitions } from './run-transitions';
export {
  insertOrders,
  ordersStatements,
  upsertOrder,
  storedIsCurrent,
  remapLineSku,
  dropOrderReasons,
  reassignCustomerOrders,
  replaceOrderLines,
  type NewOrder,
  type NewOrderLine,
  type OrdersStatements,
  type StoredOrderVersion,
  type UpsertOutcome,
} from './orders.repo';
export { setOrderTracking } from './orders-status.repo';
