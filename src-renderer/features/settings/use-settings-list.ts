import { useCallback, useEffect, useState } from 'react';
import type { Channel, Warehouse } from '../../../src-shared/contract/settings.contract';
import type { OpInput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';

type ListOp = 'warehouses.list' | 'channels.list';
type Row<K extends ListOp> = K extends 'warehouses.list' ? Warehouse : Channel;

/** Loads a settings list and reloads it when another window or handheld changes it. */
export function useSettingsList<K extends ListOp>(op: K, what: 'warehouses' | 'channels') {
  const api = useApi();
  const [rows, setRows] = useState<Row<K>[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const reload = useCallback(async () => {
    // Both list operations take an empty object.
    const r = await api.call(op, {} as OpInput<K>);
    if (r.ok) {
      setRows(r.value.rows as Row<K>[]);
      setError(null);
    } else setError(r.error);
  }, [api, op]);

  useEffect(() => {
    void reload();
    return api.on('settings.changed', (p) => {
      if (p.what === what) void reload();
    });
  }, [api, reload, what]);

  return { rows, error, reload };
}
