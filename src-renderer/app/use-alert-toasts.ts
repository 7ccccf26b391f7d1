import { useCallback, useEffect, useRef, useState } from 'react';
import type { StockSuggestion } from '../../src-shared/contract/inventory.contract';
import { useApi } from '../api/api-context';

export type AlertToast =
  | {
      key: number;
      kind: 'stock';
      level: 'warning';
      alertKind: 'low_stock' | 'backorder';
      sku: string;
      warehouse: string;
      available: number;
      threshold: number;
      /** Read back from the alert, worded per language; null when that read failed. */
      suggestions: StockSuggestion[] | null;
      /** The core's own wording, shown when `suggestions` is null. */
      texts: string[];
    }
  | { key: number; kind: 'message'; level: 'warning' | 'error'; message: string };

/** A toast before it gets its key (Omit per member of the union). */
type NewToast = AlertToast extends infer T ? (T extends AlertToast ? Omit<T, 'key'> : never) : never;

/** Enough to notice; older ones are still on Inventory → Alerts. */
const MAX_TOASTS = 3;
/** The core follows each stock.low with a generic alert saying the same; it is not shown twice. */
const SAME_ALERT_MS = 5_000;

/**
 * New stock alerts (low stock, orders waiting for stock) and other warnings the core pushes,
 * kept until dismissed. A stock alert is read back by id so its suggestions are data the
 * screen words in its own language; if that read fails, the core's English texts are shown.
 */
export function useAlertToasts(): { toasts: AlertToast[]; dismiss(key: number): void } {
  const api = useApi();
  const [toasts, setToasts] = useState<AlertToast[]>([]);
  const next = useRef(1);
  const recentStock = useRef<{ prefix: string; at: number }[]>([]);

  useEffect(() => {
    let current = true;
    const push = (t: NewToast) => {
      if (!current) return;
      const toast: AlertToast = { ...t, key: next.current++ };
      setToasts((list) => [...list.filter((x) => !sameToast(x, toast)), toast].slice(-MAX_TOASTS));
    };
    const offStock = api.on('stock.low', (e) => {
      recentStock.current = [
        ...recentStock.current.filter((r) => Date.now() - r.at < SAME_ALERT_MS),
        { prefix: `${e.sku} in ${e.warehouse}: `, at: Date.now() },
      ];
      void api.call('inventory.alerts', { open: true, limit: 200 }).then((r) => {
        const row = r.ok ? r.value.rows.find((a) => a.id === e.alertId) : undefined;
        push({
          kind: 'stock',
          level: 'warning',
          alertKind: e.kind,
          sku: e.sku,
          warehouse: e.warehouse,
          available: e.available,
          threshold: e.threshold,
          suggestions: row ? row.suggestions : null,
          texts: e.suggestions,
        });
      });
    });
    const offAlert = api.on('alert', (e) => {
      if (e.level === 'info') return;
      const dup = recentStock.current.some(
        (r) => Date.now() - r.at < SAME_ALERT_MS && e.message.startsWith(r.prefix),
      );
      if (!dup) push({ kind: 'message', level: e.level, message: e.message });
    });
    return () => {
      current = false;
      offStock();
      offAlert();
    };
  }, [api]);

  const dismiss = useCallback((key: number) => setToasts((list) => list.filter((t) => t.key !== key)), []);
  return { toasts, dismiss };
}

/** A repeat of a toast still on screen replaces it instead of stacking up. */
function sameToast(a: AlertToast, b: AlertToast): boolean {
  if (a.kind === 'stock' && b.kind === 'stock')
    return a.sku === b.sku && a.warehouse === b.warehouse && a.alertKind === b.alertKind;
  return a.kind === 'message' && b.kind === 'message' && a.message === b.message;
}
