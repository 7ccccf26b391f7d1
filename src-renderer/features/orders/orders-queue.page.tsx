import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatCount } from '../../ui/format';
import { BulkActionBar } from './bulk-action.bar';
import { OrderEntryDialog } from './entry/order-entry.dialog';
import { OrderDetailDrawer } from './order-detail.drawer';
import { OrderFiltersBar } from './order-filters.bar';
import { OrdersTable } from './orders-table';
import { useOrders, useOrdersStore } from './orders.store';
import './orders.css';

/** Bulk changes emit one event per call, imports one per page: coalesce them into one refresh. */
const REFRESH_COALESCE_MS = 250;

export function OrdersQueuePage() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const store = useOrdersStore();
  const total = useOrders((s) => s.total);
  const error = useOrders((s) => s.error);
  const notice = useOrders((s) => s.notice);
  const openId = useOrders((s) => s.openId);
  const gridRef = useRef<HTMLDivElement>(null);
  const [entering, setEntering] = useState(false);

  // "n" opens the new-order form, unless the user is typing somewhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing = el?.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el?.tagName ?? '');
      if (e.key !== 'n' || e.altKey || e.ctrlKey || e.metaKey || typing || e.defaultPrevented) return;
      e.preventDefault();
      setEntering(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('orders.changed', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void store.getState().refresh(), REFRESH_COALESCE_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [api, store]);

  // A link from elsewhere (a customer's order list: #/orders?id=42) opens that order's drawer.
  // The id is dropped from the address at once, so a reload or Back does not open it again.
  useEffect(() => {
    const id = Number(/[?&]id=(\d+)/.exec(window.location.hash)?.[1]);
    if (!Number.isSafeInteger(id) || id <= 0) return;
    window.history.replaceState(null, '', '#/orders');
    store.getState().open(id);
  }, [store]);

  // Coming back to the queue: show fresh numbers without losing filter or scroll position.
  useEffect(() => {
    // A store created just now is already loading; an older one (or one that failed) refreshes.
    const s = store.getState();
    if (s.total !== null || s.error) void s.refresh();
    gridRef.current?.focus({ preventScroll: true });
  }, [store]);

  const returnFocus = useCallback(() => gridRef.current?.focus({ preventScroll: true }), []);

  return (
    <div className={`queue-page${openId !== null ? ' has-drawer' : ''}`}>
      <div className="queue-main">
        <div className="page-head">
          <h1>{t('orders.title')}</h1>
          <span className="muted" aria-live="polite">
            {total === null
              ? t('common.loading')
              : t('orders.count', { count: total, formatted: formatCount(total, i18n.language) })}
          </span>
          <span className="kbd-hint muted small">{t('orders.keysHint')}</span>
          <button
            type="button"
            className="btn btn-primary"
            aria-keyshortcuts="n"
            title={t('orders.newOrderKey')}
            onClick={() => setEntering(true)}
          >
            {t('orders.newOrder')}
          </button>
        </div>
        <OrderFiltersBar />
        {error && <ErrorBanner error={error} onDismiss={() => store.getState().clearError()} />}
        {notice && (
          <div className="notice" role="status">
            {t(notice)}
            <button type="button" className="btn-link" onClick={() => store.getState().clearNotice()}>
              {t('common.dismiss')}
            </button>
          </div>
        )}
        <BulkActionBar />
        <OrdersTable gridRef={gridRef} />
      </div>
      <OrderDetailDrawer onClosed={returnFocus} />
      {entering && (
        <OrderEntryDialog
          onClose={() => setEntering(false)}
          onCreated={(id) => {
            setEntering(false);
            const s = store.getState();
            s.open(id);
            void s.refresh();
          }}
        />
      )}
    </div>
  );
}
