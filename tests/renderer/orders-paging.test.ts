// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createApi } from '../../src-renderer/api/client';
import { MAX_CACHED_PAGES, PAGE_SIZE, pagesForRange } from '../../src-renderer/features/orders/orders-paging';
import { createOrdersStore, rowAt } from '../../src-renderer/features/orders/orders.store';
import { fakeBridge } from './fake-bridge';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('queue paging', () => {
  it('maps a visible window to the pages that cover it', () => {
    expect(pagesForRange(0, 30, 100_000)).toEqual([0]);
    expect(pagesForRange(190, 210, 100_000)).toEqual([0, 1]);
    expect(pagesForRange(99_990, 100_100, 100_000)).toEqual([499]);
    expect(pagesForRange(0, 10, 0)).toEqual([]);
  });

  it('fetches only the pages around the window, once, and stays within the cache limit', async () => {
    const bridge = fakeBridge({ orders: 100_000 });
    const store = createOrdersStore(createApi(bridge));
    await settle();
    expect(store.getState().total).toBe(100_000);

    store.getState().ensureRange(60_000, 60_020);
    store.getState().ensureRange(60_000, 60_020); // a second render must not ask again
    await settle();
    const offsets = bridge.callsOf('orders.list').map((c) => c.offset);
    expect(offsets.filter((o) => o === 60_000)).toHaveLength(1);
    expect(offsets).toContain(59_800); // half a page of look-ahead upwards
    expect(Math.max(...offsets)).toBe(60_000);
    expect(rowAt(store.getState().pages, 60_010)?.externalId).toBe('EXT-60011');

    // Scrolling through many screens never keeps more than the cache limit in memory.
    for (let i = 0; i < 100; i++) store.getState().ensureRange(i * 1000, i * 1000 + 20);
    await settle();
    expect(store.getState().pages.size).toBeLessThanOrEqual(MAX_CACHED_PAGES);
    expect(bridge.callsOf('orders.list').every((c) => c.limit === PAGE_SIZE)).toBe(true);
  });

  it('drops answers that belong to an older filter', async () => {
    let release: () => void = () => undefined;
    const bridge = fakeBridge({ orders: 500 });
    const slow = bridge.call.bind(bridge);
    bridge.call = async (op, input) => {
      if (op === 'orders.list' && !(input as any).filter.status)
        await new Promise<void>((r) => (release = r));
      return slow(op, input);
    };
    const store = createOrdersStore(createApi(bridge));
    store.getState().setFilter({ status: ['held'] });
    await settle();
    release();
    await settle();
    const rows = store.getState().pages.get(0)?.rows ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.status === 'held')).toBe(true);
  });
});
