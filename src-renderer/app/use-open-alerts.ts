import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';

/**
 * How many stock alerts are open (low stock, orders waiting for stock), for the navigation: a
 * packer on another screen should see that stock ran short without opening Inventory. Reloads
 * on stock events, on order changes (a receipt that allocates waiting orders resolves alerts)
 * and when the screen changes; a failed call just shows nothing.
 */
export function useOpenAlerts(screen: string): number {
  const api = useApi();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let current = true;
    const load = async () => {
      const r = await api.call('inventory.alerts', { open: true, limit: 1 });
      if (current && r.ok) setCount(r.value.total);
    };
    void load();
    const offs = [api.on('stock.low', () => void load()), api.on('orders.changed', () => void load())];
    return () => {
      current = false;
      for (const off of offs) off();
    };
  }, [api, screen]);
  return count;
}
