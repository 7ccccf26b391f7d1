import {
  allowedNext,
  assertTransition,
  canTransition,
  ORDER_STATUSES,
  type OrderStatus,
} from '../../src-shared/domain/order-status';

// The table of DESIGN.md, written out independently of the implementation.
const TABLE: Record<OrderStatus, OrderStatus[]> = {
  pending_review: ['approved', 'held', 'cancelled'],
  held: ['approved', 'cancelled'],
  approved: ['allocated', 'backordered', 'exception', 'held', 'cancelled'],
  backordered: ['allocated', 'held', 'cancelled'],
  allocated: ['picking', 'approved', 'held', 'cancelled'],
  picking: ['packed', 'allocated', 'cancelled'],
  packed: ['shipped', 'picking', 'cancelled'],
  shipped: ['delivered', 'exception', 'returned'],
  delivered: ['returned'],
  exception: [],
  returned: [],
  cancelled: [],
};
const EXCEPTION_BEFORE_SHIPPING: OrderStatus[] = ['approved', 'held', 'cancelled'];
const EXCEPTION_AFTER_SHIPPING: OrderStatus[] = ['shipped', 'delivered', 'returned'];

describe('order state machine', () => {
  const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));

  test.each(pairs)('%s → %s', (from, to) => {
    for (const shippedBefore of [false, true]) {
      const expected =
        from === 'exception'
          ? (shippedBefore ? EXCEPTION_AFTER_SHIPPING : EXCEPTION_BEFORE_SHIPPING).includes(to)
          : TABLE[from].includes(to);
      expect(canTransition(from, to, { shippedBefore })).toBe(expected);
      if (expected) expect(() => assertTransition(from, to, { shippedBefore })).not.toThrow();
      else expect(() => assertTransition(from, to, { shippedBefore })).toThrow(/cannot go from/);
    }
  });

  test('returned and cancelled are final', () => {
    expect(allowedNext('returned')).toEqual([]);
    expect(allowedNext('cancelled')).toEqual([]);
    expect(() => assertTransition('cancelled', 'approved')).toThrow(/"cancelled" is final/);
  });

  test('cancelling is possible from every status before shipping and none after', () => {
    for (const s of ORDER_STATUSES) {
      const beforeShipping = [
        'pending_review',
        'held',
        'approved',
        'backordered',
        'allocated',
        'picking',
        'packed',
      ].includes(s);
      expect(canTransition(s, 'cancelled', { shippedBefore: false })).toBe(
        beforeShipping || s === 'exception',
      );
      expect(canTransition(s, 'cancelled', { shippedBefore: true })).toBe(beforeShipping);
    }
  });

  test('the error names where the order can go instead', () => {
    expect(() => assertTransition('pending_review', 'shipped')).toThrow(
      /can go to: approved, held, cancelled/,
    );
  });
});
