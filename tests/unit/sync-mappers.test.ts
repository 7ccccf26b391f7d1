import {
  mapShopifyOrder,
  parseShopifyOrder,
} from '../../src-main/adapters/channels/shopify/shopify-order.mapper';
import {
  mapWooOrder,
  parseWooOrder,
  wooAmount,
} from '../../src-main/adapters/channels/woocommerce/woocommerce-order.mapper';
import { aShopifyOrder } from '../fixtures/fake-shopify';
import { aWooOrder } from '../fixtures/fake-woocommerce';

const connection = (n: ReturnType<typeof aShopifyOrder>) => ({
  ...n,
  lineItems: { pageInfo: { hasNextPage: false, endCursor: null }, nodes: n.lineItems },
});

describe('channel order mappers', () => {
  it('rounds WooCommerce float prices half-up on their decimal digits, never through float maths', () => {
    expect(wooAmount(9.675, 'USD', 'price', '1')).toBe(968);
    expect(wooAmount(1.005, 'USD', 'price', '1')).toBe(101);
    expect(wooAmount(1.004, 'USD', 'price', '1')).toBe(100);
    expect(wooAmount(3, 'USD', 'price', '1')).toBe(300);
    expect(wooAmount(1234.5, 'JPY', 'price', '1')).toBe(1235);
    expect(wooAmount('29.35', 'USD', 'total', '1')).toBe(2935);
    expect(() => wooAmount('29,35x', 'USD', 'total', '727')).toThrow(
      /WooCommerce order 727: total "29,35x" is not an amount/,
    );
  });

  it('leaves out lines with nothing left (quantity 0) and rejects negative quantities', () => {
    const woo = aWooOrder(5, '2025-03-01T00:00:00');
    woo.line_items.push({ ...woo.line_items[0]!, id: 99, quantity: 0 });
    expect(mapWooOrder(parseWooOrder(woo, 0)).lines).toHaveLength(1);
    const shop = aShopifyOrder(1, '2025-03-01T00:00:00Z');
    shop.lineItems.push({ ...shop.lineItems[0]!, id: 'gone', quantity: 0 });
    expect(mapShopifyOrder(parseShopifyOrder(connection(shop), 0)).lines).toHaveLength(1);
    shop.lineItems[0]!.quantity = -1;
    expect(() => parseShopifyOrder(connection(shop), 0)).toThrow(
      /Shopify order #1001: lineItems.nodes.0.quantity/,
    );
  });

  it('maps cancellations, the default variant, shipping phones from meta_data and billing as a fallback address', () => {
    const shop = mapShopifyOrder(
      parseShopifyOrder(
        connection(
          aShopifyOrder(1, '2025-03-01T00:00:00Z', {
            cancelledAt: '2025-03-02T00:00:00Z',
            lineItems: [{ ...aShopifyOrder(1, 'x').lineItems[0]!, variantTitle: 'Default Title' }],
          }),
        ),
        0,
      ),
    );
    expect(shop).toMatchObject({
      cancelled: true,
      channelStatus: 'CANCELLED',
      externalId: '#1001',
      remoteId: 'gid://shopify/Order/5001',
    });
    expect(shop.lines[0]!.spec).toBe('');
    const woo = mapWooOrder(
      parseWooOrder(
        aWooOrder(7, '2025-03-01T00:00:00', {
          shipping: {},
          meta_data: [{ id: 1, key: '_shipping_phone', value: '+1 415 555 0100' }],
        }),
        0,
      ),
    );
    expect(woo).toMatchObject({
      phone: '+1 415 555 0100',
      recipientName: 'John Doe',
      address: { country: '' },
    });
    expect(
      mapWooOrder(parseWooOrder(aWooOrder(8, '2025-03-01T00:00:00', { status: 'refunded' }), 0)).cancelled,
    ).toBe(true);
  });
});
