export { ordersHandlers } from './orders.handlers';
export {
  transitionOrder,
  transitionFrom,
  runTransitions,
  getOrder,
  countOrders,
  type RunTransitions,
} from './orders.service';
export {
  ordersStatements,
  upsertOrder,
  storedIsCurrent,
  remapLineSku,
  dropOrderReasons,
  reassignCustomerOrders,
  replaceOrderLines,
  setOrderTracking,
  type NewOrder,
  type NewOrderLine,
  type OrdersStatements,
  type StoredOrderVersion,
  type UpsertOutcome,
} from './orders.repo';
