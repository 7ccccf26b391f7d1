import { useEffect, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '../../../src-shared/contract';
import { useApi } from '../../api/api-context';

/**
 * One read about an order for the drawer, re-read when that order changes. `null` while loading
 * and when `input` is null (nothing to read, e.g. an order without a customer).
 */
export function useOrderRead<K extends OpName>(
  op: K,
  orderId: number,
  input: OpInput<K> | null,
): OpOutput<K> | null {
  const api = useApi();
  const [data, setData] = useState<{ key: string; value: OpOutput<K> } | null>(null);
  const key = input === null ? '' : JSON.stringify(input);

  useEffect(() => {
    if (!key) return;
    let current = true;
    const load = async () => {
      const r = await api.call(op, JSON.parse(key) as OpInput<K>);
      if (current && r.ok) setData({ key, value: r.value });
    };
    void load();
    const off = api.on('orders.changed', ({ ids }) => {
      if (ids.includes(orderId)) void load();
    });
    return () => {
      current = false;
      off();
    };
  }, [api, op, orderId, key]);

  // An answer for another order (the cursor moved on) is never shown.
  return data && data.key === key ? data.value : null;
}
