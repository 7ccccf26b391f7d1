import { ORDER_STATUSES, type OrderStatus } from '../../../src-shared/domain/order-status';

export const isOrderStatus = (s: string): s is OrderStatus =>
  (ORDER_STATUSES as readonly string[]).includes(s);
