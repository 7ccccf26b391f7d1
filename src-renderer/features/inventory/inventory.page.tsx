import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { createInventoryStore } from './inventory.store';
import { BinsView } from './bins.view';
import { RoutingSettingsView } from './routing-settings.view';
import { SkuCatalogView } from './sku-catalog.view';
import { StockAlertsView, type TransferDraft } from './stock-alerts.view';
import { StockLevelsView } from './stock-levels.view';
import { StockMoveForm } from './stock-move.form';
import { StocktakeForm } from './stocktake.form';
import { ErrorBanner } from '../../ui/error-banner';
import { useStore } from 'zustand';
import './inventory.css';

const TABS = ['levels', 'bins', 'move', 'stocktake', 'alerts', 'skus', 'routing'] as const;
type Tab = (typeof TABS)[number];

/** The tab named by #/inventory/<tab> (the alert notices link to #/inventory/alerts). */
const tabInHash = (): Tab | undefined => {
  const sub = window.location.hash.replace(/^#\/?/, '').split('/')[1];
  return TABS.find((k) => k === sub);
};

/** 库存: levels by warehouse and bin, ledger per SKU, receipts/adjustments/transfers, stocktakes and alerts. */
export function InventoryPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createInventoryStore(api));
  const error = useStore(store, (s) => s.error);
  const warehouses = useStore(store, (s) => s.warehouses);
  const [tab, setTab] = useState<Tab>(() => tabInHash() ?? 'levels');
  /** An alert's "transfer from X" opens the transfer form filled in; the clerk checks and posts it. */
  const [transfer, setTransfer] = useState<{ draft: TransferDraft; n: number } | null>(null);

  // #/inventory/alerts opens that tab, also when Inventory is already open. The hash then goes
  // back to #/inventory without a hashchange, so the same link works again after another tab.
  useEffect(() => {
    const onChange = () => {
      const named = tabInHash();
      if (!named) return;
      setTab(named);
      window.history.replaceState(null, '', '#/inventory');
    };
    onChange();
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);

  useEffect(() => {
    void store.getState().init();
    const off = api.on('settings.changed', ({ what }) => {
      if (what === 'warehouses') void store.getState().init();
    });
    return off;
  }, [api, store]);

  return (
    <div className="inventory-page">
      <div className="page-head">
        <h1>{t('nav.inventory')}</h1>
        <div className="inventory-tabs" role="tablist">
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'btn btn-primary' : 'btn'}
              onClick={() => setTab(k)}
            >
              {t(`inventory.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => store.getState().setError(null)} />}
      {tab === 'levels' && <StockLevelsView store={store} />}
      {tab === 'bins' && <BinsView warehouses={warehouses} />}
      {tab === 'move' && <StockMoveForm key={transfer?.n ?? 0} store={store} transfer={transfer?.draft} />}
      {tab === 'stocktake' && <StocktakeForm store={store} />}
      {tab === 'alerts' && (
        <StockAlertsView
          onTransfer={(draft) => {
            setTransfer((p) => ({ draft, n: (p?.n ?? 0) + 1 }));
            setTab('move');
          }}
        />
      )}
      {tab === 'skus' && <SkuCatalogView />}
      {tab === 'routing' && <RoutingSettingsView />}
    </div>
  );
}
