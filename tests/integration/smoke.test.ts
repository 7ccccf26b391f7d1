import { aCore, value } from '../fixtures/core';

test('smoke', async () => {
  const core = aCore();
  const ch = await value(core.call('channels.save', { code: 'shop', kind: 'shopify', name: 'Shop' }));
  expect(ch.id).toBe(1);
  const list = await value(core.call('orders.list', {}));
  expect(list.rows).toEqual([]);
  core.dispose();
});
